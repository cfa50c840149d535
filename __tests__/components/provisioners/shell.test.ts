import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SshCommunicator } from '../../../src/communicator/ssh/communicator.js';
import { waitFor } from '../../../src/communicator/waiter.js';
import { populateProvisionHookData } from '../../../src/components/common/provision-hook-data.js';
import { flattenEnvVars } from '../../../src/components/common/env-vars.js';
import { provisionShell } from '../../../src/components/provisioners/shell/provisioner.js';
import type { ShellConfig } from '../../../src/components/provisioners/shell/schema.js';
import { toUnixLines } from '../../../src/components/provisioners/shell/unix-reader.js';
import type { GeneratedData, ProvisionContext } from '../../../src/components/runtime.js';
import type { UiLevel } from '../../../src/core/events.js';
import { SSHD, startSshd, type Sshd } from '../../support/sshd.js';

const available = existsSync(SSHD) && process.getuid?.() === 0;

const NO_HTTP = populateProvisionHookData({ runUuid: 'run-1' });

interface Harness {
  ctx: ProvisionContext;
  lines: [UiLevel, string][];
  /** The UI lines after the "Provisioning with shell script" one. */
  output: () => [UiLevel, string][];
}

function harness(
  communicator: SshCommunicator | undefined,
  options: { signal?: AbortSignal; generatedData?: GeneratedData; onLine?: (text: string) => void } = {},
): Harness {
  const lines: [UiLevel, string][] = [];
  const push = (level: UiLevel) => (text: string) => {
    lines.push([level, text]);
    options.onLine?.(text);
  };
  const ctx: ProvisionContext = {
    ui: { say: push('say'), message: push('message'), error: push('error') },
    signal: options.signal ?? new AbortController().signal,
    prompt: () => Promise.reject(new Error('no available tty')),
    buildName: 'docker.ubuntu',
    builderType: 'docker',
    cwd: process.cwd(),
    generatedData: options.generatedData ?? NO_HTTP,
    ...(communicator ? { communicator } : {}),
  };
  // The provisioner's own lines; everything else is the remote command's output.
  const own = /^(Provisioning with shell script: |Pausing .* after this provisioner\.\.\.$)/;
  return { ctx, lines, output: () => lines.filter(([level, text]) => level !== 'say' || !own.test(text)) };
}

const pgrep = (...args: string[]): number[] =>
  spawnSync('pgrep', args, { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number);

const signal = (pid: number, name: NodeJS.Signals): void => {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
};

/**
 * Drops sshd and its connections at once, as a reboot does: each connection's
 * process is killed, the listener terminated (so it exits with a status, which
 * the support helper's stop() expects), and both are waited for.
 */
async function killSshd(sshd: Sshd): Promise<void> {
  const listeners = pgrep('-f', '--', `-f ${path.join(sshd.dir, 'sshd_config')}`);
  const connections = listeners.flatMap((pid) => pgrep('-P', String(pid)));
  for (const pid of connections) signal(pid, 'SIGKILL');
  for (const pid of listeners) signal(pid, 'SIGTERM');
  await waitFor({ what: 'sshd to exit', timeoutMs: 3000 }, async () => {
    if ([...listeners, ...connections].some(isAlive)) throw new Error('sshd still running');
  });
}

/** Starts sshd again with the same config, host key and port; resolves once it accepts connections. */
async function restartSshd(sshd: Sshd, restarted: ChildProcess[]): Promise<void> {
  const args = ['-D', '-e', '-f', path.join(sshd.dir, 'sshd_config'), '-p', String(sshd.port)];
  const child = spawn(SSHD, args, { stdio: ['ignore', 'ignore', 'ignore'] });
  restarted.push(child);
  await waitFor({ what: 'sshd again', timeoutMs: 5000 }, () => probe(sshd.host, sshd.port));
}

function probe(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host, port }, () => {
      sock.destroy();
      resolve();
    });
    sock.once('error', reject);
  });
}

/** Whether a process still runs (a zombie no longer does: its parent may be gone, leaving none to reap it). */
const isAlive = (pid: number): boolean => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
};

