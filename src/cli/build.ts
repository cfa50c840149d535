import { templateComponentUses } from '../plugins/component-uses.js';
import { randomUUID } from 'node:crypto';
import { runBuilds } from '../core/build-runner.js';
import { EventBus, type Prompt } from '../core/events.js';
import { handleInterrupts } from '../core/interrupt.js';
import type { OnError } from '../core/runner.js';
import { machineReadableSink } from '../core/ui/machine-readable.js';
import { openPackerLog } from '../core/ui/packer-log.js';
import { ttyPrompt } from '../core/ui/prompt.js';
import { TerminalSink } from '../core/ui/terminal.js';
import { releasePlugins } from '../plugins/bridge/retained.js';
import { detectPluginBinaries } from '../plugins/required.js';
import { discoverPlugins, type PluginCatalog } from '../plugins/resolve.js';
import { pluginComponentResolver } from '../plugins/spec/fetch.js';
import { initializeConfig, parseTemplate } from '../template/config.js';
import { planBuilds, type PlannedBuild } from '../template/plan.js';
import { buildSecrets, configSecrets, SecretMasker } from '../template/secrets.js';
import { coreBuild, missingComponents } from './core-build.js';
import { parseGoFlags } from './goflag.js';
import type { CliIO } from './io.js';
import { runLegacyBuild } from './legacy-build.js';
import { helpRequested, metaFlags, newMetaArgs, NO_BUILDS_TO_RUN, templateKind, writeDiags } from './meta-args.js';
import { commandUi, type Ui } from './ui.js';

/*
 * `kiln build [options] TEMPLATE`, as `packer build` (command/build.go): parse,
 * initialize and plan the builds as validate does, then run them through the
 * core build runner under one interrupt signal, writing Packer's UI (terminal
 * or -machine-readable, plus the PACKER_LOG log) and its closing summary.
 * Exit code 1 on any error, interrupt included.
 */

const help = `Usage: kiln build [options] TEMPLATE

  Will execute multiple builds in parallel as defined in the template.
  The various artifacts created by the template will be outputted.

Options:

  -color=false                  Disable color output. (Default: color)
  -debug                        Debug mode enabled for builds.
  -except=foo,bar,baz           Run all builds and post-processors other than these.
  -only=foo,bar,baz             Build only the specified builds.
  -force                        Force a build to continue if artifacts exist, deletes existing artifacts.
  -machine-readable             Produce machine-readable output.
  -on-error=[cleanup|abort|ask|run-cleanup-provisioner] If the build fails do: clean up (default), abort, ask, or run-cleanup-provisioner.
  -parallel-builds=1            Number of builds to run in parallel. 1 disables parallelization. 0 means no limit (Default: 0)
  -timestamp-ui                 Enable prefixing of each ui output with an RFC3339 timestamp.
  -var 'key=value'              Variable for templates, can be used multiple times.
  -var-file=path                JSON or HCL2 file containing user variables, can be used multiple times.
  -warn-on-undeclared-var       Display warnings for user variable files containing undeclared variables.
  -ignore-prerelease-plugins    Disable the loading of prerelease plugin binaries (x.y.z-dev).`;

const ON_ERROR: readonly OnError[] = ['cleanup', 'abort', 'ask', 'run-cleanup-provisioner'];

interface BuildFlags {
  color: boolean;
  debug: boolean;
  force: boolean;
  timestamp: boolean;
  parallelBuilds: number;
  onError: OnError;
  /** -on-error as given, "" without: what Packer passes components as packer_on_error. */
  onErrorFlag: string;
  warnUndeclared: boolean;
  releasesOnly: boolean;
}

