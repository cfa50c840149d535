import { rm, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { handleInterrupts } from '../core/interrupt.js';
import { errorDiag } from '../hcl/diagnostics.js';
import { goQuote } from '../hcl/quote.js';
import { pluginEnvironment, type PluginEnvironment } from '../plugins/environment.js';
import { installFromBinary } from '../plugins/install-binary.js';
import { InstallError, installLatest } from '../plugins/installer.js';
import { listInstallations } from '../plugins/layout.js';
import { githubReleases } from '../plugins/releases.js';
import { NO_REQUIREMENTS, requirementOf } from '../plugins/requirement.js';
import { coloredUi } from './colored-ui.js';
import { parseGoFlags } from './goflag.js';
import type { CliIO } from './io.js';
import { helpRequested, metaFlags, newMetaArgs, writeDiags } from './meta-args.js';
import { templateRequirements } from './template-requirements.js';
import { commandUi, type Ui } from './ui.js';

/*
 * `kiln plugins installed|install|remove|required`, as Packer's `plugins`
 * subcommands (command/plugins_*.go), on the plugin directory Packer uses.
 * A subcommand called wrongly prints its help and exits 1 (mitchellh/cli's
 * RunResultHelp). `install` stops its download on SIGINT or SIGTERM, removing
 * its temporary files, and fails.
 */

interface Subcommand {
  readonly synopsis: string;
  readonly help: string;
  readonly run: (args: string[], ui: Ui, io: CliIO, env: PluginEnvironment) => Promise<number | 'help'>;
}

const pluginsHelp = `Usage: kiln plugins <subcommand> [options] [args]
  This command groups subcommands for interacting with Packer plugins.

Related but not under the "plugins" command :

- "kiln init <path>" will install all plugins required by a config.`;

const subcommands: ReadonlyMap<string, Subcommand> = new Map<string, Subcommand>([
  [
    'install',
    {
      synopsis: 'Install latest Packer plugin [matching version constraint]',
      help: `Usage: kiln plugins install [OPTIONS...] <plugin> [<version constraint>]

  This command will install the most recent compatible Packer plugin matching
  version constraint.
  When the version constraint is omitted, the most recent version will be
  installed.

  Ex: kiln plugins install github.com/hashicorp/happycloud v1.2.3
      kiln plugins install --path ./packer-plugin-happycloud "github.com/hashicorp/happycloud"

Options:
  -path <path>                  Install the plugin from a locally-sourced plugin binary.
                                This installs the plugin where a normal invocation would, but will
                                not try to download it from a remote location, and instead
                                install the binary in the Packer plugins path. This option cannot
                                be specified with a version constraint.
  -force                        Forces reinstallation of plugins, even if already installed.`,
      run: runInstall,
    },
  ],
  [
    'installed',
    {
      synopsis: 'List all installed Packer plugin binaries',
      help: `Usage: kiln plugins installed

  This command lists all installed plugin binaries that match with the current
  OS and architecture. Packer's API version will be ignored.`,
      run: runInstalled,
    },
  ],
  [
    'remove',
    {
      synopsis: 'Remove Packer plugins [matching a version]',
      help: `Usage: kiln plugins remove <plugin> [<version constraint>]

  This command will remove one or more installed Packer plugins.

  To remove a plugin matching a version constraint for the current OS and architecture.

      kiln plugins remove github.com/hashicorp/happycloud v1.2.3

  To remove all versions of a plugin for the current OS and architecture omit the version constraint.

      kiln plugins remove github.com/hashicorp/happycloud

  To remove a single plugin binary from the Packer plugin directory specify the absolute path to an installed binary. This syntax does not allow for version matching.

      kiln plugins remove ~/.config/plugins/github.com/hashicorp/happycloud/packer-plugin-happycloud_v1.0.0_x5.0_linux_amd64`,
      run: runRemove,
    },
  ],
  [
    'required',
    {
      synopsis: 'List plugins required by a config',
      help: `Usage: kiln plugins required <path>

  This command will list every Packer plugin required by a Packer config, in
  packer.required_plugins blocks. All binaries matching the required version
  constrain and the current OS and Architecture will be listed. The most recent
  version (and the first of the list) will be the one picked by Packer during a
  build.

  Ex: kiln plugins required require.pkr.hcl
  Ex: kiln plugins required path/to/folder/`,
      run: runRequired,
    },
  ],
]);

export async function runPlugins(argv: string[], io: CliIO): Promise<number> {
  const { args, ui } = commandUi(argv, io);
  const [name, ...rest] = args;
  const sub = name === undefined ? undefined : subcommands.get(name);
  if (!sub) {
    io.stdout.write(`${pluginsHelp}\n\nSubcommands:\n${subcommandList()}\n`);
    return helpRequested(args) ? 0 : 1;
  }
  if (helpRequested(rest)) {
    io.stdout.write(`${sub.help}\n`);
    return 0;
  }
  const env = pluginEnvironment(io.env);
  if (typeof env === 'string') {
    // main.go prints it before any command runs, to stderr.
    io.stderr.write(`${env}\n`);
    return 1;
  }
  const status = await sub.run(rest, ui, io, env);
  if (status !== 'help') return status;
  io.stdout.write(`${sub.help}\n`);
  return 1;
}

function subcommandList(): string {
  const width = Math.max(...[...subcommands.keys()].map((n) => n.length));
  return [...subcommands].map(([n, s]) => `    ${n.padEnd(width)}    ${s.synopsis}`).join('\n');
}

/** Packer's `plugins installed` takes no arguments and ignores any given. */
async function runInstalled(_args: string[], ui: Ui, _io: CliIO, env: PluginEnvironment): Promise<number> {
  let installs;
  try {
    installs = await listInstallations(undefined, [], { ...env, anyApiVersion: true });
  } catch (e) {
    ui.error((e as Error).message);
    return 1;
  }
  for (const install of installs) ui.say(install.binaryPath);
  return 0;
}

async function runInstall(args: string[], ui: Ui, io: CliIO, env: PluginEnvironment): Promise<number | 'help'> {
  let path = '';
  let force = false;
  const parsed = parseGoFlags(args, {
    path: { kind: 'value', set: (v) => (path = v) },
    force: { kind: 'bool', set: (b) => (force = b) },
  });
  const help = subcommands.get('install')!.help;
  if (!parsed.ok) {
    // Go's flag package writes the error and the usage, then ParseArgs says why it stops.
    ui.error(parsed.message);
    ui.say(help);
    ui.error(`Failed to parse options: ${parsed.message}`);
    return 1;
  }
  const positional = parsed.args;
  if (positional.length < 1 || positional.length > 2) {
    ui.error(`Invalid arguments, expected either 1 or 2 positional arguments, got ${positional.length}`);
    ui.say(help);
    return 1;
  }
  const [source = '', version = ''] = positional;
  if (path !== '' && version !== '') {
    ui.error('Invalid arguments: a version cannot be specified when using --path to install a local plugin binary');
    ui.say(help);
    return 1;
  }
  const sourceOnly = requirementOf('', source, '');
  if (typeof sourceOnly === 'string') {
    ui.error(`Invalid source string ${goQuote(source)}: ${sourceOnly}`);
    return 1;
  }
  if (path !== '') {
    const { binaryPath, diag } = await installFromBinary(path, source, sourceOnly.id, { ...env, cwd: io.cwd });
    if (diag) return writeDiags(ui, new Map(), [diag]);
    ui.say(`Successfully installed plugin ${source} from ${resolve(io.cwd, path)} to ${binaryPath}`);
    return 0;
  }
  const req = requirementOf('', source, version);
  if (typeof req === 'string') {
    ui.error(req);
    return 1;
  }
  if (req.constraints.some((t) => t.version.prerelease !== '')) {
    ui.error(`Unsupported prerelease for constraint ${goQuote(version)}`);
    return 1;
  }
  const interrupts = handleInterrupts({ onCancel: (text) => ui.error(text) });
  const releases = githubReleases(io.env, { signal: interrupts.signal });
  if (typeof releases === 'string') {
    interrupts.dispose();
    ui.error(releases);
    return 1;
  }
  try {
    const installed = await installLatest(req, { ...env, releases, force, signal: interrupts.signal });
    if (installed) {
      const message = `Installed plugin ${source} ${installed.version} in ${goQuote(installed.binaryPath)}`;
      coloredUi(ui, io.env).say(message);
    }
    return interrupts.signal.aborted ? 1 : 0;
  } catch (e) {
    if (!(e instanceof InstallError)) throw e;
    ui.error(e.message);
    return 1;
  } finally {
    interrupts.dispose();
  }
}

async function runRemove(args: string[], ui: Ui, _io: CliIO, env: PluginEnvironment): Promise<number | 'help'> {
  if (args.length < 1 || args.length > 2) return 'help';
  const [target = '', version] = args;
  if (isAbsolute(target)) {
    if (version !== undefined) {
      ui.error('Unsupported: no version constraint may be specified with a local plugin path.\n');
      return 'help';
    }
    if (!target.includes(env.pluginDir)) {
      return writeDiags(ui, new Map(), [
        errorDiag(
          'Invalid plugin location',
          `The path ${goQuote(target)} is not under the plugin directory inferred by Packer (${env.pluginDir}) and will not be removed.`,
        ),
      ]);
    }
    try {
      await deletePluginBinary(target);
    } catch (e) {
      return writeDiags(ui, new Map(), [
        errorDiag(
          'Failed to delete plugin',
          `The plugin ${goQuote(target)} failed to be deleted with the following error: ${goQuote((e as Error).message)}`,
        ),
      ]);
    }
    ui.say(target);
    return 0;
  }
  const sourceOnly = requirementOf('', target, '');
  if (typeof sourceOnly === 'string') {
    ui.error(`Invalid source string ${goQuote(target)}: ${sourceOnly}`);
    return 1;
  }
  const req = requirementOf('', target, version ?? '');
  if (typeof req === 'string') {
    ui.error(req);
    return 1;
  }
  let installs;
  try {
    installs = await listInstallations(req.id, req.constraints, { ...env, anyApiVersion: true });
  } catch (e) {
    ui.error((e as Error).message);
    return 1;
  }
  for (const install of installs) {
    try {
      await deletePluginBinary(install.binaryPath);
      ui.say(install.binaryPath);
    } catch (e) {
      ui.error(`Failed to remove plugin ${goQuote(install.binaryPath)}: ${goQuote((e as Error).message)}`);
    }
  }
  if (installs.length === 0) {
    ui.error(
      `No installed plugin found matching the plugin constraints ${target}${version !== undefined ? ` ${version}` : ''}`,
    );
    return 1;
  }
  return 0;
}

/** The binary, then its `_SHA256SUM` when there is one. */
async function deletePluginBinary(path: string): Promise<void> {
  await rm(path);
  const sum = `${path}_SHA256SUM`;
  try {
    await stat(sum);
  } catch {
    return;
  }
  await rm(sum);
}

async function runRequired(args: string[], ui: Ui, io: CliIO, env: PluginEnvironment): Promise<number | 'help'> {
  const meta = newMetaArgs();
  const parsed = parseGoFlags(args, metaFlags(meta));
  if (!parsed.ok) {
    if (parsed.message) ui.error(parsed.message);
    return 1;
  }
  if (parsed.args.length !== 1) return 'help';
  meta.path = parsed.args[0];
  const requirements = templateRequirements(ui, meta, io);
  if (!requirements) return 1;
  for (const req of requirements) {
    let line = `${req.accessor} ${req.id.source} ${goQuote(req.constraintText)}`;
    try {
      const installs = await listInstallations(req.id, req.constraints, env);
      for (const install of installs) line += ` ${install.binaryPath}`;
    } catch (e) {
      ui.error((e as Error).message);
      return 1;
    }
    ui.say(line);
  }
  if (requirements.length === 0) ui.say(NO_REQUIREMENTS);
  return 0;
}
