import type { Expression } from '../hcl/ast.js';
import { errorDiag, hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import type { Range } from '../hcl/range.js';
import type { ContentBlock, HclBody } from '../hcl/schema.js';
import type { EvalContext } from '../eval/context.js';
import { evaluate } from '../eval/evaluate.js';
import { BoolType } from '../eval/types.js';
import { Sensitive, type Value } from '../eval/value.js';
import { variables as referencesOf } from '../eval/variables.js';
import { decodeLiteral } from './literal.js';
import { BAD_IDENTIFIER_DETAIL, isValidIdentifier } from './names.js';

/*
 * Local values: `locals { name = expr }` and `local "name" { expression, sensitive }`.
 * They are evaluated in dependency order (Packer builds a DAG of locals and data
 * sources); a cycle is reported naming every local in it.
 */

export interface LocalDefinition {
  readonly name: string;
  readonly expr: Expression;
  readonly sensitive: boolean;
  readonly nameRange: Range;
}

export function decodeLocalsBlock(body: HclBody): { locals: LocalDefinition[]; diags: Diagnostic[] } {
  const { attributes, diags } = body.justAttributes();
  const locals = [...attributes.values()].map((a) => ({
    name: a.name,
    expr: a.expr,
    sensitive: false,
    nameRange: a.nameRange,
  }));
  return { locals, diags };
}

const localBlockSchema = { attributes: [{ name: 'expression' }, { name: 'sensitive' }], blocks: [] };

export function decodeLocalBlock(block: ContentBlock): { local?: LocalDefinition; diags: Diagnostic[] } {
  const name = block.labels[0] ?? '';
  const { content, diags } = block.body.content(localBlockSchema);
  if (!isValidIdentifier(name))
    diags.push(errorDiag('Invalid local name', BAD_IDENTIFIER_DETAIL, block.labelRanges[0]));
  const sensitiveAttr = content.attributes.get('sensitive');
  const sensitive = sensitiveAttr ? (decodeLiteral(sensitiveAttr.expr, BoolType, diags)?.asBool() ?? false) : false;
  const expression = content.attributes.get('expression');
  if (!expression) return { diags };
  return {
    local: { name, expr: expression.expr, sensitive, nameRange: block.labelRanges[0] ?? block.defRange },
    diags,
  };
}

/** "Duplicate local definition" for each later definition of a name. */
export function duplicateLocalDiags(locals: readonly LocalDefinition[]): Diagnostic[] {
  const seen = new Map<string, LocalDefinition>();
  const diags: Diagnostic[] = [];
  for (const l of locals) {
    const first = seen.get(l.name);
    if (!first) {
      seen.set(l.name, l);
      continue;
    }
    const at = first.expr.range;
    diags.push(
      errorDiag(
        'Duplicate local definition',
        `Local variable ${JSON.stringify(l.name)} is defined twice in your templates. Other definition found at ${JSON.stringify(`${at.filename}:${at.start.line},${at.start.column}-${at.end.line === at.start.line ? '' : `${at.end.line},`}${at.end.column}`)}`,
        l.expr.range,
      ),
    );
  }
  return diags;
}

/**
 * Evaluates every local after the locals it references. `contextWith` builds
 * the scope from the locals known so far. A local whose evaluation fails is
 * left out, so locals depending on it report their own "Unsupported attribute".
 */
export function evaluateLocals(
  locals: readonly LocalDefinition[],
  contextWith: (known: ReadonlyMap<string, Value>) => EvalContext,
): { values: Map<string, Value>; diags: Diagnostic[] } {
  const byName = new Map(locals.map((l) => [l.name, l]));
  const values = new Map<string, Value>();
  const diags: Diagnostic[] = [];
  const order = dependencyOrder(locals, byName, diags);
  for (const local of order) {
    const { value, diags: d } = evaluate(local.expr, contextWith(values));
    diags.push(...d);
    if (hasErrors(d)) continue;
    values.set(local.name, local.sensitive ? value.mark(Sensitive) : value);
  }
  return { values, diags };
}

function localDependencies(local: LocalDefinition, byName: ReadonlyMap<string, LocalDefinition>): LocalDefinition[] {
  return referencesOf(local.expr)
    .filter((t) => t[0].name === 'local' && t[1]?.kind === 'attr')
    .map((t) => byName.get((t[1] as { name: string }).name))
    .filter((d): d is LocalDefinition => d !== undefined);
}

/** Depth-first topological order; each cycle found becomes one diagnostic and its members are skipped. */
function dependencyOrder(
  locals: readonly LocalDefinition[],
  byName: ReadonlyMap<string, LocalDefinition>,
  diags: Diagnostic[],
): LocalDefinition[] {
  const order: LocalDefinition[] = [];
  const state = new Map<LocalDefinition, 'visiting' | 'done' | 'cyclic'>();
  const stack: LocalDefinition[] = [];
  const visit = (local: LocalDefinition): void => {
    const s = state.get(local);
    if (s === 'done' || s === 'cyclic') return;
    if (s === 'visiting') {
      const cycle = stack.slice(stack.indexOf(local));
      for (const member of cycle) state.set(member, 'cyclic');
      diags.push(
        errorDiag(
          'failed to prepare execution graph',
          `An error occurred while building the graph for datasources/locals: Cycle: ${cycle.map((c) => `local.${c.name}`).join(', ')}`,
          local.nameRange,
        ),
      );
      return;
    }
    state.set(local, 'visiting');
    stack.push(local);
    for (const dep of localDependencies(local, byName)) visit(dep);
    stack.pop();
    if (state.get(local) === 'visiting') {
      state.set(local, 'done');
      order.push(local);
    }
  };
  for (const local of locals) visit(local);
  return order;
}
