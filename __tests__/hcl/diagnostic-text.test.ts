import { describe, expect, it } from 'vitest';
import type { File } from '../../src/hcl/ast.js';
import { formatDiagnostic, formatDiagnostics, wrapString } from '../../src/hcl/diagnostic-text.js';
import { errorDiag, warningDiag } from '../../src/hcl/diagnostics.js';
import { parseConfig } from '../../src/hcl/parse.js';
import type { Range } from '../../src/hcl/range.js';

/* Expected texts are what `packer validate` (Packer 1.6.6) prints for the same files. */

function parsed(name: string, src: string) {
  const { file, diags } = parseConfig(src, name);
  return { files: new Map<string, File>([[name, file]]), diags };
}

function r(filename: string, sl: number, sc: number, sb: number, el: number, ec: number, eb: number): Range {
  return { filename, start: { line: sl, column: sc, byte: sb }, end: { line: el, column: ec, byte: eb } };
}

describe('formatDiagnostics', () => {
  it('renders parse errors as Packer does, with block context and wrapped details', () => {
    const { files, diags } = parsed('c03.pkr.hcl', 'a { b = 1, c = 2 }\nd { e = 1\n}\nf { g {} }\n');
    expect(formatDiagnostics(diags, files)).toBe(
      `Error: Invalid single-argument block definition

  on c03.pkr.hcl line 1, in a:
   1: a { b = 1, c = 2 }

Single-line block syntax can include only one argument definition. To define
multiple arguments, use the multi-line block syntax with one argument definition
per line.

Error: Invalid single-argument block definition

  on c03.pkr.hcl line 2, in d:
   2: d { e = 1
   3: }

An argument definition on the same line as its containing block creates a
single-line block definition, which must also be closed on the same line. Place
the block's closing brace immediately after the argument definition.

Error: Argument definition required

  on c03.pkr.hcl line 4, in f:
   4: f { g {} }

A single-line block definition can contain only a single argument. If you meant
to define argument "g", use an equals sign to assign it a value. To define a
nested block, place it on a line of its own within its parent block.

`,
    );
  });

  it('shows every line between context and subject, and no context outside a block', () => {
    const { files, diags } = parsed('c14.pkr.hcl', 'a "b" {\n  c = 1\n} x\nd {\n}\n');
    expect(formatDiagnostics(diags, files)).toBe(
      `Error: Missing newline after block definition

  on c14.pkr.hcl line 3:
   1: a "b" {
   2:   c = 1
   3: } x

A block definition must end with a newline.

`,
    );
  });

  it('quotes labels in the block header as Go does', () => {
    const { files } = parsed('f.pkr.hcl', 'source "null" "with \\"quote\\"" {\n  foo = "bar"\n}\n');
    const diag = errorDiag(
      'Unsupported argument',
      'An argument named "foo" is not expected here.',
      r('f.pkr.hcl', 2, 3, 37, 2, 6, 40),
    );
    expect(formatDiagnostic(diag, files)).toBe(
      `Error: Unsupported argument

  on f.pkr.hcl line 2, in source "null" "with \\"quote\\"":
   2:   foo = "bar"

An argument named "foo" is not expected here.

`,
    );
  });
});

