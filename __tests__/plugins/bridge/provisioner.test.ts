import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { Transform } from 'node:stream';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Communicator } from '../../../src/communicator/communicator.js';
import { SshCommunicator } from '../../../src/communicator/ssh/communicator.js';
import { populateProvisionHookData } from '../../../src/components/common/provision-hook-data.js';
import { INITIAL_WINDOW } from '../../../src/plugins/bridge/yamux/frame.js';
import { SSHD, startSshd, type Sshd } from '../../support/sshd.js';
import { NoneCommunicator } from '../../../src/communicator/none.js';
import type { ProvisionContext } from '../../../src/components/runtime.js';
import { pluginProvisioner } from '../../../src/plugins/bridge/provisioner.js';
import { childProcesses, installedPlugin, packerPlugin, recordingUi, tempDir } from './support.js';

const sshAvailable = existsSync(SSHD) && process.getuid?.() === 0;

/** The sshd of the SSH tests below is the one child allowed to outlive a test. */
let sshdPid = 0;

afterEach(async () => {
  expect((await childProcesses()).filter((line) => !line.startsWith(`${sshdPid} `))).toEqual([]);
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
    // What Kiln's builders give for communicator = "none".
    communicator: new NoneCommunicator(),
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

describe('pluginProvisioner without a communicator', () => {
  it("refuses in Packer's words once the config is prepared, and leaves no plugin", async () => {
    const provision = pluginProvisioner(packerPlugin('packer-provisioner-shell'));
    const { context, ui } = provisionContext({ communicator: undefined });
    await expect(provision({ inline: ['echo hi'] }, context)).rejects.toThrow(
      new Error(
        'No communicator found for provisioners! This is usually because the\n' +
          '`communicator` config was set to "none". If you have any provisioners\n' +
          'then a communicator is required. Please fix this to continue.',
      ),
    );
    expect(ui.lines).toEqual([]);
  });

  it('still reports a config error first, as Packer prepares before it builds', async () => {
    const provision = pluginProvisioner(packerPlugin('packer-provisioner-shell'));
    const { context } = provisionContext({ communicator: undefined });
    await expect(provision({}, context)).rejects.toThrow(
      new Error('1 error(s) occurred:\n\n* Either a script file or inline script must be specified.'),
    );
  });
});

describe.skipIf(!sshAvailable)("Packer 1.6.6's shell and file provisioners on a real machine over Kiln's SSH", () => {
  let sshd: Sshd;
  let comm: SshCommunicator;
  let work: string;

  beforeAll(async () => {
    sshd = await startSshd('127.0.0.110', { emptyHome: true });
    sshdPid = sshd.pid();
    comm = await SshCommunicator.connect({
      ssh_host: sshd.host,
      ssh_port: sshd.port,
      ssh_username: 'root',
      ssh_private_key_file: sshd.userKeyFile,
    });
  });

  afterAll(async () => {
    await comm.close();
    await sshd.stop();
    sshdPid = 0;
  });

  beforeEach(async () => {
    work = await tempDir();
  });

  afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  function onMachine(overrides: Partial<ProvisionContext> = {}) {
    const generatedData = populateProvisionHookData({
      runUuid: 'r-1',
      communicator: {
        type: 'ssh',
        host: sshd.host,
        port: sshd.port,
        user: 'root',
        password: '',
        sshPublicKey: '',
        sshPrivateKey: '',
        sshPrivateKeyFile: sshd.userKeyFile,
        sshAgentAuth: false,
        winrmPassword: '',
      },
    });
    return provisionContext({ communicator: comm, generatedData, cwd: work, ...overrides });
  }

  const shell = () => pluginProvisioner(packerPlugin('packer-provisioner-shell'), { cwd: work });
  const file = () => pluginProvisioner(packerPlugin('packer-provisioner-file'), { cwd: work });

  it("streams the inline commands' stdout and stderr to the UI as Packer prints them", async () => {
    const { context, ui } = onMachine();
    await shell()({ inline: ['echo out', 'echo err >&2', 'echo "$PACKER_BUILD_NAME $PACKER_BUILDER_TYPE"'] }, context);
    // Packer 1.6.6 on the same config: "==> null: err", "    null: out", "    null: example null"
    // (stdout and stderr are separate streams, so their order between each other is not fixed).
    expect(ui.lines[0]).toMatch(/^say: Provisioning with shell script: \/tmp\/packer-shell\d+$/);
    expect(ui.lines.slice(1).sort()).toEqual(['error: err', 'message: example null', 'message: out']);
  });

  it.each([1, 3, 127, 255])("fails with Packer's text for exit status %i", async (status) => {
    const { context, ui } = onMachine();
    await expect(shell()({ inline: ['echo before', `exit ${status}`] }, context)).rejects.toThrow(
      new Error(`Script exited with non-zero exit status: ${status}.Allowed exit codes are: [0]`),
    );
    expect(ui.lines.slice(1)).toEqual(['message: before']);
  });

  it('accepts an exit status listed in valid_exit_codes', async () => {
    const { context } = onMachine();
    await shell()({ inline: ['exit 2'], valid_exit_codes: [0, 2] }, context);
  });

  it("carries a command's stdin, stdout and exit status for Packer's ansible provisioner", async () => {
    // A stand-in for ansible-playbook: it logs in to the plugin's SSH proxy adapter,
    // whose commands run through Communicator.Start with the SSH channel as stdin.
    await writeFile(join(work, 'playbook.yml'), '');
    await writeFile(
      join(work, 'ansible-playbook'),
      [
        '#!/bin/sh',
        'if [ "$1" = "--version" ]; then echo "ansible-playbook 2.9.27"; exit 0; fi',
        'while [ $# -gt 0 ]; do',
        '  case "$1" in -i) inv=$2; shift ;; ansible_ssh_private_key_file=*) key=${1#*=} ;; esac',
        '  shift',
        'done',
        'port=$(sed -n \'s/.*ansible_port=\\([0-9]*\\).*/\\1/p\' "$inv")',
        "printf 'through stdin\\n' | ssh -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes \\",
        '  -o LogLevel=ERROR -o HostKeyAlgorithms=+ssh-rsa -o PubkeyAcceptedAlgorithms=+ssh-rsa \\',
        '  -i "$key" -p "$port" root@127.0.0.1 \'tr a-z A-Z; exit 4\'',
        '',
      ].join('\n'),
      { mode: 0o755 },
    );
    const { context, ui } = onMachine();
    const ansible = pluginProvisioner(packerPlugin('packer-provisioner-ansible'), { cwd: work });
    // Packer 1.6.6 with the same stand-in prints "    null: THROUGH STDIN" and fails the same way.
    await expect(
      ansible({ command: join(work, 'ansible-playbook'), playbook_file: 'playbook.yml', user: 'root' }, context),
    ).rejects.toThrow(new Error('Error executing Ansible: Non-zero exit status: exit status 4'));
    expect(ui.lines).toEqual([
      'say: Provisioning with Ansible...',
      'message: Setting up proxy adapter for Ansible....',
      expect.stringMatching(/^say: Executing Ansible: .*\/ansible-playbook -e packer_build_name="example" /),
      'message: THROUGH STDIN',
    ]);
  });

  it("uploads a file keeping its mode, a directory, and downloads both as Packer's file provisioner does", async () => {
    const local = join(work, 'src');
    await mkdir(join(local, 'dir', 'sub'), { recursive: true });
    await writeFile(join(local, 'f.txt'), 'hello\n', { mode: 0o640 });
    await writeFile(join(local, 'dir', 'a.txt'), 'one\n');
    await writeFile(join(local, 'dir', 'sub', 'b.txt'), 'two\n');
    const remote = join(work, 'remote');
    await mkdir(remote);
    const { context, ui } = onMachine();
    const provision = file();
    await provision({ source: 'src/f.txt', destination: `${remote}/f.txt` }, context);
    await provision({ source: 'src/dir', destination: `${remote}/` }, context);
    await provision({ direction: 'download', source: `${remote}/dir/sub/b.txt`, destination: 'dl/b.txt' }, context);
    await provision({ direction: 'download', source: `${remote}/dir/`, destination: 'dl/' }, context);
    expect(ui.lines).toEqual([
      `say: Uploading src/f.txt => ${remote}/f.txt`,
      `say: Uploading src/dir => ${remote}/`,
      `say: Downloading ${remote}/dir/sub/b.txt => dl/b.txt`,
      `say: Downloading ${remote}/dir/ => dl/`,
    ]);
    // The layout Packer 1.6.6 leaves for the same provisioners over its own SSH communicator.
    expect((await stat(join(remote, 'f.txt'))).mode & 0o777).toBe(0o640);
    expect(await tree(remote)).toEqual({ 'dir/a.txt': 'one\n', 'dir/sub/b.txt': 'two\n', 'f.txt': 'hello\n' });
    expect(await tree(join(work, 'dl'))).toEqual({ 'b.txt': 'two\n', 'dir/a.txt': 'one\n', 'dir/sub/b.txt': 'two\n' });
  });

  it("fails a download of a missing file with the communicator's error", async () => {
    const { context } = onMachine();
    await expect(
      file()({ direction: 'download', source: `${work}/missing`, destination: 'dl/missing' }, context),
    ).rejects.toThrow(`${work}/missing: No such file or directory`);
  });

  it('streams a 64 MiB upload through the bridge without holding the file in memory', async () => {
    const size = 64 * 1024 * 1024;
    const big = join(work, 'big.bin');
    const expected = createHash('sha256');
    const chunk = randomBytes(1024 * 1024);
    const out = createWriteStream(big);
    for (let i = 0; i < size / chunk.length; i++) {
      expected.update(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
    }
    await new Promise((resolve) => out.end(resolve));
    const uploaded = join(work, 'uploaded.bin');
    let mostBuffered = 0;
    let mostAhead = 0;
    const watched: Communicator = {
      start: (...args) => comm.start(...args),
      uploadDir: (...args) => comm.uploadDir(...args),
      download: (...args) => comm.download(...args),
      downloadDir: (...args) => comm.downloadDir(...args),
      close: () => comm.close(),
      upload: async (path, input, fileInfo, signal) => {
        let taken = 0;
        const counted = new Transform({
          transform(data: Buffer, _encoding, done) {
            taken += data.length;
            done(null, data);
          },
        });
        const timer = setInterval(() => {
          mostBuffered = Math.max(mostBuffered, input.readableLength);
          const written = statSync(uploaded, { throwIfNoEntry: false })?.size ?? 0;
          mostAhead = Math.max(mostAhead, taken - written);
        }, 2);
        try {
          await comm.upload(path, input.pipe(counted), fileInfo, signal);
        } finally {
          clearInterval(timer);
        }
      },
    };
    const { context } = onMachine({ communicator: watched });
    await file()({ source: 'big.bin', destination: uploaded }, context);
    expect(
      createHash('sha256')
        .update(await readFile(uploaded))
        .digest('hex'),
    ).toBe(expected.digest('hex'));
    // The plugin is held to the yamux window, and Kiln reads from it no faster than the
    // machine writes the file (what SSH and sshd buffer in between is a few MiB).
    expect(mostBuffered).toBeLessThanOrEqual(INITIAL_WINDOW);
    expect(mostAhead).toBeLessThan(16 * 1024 * 1024);
  });

  it("reports a dropped connection as Packer's disconnect (exit status 2300218 over gob)", async () => {
    // The script kills the sshd process serving its own connection, as a reboot would.
    const dropConnection =
      'p=$$; while [ "$(cat /proc/$p/comm)" != sshd ]; do p=$(awk \'/^PPid/{print $2}\' /proc/$p/status); done; kill -KILL $p';
    const { context } = onMachine();
    await expect(shell()({ inline: [dropConnection] }, context)).rejects.toThrow(
      new Error(
        'Script disconnected unexpectedly. If you expected your script to disconnect, i.e. from a restart, ' +
          'you can try adding `"expect_disconnect": true` or `"valid_exit_codes": [0, 2300218]` to the shell ' +
          'provisioner parameters.',
      ),
    );
  });

  it('kills the remote command when cancelled mid-command and reaps the plugin', async () => {
    const controller = new AbortController();
    const { context, ui } = onMachine({ signal: controller.signal });
    const marker = `sleep 3${process.pid % 1000}7`;
    const running = shell()({ inline: ['echo started', marker] }, context);
    await vi.waitFor(() => expect(ui.lines).toContain('message: started'), { timeout: 10_000 });
    expect(remoteProcesses(marker)).toHaveLength(1);
    controller.abort(new Error('interrupted'));
    // What Packer 1.6.6's shell provisioner returns once cancelled.
    await expect(running).rejects.toThrow(new Error('context canceled'));
    expect(remoteProcesses(marker)).toEqual([]);
  });
});

/** Files under `dir` (slash-separated relative paths) with their contents. */
async function tree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path)] = await readFile(path, 'utf8');
  }
  return files;
}

/** Processes on the machine (this host) whose command line is exactly `command`. */
function remoteProcesses(command: string): string[] {
  const found = spawnSync('pgrep', ['-x', '-f', command], { encoding: 'utf8' });
  return found.stdout.split('\n').filter((line) => line !== '');
}
