import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { chmod, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { ProvisionContext } from '../../runtime.js';
import type { ShellLocalConfig } from './schema.js';

/*
 * The shell-local provisioner (packer-plugin-sdk shell-local Run): inline
 * commands become one temporary script headed by inline_shebang; each script
 * runs through execute_command with {{.Vars}} (the flattened environment) and
 * {{.Script}}; stdout lines are said and stderr lines are UI errors (the
 * current SDK's RunWithUi); the exit code must be one of valid_exit_codes.
 */

const DEFAULT_EXECUTE_COMMAND = ['/bin/sh', '-c', '{{.Vars}} {{.Script}}'];
const DEFAULT_SHEBANG = '/bin/sh -e';
const DEFAULT_ENV_VAR_FORMAT = "%s='%s' ";

/** Node's platform names as Go's GOOS, which only_on lists. */
const GOOS: Readonly<Record<string, string>> = { win32: 'windows', sunos: 'solaris' };

export async function provisionShellLocal(config: ShellLocalConfig, context: ProvisionContext): Promise<void> {
  const { ui } = context;
  const os = GOOS[process.platform] ?? process.platform;
  if (config.only_on && config.only_on.length > 0 && !config.only_on.includes(os)) {
    ui.say('Skipping shell-local due to runtime OS');
    return;
  }
  const inline = config.command !== undefined && config.command !== '' ? [config.command] : config.inline;
  const scripts = config.scripts?.length ? [...config.scripts] : config.script ? [config.script] : [];
  const temp = scripts.length === 0 && inline !== undefined ? await inlineScript(config, inline) : undefined;
  if (temp !== undefined) scripts.push(temp);
  try {
    const vars = flattenedEnvVars(config, context);
    for (const script of scripts) {
      const command = (config.execute_command ?? DEFAULT_EXECUTE_COMMAND).map((part) =>
        fillCommand(part, vars, resolve(context.cwd, script)),
      );
      ui.say(`Running local shell script: ${script}`);
      const code = await runStreaming(command, context);
      const valid = config.valid_exit_codes ?? [0];
      if (!valid.includes(code)) {
        throw new Error(
          `Script exited with non-zero exit status: ${code}.Allowed exit codes are: [${valid.join(' ')}]`,
        );
      }
    }
  } finally {
    if (temp !== undefined) await rm(temp, { force: true });
  }
}

/** createInlineScriptFile: /tmp/packer-shell<digits>[.ext], mode 0700. */
async function inlineScript(config: ShellLocalConfig, inline: readonly string[]): Promise<string> {
  const ext = config.tempfile_extension ? `.${config.tempfile_extension}` : '';
  const path = join(tmpdir(), `packer-shell${randomInt(1_000_000_000, 4_294_967_295)}${ext}`);
  const shebang = config.inline_shebang || DEFAULT_SHEBANG;
  await writeFile(path, `#!${shebang}\n${inline.map((line) => `${line}\n`).join('')}`, { flag: 'wx' });
  await chmod(path, 0o700);
  return path;
}

/** createFlattenedEnvVars: PACKER_BUILD_NAME, PACKER_BUILDER_TYPE and the user's, sorted by name. */
function flattenedEnvVars(config: ShellLocalConfig, context: ProvisionContext): string {
  const vars = new Map<string, string>([
    ['PACKER_BUILD_NAME', context.buildName],
    ['PACKER_BUILDER_TYPE', context.builderType],
  ]);
  // Single quotes are escaped so the value survives the default '%s' format.
  const quote = (value: string) => value.replaceAll("'", `'"'"'`);
  for (const entry of config.environment_vars ?? []) {
    const eq = entry.indexOf('=');
    vars.set(entry.slice(0, eq), quote(entry.slice(eq + 1)));
  }
  for (const [key, value] of Object.entries(config.env ?? {})) vars.set(key, quote(value));
  const format = config.env_var_format || DEFAULT_ENV_VAR_FORMAT;
  return [...vars.keys()]
    .sort()
    .map((key) => goSprintf(format, [key, vars.get(key) ?? '']))
    .join('');
}

/** Fills Go's %s verbs in order (the only verb env_var_format uses); %% is a literal percent. */
function goSprintf(format: string, args: readonly string[]): string {
  let next = 0;
  return format.replace(/%[s%]/g, (verb) => (verb === '%%' ? '%' : (args[next++] ?? '%!s(MISSING)')));
}

/** The execute_command template's fields: {{.Vars}}, {{.Script}} and {{.Command}} (the script too). */
function fillCommand(part: string, vars: string, script: string): string {
  return part.replace(/\{\{-?\s*\.(Vars|Script|Command)\s*-?\}\}/g, (_m, field: string) =>
    field === 'Vars' ? vars : script,
  );
}

/** Runs the command in the template's directory; resolves its exit code (-1 when killed by a signal). */
function runStreaming(command: readonly string[], context: ProvisionContext): Promise<number> {
  const [file = '', ...args] = command;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(file, args, { cwd: context.cwd, signal: context.signal, stdio: ['ignore', 'pipe', 'pipe'] });
    const streams = [lines(child.stdout, context.ui.say), lines(child.stderr, context.ui.error)];
    child.on('error', (error) => reject(context.signal.aborted ? new Error('context canceled') : error));
    child.on('close', (code) => {
      void Promise.all(streams).then(() => {
        if (context.signal.aborted) reject(new Error('context canceled'));
        else resolvePromise(code ?? -1);
      });
    });
  });
}

function lines(stream: Readable, write: (line: string) => void): Promise<void> {
  const reader = createInterface({ input: stream, crlfDelay: Infinity });
  reader.on('line', write);
  return new Promise((done) => reader.on('close', done));
}
