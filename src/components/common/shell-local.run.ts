import { randomInt } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BuildUi } from '../../core/events.js';
import { interpolate } from '../../template/gotemplate/render.js';
import { interpolateContext } from '../../template/legacy/context.js';
import { runWithUi } from './run-with-ui.js';
import type { GeneratedData } from '../runtime.js';
import { flattenEnvVars } from './env-vars.js';
import { LocalCommunicator } from './shell-local.communicator.js';
import type { LocalShellConfig } from './shell-local.schema.js';

/*
 * packer-plugin-sdk shell-local Run, shared by the shell-local provisioner and
 * post-processor: Validate's defaults for this OS, the only_on check, the
 * inline commands (rendered with the generated data) as one temporary script,
 * the flattened environment, and for each script execute_command rendered as
 * a Go template with the generated data plus Vars, Script and Command, run
 * through the local communicator with its output on the UI (stdout said,
 * stderr as errors), its exit code checked against valid_exit_codes. The
 * temporary script is removed however the run ends.
 */

export type ShellLocalRunConfig = LocalShellConfig & {
  readonly packer_user_variables?: Readonly<Record<string, string>> | undefined;
  readonly packer_sensitive_variables?: readonly string[] | undefined;
  readonly packer_core_version?: string | undefined;
};

export interface ShellLocalRunContext {
  readonly ui: BuildUi;
  readonly signal: AbortSignal;
  /** PACKER_BUILD_NAME and PACKER_BUILDER_TYPE, and build_name / build_type in templates. */
  readonly buildName: string;
  readonly builderType: string;
  /** Where the commands run and relative script paths resolve. */
  readonly cwd: string;
  /** The builder's generated data: the templates' dot and the source of PACKER_HTTP_*. */
  readonly generatedData: GeneratedData;
}

const WINDOWS = process.platform === 'win32';

/** Node's platform names as Go's GOOS, which only_on lists. */
const GOOS: Readonly<Record<string, string>> = { win32: 'windows', sunos: 'solaris' };

/** interpolate.InitTime: one instant for the process. */
const processStart = new Date();

export async function runShellLocal(config: ShellLocalRunConfig, ctx: ShellLocalRunContext): Promise<void> {
  const goos = GOOS[process.platform] ?? process.platform;
  if (config.only_on?.length && !config.only_on.includes(goos)) {
    ctx.ui.say('Skipping shell-local due to runtime OS');
    return;
  }
  const s = settings(config, ctx.cwd);
  const render = (text: string, data: Readonly<Record<string, unknown>>) => renderTemplate(text, data, config, ctx);
  let tempScript: string | undefined;
  try {
    const scripts = [...s.scripts];
    if (scripts.length === 0 && s.inline !== undefined) {
      const commands = s.inline.map((line) => render(line, ctx.generatedData));
      tempScript = await createInlineScriptFile(commands, s.inlineShebang, s.tempfileExtension);
      scripts.push(tempScript);
    }
    const vars = flattenEnvVars(s.envVarFormat, {
      buildName: ctx.buildName,
      builderType: ctx.builderType,
      generatedData: ctx.generatedData,
      environmentVars: config.environment_vars?.map((entry) => render(entry, ctx.generatedData)),
      env: config.env,
    });
    for (const script of scripts) {
      await runScript(script, vars, s, config, ctx);
    }
  } finally {
    if (tempScript !== undefined) await rm(tempScript, { force: true });
  }
}