describe('UnixReader', () => {
  it.each([
    ['', ''],
    ['a', 'a\n'],
    ['a\r\nb\r\n', 'a\nb\n'],
    ['a\r\r\n', 'a\r\n'],
    ['a\rb\n\n', 'a\rb\n\n'],
    ['last\r', 'last\n'],
  ])('%j becomes %j', (input, output) => {
    expect(toUnixLines(Buffer.from(input)).toString()).toBe(output);
  });

  it('fails on a line bufio.Scanner cannot hold (65536 bytes and more)', () => {
    expect(toUnixLines(Buffer.from('x'.repeat(65_535))).length).toBe(65_536);
    expect(() => toUnixLines(Buffer.from(`${'x'.repeat(65_536)}\n`))).toThrow('bufio.Scanner: token too long');
  });
});

describe('flattened environment variables', () => {
  const sources = {
    buildName: 'b',
    builderType: 'qemu',
    generatedData: populateProvisionHookData({ runUuid: 'r', httpIp: '10.0.2.2', httpPort: 80 }),
  };
  it.each([
    [
      "%s='%s' ",
      "PACKER_BUILDER_TYPE='qemu' PACKER_BUILD_NAME='b' PACKER_HTTP_ADDR='10.0.2.2:80' PACKER_HTTP_IP='10.0.2.2' PACKER_HTTP_PORT='80' Z='it'\"'\"'s' ",
    ],
    [
      '%s=%q;',
      'PACKER_BUILDER_TYPE="qemu";PACKER_BUILD_NAME="b";PACKER_HTTP_ADDR="10.0.2.2:80";PACKER_HTTP_IP="10.0.2.2";PACKER_HTTP_PORT="80";Z="it\'\\"\'\\"\'s";',
    ],
    [
      '%s ',
      "PACKER_BUILDER_TYPE %!(EXTRA string=qemu)PACKER_BUILD_NAME %!(EXTRA string=b)PACKER_HTTP_ADDR %!(EXTRA string=10.0.2.2:80)PACKER_HTTP_IP %!(EXTRA string=10.0.2.2)PACKER_HTTP_PORT %!(EXTRA string=80)Z %!(EXTRA string=it'\"'\"'s)",
    ],
  ])('env_var_format %j', (format, flattened) => {
    expect(flattenEnvVars(format, { ...sources, environmentVars: ['Z=first'], env: { Z: "it's" } })).toBe(flattened);
  });

  it("a variable may override Packer's own", () => {
    expect(
      flattenEnvVars('%s=%s;', { ...sources, generatedData: NO_HTTP, environmentVars: ['PACKER_BUILD_NAME=x'] }),
    ).toBe('PACKER_BUILDER_TYPE=qemu;PACKER_BUILD_NAME=x;');
  });
});

it('has a real sshd to test against (root, /usr/sbin/sshd)', () => {
  expect(available).toBe(true);
});

it("fails clearly without a communicator, as Packer's provision hook does", async () => {
  const { ctx } = harness(undefined);
  await expect(provisionShell({ inline: ['true'] }, ctx)).rejects.toThrow(
    'No communicator found for provisioners! This is usually because the\n' +
      '`communicator` config was set to "none". If you have any provisioners\n' +
      'then a communicator is required. Please fix this to continue.',
  );
});

