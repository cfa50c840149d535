import * as core from '@actions/core';
import type { CliIO } from '../cli/io.js';
import type { ActionInputs } from './inputs.js';
import { SecretMasker } from '../template/secrets.js';

/*
 * What every command of the action works with: the checked inputs, a CliIO
 * rooted at the working directory whose output is masked, and the masker
 * itself (secrets are added as soon as the template reveals them).
 */

export interface ActionContext {
  readonly inputs: ActionInputs;
  readonly io: CliIO;
  readonly masker: SecretMasker;
}

/** A command's result: a failure message for core.setFailed, or undefined on success. */
export type ActionCommandRun = (ctx: ActionContext) => Promise<string | undefined>;

export function actionContext(inputs: ActionInputs, process: NodeJS.Process): ActionContext {
  const masker = new SecretMasker((secret) => core.setSecret(secret));
  // `debug` turns on Packer's log. It goes to (masked) stderr: PACKER_LOG_PATH is
  // dropped, as the log file would hold secrets unmasked.
  const env: Record<string, string | undefined> = { ...process.env };
  if (inputs.debug) {
    env['PACKER_LOG'] = '1';
    delete env['PACKER_LOG_PATH'];
  }
  const io: CliIO = {
    stdin: process.stdin,
    stdout: masker.stream(process.stdout),
    stderr: masker.stream(process.stderr),
    cwd: inputs.workingDirectory,
    env,
  };
  return { inputs, io, masker };
}

/** Sets a step output with secrets masked. */
export function setOutput(ctx: ActionContext, name: string, value: string): void {
  core.setOutput(name, ctx.masker.mask(value));
}