async function runScript(
  script: string,
  vars: string,
  s: Settings,
  config: ShellLocalRunConfig,
  ctx: ShellLocalRunContext,
): Promise<void> {
  const absScript = resolve(ctx.cwd, script);
  const data = { ...ctx.generatedData, Vars: vars, Script: absScript, Command: absScript };
  const command = s.executeCommand.map((part) => {
    try {
      return renderTemplate(part, data, config, ctx);
    } catch (error) {
      throw new Error(`Error processing command: ${messageOf(error)}`, { cause: error });
    }
  });
  ctx.ui.say(`Running local shell script: ${script}`);
  let exitStatus: number;
  try {
    const comm = new LocalCommunicator(command, ctx.cwd);
    ({ exitStatus } = await runWithUi(comm, command.join(' '), ctx.ui, ctx.signal));
  } catch (error) {
    throw new Error(`Error executing script: ${absScript}\n\nPlease see output above for more information.`, {
      cause: error,
    });
  }
  const valid = config.valid_exit_codes?.length ? config.valid_exit_codes : [0];
  if (!valid.includes(exitStatus)) {
    throw new Error(
      `Script exited with non-zero exit status: ${exitStatus}. Allowed exit codes are: [${valid.join(' ')}]`,
    );
  }
}

/** The config as the SDK's Validate leaves it for Run. */
interface Settings {
  readonly inline: readonly string[] | undefined;
  readonly scripts: readonly string[];
  readonly executeCommand: readonly string[];
  readonly inlineShebang: string;
  /** Without its leading dot. */
  readonly tempfileExtension: string;
  readonly envVarFormat: string;
}

function settings(c: ShellLocalRunConfig, cwd: string): Settings {
  // Prepare has rejected every combination but one of command, inline, script and scripts.
  const inline = c.command ? [c.command] : c.inline;
  const scripts = c.script ? [c.script] : (c.scripts ?? []);
  return {
    inline,
    // use_linux_pathing passes Prepare only on Windows: elsewhere no absolute path has a drive.
    scripts: c.use_linux_pathing ? scripts.map((script) => toLinuxPath(resolve(cwd, script))) : scripts,
    executeCommand: c.execute_command?.length
      ? c.execute_command
      : WINDOWS
        ? ['cmd', '/V', '/C', '{{.Vars}}', 'call', '{{.Script}}']
        : ['/bin/sh', '-c', '{{.Vars}} {{.Script}}'],
    inlineShebang: c.inline_shebang || (WINDOWS ? '' : '/bin/sh -e'),
    tempfileExtension: (c.tempfile_extension || (WINDOWS ? '.cmd' : '')).replace(/^\./, ''),
    envVarFormat: c.env_var_format || (WINDOWS && !c.use_linux_pathing ? 'set %s=%s && ' : "%s='%s' "),
  };
}

/** ConvertToLinuxPath: C:/path/to/file becomes /mnt/c/path/to/file (WSL). */
function toLinuxPath(winAbsPath: string): string {
  const path = winAbsPath.replaceAll('\\', '/');
  const split = path.indexOf(':/');
  return `/mnt/${path.slice(0, split).toLowerCase()}/${path.slice(split + 2)}`;
}

/** createInlineScriptFile: tmp.File("packer-shell") plus the extension, the shebang line and the commands, mode 0700. */
async function createInlineScriptFile(
  commands: readonly string[],
  shebang: string,
  extension: string,
): Promise<string> {
  const path = join(tmpdir(), `packer-shell${randomInt(0, 2 ** 32)}${extension ? `.${extension}` : ''}`);
  const head = shebang ? `#!${shebang}\n` : '';
  await writeFile(path, head + commands.map((command) => `${command}\n`).join(''), { flag: 'wx', mode: 0o700 });
  return path;
}

/** interpolate.Render with the context Decode filled in (user variables, build name and type) and `data` as the dot. */
function renderTemplate(
  text: string,
  data: Readonly<Record<string, unknown>>,
  config: ShellLocalRunConfig,
  ctx: ShellLocalRunContext,
): string {
  const env = { env: {}, cwd: ctx.cwd, initTime: processStart, templatePath: '' };
  const fields = interpolateContext(env, {
    userVariables: config.packer_user_variables ?? {},
    sensitiveVariables: config.packer_sensitive_variables ?? [],
    enableEnv: false,
    buildName: ctx.buildName,
    buildType: ctx.builderType,
    data,
  });
  return interpolate(text, { ...fields, packerVersion: config.packer_core_version ?? '' });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
