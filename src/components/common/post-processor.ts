import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Artifact, BuildUi } from '../../core/events.js';
import { interpolate } from '../../template/gotemplate/render.js';
import { interpolateContext } from '../../template/legacy/context.js';

/* What the local post-processors share: their run signature, template rendering and atomic output files. */

export interface PostProcessorContext {
  readonly buildName: string;
  readonly builderType: string;
  /** PACKER_RUN_UUID of the run. */
  readonly runUuid: string;
  readonly signal: AbortSignal;
  readonly ui: BuildUi;
}

export interface PostProcessorResult {
  readonly artifact: Artifact;
  /** Packer's `keep`: whether the input artifact is kept when the template leaves keep_input_artifact unset. */
  readonly keepInputArtifact?: boolean;
  /** Packer's forceOverride: the input artifact is kept even when the template sets keep_input_artifact = false. */
  readonly forceKeep?: boolean;
}

/** interpolate.InitTime: one instant for the process. */
const processStart = new Date();

/** Packer's interpolate.Render of a post-processor field with `data` as the dot (generated data and friends). */
export function renderField(
  text: string,
  data: Readonly<Record<string, string>>,
  config: { readonly packer_user_variables?: Readonly<Record<string, string>> | undefined },
  ctx: PostProcessorContext,
): string {
  const env = { env: {}, cwd: process.cwd(), initTime: processStart, templatePath: '' };
  const fields = {
    userVariables: config.packer_user_variables ?? {},
    enableEnv: false,
    buildName: ctx.buildName,
    buildType: ctx.builderType,
    data,
  };
  return interpolate(text, interpolateContext(env, fields));
}

/**
 * Writes `target` through a temporary file in the same directory, renamed over
 * the target only when `write` has ended the stream; on failure or abort no
 * output is left. `write` must end `out` (e.g. as a pipeline's destination).
 */
export async function writeAtomically(
  target: string,
  mode: number,
  signal: AbortSignal,
  write: (out: Writable) => Promise<void>,
): Promise<void> {
  signal.throwIfAborted();
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const out = createWriteStream(temp, { flags: 'wx', mode });
  try {
    await write(out);
    await finished(out);
    signal.throwIfAborted();
    await rename(temp, target);
  } catch (error) {
    out.destroy();
    await finished(out).catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
}
