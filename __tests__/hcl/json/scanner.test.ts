import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/hcl/json/scanner.js';

function tokens(src: string) {
  return scan(Buffer.from(src, 'utf8'), 'f.json', { line: 1, column: 1, byte: 0 }).map((t) => [
    t.type,
    t.bytes.toString('utf8'),
    `${t.range.start.line}:${t.range.start.column}:${t.range.start.byte}-${t.range.end.line}:${t.range.end.column}:${t.range.end.byte}`,
  ]);
}

describe('JSON scanner', () => {
  it('marks punctuation, keywords, numbers and strings with ranges', () => {
    expect(tokens('{"a": [1, true]}')).toEqual([
      ['{', '{', '1:1:0-1:2:1'],
      ['string', '"a"', '1:2:1-1:5:4'],
      [':', ':', '1:5:4-1:6:5'],
      ['[', '[', '1:7:6-1:8:7'],
      ['number', '1', '1:8:7-1:9:8'],
      [',', ',', '1:9:8-1:10:9'],
      ['keyword', 'true', '1:11:10-1:15:14'],
      [']', ']', '1:15:14-1:16:15'],
      ['}', '}', '1:16:15-1:17:16'],
      ['eof', '', '1:17:16-1:17:16'],
    ]);
  });

  it('counts a tab as two columns and a carriage return as none', () => {
    expect(tokens('\t1\r\n 2')).toEqual([
      ['number', '1', '1:3:1-1:4:2'],
      ['number', '2', '2:2:5-2:3:6'],
      ['eof', '', '2:3:6-2:3:6'],
    ]);
  });

  it('counts grapheme clusters as columns inside strings', () => {
    // "é" as e + combining acute is one column and three bytes; the emoji is one column and four bytes.
    expect(tokens('"e\u0301🚀" 1')).toEqual([
      ['string', '"e\u0301🚀"', '1:1:0-1:5:9'],
      ['number', '1', '1:6:10-1:7:11'],
      ['eof', '', '1:7:11-1:7:11'],
    ]);
  });

  it('is lax about numbers and keywords, leaving judgement to the parser', () => {
    expect(tokens('+1.e-x True_ish')).toEqual([
      ['number', '+1.e-', '1:1:0-1:6:5'],
      ['keyword', 'x', '1:6:5-1:7:6'],
      ['keyword', 'True_ish', '1:8:7-1:16:15'],
      ['eof', '', '1:16:15-1:16:15'],
    ]);
  });

  it('keeps escaped quotes inside a string and stops an unterminated one at a newline', () => {
    expect(tokens('"a\\"b" "open\n"')).toEqual([
      ['string', '"a\\"b"', '1:1:0-1:7:6'],
      ['string', '"open', '1:8:7-1:13:12'],
      ['string', '"', '2:1:13-2:2:14'],
      ['eof', '', '2:2:14-2:2:14'],
    ]);
  });

  it('stops at an invalid byte with a synthetic EOF', () => {
    expect(tokens('[1, @ 2]')).toEqual([
      ['[', '[', '1:1:0-1:2:1'],
      ['number', '1', '1:2:1-1:3:2'],
      [',', ',', '1:3:2-1:4:3'],
      ['invalid', '@', '1:5:4-1:6:5'],
      ['eof', '', '1:6:5-1:6:5'],
    ]);
  });

  it('scans an equals sign so the parser can point out native syntax', () => {
    expect(tokens('"a" = 1').map((t) => t[0])).toEqual(['string', '=', 'number', 'eof']);
  });
});