export async function runBuild(argv: string[], io: CliIO): Promise<number> {
  const machineReadable = argv.includes('-machine-readable');
  const { args, ui } = commandUi(argv, io);
  if (helpRequested(args)) {
    io.stdout.write(`${help}\n`);
    return 0;
  }
  const meta = newMetaArgs();
  const flags: BuildFlags = {
    color: true,
    debug: false,
    force: false,
    timestamp: false,
    parallelBuilds: 0,
    onError: 'cleanup',
    onErrorFlag: '',
    warnUndeclared: false,
    releasesOnly: false,
  };
  const parsed = parseGoFlags(args, {
    ...metaFlags(meta),
    color: { kind: 'bool', set: (b) => (flags.color = b) },
    debug: { kind: 'bool', set: (b) => (flags.debug = b) },
    force: { kind: 'bool', set: (b) => (flags.force = b) },
    'timestamp-ui': { kind: 'bool', set: (b) => (flags.timestamp = b) },
    'warn-on-undeclared-var': { kind: 'bool', set: (b) => (flags.warnUndeclared = b) },
    'ignore-prerelease-plugins': { kind: 'bool', set: (b) => (flags.releasesOnly = b) },
    'parallel-builds': { kind: 'value', set: (v) => (flags.parallelBuilds = parseGoInt(v)) },
    'on-error': { kind: 'value', set: (v) => (flags.onErrorFlag = flags.onError = parseOnError(v)) },
  });
  if (!parsed.ok || parsed.args.length !== 1) {
    if (!parsed.ok && parsed.message) ui.error(parsed.message);
    ui.say(help);
    return 1;
  }
  meta.path = parsed.args[0];
  const kind = templateKind(ui, meta, io.cwd);
  if (kind === undefined) return 1;
  const session: RunSession = { runUuid: randomUUID(), pluginLog: new PendingLog() };
  try {
    if (kind === 'json') {
      return await runLegacyBuild(
        meta,
        io,
        ui,
        (builds, plugins, out) => run(builds, plugins, flags, machineReadable, out, session),
        { debug: flags.debug, force: flags.force, onError: flags.onErrorFlag },
      );
    }
    const planned = await plan(meta, flags, io, ui, session);
    if (!planned) return 1;
    // Packer's UI replaces the values of sensitive variables (and what they flowed into) with <sensitive>.
    const masker = new SecretMasker(() => undefined);
    for (const secret of [...configSecrets(planned.config), ...buildSecrets(planned.builds)]) masker.add(secret);
    const masked = { ...io, stdout: masker.stream(io.stdout), stderr: masker.stream(io.stderr) };
    return await run(planned.builds, planned.plugins, flags, machineReadable, masked, session);
  } finally {
    // The plugin processes planning started and the run did not end (success, failure or interrupt).
    await releasePlugins();
  }
}

/** What planning and the run share: Packer's run UUID and the plugins' log. */
interface RunSession {
  readonly runUuid: string;
  /** Log lines of the plugins started while planning, until the run's debug log takes them. */
  readonly pluginLog: PendingLog;
}

/** Lines held until a sink is attached, then passed on. */
class PendingLog {
  #lines: string[] = [];
  #sink: ((line: string) => void) | undefined;

