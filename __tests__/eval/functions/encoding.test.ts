import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { encodingFunctions } from '../../../src/eval/functions/encoding.js';
import { DynamicPseudoType, StringType, objectOf } from '../../../src/eval/types.js';
import { Sensitive, Value } from '../../../src/eval/value.js';
import { callFailed, evaluator, hclString, invalidArg } from './packer-eval.js';

const { str, errorOf, expectValue } = evaluator(encodingFunctions);
const s = Value.string;
const n = Value.number;
const b = Value.bool;
const nul = Value.null(DynamicPseudoType);

describe('base64encode, base64decode, base64gzip', () => {
  test.each([
    ['base64encode("Hello World")', 'SGVsbG8gV29ybGQ='], // documentation
    ['base64decode("SGVsbG8gV29ybGQ=")', 'Hello World'], // documentation
    ['base64encode("")', ''],
    ['base64encode("☃")', '4piD'],
    ['base64decode("4piD")', '☃'],
    ['base64decode("SGVs\\nbG8=\\r\\n")', 'Hello'], // Go skips newlines
    // go-cty-funcs and Packer test vectors.
    ['base64gzip("test")', 'H4sIAAAAAAAA/ypJLS4BAAAA//8BAAD//wx+f9gEAAAA'],
    ['base64gzip("helloworld")', 'H4sIAAAAAAAA/8pIzcnJL88vykkBAAAA//8BAAD//60g6/kKAAAA'],
    ['base64gzip("")', 'H4sIAAAAAAAA/wAAAP//AQAA//8AAAAAAAAAAA=='],
  ])('%s = %j', (src, want) => {
    expect(str(src)).toBe(want);
  });

  test('base64gzip output is gzip of the UTF-8 text', () => {
    const text = 'Zwölf Boxkämpfer jagen Viktor quer über den großen Sylter Deich. '.repeat(40);
    const out = str(`base64gzip(${hclString(text)})`);
    expect(gunzipSync(Buffer.from(out, 'base64')).toString('utf8')).toBe(text);
  });

  test.each([
    ['SGVsbG8gV29ybGQ', "failed to decode base64 data 'SGVsbG8gV29ybGQ'"],
    ['SGVsbG8*', "failed to decode base64 data 'SGVsbG8*'"],
    ['QQ=', "failed to decode base64 data 'QQ='"],
    ['/w==', 'the result of decoding the the provided string is not valid UTF-8'],
  ])('base64decode(%j) fails', (input, message) => {
    expect(errorOf(`base64decode("${input}")`)).toBe(callFailed('base64decode', message));
  });
});

