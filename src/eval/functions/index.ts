import { awsSecretsManagerFunctions } from './aws-secretsmanager.js';
import { collectionFunctions } from './collection.js';
import { cryptoFunctions } from './crypto.js';
import { datetimeFunctions } from './datetime.js';
import { encodingFunctions } from './encoding.js';
import { externalFunctions } from './external.js';
import { filesystemFunctions } from './filesystem.js';
import { formatFunctions } from './format.js';
import type { FunctionSpec, FunctionTable } from './function.js';
import { networkFunctions } from './network.js';
import { numericFunctions } from './numeric.js';
import { regexFunctions } from './regex.js';
import { expressionFunctions } from './special.js';
import { stringFunctions } from './string.js';
import { makeTemplateFileFunction } from './templatefile.js';

/*
 * The function table of Packer's HCL2 templates (hcl2template.Functions): the
 * library modules merged by name. `baseDir` is the directory relative paths in
 * the filesystem functions resolve against (the template's directory). `env`
 * is not here: Packer allows it only in variable defaults.
 */

const pathIndependent: readonly Readonly<Record<string, FunctionSpec>>[] = [
  numericFunctions,
  stringFunctions,
  formatFunctions,
  collectionFunctions,
  regexFunctions,
  encodingFunctions,
  cryptoFunctions,
  networkFunctions,
  datetimeFunctions,
  externalFunctions,
  awsSecretsManagerFunctions,
  expressionFunctions,
];

const tables = new Map<string, FunctionTable>();

export function packerFunctions(baseDir: string): FunctionTable {
  const cached = tables.get(baseDir);
  if (cached) return cached;
  const table = new Map<string, FunctionSpec>();
  for (const module of [...pathIndependent, filesystemFunctions(baseDir)]) {
    for (const [name, spec] of Object.entries(module)) {
      if (table.has(name)) throw new Error(`function ${name} is defined twice`);
      table.set(name, spec);
    }
  }
  // templatefile renders with the whole table, itself excepted (it refuses recursion).
  table.set(
    'templatefile',
    makeTemplateFileFunction(baseDir, () => table),
  );
  tables.set(baseDir, table);
  return table;
}