  readonly write = (line: string): void => {
    if (this.#sink) this.#sink(line);
    else this.#lines.push(line);
  };

  attach(sink: (line: string) => void): void {
    this.#sink = sink;
    for (const line of this.#lines.splice(0)) sink(line);
  }
}

/** Parse, initialize and plan; undefined (diagnostics written) when the build cannot start. */
async function plan(meta: ReturnType<typeof newMetaArgs>, flags: BuildFlags, io: CliIO, ui: Ui, session: RunSession) {
  const { config, files, diags } = parseTemplate({
    path: meta.path ?? '',
    cwd: io.cwd,
    env: io.env,
    vars: meta.vars,
    varFiles: meta.varFiles,
    warnOnUndeclaredVar: flags.warnUndeclared,
  });
  if (writeDiags(ui, files, diags) !== 0 || !config) return undefined;
  const plugins = await detectPluginBinaries(config.requiredPlugins, {
    env: io.env,
    releasesOnly: flags.releasesOnly,
    uses: templateComponentUses(config),
  });
  if (writeDiags(ui, new Map(), plugins.diags) !== 0) return undefined;
  const catalog = await discoverPlugins({ env: io.env, cwd: io.cwd, resolved: plugins.resolved });
  // The processes started here for plugin components run them too: they get the run's environment.
  const components = pluginComponentResolver(catalog, io.env, {
    env: { ...io.env, PACKER_RUN_UUID: session.runUuid },
    cwd: io.cwd,
    log: session.pluginLog.write,
  });
  const datasources = { catalog, env: io.env, launch: { env: io.env, cwd: io.cwd, log: session.pluginLog.write } };
  const initDiags = await initializeConfig(config, { executeDatasources: true, components, datasources });
  if (writeDiags(ui, new Map(), initDiags) !== 0) return undefined;
  // Plugin components are prepared by their plugins here, before any build starts (GetBuilds).
  const planned = await planBuilds(config, {
    only: meta.only,
    except: meta.except,
    debug: flags.debug,
    force: flags.force,
    onError: flags.onErrorFlag,
  });
  if (writeDiags(ui, new Map(), planned.diags) !== 0) return undefined;
  if (planned.builds.length === 0) {
    writeDiags(ui, new Map(), [NO_BUILDS_TO_RUN]);
    return undefined;
  }
  if (writeDiags(ui, new Map(), missingComponents(planned.builds, catalog, io.env)) !== 0) return undefined;
  return { config, builds: planned.builds, plugins: catalog };
}

async function run(
  planned: readonly PlannedBuild[],
  plugins: PluginCatalog,
  flags: BuildFlags,
  machineReadable: boolean,
  io: CliIO,
  session: RunSession,
): Promise<number> {
  const bus = new EventBus();
  const write = (text: string) => void io.stdout.write(text);
  let terminal: TerminalSink | undefined;
  if (machineReadable) bus.subscribe(machineReadableSink({ write }));
  else {
    terminal = new TerminalSink({
      write,
      color: flags.color,
      noColorEnv: Boolean(io.env['PACKER_NO_COLOR']),
      timestamp: flags.timestamp,
    });
    bus.subscribe(terminal.listener);
  }
  const log = openPackerLog({ env: io.env, stderr: (text) => void io.stderr.write(text) });
  if (log) bus.subscribe(log.listener);
  session.pluginLog.attach((message) => bus.emit({ type: 'log', message }));

  // Questions go to the terminal only on a TTY; otherwise they fail as Packer's Ask does.
  const ask = !machineReadable && io.stdin.isTTY === true ? ttyPrompt(io.stdin, write, (q) => q) : undefined;
  const prompt =
    ask && terminal
      ? (build: string): Prompt =>
          (query, signal) =>
            ask(terminal.askText(build, query), signal)
      : undefined;

  const interrupts = handleInterrupts({ onCancel: (text) => bus.emit({ type: 'ui', level: 'error', text }) });
  const options = {
    cwd: io.cwd,
    force: flags.force,
    noPromptReason: noPromptReason(machineReadable),
    runUuid: session.runUuid,
    plugins,
    env: io.env,
  };
  try {
    return await runBuilds(
      planned.map((b) => coreBuild(b, options)),
      {
        bus,
        signal: interrupts.signal,
        parallelBuilds: flags.parallelBuilds,
        debug: flags.debug,
        onError: flags.onError,
        ...(prompt ? { prompt } : {}),
      },
    );
  } finally {
    // Plugins kept for their builds and artifacts end with the run, as Packer's CleanupClients.
    await releasePlugins();
    interrupts.dispose();
    log?.close();
    if (ask) io.stdin.pause();
  }
}

/** What BasicUi.Ask (or MachineReadableUi.Ask) fails with when it cannot ask. */
function noPromptReason(machineReadable: boolean): string {
  return machineReadable ? "machine-readable UI can't ask" : 'no available tty';
}

/** Go's flag.Int64Var: base prefixes 0x, 0o, 0b and leading 0 (octal), else "parse error". */
function parseGoInt(text: string): number {
  const match = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]*|0[bB][01_]+|[1-9][0-9_]*)$/.exec(text);
  if (!match) throw new Error('parse error');
  const digits = (match[2] ?? '').replaceAll('_', '');
  const value = /^0[0-7]/.test(digits) ? Number.parseInt(digits, 8) : Number(digits.replace(/^0[oO]/, '0o'));
  return match[1] === '-' ? -value : value;
}

function parseOnError(text: string): OnError {
  const found = ON_ERROR.find((o) => o === text);
  if (!found) throw new Error(`${text} is not one of ${ON_ERROR.join(', ')}`);
  return found;
}