describe('textencodebase64 and textdecodebase64', () => {
  test.each([
    ['textencodebase64("Hello World", "UTF-16LE")', 'SABlAGwAbABvACAAVwBvAHIAbABkAA=='], // documentation
    ['textdecodebase64("SABlAGwAbABvACAAVwBvAHIAbABkAA==", "UTF-16LE")', 'Hello World'], // documentation
    ['textencodebase64("Hi", "utf-16be")', 'AEgAaQ=='],
    ['textencodebase64("Hi", "UTF-16")', '/v8ASABp'],
    ['textdecodebase64("//5IAGkA", "UTF-16")', 'Hi'],
    ['textencodebase64("é", " latin1 ")', '6Q=='],
    ['textdecodebase64("6Q==", "ISO-8859-1")', 'é'],
    ['textencodebase64("€", "windows-1252")', 'gA=='],
    ['textencodebase64("日本", "Shift_JIS")', 'k/qWew=='],
    ['textdecodebase64("k/qWew==", "csShiftJIS")', '日本'],
    ['textencodebase64("abc", "US-ASCII")', 'YWJj'],
  ])('%s = %j', (src, want) => {
    expect(str(src)).toBe(want);
  });

  test.each([
    [
      'textencodebase64("x", "no-such")',
      invalidArg('encoding', '"no-such" is not a supported IANA encoding name or alias'),
    ],
    [
      'textencodebase64("☃", "latin1")',
      invalidArg('string', 'the given string contains characters that cannot be represented in ISO_8859-1:1987'),
    ],
    [
      'textencodebase64("é", "ascii")',
      invalidArg('encoding', '"ascii" is not a supported IANA encoding name or alias'),
    ],
    [
      'textencodebase64("é", "us-ascii")',
      invalidArg('string', 'the given string contains characters that cannot be represented in US-ASCII'),
    ],
    [
      'textdecodebase64("a*b", "UTF-8")',
      invalidArg('source', 'the given value is has an invalid base64 symbol at offset 1'),
    ],
    [
      'textdecodebase64("QQ", "UTF-8")',
      invalidArg('source', 'the given value is has an invalid base64 symbol at offset 0'),
    ],
    [
      'textdecodebase64("QQ=", "UTF-8")',
      invalidArg('source', 'the given value is has an invalid base64 symbol at offset 3'),
    ],
    [
      'textdecodebase64("QQ==QQ==", "UTF-8")',
      invalidArg('source', 'the given value is has an invalid base64 symbol at offset 4'),
    ],
    [
      'textdecodebase64("/w==", "UTF-8")',
      invalidArg('source', 'the given string contains symbols that are not defined for UTF-8'),
    ],
    [
      'textdecodebase64("gA==", "US-ASCII")',
      invalidArg('source', 'the given string contains symbols that are not defined for US-ASCII'),
    ],
  ])('%s fails', (src, want) => {
    expect(errorOf(src)).toBe(want);
  });
});

describe('urlencode', () => {
  test.each([
    // The documentation shows "%20"; Go's url.QueryEscape (and Packer) write "+".
    ['Hello World', 'Hello+World'],
    ['☃', '%E2%98%83'],
    ['abc123-_', 'abc123-_'],
    ['foo:bar@localhost?foo=bar&bar=baz', 'foo%3Abar%40localhost%3Ffoo%3Dbar%26bar%3Dbaz'],
    ['mailto:email?subject=this+is+my+subject', 'mailto%3Aemail%3Fsubject%3Dthis%2Bis%2Bmy%2Bsubject'],
    ['foo/bar', 'foo%2Fbar'],
    ['a.b~c*d', 'a.b~c%2Ad'],
  ])('urlencode(%j) = %j', (input, want) => {
    expect(str(`urlencode(${hclString(input)})`)).toBe(want);
  });

  test('documentation example inside a template', () => {
    expect(str('"http://example.com/search?q=${urlencode("packer urlencode")}"')).toBe(
      'http://example.com/search?q=packer+urlencode',
    );
  });
});

describe('csvdecode', () => {
  test('documentation example', () => {
    expectValue(
      'csvdecode("a,b,c\\n1,2,3\\n4,5,6")',
      Value.list([
        Value.object({ a: s('1'), b: s('2'), c: s('3') }),
        Value.object({ a: s('4'), b: s('5'), c: s('6') }),
      ]),
    );
  });

  test.each([
    ['a,b\r\n"x, ""y""",z\r\n', [{ a: 'x, "y"', b: 'z' }]],
    ['a,b\n\n1,2\n\n', [{ a: '1', b: '2' }]],
    ['a\n"multi\nline"', [{ a: 'multi\nline' }]],
    ['a,b\n,', [{ a: '', b: '' }]],
    ['a\nx\r', [{ a: 'x' }]],
    ['a\r\nx\ry', [{ a: 'x\ry' }]],
  ])('csvdecode(%j)', (input, rows) => {
    const want = Value.list(
      rows.map((r) => Value.object(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, s(v)])))),
    );
    expectValue(`csvdecode(${hclString(input)})`, want);
  });

  test('a header alone gives an empty list of objects', () => {
    expectValue('csvdecode("a,b\\n")', Value.list([], objectOf({ a: StringType, b: StringType })));
  });

  test.each([
    ['', 'missing header line'],
    ['\n\n', 'missing header line'],
    ['a,a\n1,2', 'duplicate column name "a"'],
    ['a,b\n1', 'CSV parse error on line 2: wrong number of fields'],
    ['a,b\n1,2,3', 'CSV parse error on line 2: wrong number of fields'],
    ['a\n"x', 'CSV parse error on line 2: extraneous or missing " in quoted-field'],
    ['a\n"x"y', 'CSV parse error on line 2: extraneous or missing " in quoted-field'],
    ['a\n1"x', 'CSV parse error on line 2: bare " in non-quoted-field'],
    ['a"b', 'CSV parse error on line 1: bare " in non-quoted-field'],
    ['a\n"x\ny\n', 'CSV parse error on line 3: extraneous or missing " in quoted-field'],
  ])('csvdecode(%j) fails', (input, message) => {
    expect(errorOf(`csvdecode(${hclString(input)})`)).toBe(callFailed('csvdecode', message));
  });

  test('an unknown argument gives an unknown of unknown type', () => {
    expectValue('csvdecode(v.us)', Value.unknown(DynamicPseudoType));
  });
});

