import { open, readFile, rm, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Artifact } from '../../../core/events.js';
import {
  renderField,
  writeAtomically,
  type PostProcessorContext,
  type PostProcessorResult,
} from '../../common/post-processor.js';
import type { ManifestConfig } from './schema.js';

/*
 * post-processor/manifest PostProcess of Packer: appends one entry per build
 * to a JSON manifest, starting afresh under -force when the file was last
 * written by another run. The output path was rendered at prepare time;
 * custom_data values are rendered again here, as Packer does.
 */

export interface ManifestFileEntry {
  readonly name: string;
  readonly size: number;
}

/** One build's entry, fields in Packer's order; build_time is left out when 0. */
export interface ManifestBuild {
  readonly name: string;
  readonly builder_type: string;
  readonly build_time?: number;
  readonly files: readonly ManifestFileEntry[] | null;
  readonly artifact_id: string;
  readonly packer_run_uuid: string;
  readonly custom_data: Readonly<Record<string, string>> | null;
}

export interface ManifestFile {
  readonly builds: readonly ManifestBuild[] | null;
  readonly last_run_uuid: string;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Go's json.MarshalIndent(v, "", "  "): HTML-safe escapes, no trailing newline. */
function goJson(value: unknown): string {
  const escapes: Record<string, string> = {
    '<': '\\u003c',
    '>': '\\u003e',
    '&': '\\u0026',
    '\u2028': '\\u2028',
    '\u2029': '\\u2029',
  };
  return JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => escapes[c] ?? c);
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** A build entry read back as Go decodes it into the struct: unknown fields dropped, missing ones zero. */
function normalizeBuild(raw: unknown): ManifestBuild {
  const b = (raw ?? {}) as Record<string, unknown>;
  const files = Array.isArray(b.files)
    ? b.files.map((f) => {
        const file = (f ?? {}) as Record<string, unknown>;
        return { name: str(file.name), size: num(file.size) };
      })
    : null;
  const custom =
    b.custom_data && typeof b.custom_data === 'object'
      ? Object.fromEntries(Object.entries(b.custom_data as Record<string, unknown>).map(([k, v]) => [k, str(v)]))
      : null;
  return entry({
    name: str(b.name),
    builder_type: str(b.builder_type),
    build_time: num(b.build_time),
    files,
    artifact_id: str(b.artifact_id),
    packer_run_uuid: str(b.packer_run_uuid),
    custom_data: custom,
  });
}

/** The entry in Packer's field order; Go's encoder sorts map keys. */
function entry(b: ManifestBuild): ManifestBuild {
  const custom = b.custom_data
    ? Object.fromEntries(Object.entries(b.custom_data).sort(([x], [y]) => (x < y ? -1 : 1)))
    : null;
  return {
    name: b.name,
    builder_type: b.builder_type,
    ...(b.build_time ? { build_time: b.build_time } : {}),
    files: b.files,
    artifact_id: b.artifact_id,
    packer_run_uuid: b.packer_run_uuid,
    custom_data: custom,
  };
}

async function readManifest(path: string): Promise<ManifestFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { builds: null, last_run_uuid: '' };
    throw new Error(`Unable to open ${path} for reading: ${message(error)}`, { cause: error });
  }
  if (text.length === 0) return { builds: null, last_run_uuid: '' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`Unable to parse content from ${path}: ${message(error)}`, { cause: error });
  }
  const m = (parsed ?? {}) as Record<string, unknown>;
  if (typeof m !== 'object' || Array.isArray(m) || (m.builds != null && !Array.isArray(m.builds))) {
    throw new Error(`Unable to parse content from ${path}: not a manifest object`);
  }
  return {
    builds: Array.isArray(m.builds) ? m.builds.map(normalizeBuild) : null,
    last_run_uuid: str(m.last_run_uuid),
  };
}

/** Packer's advisory `<output>.lock`: three tries, 0/200/400 ms apart, then it goes ahead anyway. */
async function lock(path: string, signal: AbortSignal): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await sleep(i * 200, undefined, { signal });
    try {
      await (await open(path, 'wx', 0o600)).close();
      return;
    } catch {
      // Held by another writer: retry.
    }
  }
}

export async function runManifest(
  config: ManifestConfig,
  artifact: Artifact,
  ctx: PostProcessorContext,
): Promise<PostProcessorResult> {
  const output = config.output || 'packer-manifest.json';
  let customData: Record<string, string> | null = null;
  if (config.custom_data) {
    customData = {};
    for (const [key, value] of Object.entries(config.custom_data)) {
      try {
        customData[key] = renderField(value, {}, config, ctx);
      } catch (error) {
        throw new Error(`Error interpolating custom data: ${message(error)}`, { cause: error });
      }
    }
  }

  const files: ManifestFileEntry[] = [];
  for (const name of artifact.files) {
    const size = await stat(name).then(
      (s) => s.size,
      () => 0,
    );
    files.push({ name: config.strip_path ? basename(name) : name, size });
  }
  const build = entry({
    name: ctx.buildName,
    builder_type: ctx.builderType,
    build_time: config.strip_time ? 0 : Math.floor(Date.now() / 1000),
    files: files.length > 0 ? files : null,
    artifact_id: artifact.id,
    packer_run_uuid: ctx.runUuid,
    custom_data: customData,
  });

  const lockPath = `${output}.lock`;
  await lock(lockPath, ctx.signal);
  try {
    let manifest = await readManifest(output);
    if (config.packer_force && ctx.runUuid !== manifest.last_run_uuid) manifest = { builds: null, last_run_uuid: '' };
    const next: ManifestFile = { builds: [...(manifest.builds ?? []), build], last_run_uuid: ctx.runUuid };
    try {
      await writeAtomically(output, 0o664, ctx.signal, (out) => pipeline(Readable.from([goJson(next)]), out));
    } catch (error) {
      ctx.signal.throwIfAborted();
      throw new Error(`Unable to write ${output}: ${message(error)}`, { cause: error });
    }
  } finally {
    await rm(lockPath, { force: true });
  }
  return { artifact, keepInputArtifact: true, forceKeep: true };
}