describe('formatDiagnostic', () => {
  const { files } = parsed('w.pkr.hcl', 'build {\n  name = "x"\n}\n');
  const subject = r('w.pkr.hcl', 2, 3, 10, 2, 7, 14);

  it('renders warnings', () => {
    expect(formatDiagnostic(warningDiag('Deprecated', 'Use something else.', subject), files)).toBe(
      'Warning: Deprecated\n\n  on w.pkr.hcl line 2, in build:\n   2:   name = "x"\n\nUse something else.\n\n',
    );
  });

  it('colours the severity and underlines the subject when asked', () => {
    expect(formatDiagnostic(errorDiag('Bad', 'Detail.', subject), files, { color: true })).toBe(
      '\x1b[31mError\x1b[0m: Bad\n\n  on w.pkr.hcl line 2, in build:\n   2:   \x1b[1;4mname\x1b[0m = "x"\n\nDetail.\n\n',
    );
    expect(formatDiagnostic(warningDiag('Hmm', '', subject), files, { color: true })).toBe(
      '\x1b[33mWarning\x1b[0m: Hmm\n\n  on w.pkr.hcl line 2, in build:\n   2:   \x1b[1;4mname\x1b[0m = "x"\n\n',
    );
  });

  it('shows all lines of a multi-line subject', () => {
    const whole = r('w.pkr.hcl', 1, 1, 0, 3, 2, 21);
    expect(formatDiagnostic(errorDiag('Whole', 'D.', whole), files)).toBe(
      'Error: Whole\n\n  on w.pkr.hcl line 1, in build:\n   1: build {\n   2:   name = "x"\n   3: }\n\nD.\n\n',
    );
  });

  it('says when the source is not available', () => {
    expect(formatDiagnostic(errorDiag('Bad', 'Detail.', r('other.hcl', 4, 1, 0, 4, 2, 1)), files)).toBe(
      'Error: Bad\n\n  on other.hcl line 4:\n  (source code not available)\n\nDetail.\n\n',
    );
  });

  it('omits the source section without a subject and the detail when empty', () => {
    expect(formatDiagnostic({ severity: 'error', summary: 'Only a summary' }, files)).toBe('Error: Only a summary\n\n');
  });

  it('writes the values of the expression\'s variables after the snippet, as "with ... as ..."', () => {
    const one = { ...errorDiag("Invalid 'for' condition", 'Detail.', subject), valueContext: ['x as 1'] };
    expect(formatDiagnostic(one, files)).toBe(
      'Error: Invalid \'for\' condition\n\n  on w.pkr.hcl line 2, in build:\n   2:   name = "x"\n\nwith x as 1.\n\nDetail.\n\n',
    );
    const three = {
      ...errorDiag('Operation failed', 'Detail.', r('console', 1, 1, 0, 1, 9, 8)),
      valueContext: ['i as 0', 'var.nul set to null', 'x as "a"'],
    };
    expect(formatDiagnostic(three, files)).toBe(
      'Error: Operation failed\n\n  on console line 1:\n  (source code not available)\n\n' +
        'with i as 0,\n     var.nul set to null,\n     x as "a".\n\nDetail.\n\n',
    );
  });

  it('writes no value lines without a subject or without values', () => {
    const noSubject = { ...errorDiag('S', 'Detail.'), valueContext: ['x as 1'] };
    expect(formatDiagnostic(noSubject, files)).toBe('Error: S\n\nDetail.\n\n');
    const none = { ...errorDiag('S', '', subject), valueContext: [] };
    expect(formatDiagnostic(none, files)).toBe('Error: S\n\n  on w.pkr.hcl line 2, in build:\n   2:   name = "x"\n\n');
  });

  it('wraps the detail at the given width, or not at all with 0', () => {
    const detail = 'one two three four five six';
    expect(formatDiagnostic(errorDiag('S', detail), files, { width: 10 })).toBe(
      'Error: S\n\none two\nthree four\nfive six\n\n',
    );
    expect(formatDiagnostic(errorDiag('S', detail), files, { width: 0 })).toBe(`Error: S\n\n${detail}\n\n`);
  });
});

describe('wrapString (go-wordwrap)', () => {
  it.each([
    ['short', 5, 'short'],
    ['a verylongwordthatoverflows b', 10, 'a\nverylongwordthatoverflows\nb'],
    ['keeps\nexisting lines', 8, 'keeps\nexisting\nlines'],
    ['two  spaces here', 9, 'two\nspaces\nhere'],
  ])('%j at %d', (s, width, want) => {
    expect(wrapString(s, width)).toBe(want);
  });
});
