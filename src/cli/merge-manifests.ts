import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { goJsonIndent } from '../core/go-json.js';
import { helpRequested } from './meta-args.js';
import type { CliIO } from './io.js';

/*
 * `kiln merge-manifests OUT IN...` (Kiln's own): joins manifests in Packer's
 * manifest post-processor format ({"builds":[...],"last_run_uuid":"..."}),
 * typically one per matrix job of a distributed build, into OUT. Build entries
 * are kept as written, in argument order; last_run_uuid is that of the last
 * input that has one. OUT is written as Packer writes a manifest.
 */

const help = `Usage: kiln merge-manifests OUT IN...

  Joins the builds of Packer manifest files IN... into the manifest OUT,
  for example the manifests of the jobs of a matrix build. OUT may be one
  of the inputs.`;

interface Manifest {
  readonly builds: readonly unknown[];
  readonly lastRunUuid: string;
}

export async function runMergeManifests(args: string[], io: CliIO): Promise<number> {
  if (helpRequested(args)) {
    io.stdout.write(`${help}\n`);
    return 0;
  }
  const [out, ...inputs] = args;
  if (out === undefined || inputs.length === 0) {
    io.stdout.write(`${help}\n`);
    return 1;
  }
  const builds: unknown[] = [];
  let lastRunUuid = '';
  for (const input of inputs) {
    let manifest: Manifest;
    try {
      manifest = await readManifest(resolve(io.cwd, input), input);
    } catch (error) {
      io.stdout.write(`Error: ${(error as Error).message}\n`);
      return 1;
    }
    builds.push(...manifest.builds);
    if (manifest.lastRunUuid !== '') lastRunUuid = manifest.lastRunUuid;
  }
  try {
    await writeFile(resolve(io.cwd, out), goJsonIndent({ builds, last_run_uuid: lastRunUuid }));
  } catch (error) {
    io.stdout.write(`Error: Unable to write ${out}: ${(error as Error).message}\n`);
    return 1;
  }
  io.stdout.write(`Merged ${builds.length} build(s) from ${inputs.length} manifest(s) into ${out}\n`);
  return 0;
}

async function readManifest(path: string, shown: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`Unable to open ${shown} for reading: ${(error as Error).message}`, { cause: error });
  }
  // The manifest post-processor treats an empty file as an empty manifest.
  if (text.trim() === '') return { builds: [], lastRunUuid: '' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`Unable to parse content from ${shown}: ${(error as Error).message}`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`Unable to parse content from ${shown}: not a manifest object`);
  }
  const { builds, last_run_uuid: uuid } = parsed as Record<string, unknown>;
  if (builds != null && !Array.isArray(builds)) {
    throw new Error(`Unable to parse content from ${shown}: "builds" is not a list`);
  }
  return { builds: builds ?? [], lastRunUuid: typeof uuid === 'string' ? uuid : '' };
}
