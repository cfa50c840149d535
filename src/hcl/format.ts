import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

import type { Diagnostic } from './diagnostics.js';
import { hasErrors } from './diagnostics.js';
import { parseConfig } from './parse.js';

type FormatFn = (src: string) => Promise<string>;
type GoCallback = (err: string | null, out: string) => void;

interface GoRuntime {
  readonly importObject: WebAssembly.Imports;
  run(instance: WebAssembly.Instance): Promise<void>;
}

// The Go program registers its functions on this global object when it starts.
const exportsGlobal = '__hcl_helpers_config_wasm__';

/**
 * The compressed WASM: beside the running module in a bundle (the build copies it there, since
 * @vercel/ncc cannot trace @cdktf/hcl-tools' own fs-extra + __dirname loader and an ESM bundle has
 * no __dirname), else from the installed package.
 */
function wasmPath(): string {
  const beside = path.join(path.dirname(fileURLToPath(import.meta.url)), 'main.wasm.gz');
  return existsSync(beside) ? beside : createRequire(import.meta.url).resolve('@cdktf/hcl-tools/main.wasm.gz');
}

let wasmFormat: Promise<FormatFn> | undefined;

async function loadWasm(): Promise<FormatFn> {
  await import('@cdktf/hcl-tools/wasm/bridge_wasm_exec.js'); // defines globalThis.Go
  const Go = (globalThis as unknown as { Go: new () => GoRuntime }).Go;
  const go = new Go();
  const { instance } = await WebAssembly.instantiate(gunzipSync(await readFile(wasmPath())), go.importObject);
  const exported: Record<string, (src: string, cb: GoCallback) => void> = {};
  (globalThis as Record<string, unknown>)[exportsGlobal] = exported;
  void go.run(instance); // never settles: the Go main blocks forever, serving calls
  const format = exported['format'];
  if (!format) throw new Error('hcl-tools WASM did not register format');
  return (src) =>
    new Promise((resolve, reject) => format(src, (err, out) => (err ? reject(new Error(err)) : resolve(out))));
}

/**
 * hclwrite.Format: canonical layout of HCL native syntax (indentation, `=` alignment, spacing).
 * It is Go's own implementation compiled to WASM (from @cdktf/hcl-tools), loaded on first use.
 */
export async function hclwriteFormat(src: string): Promise<string> {
  wasmFormat ??= loadWasm();
  return (await wasmFormat)(src);
}

export interface FormatResult {
  /** The canonical text, or undefined when the source has syntax errors. */
  readonly formatted: Buffer | undefined;
  readonly diags: Diagnostic[];
}

/**
 * Formats a configuration file as `packer fmt` does: the source must parse as HCL native syntax
 * (hclwrite.Format itself accepts anything), then it is laid out by hclwrite.Format.
 */
export async function formatConfig(src: Buffer, filename: string): Promise<FormatResult> {
  const { diags } = parseConfig(src, filename);
  if (hasErrors(diags)) return { formatted: undefined, diags };
  return { formatted: Buffer.from(await hclwriteFormat(src.toString('utf8')), 'utf8'), diags };
}
