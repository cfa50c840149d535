import { describe, expect, it } from 'vitest';

import { parseGoFlags, type FlagSpec } from '../../src/cli/goflag.js';

function parse(argv: string[]) {
  const seen: Record<string, unknown> = {};
  const flags: Record<string, FlagSpec> = {
    check: { kind: 'bool', set: (v) => (seen['check'] = v) },
    var: {
      kind: 'value',
      set: (v) => ((seen['var'] = [...((seen['var'] as string[] | undefined) ?? []), v]), undefined),
    },
    strict: {
      kind: 'value',
      set: (v) => {
        if (v !== 'ok') throw new Error('not ok');
        seen['strict'] = v;
      },
    },
  };
  return { result: parseGoFlags(argv, flags), seen };
}

describe('parseGoFlags', () => {
  it.each([
    [['-check', 'a'], { check: true }, ['a']],
    [['--check', 'a'], { check: true }, ['a']],
    [['-check=false', 'a'], { check: false }, ['a']],
    [['-check=F', '-check=1'], { check: true }, []],
    // A bool flag never takes the next argument as its value.
    [['-check', 'false'], { check: true }, ['false']],
    [['-var', 'a=1', '-var=b=2', 'x'], { var: ['a=1', 'b=2'] }, ['x']],
    [['-var', '-check'], { var: ['-check'] }, []],
    // Parsing stops at the first non-flag, at "--", and at a lone "-".
    [['a', '-check'], {}, ['a', '-check']],
    [['--', '-check'], {}, ['-check']],
    [['-', '-check'], {}, ['-', '-check']],
    [['-strict', 'ok'], { strict: 'ok' }, []],
  ])('parses %j', (argv, want, args) => {
    const { result, seen } = parse(argv);
    expect(result).toEqual({ ok: true, args });
    expect(seen).toEqual(want);
  });

  it.each([
    [['-nope'], 'flag provided but not defined: -nope'],
    [['-check=maybe'], 'invalid boolean value "maybe" for -check: parse error'],
    [['-var'], 'flag needs an argument: -var'],
    [['-strict=bad'], 'invalid value "bad" for flag -strict: not ok'],
    [['---x'], 'bad flag syntax: ---x'],
    [['-=x'], 'bad flag syntax: -=x'],
  ])('rejects %j', (argv, message) => {
    expect(parse(argv).result).toEqual({ ok: false, help: false, message });
  });

  it.each([['-h'], ['-help'], ['--help']])('reports %s as a request for help', (flag) => {
    expect(parse([flag]).result).toEqual({ ok: false, help: true, message: '' });
  });
});
