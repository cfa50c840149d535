/*
 * EC2 query parameters are flat (`Filter.1.Value.2=x`); they are read as a tree whose
 * numbered levels are lists in index order.
 */

export interface ParamTree {
  [segment: string]: ParamTree | string;
}

export function parseParams(flat: Record<string, string>): ParamTree {
  const root: ParamTree = {};
  for (const [key, value] of Object.entries(flat)) {
    const segments = key.split('.');
    let node = root;
    segments.forEach((segment, i) => {
      if (i === segments.length - 1) {
        node[segment] = value;
        return;
      }
      const next = node[segment];
      if (typeof next === 'object') node = next;
      else node = node[segment] = {};
    });
  }
  return root;
}

/** The string at a dotted path, if any. */
export function str(tree: ParamTree, path: string): string | undefined {
  const value = at(tree, path);
  return typeof value === 'string' ? value : undefined;
}

export function num(tree: ParamTree, path: string): number | undefined {
  const value = str(tree, path);
  return value === undefined ? undefined : Number(value);
}

export function bool(tree: ParamTree, path: string): boolean | undefined {
  const value = str(tree, path);
  return value === undefined ? undefined : value === 'true';
}

export function at(tree: ParamTree, path: string): ParamTree | string | undefined {
  let node: ParamTree | string | undefined = tree;
  for (const segment of path.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[segment];
  }
  return node;
}

/** The members of a numbered list (`Name.1`, `Name.2` ...) in index order. */
export function list(tree: ParamTree, path: string): (ParamTree | string)[] {
  const node = at(tree, path);
  if (typeof node !== 'object') return [];
  return Object.keys(node)
    .filter((k) => /^\d+$/.test(k))
    .sort((a, b) => Number(a) - Number(b))
    .map((k) => node[k] as ParamTree | string);
}

export function strings(tree: ParamTree, path: string): string[] {
  return list(tree, path).filter((v): v is string => typeof v === 'string');
}

export function objects(tree: ParamTree, path: string): ParamTree[] {
  return list(tree, path).filter((v): v is ParamTree => typeof v === 'object');
}

export interface Filter {
  name: string;
  values: string[];
}

export function filters(tree: ParamTree): Filter[] {
  return objects(tree, 'Filter').map((f) => ({ name: str(f, 'Name') ?? '', values: strings(f, 'Value') }));
}

/** `Tag.N.Key/Value` members under path. */
export function tags(tree: ParamTree, path = 'Tag'): { key: string; value: string }[] {
  return objects(tree, path).map((t) => ({ key: str(t, 'Key') ?? '', value: str(t, 'Value') ?? '' }));
}

/** Tags from `TagSpecification.N` for one resource type. */
export function tagSpecifications(tree: ParamTree, resourceType: string, path = 'TagSpecification') {
  return objects(tree, path)
    .filter((spec) => str(spec, 'ResourceType') === resourceType)
    .flatMap((spec) => tags(spec));
}

/** The flat form of a subtree (`Key.1.Value` ...), the inverse of parseParams. */
export function flatten(tree: ParamTree, prefix = ''): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat[path] = value;
    else Object.assign(flat, flatten(value, path));
  }
  return flat;
}
