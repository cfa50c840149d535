import { errorDiag, type Diagnostic } from '../diagnostics.js';
import { nameSuggestion } from '../didyoumean.js';
import { rangeBetween, type Pos, type Range } from '../range.js';
import { scan, type Token, type TokenType } from './scanner.js';
import { decodeString } from './strings.js';
import { startRange, type JsonProperty, type JsonValue } from './values.js';

/*
 * A recursive-descent JSON parser with hcl's json/parser.go diagnostics, including
 * its recovery: after an error inside an object or array the containing value
 * becomes `invalid` and parsing of the enclosing structure goes on.
 */

const VALUE_START = 'A JSON value must start with a brace, a bracket, a number, a string, or a keyword.';
const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

export function parseJsonValue(
  buf: Buffer,
  filename: string,
  start: Pos = { line: 1, column: 1, byte: 0 },
): { value: JsonValue; diags: Diagnostic[] } {
  const p = new Peeker(scan(buf, filename, start));
  const diags: Diagnostic[] = [];
  const value = parseValue(p, diags);
  if (diags.length === 0 && p.peek().type !== 'eof') {
    diags.push(
      errorDiag('Extraneous data after value', 'Extra characters appear after the JSON value.', p.peek().range),
    );
  }
  return { value, diags };
}

class Peeker {
  private pos = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  peek(): Token {
    return this.tokens[this.pos] ?? this.eof();
  }

  read(): Token {
    const tok = this.peek();
    if (tok.type !== 'eof') this.pos++;
    return tok;
  }

  private eof(): Token {
    const last = this.tokens[this.tokens.length - 1];
    if (!last) throw new Error('scanner produced no tokens');
    return last;
  }
}

function parseValue(p: Peeker, diags: Diagnostic[]): JsonValue {
  const tok = p.peek();
  const value = parseValueOrFail(p, tok, diags);
  return value ?? { kind: 'invalid', range: tok.range };
}

function parseValueOrFail(p: Peeker, tok: Token, diags: Diagnostic[]): JsonValue | undefined {
  switch (tok.type) {
    case '{':
      return parseObject(p, diags);
    case '[':
      return parseArray(p, diags);
    case 'number':
      return parseNumber(p.read(), diags);
    case 'string':
      return parseString(p.read(), diags);
    case 'keyword':
      return parseKeyword(p.read(), diags);
    case '}':
      diags.push(errorDiag('Missing JSON value', VALUE_START, tok.range));
      return undefined;
    case ']':
      diags.push(errorDiag('Missing array element value', VALUE_START, tok.range));
      return undefined;
    case 'eof':
      diags.push(errorDiag('Missing value', 'The JSON data ends prematurely.', tok.range));
      return undefined;
    default:
      diags.push(errorDiag('Invalid start of value', VALUE_START, tok.range));
      return undefined;
  }
}

/**
 * Skips to what seems the end of the current container, as hcl's recover: `tok`
 * has been read already; nested openers of the same kind are counted.
 */
function recover(p: Peeker, tok: Token, open: TokenType, close: TokenType): void {
  let depth = 1;
  for (;;) {
    if (tok.type === open) depth++;
    else if (tok.type === close) {
      depth--;
      if (depth <= 1) return;
    } else if (tok.type === 'eof') return;
    tok = p.read();
  }
}

function parseObject(p: Peeker, diags: Diagnostic[]): JsonValue | undefined {
  const open = p.read();
  const properties: JsonProperty[] = [];
  while (p.peek().type !== '}') {
    const key = parseValue(p, diags);
    if (key.kind !== 'string') {
      diags.push(
        errorDiag('Invalid object property name', 'A JSON object property name must be a string', startRange(key)),
      );
      return undefined;
    }
    const colon = p.read();
    if (colon.type !== ':') {
      recover(p, colon, '{', '}');
      if (colon.type === '}' || colon.type === ',') {
        diags.push(
          errorDiag(
            'Missing object value',
            'A JSON object attribute must have a value, introduced by a colon.',
            colon.range,
          ),
        );
      } else if (colon.type === '=') {
        // Likely confusion with the native syntax.
        diags.push(
          errorDiag(
            'Missing property value colon',
            'JSON uses a colon as its name/value delimiter, not an equals sign.',
            colon.range,
          ),
        );
      } else {
        diags.push(
          errorDiag(
            'Missing property value colon',
            "A colon must appear between an object property's name and its value.",
            colon.range,
          ),
        );
      }
      return undefined;
    }
    const value = parseValue(p, diags);
    properties.push({ name: key.value, value, nameRange: key.range });

    const next = p.peek();
    if (next.type === ',') {
      const comma = p.read();
      if (p.peek().type === '}') {
        diags.push(
          errorDiag(
            'Trailing comma in object',
            'JSON does not permit a trailing comma after the final property in an object.',
            comma.range,
          ),
        );
        return undefined;
      }
      continue;
    }
    if (next.type === '}') break;
    if (next.type === 'eof') {
      diags.push(errorDiag('Unclosed object', 'No closing brace was found for this JSON object.', open.range));
      return undefined;
    }
    if (next.type === ']') {
      p.read();
      diags.push(
        errorDiag('Mismatched braces', 'A JSON object must be closed with a brace, not a bracket.', p.peek().range),
      );
      return undefined;
    }
    recover(p, p.read(), '{', '}');
    diags.push(
      errorDiag(
        'Missing attribute seperator comma',
        'A comma must appear between each property definition in an object.',
        p.peek().range,
      ),
    );
    return undefined;
  }
  const close = p.read();
  return {
    kind: 'object',
    properties,
    range: rangeBetween(open.range, close.range),
    openRange: open.range,
    closeRange: close.range,
  };
}

