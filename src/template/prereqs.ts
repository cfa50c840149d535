import type { Body } from '../hcl/ast.js';
import { errorDiag, hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import { NativeBody } from '../hcl/native-body.js';
import type { HclBody } from '../hcl/schema.js';
import type { EvalContext } from '../eval/context.js';
import { evaluate } from '../eval/evaluate.js';
import { Sensitive, type Value } from '../eval/value.js';
import { variables as referencesOf, type Traversal } from '../eval/variables.js';
import { datasourceKey, evaluateDatasource, type DatasourceBlock, type DatasourceEvaluation } from './datasource.js';
import type { LocalDefinition } from './locals.js';

/*
 * Data sources and locals evaluated in dependency order, as Packer's
 * evaluateBuildPrereqs: one graph of `data.T.N` and `local.N` vertices, edges
 * from the references in their expressions. A reference to a vertex that does
 * not exist, a cycle or a self reference fails the graph as a whole; otherwise
 * vertices are evaluated dependencies first and the walk stops at the first
 * vertex with errors.
 */

type Vertex =
  | { readonly kind: 'data'; readonly name: string; readonly data: DatasourceBlock }
  | { readonly kind: 'local'; readonly name: string; readonly local: LocalDefinition };

export interface PrereqValues {
  readonly locals: Map<string, Value>;
  readonly data: Map<string, { type: string; name: string; value: Value }>;
}

export async function evaluatePrereqs(
  datasources: readonly DatasourceBlock[],
  locals: readonly LocalDefinition[],
  contextFor: (values: PrereqValues) => EvalContext,
  datasourceEvaluation: DatasourceEvaluation,
): Promise<{ values: PrereqValues; diags: Diagnostic[] }> {
  const values: PrereqValues = { locals: new Map(), data: new Map() };
  const vertices = new Map<string, Vertex>();
  for (const data of datasources) {
    vertices.set(`data.${datasourceKey(data.type, data.name)}`, {
      kind: 'data',
      name: datasourceKey(data.type, data.name),
      data,
    });
  }
  for (const local of locals)
    vertices.set(`local.${local.name}`, { kind: 'local', name: `local.${local.name}`, local });

  const problems: string[] = [];
  const edges = new Map<Vertex, Vertex[]>();
  for (const [key, v] of vertices) {
    const deps: Vertex[] = [];
    for (const ref of dependencyRefs(v)) {
      const target = vertices.get(ref);
      if (target) deps.push(target);
      else
        problems.push(
          `could not get dependency ${JSON.stringify(ref)} for ${JSON.stringify(key)}, ${JSON.stringify(ref)} missing in template`,
        );
    }
    edges.set(v, deps);
  }
  const graphErrors = cycleErrors([...vertices.values()], edges);
  if (graphErrors.length > 0) problems.push(graphErrors.join('\n'));
  if (problems.length > 0) {
    const list = problems.map((p) => `\t* ${p}`).join('\n');
    const head = problems.length === 1 ? '1 error occurred' : `${problems.length} errors occurred`;
    return {
      values,
      diags: [
        errorDiag(
          'failed to prepare execution graph',
          `An error occurred while building the graph for datasources/locals: ${head}:\n${list}\n\n`,
        ),
      ],
    };
  }

  for (const v of topologicalOrder([...vertices.values()], edges)) {
    const ctx = contextFor(values);
    if (v.kind === 'local') {
      const { value, diags } = evaluate(v.local.expr, ctx);
      if (hasErrors(diags)) return { values, diags };
      values.locals.set(v.local.name, v.local.sensitive ? value.mark(Sensitive) : value);
    } else {
      const { value, diags } = await evaluateDatasource(v.data, ctx, datasourceEvaluation);
      if (hasErrors(diags) || !value) return { values, diags };
      values.data.set(v.name, { type: v.data.type, name: v.data.name, value });
    }
  }
  return { values, diags: [] };
}

/** The `data.T.N` and `local.N` references of a vertex, as refString keys. */
function dependencyRefs(v: Vertex): string[] {
  const traversals = v.kind === 'local' ? referencesOf(v.local.expr) : bodyReferences(v.data.block.body);
  const refs: string[] = [];
  for (const t of traversals) {
    const ref = refKey(t);
    if (ref && !refs.includes(ref)) refs.push(ref);
  }
  return refs;
}

function refKey(t: Traversal): string | undefined {
  const [root, a, b] = t;
  if (root.name === 'local' && a?.kind === 'attr') return `local.${a.name}`;
  if (root.name === 'data' && a?.kind === 'attr' && b?.kind === 'attr') return `data.${a.name}.${b.name}`;
  return undefined;
}

/** GetVarsByType: every reference in a native body and its nested blocks; a JSON body's attributes. */
export function bodyReferences(body: HclBody): Traversal[] {
  if (body instanceof NativeBody) return nativeReferences(body.body);
  return [...body.justAttributes().attributes.values()].flatMap((a) => referencesOf(a.expr));
}

function nativeReferences(body: Body): Traversal[] {
  return [
    ...body.attributes.flatMap((a) => referencesOf(a.expr)),
    ...body.blocks.flatMap((b) => nativeReferences(b.body)),
  ];
}

/** dag.Validate: "Cycle: a, b" per strongly connected component, then "Self reference: a". */
function cycleErrors(vertices: readonly Vertex[], edges: ReadonlyMap<Vertex, Vertex[]>): string[] {
  const index = new Map<Vertex, number>();
  const low = new Map<Vertex, number>();
  const stack: Vertex[] = [];
  const cycles: string[] = [];
  const visit = (v: Vertex): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component = stack.splice(stack.indexOf(v));
      if (component.length > 1) cycles.push(`Cycle: ${component.map((c) => c.name).join(', ')}`);
    }
  };
  for (const v of vertices) if (!index.has(v)) visit(v);
  const selfRefs = vertices.filter((v) => edges.get(v)?.includes(v)).map((v) => `Self reference: ${v.name}`);
  return [...cycles, ...selfRefs];
}

function topologicalOrder(vertices: readonly Vertex[], edges: ReadonlyMap<Vertex, Vertex[]>): Vertex[] {
  const done = new Set<Vertex>();
  const order: Vertex[] = [];
  const visit = (v: Vertex): void => {
    if (done.has(v)) return;
    done.add(v);
    for (const w of edges.get(v) ?? []) visit(w);
    order.push(v);
  };
  vertices.forEach(visit);
  return order;
}