describe.runIf(available)('shell provisioner over SSH', () => {
  let sshd: Sshd;
  let comm: SshCommunicator;
  let local: string;
  let remote: string;

  beforeAll(async () => {
    sshd = await startSshd('127.0.0.10');
    comm = await SshCommunicator.connect({
      ssh_host: sshd.host,
      ssh_port: sshd.port,
      ssh_username: 'root',
      ssh_private_key_file: sshd.userKeyFile,
      ssh_timeout: 10_000,
    });
    local = mkdtempSync('/tmp/kiln-shell-local-');
  });
  afterAll(async () => {
    await comm?.close();
    await sshd?.stop();
    rmSync(local, { recursive: true, force: true });
  });
  // A fresh remote folder per test, so what a test leaves there is its own.
  afterEach(() => rmSync(remote, { recursive: true, force: true }));
  const remoteFolder = () => (remote = mkdtempSync('/tmp/kiln-shell-remote-'));

  const script = (name: string, text: string): string => {
    const file = path.join(local, name);
    writeFileSync(file, text);
    return file;
  };

  it('inline: runs under "/bin/sh -e", streams output and removes the remote script', async () => {
    const folder = remoteFolder();
    const { ctx, lines } = harness(comm);
    const config: ShellConfig = {
      inline: ['echo one', 'echo to-stderr >&2', 'false', 'echo never'],
      remote_folder: folder,
      remote_file: 'run.sh',
    };
    await expect(provisionShell(config, ctx)).rejects.toThrow(
      'Script exited with non-zero exit status: 1. Allowed exit codes are: [0]',
    );
    expect(lines[0]?.[0]).toBe('say');
    expect(lines[0]?.[1]).toMatch(/^Provisioning with shell script: \/tmp\/packer-shell\d+$/);
    expect(lines.slice(1)).toEqual([
      ['say', 'one'],
      ['error', 'to-stderr'],
    ]);
    // The local temporary script is gone; the remote one stays when the script fails, as in Packer.
    expect(existsSync(lines[0]?.[1].split(': ')[1] ?? '')).toBe(false);
    expect(readdirSync(folder)).toEqual(['run.sh']);

    const ok = harness(comm);
    await provisionShell({ ...config, inline: ['echo fine'] }, ok.ctx);
    expect(ok.output()).toEqual([['say', 'fine']]);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('inline_shebang, an inline script with its own shebang, and generated data in inline commands', async () => {
    const folder = remoteFolder();
    const base: ShellConfig = { remote_folder: folder, remote_file: 's.sh', skip_clean: true };
    await provisionShell({ ...base, inline: ['#!/bin/bash', 'echo "$BASH_VERSION" | cut -c1'] }, harness(comm).ctx);
    expect(readFileSync(path.join(folder, 's.sh'), 'utf8')).toBe('#!/bin/bash\necho "$BASH_VERSION" | cut -c1\n');

    const a = harness(comm, { generatedData: { ...NO_HTTP, Host: '10.1.2.3', Port: 2222 } });
    await provisionShell(
      { ...base, inline_shebang: '/bin/bash -e', inline: ['echo {{ build `Host` }} {{ .Port }} ${BASH_VERSINFO[0]}'] },
      a.ctx,
    );
    expect(a.output()).toEqual([['say', `10.1.2.3 2222 ${bashMajor()}`]]);
    expect(readFileSync(path.join(folder, 's.sh'), 'utf8')).toBe(
      '#!/bin/bash -e\necho 10.1.2.3 2222 ${BASH_VERSINFO[0]}\n',
    );
  });

  it('scripts: each uploaded to remote_path in turn; valid_exit_codes decides success', async () => {
    const folder = remoteFolder();
    const a = script('a.sh', '#!/bin/sh\necho "a at $0"\n');
    const b = script('b.sh', '#!/bin/sh\necho b\nexit 3\n');
    const remotePath = path.join(folder, 'fixed.sh');
    const ok = harness(comm);
    await provisionShell({ scripts: [a, b], remote_path: remotePath, valid_exit_codes: [0, 3] }, ok.ctx);
    expect(ok.lines).toEqual([
      ['say', `Provisioning with shell script: ${a}`],
      ['say', `a at ${remotePath}`],
      ['say', `Provisioning with shell script: ${b}`],
      ['say', 'b'],
    ]);
    expect(readdirSync(folder)).toEqual([]);

    const bad = harness(comm);
    await expect(provisionShell({ script: b, remote_path: remotePath }, bad.ctx)).rejects.toThrow(
      'Script exited with non-zero exit status: 3. Allowed exit codes are: [0]',
    );
    await expect(
      provisionShell({ script: b, remote_path: remotePath, valid_exit_codes: [0, 4] }, bad.ctx),
    ).rejects.toThrow('Script exited with non-zero exit status: 3. Allowed exit codes are: [0 4]');
    await expect(provisionShell({ script: path.join(local, 'missing.sh') }, bad.ctx)).rejects.toThrow(
      `Error opening shell script: open ${path.join(local, 'missing.sh')}: no such file or directory`,
    );
  });

  it("environment_vars and env: quoted so quotes, spaces and $ arrive as written; sorted; Packer's own first", async () => {
    const printer = script(
      'env.sh',
      'for v in A B C D PACKER_BUILD_NAME PACKER_BUILDER_TYPE; do eval "echo \\"$v=[\\$$v]\\""; done\n',
    );
    const folder = remoteFolder();
    const { ctx, output } = harness(comm);
    const config: ShellConfig = {
      script: printer,
      environment_vars: ["A=it's", 'B=two  words', 'C=$HOME and `id`', 'D=a=b'],
      env: { D: 'x\'y"z' },
      remote_folder: folder,
      execute_command: 'echo {{.Vars}}; chmod +x {{.Path}}; {{.Vars}} {{.Path}}',
    };
    await provisionShell(config, ctx);
    expect(output()).toEqual([
      [
        'say',
        // echo of the Vars themselves: sorted, single quotes escaped as '"'"'.
        "A=it's B=two  words C=$HOME and `id` D=x'y\"z PACKER_BUILDER_TYPE=docker PACKER_BUILD_NAME=docker.ubuntu",
      ],
      ['say', "A=[it's]"],
      ['say', 'B=[two  words]'],
      ['say', 'C=[$HOME and `id`]'],
      ['say', 'D=[x\'y"z]'],
      ['say', 'PACKER_BUILD_NAME=[docker.ubuntu]'],
      ['say', 'PACKER_BUILDER_TYPE=[docker]'],
    ]);
  });

  it("env_var_format goes through Go's Sprintf; execute_command is a Go template with user variables", async () => {
    const printer = script('fmt.sh', 'echo "[$FOO] [$PACKER_BUILDER_TYPE]"\n');
    const folder = remoteFolder();
    const a = harness(comm);
    await provisionShell(
      {
        script: printer,
        environment_vars: ['FOO=a b'],
        env_var_format: 'export %s=%q; ',
        remote_folder: folder,
        // A sudo-like wrapper: the script runs in a child shell that gets the variables through env.
        execute_command: "{{ .Vars }} sh -c 'cd / && env {{ user `who` }}=1 sh {{ .Path }}' # {{ build_name }}",
        packer_user_variables: { who: 'WRAPPED' },
      },
      a.ctx,
    );
    expect(a.output()).toEqual([['say', '[a b] [docker]']]);

    const b = harness(comm);
    await expect(
      provisionShell({ script: printer, remote_folder: folder, execute_command: '{{ .Nope }' }, b.ctx),
    ).rejects.toThrow(/^Error processing command: template: root:1: unexpected "}" in operand$/);
  });

  it('use_env_var_file: variables in a 0600 file the default command sources; both removed afterwards', async () => {
    const printer = script('vars.sh', 'echo "[$FOO]"\n');
    const folder = remoteFolder();
    const a = harness(comm);
    const config: ShellConfig = {
      script: printer,
      environment_vars: ["FOO=it's here"],
      use_env_var_file: true,
      remote_folder: folder,
      remote_file: 'main.sh',
    };
    await provisionShell(config, a.ctx);
    expect(a.output()).toEqual([['say', "[it's here]"]]);
    expect(readdirSync(folder)).toEqual([]);

    await provisionShell({ ...config, skip_clean: true }, harness(comm).ctx);
    const varFile = readdirSync(folder).find((name) => name.startsWith('varfile_'));
    expect(varFile).toMatch(/^varfile_\d{1,4}\.sh$/);
    const varPath = path.join(folder, varFile ?? '');
    expect(statSync(varPath).mode & 0o777).toBe(0o600);
    expect(readFileSync(varPath, 'utf8')).toBe(
      "export FOO='it'\"'\"'s here'\nexport PACKER_BUILDER_TYPE='docker'\nexport PACKER_BUILD_NAME='docker.ubuntu'\n",
    );
  });

  it('remote_folder/remote_file with skip_clean: the script is left, mode 0755, CRLF made LF unless binary', async () => {
    const folder = remoteFolder();
    const crlf = script('crlf.sh', 'echo one\r\necho two\r\necho three');
    const config: ShellConfig = { script: crlf, remote_folder: folder, remote_file: 'kept.sh', skip_clean: true };
    const a = harness(comm);
    await provisionShell(config, a.ctx);
    expect(a.output()).toEqual([
      ['say', 'one'],
      ['say', 'two'],
      ['say', 'three'],
    ]);
    const kept = path.join(folder, 'kept.sh');
    expect(readFileSync(kept, 'utf8')).toBe('echo one\necho two\necho three\n');
    expect(statSync(kept).mode & 0o777).toBe(0o755);

    const b = harness(comm);
    await provisionShell({ ...config, binary: true, execute_command: 'cat -A {{.Path}}' }, b.ctx);
    expect(b.output()).toEqual([
      ['say', 'echo one^M$'],
      ['say', 'echo two^M$'],
      ['say', 'echo three'],
    ]);
  });

  it('streams stdout and stderr line by line in order, cleaned as RunWithUi cleans them', async () => {
    const folder = remoteFolder();
    const a = harness(comm);
    await provisionShell(
      {
        inline: [
          'echo out1',
          'sleep 0.1; echo err1 >&2',
          "sleep 0.1; printf 'progress 10%%\\rprogress 100%%   \\n'",
          "sleep 0.1; printf '\\n'",
          "sleep 0.1; printf 'héllo wörld\\n' >&2",
          "sleep 0.1; printf 'no newline'",
        ],
        remote_folder: folder,
      },
      a.ctx,
    );
    expect(a.output()).toEqual([
      ['say', 'out1'],
      ['error', 'err1'],
      ['say', 'progress 100%'],
      ['say', ''],
      ['error', 'héllo wörld'],
      ['say', 'no newline'],
    ]);
  });

  it('PACKER_HTTP_ADDR/IP/PORT come from the HTTP server when the builder has one, and are absent otherwise', async () => {
    const folder = remoteFolder();
    const printer = script(
      'http.sh',
      'echo "${PACKER_HTTP_ADDR-unset} ${PACKER_HTTP_IP-unset} ${PACKER_HTTP_PORT-unset}"\n',
    );
    const withHttp = harness(comm, {
      generatedData: populateProvisionHookData({ runUuid: 'r', httpIp: '10.0.2.2', httpPort: 8123 }),
    });
    await provisionShell({ script: printer, remote_folder: folder }, withHttp.ctx);
    expect(withHttp.output()).toEqual([['say', '10.0.2.2:8123 10.0.2.2 8123']]);

    const without = harness(comm);
    await provisionShell({ script: printer, remote_folder: folder }, without.ctx);
    expect(without.output()).toEqual([['say', 'unset unset unset']]);
  });

  it('pause_after: says so and waits', async () => {
    const folder = remoteFolder();
    const { ctx, lines } = harness(comm);
    const started = Date.now();
    await provisionShell({ inline: ['true'], remote_folder: folder, pause_after: 300 }, ctx);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(lines.at(-1)).toEqual(['say', 'Pausing 300ms after this provisioner...']);
  });
});

describe.runIf(available)('shell provisioner across a dropped connection', () => {
  let sshd: Sshd;
  let comm: SshCommunicator;
  let folder: string;
  const restarted: ChildProcess[] = [];

  beforeAll(async () => {
    sshd = await startSshd('127.0.0.11');
    comm = await SshCommunicator.connect({
      ssh_host: sshd.host,
      ssh_port: sshd.port,
      ssh_username: 'root',
      ssh_private_key_file: sshd.userKeyFile,
      ssh_timeout: 10_000,
    });
    folder = mkdtempSync('/tmp/kiln-shell-reboot-');
  });
  afterAll(async () => {
    await comm?.close();
    for (const child of restarted) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      else continue;
      await exited;
    }
    await sshd?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  /** Runs `config`, killing sshd when the script prints "going down" and starting it again after restartAfterMs. */
  async function rebootDuring(config: ShellConfig, restartAfterMs: number) {
    let restarting: Promise<void> | undefined;
    const h = harness(comm, {
      onLine: (text) => {
        if (text !== 'going down' || restarting) return;
        restarting = killSshd(sshd)
          .then(() => new Promise((resolve) => setTimeout(resolve, restartAfterMs)))
          .then(() => restartSshd(sshd, restarted));
      },
    });
    const result = await provisionShell(config, h.ctx).then(
      () => undefined,
      (error: unknown) => error,
    );
    await restarting;
    return { result, lines: h.lines };
  }

  it('expect_disconnect: a script that loses its connection succeeds, and cleanup reconnects once sshd is back', async () => {
    const config: ShellConfig = {
      inline: ['echo going down', 'sleep 1', 'echo not seen'],
      remote_folder: folder,
      remote_file: 'reboot.sh',
      expect_disconnect: true,
    };
    const started = Date.now();
    const { result, lines } = await rebootDuring(config, 300);
    expect(result).toBeUndefined();
    expect(lines.slice(1)).toEqual([['say', 'going down']]);
    // The cleanup's first attempt found sshd down and retried 2s later.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(existsSync(path.join(folder, 'reboot.sh'))).toBe(false);
  });

  it('without expect_disconnect the drop is an error, and the next command reconnects by itself', async () => {
    const config: ShellConfig = {
      inline: ['echo going down', 'sleep 1'],
      remote_folder: folder,
      remote_file: 'unexpected.sh',
    };
    const { result } = await rebootDuring(config, 100);
    expect((result as Error).message).toBe(
      'Script disconnected unexpectedly. If you expected your script to disconnect, i.e. from a restart, ' +
        'you can try adding `"expect_disconnect": true` or `"valid_exit_codes": [0, 2300218]` to the shell ' +
        'provisioner parameters.',
    );
    const after = harness(comm);
    await provisionShell({ inline: ['echo back'], remote_folder: folder }, after.ctx);
    expect(after.output()).toEqual([['say', 'back']]);
  });

  it('a disconnect fails even when valid_exit_codes lists 2300218: Packer checks it first', async () => {
    const config: ShellConfig = {
      inline: ['echo going down', 'sleep 1'],
      remote_folder: folder,
      remote_file: 'listed.sh',
      valid_exit_codes: [0, 2300218],
    };
    const { result } = await rebootDuring(config, 100);
    expect((result as Error).message).toBe(
      'Script disconnected unexpectedly. If you expected your script to disconnect, i.e. from a restart, ' +
        'you can try adding `"expect_disconnect": true` or `"valid_exit_codes": [0, 2300218]` to the shell ' +
        'provisioner parameters.',
    );
  });

  it('start_retry_timeout: upload and start are retried every 2s until sshd is back', async () => {
    await killSshd(sshd);
    const back = new Promise((resolve) => setTimeout(resolve, 500)).then(() => restartSshd(sshd, restarted));
    const h = harness(comm);
    const started = Date.now();
    await provisionShell({ inline: ['echo after reboot'], remote_folder: folder, start_retry_timeout: 10_000 }, h.ctx);
    await back;
    expect(h.output()).toEqual([['say', 'after reboot']]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  });

  it('start_retry_timeout: once it has passed, the last error is returned', async () => {
    await killSshd(sshd);
    try {
      const h = harness(comm);
      const started = Date.now();
      const error = await provisionShell(
        { inline: ['true'], remote_folder: folder, start_retry_timeout: 1000 },
        h.ctx,
      ).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      // First attempt, a 2s pause, a second attempt, then the timeout has passed.
      expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
      expect(error?.message).toMatch(
        new RegExp(
          `^Error uploading script: root@127\\.0\\.0\\.11:${sshd.port}: upload to /tmp/kiln-shell-reboot-\\w+/script_\\d+\\.sh failed: connect ECONNREFUSED 127\\.0\\.0\\.11:${sshd.port}$`,
        ),
      );
    } finally {
      await restartSshd(sshd, restarted);
    }
  });
});

describe.runIf(available)('shell provisioner cancellation', () => {
  let sshd: Sshd;
  let comm: SshCommunicator;
  let folder: string;

  beforeAll(async () => {
    sshd = await startSshd('127.0.0.12');
    comm = await SshCommunicator.connect({
      ssh_host: sshd.host,
      ssh_port: sshd.port,
      ssh_username: 'root',
      ssh_private_key_file: sshd.userKeyFile,
      ssh_timeout: 10_000,
    });
    folder = mkdtempSync('/tmp/kiln-shell-cancel-');
  });
  afterAll(async () => {
    await comm?.close();
    await sshd?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('aborting the signal ends the remote command and fails with "context canceled"', async () => {
    const controller = new AbortController();
    const pidFile = path.join(folder, 'pid');
    const h = harness(comm, {
      signal: controller.signal,
      onLine: (text) => {
        if (text === 'started') controller.abort();
      },
    });
    const started = Date.now();
    await expect(
      provisionShell({ inline: [`echo $$ > ${pidFile}`, 'echo started', 'sleep 30.5'], remote_folder: folder }, h.ctx),
    ).rejects.toThrow(/^context canceled$/);
    expect(Date.now() - started).toBeLessThan(5000);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    await waitFor({ what: 'the remote script to end', timeoutMs: 3000 }, async () => {
      if (isAlive(pid)) throw new Error(`pid ${pid} alive`);
    });
    const sleeping = spawnSync('pgrep', ['-f', 'sleep 30.5'], { encoding: 'utf8' }).stdout.trim();
    expect(sleeping).toBe('');
  });
});

function bashMajor(): string {
  return spawnSync('bash', ['-c', 'echo ${BASH_VERSINFO[0]}'], { encoding: 'utf8' }).stdout.trim();
}
