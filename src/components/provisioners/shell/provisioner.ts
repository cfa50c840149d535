import { randomInt } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { CMD_DISCONNECT, type CommandResult, type Communicator } from '../../../communicator/communicator.js';
import { goDurationString } from '../../go-duration-string.js';
import { abortableDelay } from '../../provision-hook.js';
import type { ProvisionContext } from '../../runtime.js';
import { flattenEnvVars, type EnvVarSources } from '../../common/env-vars.js';
import { inlineScript, readScript, writeTempFile } from './local-files.js';
import { runWithUi } from '../../common/run-with-ui.js';
import type { ShellConfig } from './schema.js';
import { retryStart } from './start-retry.js';
import { renderTemplate } from './template.js';
import { toUnixLines } from './unix-reader.js';

/*
 * The remote shell provisioner (hashicorp/packer provisioner/shell Provision):
 * each script (inline commands become one temporary script) is uploaded to
 * remote_path and run through execute_command, upload and start retried until
 * start_retry_timeout; its output streams to the UI; its exit code must be
 * one of valid_exit_codes, or a disconnect expected; then the remote copy is
 * removed unless skip_clean.
 */

const NO_COMMUNICATOR =
  'No communicator found for provisioners! This is usually because the\n' +
  '`communicator` config was set to "none". If you have any provisioners\n' +
  'then a communicator is required. Please fix this to continue.';

const DISCONNECTED =
  'Script disconnected unexpectedly. If you expected your script to disconnect, i.e. from a restart, ' +
  'you can try adding `"expect_disconnect": true` or `"valid_exit_codes": [0, 2300218]` to the shell ' +
  'provisioner parameters.';

/** The config with the defaults Packer's Prepare fills in. */
interface Settings {
  readonly envVarFormat: string;
  readonly executeCommand: string;
  readonly startRetryTimeout: number;
  readonly remoteFolder: string;
  readonly remotePath: string;
}

function settings(config: ShellConfig): Settings {
  const envFile = config.use_env_var_file === true;
  const remoteFolder = config.remote_folder || '/tmp';
  const remoteFile = config.remote_file || `script_${randomInt(0, 9999)}.sh`;
  return {
    envVarFormat: config.env_var_format || (envFile ? "export %s='%s'\n" : "%s='%s' "),
    executeCommand:
      config.execute_command ||
      (envFile ? 'chmod +x {{.Path}}; . {{.EnvVarFile}} && {{.Path}}' : 'chmod +x {{.Path}}; {{.Vars}} {{.Path}}'),
    startRetryTimeout: config.start_retry_timeout || 5 * 60_000,
    remoteFolder,
    remotePath: config.remote_path || `${remoteFolder}/${remoteFile}`,
  };
}

export async function provisionShell(config: ShellConfig, context: ProvisionContext): Promise<void> {
  const comm = context.communicator;
  if (!comm) throw new Error(NO_COMMUNICATOR);
  const run = new ShellRun(config, settings(config), context, comm);
  try {
    await run.provision();
  } finally {
    if (run.inlineFile !== undefined) await rm(run.inlineFile, { force: true });
  }
}

class ShellRun {
  /** The local temporary script of the inline commands, removed when the run ends. */
  inlineFile: string | undefined;

  constructor(
    private readonly config: ShellConfig,
    private readonly s: Settings,
    private readonly context: ProvisionContext,
    private readonly comm: Communicator,
  ) {}

