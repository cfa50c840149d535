import { describe, expect, it } from 'vitest';
import { canonicalKey } from '../../src/eval/value.js';
import { traversalRange, variables, type Traversal } from '../../src/eval/variables.js';
import { parseExpression } from '../../src/hcl/parse.js';
import { formatRange } from '../../src/hcl/range.js';

/** A traversal as text: `var.foo[0]`, with its source range. */
function show(t: Traversal): string {
  const steps = t.map((s) =>
    s.kind === 'root' ? s.name : s.kind === 'attr' ? `.${s.name}` : `[${canonicalKey(s.key)}]`,
  );
  return `${steps.join('')} @${formatRange(traversalRange(t))}`;
}

describe('variables', () => {
  const cases: [string, string[]][] = [
    ['var.foo + local.bar.baz', ['var.foo @t.hcl:1,1-8', 'local.bar.baz @t.hcl:1,11-24']],
    ['data.http.x.body', ['data.http.x.body @t.hcl:1,1-17']],
    ['a[0].b["k"]', ['a[n0].b["k"] @t.hcl:1,1-12']],
    ['a.0.b', ['a[n0].b @t.hcl:1,1-6']],
    ['a[b].c', ['a @t.hcl:1,1-2', 'b @t.hcl:1,3-4']],
    ['f(a.b, 1)', ['a.b @t.hcl:1,3-6']],
    ['a[*].b[c]', ['a @t.hcl:1,1-2', 'c @t.hcl:1,8-9']],
    ['{ k = v, (kk) = 1, "s" = 2 }', ['v @t.hcl:1,7-8', 'kk @t.hcl:1,11-13']],
    ['"${x} and ${y.z}"', ['x @t.hcl:1,4-5', 'y.z @t.hcl:1,13-16']],
    ['[for x in var.list: x.name if local.ok]', ['var.list @t.hcl:1,11-19', 'local.ok @t.hcl:1,31-39']],
    ['{for k, v in m: k => v + w}', ['m @t.hcl:1,14-15', 'w @t.hcl:1,26-27']],
    ['"%{for i in l}${i}${j}%{endfor}"', ['l @t.hcl:1,13-14', 'j @t.hcl:1,21-22']],
    ['c ? -a : !b', ['c @t.hcl:1,1-2', 'a @t.hcl:1,6-7', 'b @t.hcl:1,11-12']],
    ['1 + "lit"', []],
  ];
  it.each(cases)('%s', (src, want) => {
    const { expr, diags } = parseExpression(src, 't.hcl');
    expect(diags).toEqual([]);
    expect(variables(expr).map(show)).toEqual(want);
  });
});
