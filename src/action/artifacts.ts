import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import * as core from '@actions/core';
import { CHECKSUM_BUILDER_ID } from '../components/postprocessors/checksum/post-processor.js';
import type { BuildRecord } from './run-record.js';

/*
 * The workflow artifact of a build run (`upload-artifact`), named by
 * `artifact-name`: the run's manifest, the PACKER_LOG debug log when `debug`
 * is on, and the files the checksum post-processors wrote. Everything is
 * staged, masked, in the run's directory ($RUNNER_TEMP/kiln/<run uuid>), whose
 * layout the artifact keeps:
 *
 *   packer-manifest.json
 *   packer.log
 *   checksums/<path relative to the working directory, or the base name>
 *
 * An artifact service that is missing or failing gives a notice, never a
 * failure. @actions/artifact is large: it is imported only to upload.
 */

export const MANIFEST_FILE = 'packer-manifest.json';
export const DEBUG_LOG_FILE = 'packer.log';
const CHECKSUMS_DIR = 'checksums';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The checksum files of the run: files of checksum post-processor artifacts
 * that no other artifact of the same build holds (a checksum artifact also
 * lists the files it summed, which stay out of the upload). Absolute, in build order.
 */
export function checksumFiles(records: readonly BuildRecord[], cwd: string): string[] {
  const out: string[] = [];
  for (const record of records) {
    const others = new Set(
      record.artifacts
        .filter((a) => a.builderId !== CHECKSUM_BUILDER_ID)
        .flatMap((a) => a.files.map((f) => resolve(cwd, f))),
    );
    for (const artifact of record.artifacts) {
      if (artifact.builderId !== CHECKSUM_BUILDER_ID) continue;
      for (const file of artifact.files) {
        const path = resolve(cwd, file);
        if (!others.has(path) && !out.includes(path)) out.push(path);
      }
    }
  }
  return out;
}

/** Where a checksum file goes in the artifact. */
export function stagedChecksumPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  return join(CHECKSUMS_DIR, inside ? rel : basename(file));
}

/** A copy of the PACKER_LOG lines, masked, in the run directory: `write` takes what the log prints. */
export function debugLogCopy(
  runDir: string,
  mask: (text: string) => string,
): { write(text: string): void; close(): void } {
  mkdirSync(runDir, { recursive: true });
  const fd = openSync(join(runDir, DEBUG_LOG_FILE), 'w');
  return {
    write: (text) => void writeSync(fd, mask(text)),
    close: () => closeSync(fd),
  };
}

/** Why the artifact service cannot be used here, or undefined when it can. */
export function artifactServiceProblem(env: Env): string | undefined {
  const host = new URL(env['GITHUB_SERVER_URL'] || 'https://github.com').hostname.toLowerCase();
  if (host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost')) {
    return 'GitHub Enterprise Server does not support artifacts uploaded with @actions/artifact v2 and later';
  }
  if (!env['ACTIONS_RUNTIME_TOKEN']) return 'ACTIONS_RUNTIME_TOKEN is not set (a local run?)';
  if (!env['ACTIONS_RESULTS_URL']) return 'ACTIONS_RESULTS_URL is not set';
  return undefined;
}

export interface RunArtifact {
  readonly name: string;
  /** The run directory, holding the manifest (and the debug log when there is one). */
  readonly runDir: string;
  readonly debugLog: boolean;
  readonly checksums: readonly string[];
  readonly cwd: string;
  readonly mask: (text: string) => string;
}

/** Stages the checksum files and uploads the run's files; returns the uploaded paths relative to the run directory. */
export async function uploadRunArtifact(run: RunArtifact, env: Env = process.env): Promise<string[] | undefined> {
  const problem = artifactServiceProblem(env);
  if (problem) {
    core.notice(`Kiln did not upload the artifact ${run.name}: ${problem}.`);
    return undefined;
  }
  try {
    const files = [MANIFEST_FILE, ...(run.debugLog ? [DEBUG_LOG_FILE] : [])];
    for (const file of run.checksums) {
      const staged = stagedChecksumPath(file, run.cwd);
      await mkdir(dirname(join(run.runDir, staged)), { recursive: true });
      await writeFile(join(run.runDir, staged), run.mask(await readFile(file, 'utf8')));
      files.push(staged);
    }
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const client = new DefaultArtifactClient();
    const { id, size } = await client.uploadArtifact(
      run.name,
      files.map((f) => join(run.runDir, f)),
      run.runDir,
    );
    core.info(`Kiln uploaded the artifact ${run.name} (id ${id ?? '?'}, ${size ?? 0} bytes): ${files.join(', ')}`);
    return files;
  } catch (error) {
    core.notice(
      `Kiln did not upload the artifact ${run.name}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
}
