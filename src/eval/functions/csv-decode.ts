/*
 * Go's encoding/csv Reader with its defaults (RFC 4180, ',' separator, no
 * lazy quotes), as csvdecode uses it: empty lines are skipped, "\r\n" becomes
 * "\n", quoted fields may span lines, and errors carry the line number.
 */

export class CsvError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const ErrFieldCount = 'wrong number of fields';
const ErrQuote = 'extraneous or missing " in quoted-field';
const ErrBareQuote = 'bare " in non-quoted-field';

export class CsvReader {
  private readonly lines: string[];
  private next = 0;
  private lineNum = 0;
  /** Expected fields per record; 0 means "set from the first record". */
  fieldsPerRecord = 0;

  constructor(text: string) {
    this.lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  }

  /** Go's readLine: one line with its "\n" (normalised from "\r\n"), or undefined at EOF. */
  private readLine(): string | undefined {
    let line = this.lines[this.next];
    if (line === undefined) {
      this.lineNum++;
      return undefined;
    }
    this.next++;
    this.lineNum++;
    if (!line.endsWith('\n') && line.endsWith('\r')) line = line.slice(0, -1);
    if (line.endsWith('\r\n')) line = `${line.slice(0, -2)}\n`;
    return line;
  }

  /** The next record, or undefined at the end of input; throws CsvError. */
  read(): string[] | undefined {
    let line: string | undefined;
    do line = this.readLine();
    while (line === '\n');
    if (line === undefined) return undefined;

    const recLine = this.lineNum;
    let posLine = recLine; // Go counts a quoted field's lines only when more text was read
    const fields: string[] = [];
    for (;;) {
      if (!line.startsWith('"')) {
        const comma = line.indexOf(',');
        const field = comma >= 0 ? line.slice(0, comma) : line.replace(/\n$/, '');
        if (field.includes('"')) throw new CsvError(this.lineNum, ErrBareQuote);
        fields.push(field);
        if (comma < 0) break;
        line = line.slice(comma + 1);
        continue;
      }
      line = line.slice(1);
      let field = '';
      let endOfRecord = false;
      for (;;) {
        const quote = line.indexOf('"');
        if (quote >= 0) {
          field += line.slice(0, quote);
          line = line.slice(quote + 1);
          if (line.startsWith('"')) {
            field += '"';
            line = line.slice(1);
          } else if (line.startsWith(',')) {
            line = line.slice(1);
            break;
          } else if (line === '' || line === '\n') {
            endOfRecord = true;
            break;
          } else throw new CsvError(this.lineNum, ErrQuote);
        } else if (line.length > 0) {
          field += line;
          line = this.readLine() ?? '';
          if (line !== '') posLine++;
        } else throw new CsvError(posLine, ErrQuote);
      }
      fields.push(field);
      if (endOfRecord) break;
    }
    if (this.fieldsPerRecord > 0 && fields.length !== this.fieldsPerRecord) {
      throw new CsvError(recLine, ErrFieldCount);
    }
    if (this.fieldsPerRecord === 0) this.fieldsPerRecord = fields.length;
    return fields;
  }
}