function parseArray(p: Peeker, diags: Diagnostic[]): JsonValue | undefined {
  const open = p.read();
  const items: JsonValue[] = [];
  while (p.peek().type !== ']') {
    items.push(parseValue(p, diags));
    const next = p.peek();
    if (next.type === ',') {
      const comma = p.read();
      if (p.peek().type === ']') {
        diags.push(
          errorDiag(
            'Trailing comma in array',
            'JSON does not permit a trailing comma after the final value in an array.',
            comma.range,
          ),
        );
        return undefined;
      }
      continue;
    }
    if (next.type === ']') break;
    recover(p, p.read(), '[', ']');
    if (next.type === ':') {
      diags.push(
        errorDiag('Invalid array value', 'A colon is not used to introduce values in a JSON array.', p.peek().range),
      );
    } else if (next.type === 'eof') {
      diags.push(errorDiag('Unclosed object', 'No closing bracket was found for this JSON array.', open.range));
    } else if (next.type === '}') {
      diags.push(
        errorDiag('Mismatched brackets', 'A JSON array must be closed with a bracket, not a brace.', p.peek().range),
      );
    } else {
      diags.push(
        errorDiag(
          'Missing attribute seperator comma',
          'A comma must appear between each value in an array.',
          p.peek().range,
        ),
      );
    }
    return undefined;
  }
  const close = p.read();
  return { kind: 'array', items, range: rangeBetween(open.range, close.range), openRange: open.range };
}

function parseNumber(tok: Token, diags: Diagnostic[]): JsonValue | undefined {
  const text = tok.bytes.toString('latin1');
  if (!JSON_NUMBER.test(text)) {
    diags.push(errorDiag('Invalid JSON number', 'There is a syntax error in the given JSON number.', tok.range));
    return undefined;
  }
  return { kind: 'number', text, range: tok.range };
}

function parseString(tok: Token, diags: Diagnostic[]): JsonValue | undefined {
  const decoded = decodeString(tok.bytes);
  if (decoded.ok) return { kind: 'string', value: decoded.value, range: tok.range };
  // hcl advances the column by the byte offset too (a known upstream approximation).
  const at: Pos = {
    line: tok.range.start.line,
    column: tok.range.start.column + decoded.offset,
    byte: tok.range.start.byte + decoded.offset,
  };
  const subject: Range = {
    filename: tok.range.filename,
    start: at,
    end: { line: at.line, column: at.column + 1, byte: at.byte + 1 },
  };
  diags.push(
    errorDiag(
      'Invalid JSON string',
      'There is a syntax error in the given JSON string.',
      subject,
      sameRange(subject, tok.range) ? undefined : tok.range,
    ),
  );
  return undefined;
}

function parseKeyword(tok: Token, diags: Diagnostic[]): JsonValue | undefined {
  const word = tok.bytes.toString('latin1');
  switch (word) {
    case 'true':
    case 'false':
      return { kind: 'bool', value: word === 'true', range: tok.range };
    case 'null':
      return { kind: 'null', range: tok.range };
    case 'undefined':
    case 'NaN':
    case 'Infinity':
      diags.push(
        errorDiag('Invalid JSON keyword', `The JavaScript identifier "${word}" cannot be used in JSON.`, tok.range),
      );
      return undefined;
    default: {
      const similar = nameSuggestion(word, ['false', 'true', 'null']);
      const hint = similar === undefined ? '' : ` Did you mean "${similar}"?`;
      diags.push(errorDiag('Invalid JSON keyword', `"${word}" is not a valid JSON keyword.${hint}`, tok.range));
      return undefined;
    }
  }
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.byte === b.start.byte && a.end.byte === b.end.byte && a.start.line === b.start.line;
}
