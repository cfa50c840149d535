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

function decodeLocalsBlock(body: HclBody): { locals: LocalDefinition[]; diags: Diagnostic[] } {
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

function decodeLocalBlock(block: ContentBlock): { local?: LocalDefinition; diags: Diagnostic[] } {
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

/** The definitions of the `locals` and `local` blocks among `blocks`, in order; other types are skipped. */
export function decodeLocalBlocks(blocks: readonly ContentBlock[]): { locals: LocalDefinition[]; diags: Diagnostic[] } {
  const locals: LocalDefinition[] = [];
  const diags: Diagnostic[] = [];
  for (const block of blocks) {
    if (block.type === 'locals') {
      const r = decodeLocalsBlock(block.body);
      diags.push(...r.diags);
      locals.push(...r.locals);
    } else if (block.type === 'local') {
      const r = decodeLocalBlock(block);
      diags.push(...r.diags);
      if (r.local) locals.push(r.local);
    }
  }
  return { locals, diags };
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

/**
 * Dependency order by Tarjan's strongly connected components (as Packer's dag
 * package): each component comes after the ones it references. Components of
 * more than one local, and locals that reference themselves, are left out and
 * reported in one diagnostic worded as Packer's graph validation error (which
 * has no range; ours points at the first local of the first problem).
 */
function dependencyOrder(
  locals: readonly LocalDefinition[],
  byName: ReadonlyMap<string, LocalDefinition>,
  diags: Diagnostic[],
): LocalDefinition[] {
  const order: LocalDefinition[] = [];
  const cycles: string[] = [];
  const selfReferences: string[] = [];
  let firstProblem: Range | undefined;
  const index = new Map<LocalDefinition, number>();
  const stack: LocalDefinition[] = [];
  const visit = (local: LocalDefinition): number => {
    const own = index.size + 1;
    index.set(local, own);
    stack.push(local);
    let low = own;
    const deps = localDependencies(local, byName);
    for (const dep of deps) {
      const seen = index.get(dep);
      if (seen === undefined) low = Math.min(low, visit(dep));
      else if (stack.includes(dep)) low = Math.min(low, seen);
    }
    if (low === own) {
      const component = stack.splice(stack.indexOf(local)).reverse();
      if (component.length > 1) cycles.push(`Cycle: ${component.map(localAddress).join(', ')}`);
      else if (deps.includes(local)) selfReferences.push(`Self reference: ${localAddress(local)}`);
      else order.push(local);
      if (component.length > 1 || deps.includes(local)) firstProblem ??= component[0]?.nameRange;
    }
    return low;
  };
  for (const local of locals) if (!index.has(local)) visit(local);
  const problems = [...cycles, ...selfReferences];
  if (problems.length > 0) {
    // hashicorp/go-multierror's list format around errors.Join of every problem.
    diags.push(
      errorDiag(
        'failed to prepare execution graph',
        `An error occurred while building the graph for datasources/locals: 1 error occurred:\n\t* ${problems.join('\n')}\n\n`,
        firstProblem,
      ),
    );
  }
  return order;
}

function localAddress(local: LocalDefinition): string {
  return `local.${local.name}`;
}
