import { KILN_VERSION, PACKER_COMPAT_VERSION } from '../version.js';
import type { CliIO, Command } from './io.js';

interface CommandEntry {
  readonly synopsis: string;
  readonly load: () => Promise<Command>;
}

// A command's module is imported only when that command runs, so a start
// compiles just what it needs (`version` and `fmt` never load the evaluator).
// webpackIgnore keeps these imports for Node to resolve: scripts/build.mjs
// bundles each command as its own file beside the CLI's index.js.
const commands: ReadonlyMap<string, CommandEntry> = new Map([
  [
    'build',
    {
      synopsis: 'build image(s) from template',
      load: async () => (await import(/* webpackIgnore: true */ './build.js')).runBuild,
    },
  ],
  [
    'cleanup',
    {
      synopsis: 'removes the build containers that killed runs left behind',
      load: async () => (await import(/* webpackIgnore: true */ './cleanup.js')).runCleanup,
    },
  ],
  [
    'console',
    {
      synopsis: 'creates a console for testing variable interpolation',
      load: async () => (await import(/* webpackIgnore: true */ './console.js')).runConsole,
    },
  ],
  [
    'fmt',
    {
      synopsis: 'Rewrites HCL2 config files to canonical format',
      load: async () => (await import(/* webpackIgnore: true */ './fmt.js')).runFmt,
    },
  ],
  [
    'init',
    {
      synopsis: 'Install missing plugins or upgrade plugins',
      load: async () => (await import(/* webpackIgnore: true */ './init.js')).runInit,
    },
  ],
  [
    'inspect',
    {
      synopsis: 'see components of a template',
      load: async () => (await import(/* webpackIgnore: true */ './inspect.js')).runInspect,
    },
  ],
  [
    'merge-manifests',
    {
      synopsis: 'joins Packer manifest files, e.g. of matrix jobs',
      load: async () => (await import(/* webpackIgnore: true */ './merge-manifests.js')).runMergeManifests,
    },
  ],
  [
    'plan',
    {
      synopsis: 'list the builds of a template as a GitHub Actions matrix',
      load: async () => (await import(/* webpackIgnore: true */ './plan.js')).runPlan,
    },
  ],
  [
    'plugins',
    {
      synopsis: 'Interact with Packer plugins and catalog',
      load: async () => (await import(/* webpackIgnore: true */ './plugins.js')).runPlugins,
    },
  ],
  [
    'validate',
    {
      synopsis: 'check that a template is valid',
      load: async () => (await import(/* webpackIgnore: true */ './validate.js')).runValidate,
    },
  ],
  ['version', { synopsis: 'Prints the Kiln version', load: async () => runVersion }],
]);

/** Exit codes follow Packer's CLI (mitchellh/cli): 127 for a missing or unknown command. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '-v' || first === '-version' || first === '--version') return runVersion(rest, io);
  if (first === '-h' || first === '-help' || first === '--help') {
    io.stdout.write(usage());
    return 0;
  }
  const entry = first === undefined ? undefined : commands.get(first);
  if (!entry) {
    io.stderr.write(usage());
    return 127;
  }
  const run = await entry.load();
  return run(rest, io);
}

async function runVersion(_args: string[], io: CliIO): Promise<number> {
  io.stdout.write(`Kiln v${KILN_VERSION} (compatible with Packer v${PACKER_COMPAT_VERSION})\n`);
  return 0;
}

function usage(): string {
  const width = Math.max(...[...commands.keys()].map((n) => n.length)) + 4;
  const lines = [...commands].map(([name, e]) => `    ${name.padEnd(width)}${e.synopsis}`);
  return `Usage: kiln [--version] [--help] <command> [<args>]\n\nAvailable commands are:\n${lines.join('\n')}\n\n`;
}
