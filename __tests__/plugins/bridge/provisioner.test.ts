import { afterEach, describe, expect, it } from 'vitest';
import type { ProvisionContext } from '../../../src/components/runtime.js';
import { pluginProvisioner } from '../../../src/plugins/bridge/provisioner.js';
import { childProcesses, installedPlugin, packerPlugin, recordingUi, tempDir } from './support.js';

afterEach(async () => {
  expect(await childProcesses()).toEqual([]);
});

function provisionContext(overrides: Partial<ProvisionContext> = {}) {
  const ui = recordingUi();
  const context: ProvisionContext = {
    ui,
    signal: new AbortController().signal,
    prompt: async () => undefined,
    buildName: 'example',
    builderType: 'null',
    cwd: process.cwd(),
    generatedData: { ID: 'Null', PackerRunUUID: 'r-1' },
    ...overrides,
  };
  return { context, ui };
}

describe('pluginProvisioner with Packer 1.6.6 shell-local', () => {
  it("runs the inline commands with Kiln's Ui served to the plugin", async () => {
    const provision = pluginProvisioner(await installedPlugin(await tempDir(), 'packer-provisioner-shell-local'));
    const { context, ui } = provisionContext();
    await provision(
      { inline: ['echo hello from shell-local', 'echo "$PACKER_BUILD_NAME $PACKER_BUILDER_TYPE"'] },
      context,
    );
    expect(ui.lines).toEqual([
      expect.stringMatching(/^say: Running local shell script: \/tmp\/packer-shell\d+$/),
      'message: hello from shell-local',
      'message: example null',
    ]);
  });

  it('fails with the exit code of the command', async () => {
    const provision = pluginProvisioner(packerPlugin('packer-provisioner-shell-local'));
    const { context } = provisionContext();
    await expect(provision({ inline: ['exit 7'] }, context)).rejects.toThrow(
      new Error('Script exited with non-zero exit status: 7.Allowed exit codes are: [0]'),
    );
  });

  it("fails with the plugin's Prepare error", async () => {
    const provision = pluginProvisioner(packerPlugin('packer-provisioner-shell-local'));
    const { context } = provisionContext();
    await expect(provision({}, context)).rejects.toThrow(
      new Error('1 error(s) occurred:\n\n* Command, Inline, Script and Scripts options cannot all be empty.'),
    );
  });

  it('cancels a running command and reaps the plugin', async () => {
    const controller = new AbortController();
    const provision = pluginProvisioner(packerPlugin('packer-provisioner-shell-local'), { cancelGraceMs: 5_000 });
    const { context } = provisionContext({ signal: controller.signal });
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('interrupted')), 500);
    await expect(provision({ inline: ['sleep 30'] }, context)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
