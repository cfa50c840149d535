import * as core from '@actions/core';
import { releasePlugins } from '../plugins/bridge/retained.js';
import { buildCommand } from './commands/build.js';
import { fmtCommand } from './commands/fmt.js';
import { initCommand } from './commands/init.js';
import { inspectCommand } from './commands/inspect.js';
import { planCommand } from './commands/plan.js';
import { validateCommand } from './commands/validate.js';
import { actionContext, type ActionCommandRun } from './context.js';
import { InputError, readInputs, type ActionCommand } from './inputs.js';

/*
 * The action's main step: inputs are read and checked, the command runs as an
 * adapter over the engine, and its failure (if any) is reported once, here,
 * with core.setFailed. validate, plan and build install the missing plugins
 * once the template is parsed (build after restoring the cache that may hold
 * them; commands/init.ts actionPlugins).
 */

const commands: Readonly<Record<ActionCommand, ActionCommandRun>> = {
  build: buildCommand,
  validate: validateCommand,
  fmt: fmtCommand,
  inspect: inspectCommand,
  plan: planCommand,
  init: initCommand,
};

export async function run(): Promise<void> {
  try {
    const inputs = readInputs((name) => core.getInput(name), process.env, process.cwd());
    enterWorkingDirectory(inputs.workingDirectory);
    const failure = await commands[inputs.command](actionContext(inputs, process));
    if (failure !== undefined) core.setFailed(failure);
  } catch (error) {
    if (error instanceof InputError) core.setFailed(error.message);
    else core.setFailed(error instanceof Error ? (error.stack ?? error.message) : String(error));
  } finally {
    // The plugin processes planning started (for specs and Prepare), however the command ended.
    await releasePlugins();
  }
}

/**
 * The step runs as `cd working-directory && packer ...` would: paths the
 * components resolve against the process's directory (a manifest's output, a
 * compress archive) land beside the ones resolved against the template's.
 */
function enterWorkingDirectory(dir: string): void {
  try {
    process.chdir(dir);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : String(error);
    throw new InputError(`Input "working-directory" is ${JSON.stringify(dir)}: ${reason}`);
  }
}
