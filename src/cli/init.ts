import { handleInterrupts } from '../core/interrupt.js';
import { goQuote } from '../hcl/quote.js';
import { templateComponentUses } from '../plugins/component-uses.js';
import { pluginEnvironment } from '../plugins/environment.js';
import { InstallError, installLatest } from '../plugins/installer.js';
import { listInstallations } from '../plugins/layout.js';
import { nativePlugin } from '../plugins/native.js';
import { githubReleases } from '../plugins/releases.js';
import { NO_REQUIREMENTS, type PluginRequirement } from '../plugins/requirement.js';
import { parseConstraints } from '../template/version-constraint.js';
import { coloredUi } from './colored-ui.js';
import { parseGoFlags } from './goflag.js';
import type { CliIO } from './io.js';
import { helpRequested, metaFlags, newMetaArgs } from './meta-args.js';
import { parsedRequirements } from './template-requirements.js';
import { commandUi } from './ui.js';

/*
 * `kiln init [-upgrade] [-force] TEMPLATE`, as `packer init` (command/init.go):
 * each required plugin without an installed binary meeting its constraint is
 * installed from its GitHub releases; -upgrade also looks for a higher allowed
 * version, -force reinstalls (the installed version, unless with -upgrade).
 * A source Kiln can stand in for (native.ts: the template uses only
 * components Kiln has, at a version the constraint admits) needs no download
 * and is reported as such. SIGINT or SIGTERM stops the download in progress;
 * its temporary files are removed and the command fails.
 */

const help = `Usage: kiln init [options] TEMPLATE

  Install all the missing plugins required in a Packer config. Note that Packer
  does not have a state.

  This is the first command that should be executed when working with a new
  or existing template.

  This command is always safe to run multiple times. Though subsequent runs may
  give errors, this command will never delete anything.

Options:
  -upgrade                     On top of installing missing plugins, update
                               installed plugins to the latest available
                               version, if there is a new higher one. Note that
                               this still takes into consideration the version
                               constraint of the config.
  -force                       Forces reinstallation of plugins, even if already
                               installed.`;

export async function runInit(argv: string[], io: CliIO): Promise<number> {
  const { args, ui } = commandUi(argv, io);
  if (helpRequested(args)) {
    io.stdout.write(`${help}\n`);
    return 0;
  }
  const meta = newMetaArgs();
  let upgrade = false;
  let force = false;
  const parsed = parseGoFlags(args, {
    ...metaFlags(meta),
    upgrade: { kind: 'bool', set: (b) => (upgrade = b) },
    force: { kind: 'bool', set: (b) => (force = b) },
  });
  if (!parsed.ok || parsed.args.length !== 1) {
    if (!parsed.ok && parsed.message) ui.error(parsed.message);
    ui.say(help);
    return 1;
  }
  meta.path = parsed.args[0];
  const env = pluginEnvironment(io.env);
  if (typeof env === 'string') {
    // main.go prints it before any command runs, to stderr.
    io.stderr.write(`${env}\n`);
    return 1;
  }
  const template = parsedRequirements(ui, meta, io);
  if (!template) return 1;
  const { requirements } = template;
  if (requirements.length === 0) ui.say(NO_REQUIREMENTS);
  const uses = templateComponentUses(template.config);

  const interrupts = handleInterrupts({ onCancel: (text) => ui.error(text) });
  const releases = githubReleases(io.env, { signal: interrupts.signal });
  const installedUi = coloredUi(ui, io.env);
  let status = 0;
  try {
    for (const requirement of requirements) {
      if (interrupts.signal.aborted) return 1;
      const native = nativePlugin(requirement, io.env, uses);
      if (native) {
        ui.say(
          `Plugin ${requirement.id.source} is served natively by Kiln (following v${native.version}); nothing to install`,
        );
        continue;
      }
      let req: PluginRequirement = requirement;
      let installs;
      try {
        installs = await listInstallations(req.id, req.constraints, { ...env, releasesOnly: true });
      } catch (e) {
        ui.error((e as Error).message);
        return 1;
      }
      if (installs.length > 0) {
        if (!force && !upgrade) continue;
        // -force alone reinstalls the highest installed release rather than upgrading.
        const release = installs.filter((i) => !i.version.includes('-')).pop();
        if (force && !upgrade && release) {
          // Packer builds "=%s" from the installation's version, its "v" kept.
          const pinned = `=${release.version}`;
          req = { ...req, constraints: parseConstraints(pinned).terms ?? [], constraintText: pinned };
        }
      }
      if (typeof releases === 'string') {
        ui.error(releases);
        return 1;
      }
      try {
        const installed = await installLatest(req, { ...env, releases, force, signal: interrupts.signal });
        if (installed) {
          installedUi.say(`Installed plugin ${req.id.source} ${installed.version} in ${goQuote(installed.binaryPath)}`);
        }
      } catch (e) {
        if (!(e instanceof InstallError)) throw e;
        ui.error(`Failed getting the ${goQuote(req.id.source)} plugin:`);
        ui.error(e.message);
        status = 1;
      }
    }
  } finally {
    interrupts.dispose();
  }
  return interrupts.signal.aborted ? 1 : status;
}