  async provision(): Promise<void> {
    const { config, s, context } = this;
    const scripts = config.script ? [config.script] : [...(config.scripts ?? [])];
    if (config.inline !== undefined && config.inline.length > 0) {
      const commands = config.inline.map((line) =>
        this.render(line, context.generatedData, 'Error interpolating Inline: '),
      );
      this.inlineFile = await writeTempFile('packer-shell', inlineScript(commands, config.inline_shebang));
      scripts.push(this.inlineFile);
    }
    const envSources: EnvVarSources = {
      buildName: context.buildName,
      builderType: context.builderType,
      generatedData: context.generatedData,
      environmentVars: config.environment_vars,
      env: config.env,
    };
    const vars = flattenEnvVars(s.envVarFormat, envSources);
    const envVarFile = config.use_env_var_file === true ? await this.uploadEnvVarFile(Buffer.from(vars)) : '';

    for (const path of scripts) {
      context.ui.say(`Provisioning with shell script: ${path}`);
      const script = await readScript(path, context.cwd);
      const data = { ...context.generatedData, Vars: vars, EnvVarFile: envVarFile, Path: s.remotePath };
      const command = this.render(s.executeCommand, data, 'Error processing command: ');
      // Upload and run in one retried step, so a reboot between them cannot lose the script.
      const result = await retryStart(s.startRetryTimeout, context.signal, async () => {
        await this.upload(s.remotePath, script, 'Error uploading script: ');
        await this.startAndWait(
          `chmod 0755 ${s.remotePath}`,
          'Error chmodding script file to 0755 in remote machine: ',
        );
        return runWithUi(this.comm, command, context.ui, context.signal);
      });
      this.checkExit(result);
      if (config.skip_clean === true) continue;
      await this.cleanupRemoteFile(s.remotePath);
    }
    // Packer removes the variables file even when there is none (the command is then "rm -f ").
    if (config.skip_clean !== true) await this.cleanupRemoteFile(envVarFile);

    const pause = config.pause_after ?? 0;
    if (pause !== 0) {
      context.ui.say(`Pausing ${goDurationString(pause)} after this provisioner...`);
      await abortableDelay(pause, context.signal);
    }
  }

  /** Uploads the variables under a fresh name in remote_folder, chmods it 0600 and returns its remote path. */
  private uploadEnvVarFile(content: Buffer): Promise<string> {
    return retryStart(this.s.startRetryTimeout, this.context.signal, async () => {
      const remote = `${this.s.remoteFolder}/varfile_${randomInt(0, 9999)}.sh`;
      await this.upload(remote, content, 'Error uploading envVarFile: ');
      await this.startAndWait(`chmod 0600 ${remote}`, 'Error chmodding script file to 0600 in remote machine: ');
      return remote;
    });
  }

  /** Uploads with no file info, as Packer does (scp sends mode 0644), line endings made Unix unless binary. */
  private async upload(remote: string, content: Buffer, errorPrefix: string): Promise<void> {
    try {
      const body = this.config.binary === true ? content : toUnixLines(content);
      await this.comm.upload(remote, Readable.from([body]), undefined, this.context.signal);
    } catch (error) {
      throw prefixed(errorPrefix, error);
    }
  }

  /** comm.Start then cmd.Wait: the exit status is not checked. */
  private async startAndWait(command: string, errorPrefix: string): Promise<CommandResult> {
    try {
      return await this.comm.start({ command }, this.context.signal);
    } catch (error) {
      throw prefixed(errorPrefix, error);
    }
  }

  private checkExit(result: CommandResult): void {
    if (result.exitStatus === CMD_DISCONNECT) {
      if (this.config.expect_disconnect !== true) throw new Error(DISCONNECTED);
      return;
    }
    const valid = this.config.valid_exit_codes?.length ? this.config.valid_exit_codes : [0];
    if (!valid.includes(result.exitStatus)) {
      throw new Error(
        `Script exited with non-zero exit status: ${result.exitStatus}. Allowed exit codes are: [${valid.join(' ')}]`,
      );
    }
  }

  /** Removes a remote file, retried (a disconnect too) until start_retry_timeout, as after a reboot. */
  private async cleanupRemoteFile(path: string): Promise<void> {
    await retryStart(this.s.startRetryTimeout, this.context.signal, async () => {
      const result = await this.startAndWait(`rm -f ${path}`, `Error removing temporary script at ${path}: `);
      if (result.exitStatus === CMD_DISCONNECT) throw new Error('Disconnect while removing temporary script.');
      if (result.exitStatus !== 0) throw new Error(`Error removing temporary script at ${path}!`);
    });
  }

  private render(text: string, data: Readonly<Record<string, unknown>>, errorPrefix: string): string {
    try {
      return renderTemplate(text, data, this.config, this.context);
    } catch (error) {
      throw prefixed(errorPrefix, error);
    }
  }
}

function prefixed(prefix: string, error: unknown): Error {
  return new Error(`${prefix}${error instanceof Error ? error.message : String(error)}`, { cause: error });
}