describe('jsondecode', () => {
  test.each([
    ['{"hello": "world"}', Value.object({ hello: s('world') })], // documentation
    ['true', b(true)], // documentation
    ['null', nul],
    [' [1, "a", false, null, {}] ', Value.tuple([n(1), s('a'), b(false), nul, Value.object({})])],
    ['[]', Value.tuple([])],
    ['12345678901234567890123', n('12345678901234567890123')],
    ['-0.000123e5', n('-12.3')],
    ['"\\u00e9\\ud83d\\ude00\\ud800\\t\\/"', s('é😀\ufffd\t/')],
    ['{"a": 1, "a": 2}', Value.object({ a: n(2) })],
    ['{}]', Value.object({})], // Decoder.More stops at a closing bracket
  ])('jsondecode(%j)', (input, want) => {
    expectValue(`jsondecode(${hclString(input)})`, want);
  });

  test.each([
    ['', 'EOF'],
    ['  ', 'EOF'],
    ['[1,', 'EOF'],
    ['{"a"', 'EOF'],
    ['tru', 'unexpected EOF'],
    ['"abc', 'unexpected EOF'],
    ['1.', 'unexpected EOF'],
    ['{1}', "invalid character '1'"],
    ['{,}', "invalid character ','"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1 "b"}', "invalid character '\"' after object key:value pair"],
    ['{"a":1,}', "invalid character '}' looking for beginning of object key string"],
    ['{"a":}', "invalid character '}' looking for beginning of value"],
    ['[1 2]', "invalid character '2' after array element"],
    ['[1,]', "invalid character ']' looking for beginning of value"],
    [']', "invalid character ']' looking for beginning of value"],
    ['x', "invalid character 'x' looking for beginning of value"],
    ["'a'", "invalid character '\\'' looking for beginning of value"],
    ['[é]', "invalid character 'Ã' looking for beginning of value"],
    ['-x', "invalid character 'x' in numeric literal"],
    ['1.x', "invalid character 'x' after decimal point in numeric literal"],
    ['1ex', "invalid character 'x' in exponent of numeric literal"],
    ['trux', "invalid character 'x' in literal true (expecting 'e')"],
    ['nul!', "invalid character '!' in literal null (expecting 'l')"],
    ['"a\\qb"', "invalid character 'q' in string escape code"],
    ['"\\u12x4"', "invalid character 'x' in \\u hexadecimal character escape"],
    ['"a\tb"', "invalid character '\\t' in string literal"],
    ['1 2', 'extraneous data after JSON object'],
    ['1x', 'extraneous data after JSON object'],
    ['{"a":1,"a":"x"}', 'duplicate "a" property in JSON object'],
  ])('jsondecode(%j) fails', (input, message) => {
    expect(errorOf(`jsondecode(${hclString(input)})`)).toBe(callFailed('jsondecode', message));
  });
});

