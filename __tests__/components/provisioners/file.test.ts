import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SshCommunicator } from '../../../src/communicator/ssh/communicator.js';
import { prepareFile } from '../../../src/components/provisioners/file/prepare.js';
import { provisionFile } from '../../../src/components/provisioners/file/provisioner.js';
import type { FileConfig } from '../../../src/components/provisioners/file/schema.js';
import { SSHD, startSshd, type Sshd } from '../../support/sshd.js';
import { provisionContext, snapshot, writeFixture } from './file.support.js';

const available = existsSync(SSHD) && process.getuid?.() === 0;

const TREE = [
  'a.txt f 0644 6',
  'empty d 0700',
  'exec.sh f 0755 18',
  'sub d 0750',
  'sub/b.txt f 0600 1',
  'sub/deep d 0755',
  'sub/deep/c.txt f 0644 2',
];
/** The entries of a 0755 directory `name` holding `entries`. */
const inDir = (name: string, entries: readonly string[]) => [`${name} d 0755`, ...entries.map((e) => `${name}/${e}`)];

it('has a real sshd to test against', () => {
  expect(available).toBe(true);
});

describe.runIf(available)('file provisioner over a real sshd', () => {
  let sshd: Sshd;
  let work: string;
  let fixture: string;
  let count = 0;
  const comms: SshCommunicator[] = [];

  beforeAll(async () => {
    sshd = await startSshd('127.0.0.20');
    work = mkdtempSync(path.join(tmpdir(), 'kiln-file-prov-'));
    fixture = path.join(work, 'fixture');
    mkdirSync(fixture);
    writeFixture(fixture);
  });
  afterAll(async () => {
    await Promise.all(comms.map((c) => c.close()));
    await sshd?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const connect = async (method: 'scp' | 'sftp') => {
    const comm = await SshCommunicator.connect({
      ssh_host: sshd.host,
      ssh_port: sshd.port,
      ssh_username: 'root',
      ssh_private_key_file: sshd.userKeyFile,
      ssh_file_transfer_method: method,
    });
    comms.push(comm);
    return comm;
  };
  /** A fresh, empty directory on the machine (which is this one). */
  const fresh = () => {
    const dir = path.join(work, `case-${++count}`);
    mkdirSync(dir);
    return dir;
  };

  describe.each(['scp', 'sftp'] as const)('ssh_file_transfer_method = %s', (method) => {
    const run = async (config: FileConfig) => {
      const { ctx, lines } = provisionContext(fixture, await connect(method));
      await provisionFile(config, ctx);
      return lines;
    };

    it.each([
      ['file.txt', 'out.txt', ['out.txt f 0640 5']],
      ['file.txt', '', ['file.txt f 0640 5']],
      ['two.txt', 'x.sh', ['x.sh f 0755 8']],
      ['links/link-file', '', ['link-file f 0755 18']],
    ])('uploads the file %s to {R}/%s', async (source, name, tree) => {
      const r = fresh();
      const lines = await run({ source, destination: `${r}/${name}` });
      expect(snapshot(r)).toEqual(tree);
      expect(lines).toEqual([['say', `Uploading ${source} => ${r}/${name}`]]);
    });

    it('uploads a file with the content of its source', async () => {
      const r = fresh();
      await run({ source: 'tree/exec.sh', destination: `${r}/` });
      expect(readFileSync(path.join(r, 'exec.sh'), 'utf8')).toBe('#!/bin/sh\necho hi\n');
    });

    it.each([
      ['tree', '', inDir('tree', TREE)],
      ['tree', '/', inDir('tree', TREE)],
      ['tree/', '', TREE],
      ['tree/', '/', TREE],
      ['tree/empty', '/', ['empty d 0700']],
      ['tree/sub/', '', ['b.txt f 0600 1', 'deep d 0755', 'deep/c.txt f 0644 2']],
    ])('uploads the directory %s to {R}%s', async (source, slash, tree) => {
      const r = fresh();
      const lines = await run({ source, destination: `${r}${slash}` });
      expect(snapshot(r)).toEqual(tree);
      expect(lines).toEqual([['say', `Uploading ${source} => ${r}${slash}`]]);
    });

    it('follows symbolic links inside an uploaded directory with the modes Packer’s scp sends', async () => {
      const r = fresh();
      await run({ source: 'links/', destination: r });
      // A linked dir is sent as 0777 and a linked file as 0644, under the remote umask (022).
      expect(snapshot(r)).toEqual([
        'link-dir d 0755',
        'link-dir/b.txt f 0600 1',
        'link-dir/deep d 0755',
        'link-dir/deep/c.txt f 0644 2',
        'link-file f 0644 18',
      ]);
      expect(readFileSync(path.join(r, 'link-file'), 'utf8')).toBe('#!/bin/sh\necho hi\n');
    });

    it('uploads several sources into a destination ending in a slash', async () => {
      const r = fresh();
      const lines = await run({ sources: ['file.txt', 'tree/sub', 'two.txt'], destination: `${r}/` });
      expect(snapshot(r)).toEqual([
        'file.txt f 0640 5',
        'sub d 0750',
        'sub/b.txt f 0600 1',
        'sub/deep d 0755',
        'sub/deep/c.txt f 0644 2',
        'two.txt f 0755 8',
      ]);
      expect(lines.map(([, t]) => t)).toEqual(
        ['file.txt', 'tree/sub', 'two.txt'].map((s) => `Uploading ${s} => ${r}/`),
      );
    });

    it('uploads content as a 0600 file and removes its temporary file', async () => {
      const r = fresh();
      const before = readdirSync(tmpdir()).filter((n) => n.startsWith('pkr-file-content'));
      await run({ content: 'hello\nworld', destination: `${r}/greeting` });
      expect(snapshot(r)).toEqual(['greeting f 0600 11']);
      expect(readFileSync(path.join(r, 'greeting'), 'utf8')).toBe('hello\nworld');
      const lines = await run({ content: 'x', destination: `${r}/` });
      expect(snapshot(r)).toEqual([expect.stringMatching(/^greeting f 0600 11$/), expect.any(String)]);
      expect(snapshot(r)[1]).toMatch(/^pkr-file-content\d+ f 0600 1$/);
      expect(lines).toEqual([['say', expect.stringMatching(/^Uploading \/.*\/pkr-file-content\d+ => /)]]);
      expect(readdirSync(tmpdir()).filter((n) => n.startsWith('pkr-file-content'))).toEqual(before);
    });

    it.each([
      ['file.txt', 'out.txt', 'out.txt', ['out.txt f 0644 5']],
      ['file.txt', '', 'file.txt', ['file.txt f 0644 5']],
      ['file.txt', 'new/deeper/', 'new/deeper/file.txt', ['new d 0755', ...inDir('new/deeper', ['file.txt f 0644 5'])]],
      ['file.txt', 'new/out.txt', 'new/out.txt', ['new d 0755', 'new/out.txt f 0644 5']],
      ['tree/', '', '', inDir('tree', TREE)],
      ['tree/', 'x', 'x', ['x d 0755', ...inDir('x/tree', TREE)]],
    ])('downloads {S}/%s to {L}/%s', async (source, dest, said, tree) => {
      const l = fresh();
      const lines = await run({ source: `${fixture}/${source}`, destination: `${l}/${dest}`, direction: 'download' });
      expect(snapshot(l)).toEqual(tree);
      expect(lines).toEqual([['say', `Downloading ${fixture}/${source} => ${l}/${said}`]]);
    });

    // Packer downloads directories and globs with scp whatever the method.
    it.each([
      ['tree/*', '', '', TREE],
      ['tree/sub/*.txt', '.', '.', ['b.txt f 0600 1']],
    ])('downloads the glob {S}/%s to {L}/%s', async (source, dest, said, tree) => {
      const l = fresh();
      const lines = await run({ source: `${fixture}/${source}`, destination: `${l}/${dest}`, direction: 'download' });
      expect(snapshot(l)).toEqual(tree);
      expect(lines).toEqual([['say', `Downloading ${fixture}/${source} => ${l}/${said}`]]);
    });

    it('downloads the contents of the remote file', async () => {
      const l = fresh();
      await run({ source: `${fixture}/tree/exec.sh`, destination: `${l}/`, direction: 'download' });
      expect(readFileSync(path.join(l, 'exec.sh'), 'utf8')).toBe('#!/bin/sh\necho hi\n');
    });

    it('resolves local paths against the working directory', async () => {
      const r = fresh();
      await run({ source: `${fixture}/two.txt`, destination: `${path.basename(r)}/`, direction: 'download' });
      expect(snapshot(path.join(fixture, path.basename(r)))).toEqual(['two.txt f 0644 8']);
      rmSync(path.join(fixture, path.basename(r)), { recursive: true });
    });

    it('reports a failed download and leaves the empty local file, as Packer', async () => {
      const l = fresh();
      const { ctx, lines } = provisionContext(fixture, await connect(method));
      const missing = `${fixture}/missing.txt`;
      const config: FileConfig = { source: missing, destination: `${l}/out.txt`, direction: 'download' };
      await expect(provisionFile(config, ctx)).rejects.toThrow(/missing\.txt/);
      expect(snapshot(l)).toEqual(['out.txt f 0644 0']);
      expect(lines).toEqual([
        ['say', `Downloading ${missing} => ${l}/out.txt`],
        ['error', expect.stringMatching(/^Download failed: .*missing\.txt/)],
      ]);
    });

    it('reports a failed upload of a file onto a directory', async () => {
      const r = fresh();
      const { ctx, lines } = provisionContext(fixture, await connect(method));
      await expect(provisionFile({ source: 'file.txt', destination: r }, ctx)).rejects.toThrow();
      expect(lines).toEqual([
        ['say', `Uploading file.txt => ${r}`],
        ['error', expect.stringMatching(/^Upload failed: /)],
      ]);
    });
  });

  it('checks a generated source when it provisions, not when it prepares', async () => {
    const r = fresh();
    const config: FileConfig = { source: 'gen.txt', destination: `${r}/`, generated: true };
    expect(prepareFile(config).errors ?? []).toEqual([]);
    const { ctx, lines } = provisionContext(fixture, await connect('scp'));
    await expect(provisionFile(config, ctx)).rejects.toThrow(new Error('stat gen.txt: no such file or directory'));
    expect(lines).toEqual([['say', `Uploading gen.txt => ${r}/`]]);
    writeFileSync(path.join(fixture, 'gen.txt'), 'made later');
    try {
      await provisionFile(config, ctx);
    } finally {
      rmSync(path.join(fixture, 'gen.txt'));
    }
    expect(snapshot(r)).toEqual(['gen.txt f 0644 10']);
  });

  it('downloads several files each under its own name, and stops after a directory, as Packer', async () => {
    const l = fresh();
    const { ctx, lines } = provisionContext(fixture, await connect('scp'));
    const sources = ['file.txt', 'two.txt', 'tree/sub/', 'tree/a.txt'].map((s) => `${fixture}/${s}`);
    await provisionFile({ sources, destination: `${l}/`, direction: 'download' }, ctx);
    expect(snapshot(l)).toEqual([
      'file.txt f 0644 5',
      'sub d 0750',
      'sub/b.txt f 0600 1',
      'sub/deep d 0755',
      'sub/deep/c.txt f 0644 2',
      'two.txt f 0644 8',
    ]);
    expect(lines.map(([, t]) => t)).toEqual([
      `Downloading ${fixture}/file.txt => ${l}/file.txt`,
      `Downloading ${fixture}/two.txt => ${l}/two.txt`,
      `Downloading ${fixture}/tree/sub/ => ${l}/`,
    ]);
  });

  it('fails on a missing source with Go’s stat error', async () => {
    const { ctx } = provisionContext(fixture, await connect('scp'));
    await expect(provisionFile({ sources: ['file.txt', 'nope/'], destination: `${fresh()}/` }, ctx)).rejects.toThrow(
      new Error('stat nope/: no such file or directory'),
    );
  });

  it('renders source and destination with the build’s generated data', async () => {
    const r = fresh();
    const { ctx } = provisionContext(fixture, await connect('scp'));
    const withData = { ...ctx, generatedData: { ID: 'abc', Port: 22 } };
    await provisionFile({ source: 'file.txt', destination: `${r}/{{ .ID }}-{{ .Port }}.txt` }, withData);
    expect(snapshot(r)).toEqual(['abc-22.txt f 0640 5']);
    await expect(provisionFile({ source: 'file.txt', destination: '{{ .ID' }, withData)).rejects.toThrow(
      /^Error interpolating destination: template: root:1: /,
    );
  });

  it('stops at once when the build is cancelled', async () => {
    const r = fresh();
    const controller = new AbortController();
    controller.abort();
    const { ctx, lines } = provisionContext(fixture, await connect('scp'), controller.signal);
    await expect(provisionFile({ source: 'file.txt', destination: `${r}/` }, ctx)).rejects.toThrow();
    expect(lines).toEqual([]);
    expect(snapshot(r)).toEqual([]);
  });

  it('fails as communicator "none" does when the builder has no communicator', async () => {
    const { ctx, lines } = provisionContext(fixture, undefined);
    await expect(provisionFile({ source: 'file.txt', destination: '/tmp/x' }, ctx)).rejects.toThrow(
      new Error("Upload is not implemented when communicator = 'none'"),
    );
    expect(lines).toEqual([
      ['say', 'Uploading file.txt => /tmp/x'],
      ['error', "Upload failed: Upload is not implemented when communicator = 'none'"],
    ]);
    const download = provisionContext(fixture, undefined);
    const l = fresh();
    await expect(
      provisionFile({ source: '/x/', destination: `${l}/`, direction: 'download' }, download.ctx),
    ).rejects.toThrow(new Error("DownloadDir is not implemented when communicator = 'none'"));
    expect(statSync(l).isDirectory()).toBe(true);
  });
});
