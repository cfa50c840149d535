import { collectionFunctions } from './collection.js';
import { datetimeFunctions } from './datetime.js';
import type { FunctionSpec, FunctionTable } from './function.js';
import { numericFunctions } from './numeric.js';
import { regexFunctions } from './regex.js';
import { expressionFunctions } from './special.js';
import { stringFunctions } from './string.js';

/*
 * The function table of Packer's HCL2 templates (hcl2template.Functions): the
 * library modules merged by name. `baseDir` is the directory relative paths
 * in the filesystem functions resolve against (the template's directory).
 */
export function packerFunctions(_baseDir: string): FunctionTable {
  const modules: readonly Readonly<Record<string, FunctionSpec>>[] = [
    numericFunctions,
    stringFunctions,
    collectionFunctions,
    regexFunctions,
    datetimeFunctions,
    expressionFunctions,
  ];
  const table = new Map<string, FunctionSpec>();
  for (const module of modules) {
    for (const [name, spec] of Object.entries(module)) {
      if (table.has(name)) throw new Error(`function ${name} is defined twice`);
      table.set(name, spec);
    }
  }
  return table;
}