describe('jsonencode', () => {
  test.each([
    ['jsonencode({"hello"="world"})', '{"hello":"world"}'], // documentation
    ['jsonencode({b=1, a=[true, null, 2.5], c={}})', '{"a":[true,null,2.5],"b":1,"c":{}}'],
    ['jsonencode(null)', 'null'],
    ['jsonencode(12345678901234567890123)', '12345678901234567890123'],
    ['jsonencode(-1.25e-3)', '-0.00125'],
    ['jsonencode(1e30)', '1000000000000000000000000000000'],
    [
      'jsonencode("<a href=\\"x\\">&\\u2028\\u0001\\n\\t\\\\")',
      '"\\u003ca href=\\"x\\"\\u003e\\u0026\\u2028\\u0001\\n\\t\\\\"',
    ],
    ['jsonencode(csvdecode("a"))', '[]'],
  ])('%s = %s', (src, want) => {
    expect(str(src)).toBe(want);
  });

  test('a value that is not wholly known gives an unknown string', () => {
    expectValue('jsonencode({a = v.us})', Value.unknown(StringType));
  });

  test('sensitive values inside the argument mark the result', () => {
    expectValue('jsonencode({a = v.secret})', s('{"a":"hunter2"}').mark(Sensitive));
  });
});

describe('yamldecode', () => {
  test.each([
    ['{"hello": "world"}', Value.object({ hello: s('world') })], // documentation
    ['true', b(true)], // documentation
    [
      '{a: &foo [1, 2, 3], b: *foo}', // documentation
      Value.object({ a: Value.tuple([n(1), n(2), n(3)]), b: Value.tuple([n(1), n(2), n(3)]) }),
    ],
    ['---', nul],
    ['~', nul],
    ['a: |\n  x\n  y\n', Value.object({ a: s('x\ny\n') })],
    ['"True"', s('True')],
    ["'NULL'", s('NULL')],
    ['!!str true', s('true')],
    ['!<tag:yaml.org,2002:str> true', s('true')],
    ['!!int "5"', s('5')], // quoting wins over the tag, as in cty-yaml
    ['!!float 1.5', n(1.5)],
    ['!!bool yes', b(true)],
    ['!!null anything', nul],
    ['!!timestamp 2006-1-2', s('2006-01-02T00:00:00Z')],
    ['!!binary aGVsbG8=', s('aGVsbG8=')],
    ['1: a\ntrue: b\n1.50: c', Value.object({ '1': s('a'), true: s('b'), '1.5': s('c') })],
    ['"<<": {a: 1}', Value.object({ a: n(1) })],
    [
      'a: aa\n<<:\n  b: bb\n  c: cc\nd: dd', // cty-yaml's "simple merge"
      Value.object({ a: s('aa'), b: s('bb'), c: s('cc'), d: s('dd') }),
    ],
    [
      // A plain `y` key is YAML 1.1's true, so the key is "true".
      'x: &x {a: 1}\ny:\n  <<: [*x, {b: 2}]\n  c: 3',
      Value.object({ x: Value.object({ a: n(1) }), true: Value.object({ a: n(1), b: n(2), c: n(3) }) }),
    ],
    ['%TAG ! tag:yaml.org,2002:\n--- !int 7', n(7)],
  ])('yamldecode(%j)', (input, want) => {
    expectValue(`yamldecode(${hclString(input)})`, want);
  });

  test('YAML 1.1 scalar resolution', () => {
    const scalars =
      '[x, 2.5, .5, 0o17, 017, 0x1F, +12, -0, 1e3, 1_000, yes, No, on, OFF, ~, null, "", .inf, -.Inf, ' +
      '2001-12-14, 2001-12-14 21:59:43.10, 2001-12-14t21:59:43.10-05:00, y, n, 1:20, 0b1, .x]';
    expectValue(
      `yamldecode(${hclString(scalars)})`,
      Value.tuple([
        s('x'),
        n(2.5),
        n(0.5),
        n(15),
        n(17),
        n(31),
        n(12),
        n('-0'),
        n(1000),
        s('1_000'),
        b(true),
        b(false),
        b(true),
        b(false),
        nul,
        nul,
        s(''),
        n(Infinity),
        n(-Infinity),
        s('2001-12-14T00:00:00Z'),
        s('2001-12-14T21:59:43Z'),
        s('2001-12-14T21:59:43-05:00'),
        b(true),
        b(false),
        s('1:20'),
        s('0b1'),
        s('.x'),
      ]),
    );
  });

  test.each([
    // Documentation examples.
    ['{a: &foo [1, *foo, 3]}', 'cannot refer to anchor "foo" from inside its own definition'],
    ['{a: !not-supported foo}', 'unsupported tag "!not-supported"'],
    // cty-yaml's own cases.
    [
      '\nfoo: &bar\n  - x\n  - *bar\n',
      'on line 3, column 5: cannot refer to anchor "bar" from inside its own definition',
    ],
    ['---\ntrue\n---\nfalse', 'on line 2, column 1: unexpected extra content after value'],
    ['!!bool bananas', 'cannot parse "bananas" as tag:yaml.org,2002:bool'],
    ["!!binary '>>>>>>>>>'", 'cannot parse ">>>>>>>>>" as tag:yaml.org,2002:binary: not valid base64'],
    ['!!nope foo', 'unsupported tag "tag:yaml.org,2002:nope"'],
    ['.NaN', 'floating point NaN is not supported'],
    // Checked against Packer.
    ['', 'on line 1, column 1: missing start of document'],
    ['# c', 'on line 1, column 1: missing start of document'],
    ['a: 1\n---\nb: 2', 'on line 1, column 1: unexpected extra content after value'],
    ['a: &x 1\nb: *y', 'on line 1, column 4: reference to undefined anchor "y"'],
    ['? [a]\n: 1', 'only strings are allowed as mapping keys'],
    ['~: a', 'mapping key cannot be null'],
    ['!!int abc', 'cannot parse "abc" as tag:yaml.org,2002:int'],
    ['!!timestamp xyz', 'cannot parse "xyz" as tag:yaml.org,2002:timestamp'],
    ['<<: 1', 'cannot merge number into mapping'],
    ['<<: [1]', 'cannot merge number (from sequence) into mapping'],
    ['!!map [1]', "can't interpret sequence as tag:yaml.org,2002:map"],
    ['!!seq {a: 1}', "can't interpret mapping as tag:yaml.org,2002:seq"],
  ])('yamldecode(%j) fails', (input, message) => {
    expect(errorOf(`yamldecode(${hclString(input)})`)).toBe(callFailed('yamldecode', message));
  });

  test('syntax errors carry the position', () => {
    expect(errorOf('yamldecode("a: b\\nc: [1")')).toMatch(
      /^Error in function call: Call to function "yamldecode" failed: on line 1, column \d+: .+\.$/,
    );
  });
});

