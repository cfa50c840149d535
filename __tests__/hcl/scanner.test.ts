import { describe, expect, it } from 'vitest';
import { scanTokens, type ScanMode } from '../../src/hcl/scanner.js';
import { T } from '../../src/hcl/scanner-tokens.js';

const START = { line: 1, column: 1, byte: 0 };

/** Tokens as [type, text] pairs, EOF left off. */
function scan(src: string, mode: ScanMode = 'normal'): [T, string][] {
  return scanTokens(src, 'f', START, mode)
    .filter((t) => t.type !== T.EOF)
    .map((t) => [t.type, src.slice(t.start, t.end)]);
}

describe('scanTokens', () => {
  it.each<[string, [T, string][]]>([
    [
      'a = 1',
      [
        [T.Ident, 'a'],
        [T.Equal, '='],
        [T.NumberLit, '1'],
      ],
    ],
    [
      'foo-bar_1 é',
      [
        [T.Ident, 'foo-bar_1'],
        [T.Ident, 'é'],
      ],
    ],
    [
      '1.5e+10 2E3 1.2.3 7.',
      [
        [T.NumberLit, '1.5e+10'],
        [T.NumberLit, '2E3'],
        [T.NumberLit, '1.2.3'],
        [T.NumberLit, '7'],
        [T.Dot, '.'],
      ],
    ],
    [
      '1e',
      [
        [T.NumberLit, '1'],
        [T.Ident, 'e'],
      ],
    ],
    [
      '== != <= >= && || :: ... =>',
      [
        [T.EqualOp, '=='],
        [T.NotEqual, '!='],
        [T.LessThanEq, '<='],
        [T.GreaterThanEq, '>='],
        [T.And, '&&'],
        [T.Or, '||'],
        [T.DoubleColon, '::'],
        [T.Ellipsis, '...'],
        [T.FatArrow, '=>'],
      ],
    ],
    [
      '..',
      [
        [T.Dot, '.'],
        [T.Dot, '.'],
      ],
    ],
    [
      '# c\nx',
      [
        [T.Comment, '# c\n'],
        [T.Ident, 'x'],
      ],
    ],
    [
      '// c\r\nx',
      [
        [T.Comment, '// c\r\n'],
        [T.Ident, 'x'],
      ],
    ],
    [
      '/* a\n b */x',
      [
        [T.Comment, '/* a\n b */'],
        [T.Ident, 'x'],
      ],
    ],
    [
      '/* open',
      [
        [T.Slash, '/'],
        [T.Star, '*'],
        [T.Ident, 'open'],
      ],
    ],
    [
      'a\r\nb\n',
      [
        [T.Ident, 'a'],
        [T.Newline, '\r\n'],
        [T.Ident, 'b'],
        [T.Newline, '\n'],
      ],
    ],
    [
      '"a\\"b${c}d"',
      [
        [T.OQuote, '"'],
        [T.QuotedLit, 'a\\"b'],
        [T.TemplateInterp, '${'],
        [T.Ident, 'c'],
        [T.TemplateSeqEnd, '}'],
        [T.QuotedLit, 'd'],
        [T.CQuote, '"'],
      ],
    ],
    [
      '"$${x}%{~ if"',
      [
        [T.OQuote, '"'],
        [T.QuotedLit, '$${x}'],
        [T.TemplateControl, '%{~'],
        [T.Ident, 'if'],
        [T.OQuote, '"'],
      ],
    ],
    [
      '"a\nb"',
      [
        [T.OQuote, '"'],
        [T.QuotedLit, 'a'],
        [T.QuotedNewline, '\n'],
        [T.QuotedLit, 'b'],
        [T.CQuote, '"'],
      ],
    ],
    [
      '"${ {} ~}"',
      [
        [T.OQuote, '"'],
        [T.TemplateInterp, '${'],
        [T.OBrace, '{'],
        [T.CBrace, '}'],
        [T.TemplateSeqEnd, '~}'],
        [T.CQuote, '"'],
      ],
    ],
    [
      '<<EOT\na ${b}\nEOT\n',
      [
        [T.OHeredoc, '<<EOT\n'],
        [T.StringLit, 'a '],
        [T.TemplateInterp, '${'],
        [T.Ident, 'b'],
        [T.TemplateSeqEnd, '}'],
        [T.StringLit, '\n'],
        [T.CHeredoc, 'EOT'],
        [T.Newline, '\n'],
      ],
    ],
    [
      '<<-X\n  X\n',
      [
        [T.OHeredoc, '<<-X\n'],
        [T.CHeredoc, '  X'],
        [T.Newline, '\n'],
      ],
    ],
    [
      '<<EOT x',
      [
        [T.LessThan, '<'],
        [T.LessThan, '<'],
        [T.Ident, 'EOT'],
        [T.Ident, 'x'],
      ],
    ],
    [
      "& | ~ ^ ; ` ' @ \u201c",
      [
        [T.BitwiseAnd, '&'],
        [T.BitwiseOr, '|'],
        [T.BitwiseNot, '~'],
        [T.BitwiseXor, '^'],
        [T.Semicolon, ';'],
        [T.Backtick, '`'],
        [T.Apostrophe, "'"],
        [T.Invalid, '@'],
        [T.Invalid, '\u201c'],
      ],
    ],
  ])('%j', (src, want) => {
    expect(scan(src)).toEqual(want);
  });

  it('scans bare templates into literal lines and sequences', () => {
    expect(scan('a}\nb ${c} $', 'template')).toEqual([
      [T.StringLit, 'a}\n'],
      [T.StringLit, 'b '],
      [T.TemplateInterp, '${'],
      [T.Ident, 'c'],
      [T.TemplateSeqEnd, '}'],
      [T.StringLit, ' $'],
    ]);
  });

  it('tracks lines, code-point columns and UTF-8 bytes', () => {
    const toks = scanTokens('é = "😀"\r\nx', 'f', START, 'normal');
    expect(toks.map((t) => [t.range.start, t.range.end])).toEqual([
      [START, { line: 1, column: 2, byte: 2 }],
      [
        { line: 1, column: 3, byte: 3 },
        { line: 1, column: 4, byte: 4 },
      ],
      [
        { line: 1, column: 5, byte: 5 },
        { line: 1, column: 6, byte: 6 },
      ],
      [
        { line: 1, column: 6, byte: 6 },
        { line: 1, column: 7, byte: 10 },
      ],
      [
        { line: 1, column: 7, byte: 10 },
        { line: 1, column: 8, byte: 11 },
      ],
      [
        { line: 1, column: 8, byte: 11 },
        { line: 2, column: 1, byte: 13 },
      ],
      [
        { line: 2, column: 1, byte: 13 },
        { line: 2, column: 2, byte: 14 },
      ],
      [
        { line: 2, column: 2, byte: 14 },
        { line: 2, column: 2, byte: 14 },
      ],
    ]);
  });
});