describe('yamlencode', () => {
  test.each([
    // Documentation examples.
    ['{"a":"b", "c":"d"}', '"a": "b"\n"c": "d"\n'],
    ['{"foo":[1, 2, 3], "bar": "baz"}', '"bar": "baz"\n"foo":\n- 1\n- 2\n- 3\n'],
    ['{"foo":[1, {"a":"b","c":"d"}, 3], "bar": "baz"}', '"bar": "baz"\n"foo":\n- 1\n- "a": "b"\n  "c": "d"\n- 3\n'],
    // cty-yaml's cases.
    ['true', 'true\n...\n'],
    ['""', '""\n'],
    ['"hello\\nworld"', '|-\n  hello\n  world\n'],
    ['0', '0\n...\n'],
    ['{}', '{}\n'],
    ['[]', '[]\n'],
    ['["b"]', '- "b"\n'],
    ['null', 'null\n...\n'],
    // Checked against Packer.
    ['"\\ufeffab"', '"\\uFEFF\\x61\\x62"\n'],
    ['"a\\tb\\u0007\\u001b\\u00a0\\u2028"', '"a\\tb\\a\\e\u00a0\\L"\n'],
    ['" lead"', '" lead"\n'],
    ['"trail \\nx"', '"trail \\nx"\n'],
    ['"x\\n"', '|\n  x\n'],
    ['"\\n"', '|2+\n\n'],
    ['"é😀\\u0085"', '"é\\U0001F600\\N"\n'],
    ['12345678901234567890', '12345678901234567890\n...\n'],
    ['-1.25e-3', '-0.00125\n...\n'],
    ['{"a\\nb"="c"}', '? |-\n  a\n  b\n: "c"\n'],
    ['[{}, [], [[]]]', '- {}\n- []\n- - []\n'],
    ['{a={b={c="d"}}, e=[{f=[1]}]}', '"a":\n  "b":\n    "c": "d"\n"e":\n- "f":\n  - 1\n'],
    ['["x\\ny", {a="p\\nq"}]', '- |-\n  x\n  y\n- "a": |-\n    p\n    q\n'],
    [
      '{a="x\\ny", b="  lead\\nx", c="tab\\there", g=null, h=1.5, i="x\\n\\n", j="z"}',
      '"a": |-\n  x\n  y\n"b": |2-\n    lead\n  x\n"c": "tab\\there"\n"g": null\n"h": 1.5\n"i": |+\n  x\n\n"j": "z"\n',
    ],
  ])('yamlencode(%s)', (arg, want) => {
    expect(str(`yamlencode(${arg})`)).toBe(want);
  });

  const long =
    'the quick brown fox jumps over the lazy dog and keeps running far beyond the eightieth column of the line, twice, with  double  spaces too';

  test('long strings fold after column 80, as libyaml does', () => {
    expect(str(`yamlencode(${hclString(long)})`)).toBe(
      '"the quick brown fox jumps over the lazy dog and keeps running far beyond the eightieth\n  column of the line, twice, with  double  spaces too"\n',
    );
    expect(str(`yamlencode({k = ${hclString(long)}})`)).toBe(
      '"k": "the quick brown fox jumps over the lazy dog and keeps running far beyond the\n  eightieth column of the line, twice, with  double  spaces too"\n',
    );
  });

  test('long keys are complex keys', () => {
    const key = 'k'.repeat(129);
    expect(str(`yamlencode({${hclString(key)} = 1})`)).toBe(`? "${key}"\n: 1\n`);
    expect(str(`yamlencode({${hclString(key.slice(1))} = 1})`)).toBe(`"${key.slice(1)}": 1\n`);
  });

  test('round trip through yamldecode', () => {
    expectValue(
      'yamldecode(yamlencode({a = ["x\\ny", 1, true, null], b = {c = "d: e"}}))',
      Value.object({
        a: Value.tuple([s('x\ny'), n(1), b(true), nul]),
        b: Value.object({ c: s('d: e') }),
      }),
    );
  });

  test('a value that is not wholly known gives an unknown string', () => {
    expectValue('yamlencode([v.us])', Value.unknown(StringType));
  });

  test('lists encode like tuples', () => {
    expectValue('yamlencode(csvdecode("a\\n1"))', s('- "a": "1"\n'));
  });
});

describe('deep nesting', () => {
  test('documents nested hundreds deep decode', () => {
    const depth = 500;
    const json = '['.repeat(depth) + ']'.repeat(depth);
    let want = Value.tuple([]);
    for (let i = 1; i < depth; i++) want = Value.tuple([want]);
    expectValue(`jsondecode("${json}")`, want);
    expectValue(`yamldecode("${json}")`, want);
  });
});
