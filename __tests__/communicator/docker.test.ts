import { randomUUID, createHash } from 'node:crypto';
import {
  createReadStream,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommunicatorError } from '../../src/communicator/communicator.js';
import { DockerCommunicator, type DockerCommunicatorOptions } from '../../src/communicator/docker/communicator.js';
import { engine, engineAvailable, ensureBaseImage, removeLabelled, startContainer } from '../support/docker.js';

const LABEL = 'kiln.test';
const runId = randomUUID();

function collect(): { stream: Writable; text: () => string; bytes: () => number } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  return {
    stream,
    text: () => Buffer.concat(chunks).toString('utf8'),
    bytes: () => chunks.reduce((n, c) => n + c.length, 0),
  };
}

/** A sink that hashes what it receives, so big downloads never sit in memory. */
function hasher(): { stream: Writable; digest: () => string } {
  const hash = createHash('sha256');
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done();
    },
  });
  return { stream, digest: () => hash.digest('hex') };
}

it('has a Docker engine to test against', async () => {
  expect(await engineAvailable()).toBe(true);
});

describe('docker communicator against the real engine', () => {
  let container: Docker.Container;
  let nobodyContainer: Docker.Container;
  let work: string;

  const comm = (overrides: Partial<DockerCommunicatorOptions> = {}) =>
    new DockerCommunicator({ engine, containerId: container.id, fixUploadOwner: true, ...overrides });

  /** Runs a shell command in the container and returns its stdout (fails on a non-zero exit). */
  const sh = async (command: string, on: Docker.Container = container): Promise<string> => {
    const out = collect();
    const err = collect();
    const c = new DockerCommunicator({ engine, containerId: on.id });
    const { exitStatus } = await c.start({ command, stdout: out.stream, stderr: err.stream });
    if (exitStatus !== 0) throw new Error(`${command} exited ${exitStatus}: ${err.text()}`);
    return out.text();
  };

  beforeAll(async () => {
    await ensureBaseImage();
    container = await startContainer({ [LABEL]: runId });
    nobodyContainer = await startContainer({ [LABEL]: runId }, 'nobody');
    work = mkdtempSync(path.join(tmpdir(), 'kiln-docker-comm-'));
  }, 300_000);

  afterAll(async () => {
    await removeLabelled(LABEL, runId);
    rmSync(work, { recursive: true, force: true });
  });

  describe('start', () => {
    it('separates stdout and stderr and reports the exit status', async () => {
      const out = collect();
      const err = collect();
      const result = await comm().start({
        command: 'echo out; echo err >&2; exit 7',
        stdout: out.stream,
        stderr: err.stream,
      });
      expect(result).toEqual({ exitStatus: 7 });
      expect(out.text()).toBe('out\n');
      expect(err.text()).toBe('err\n');
    });

    it('feeds stdin and closes it at its end', async () => {
      const out = collect();
      const result = await comm().start({
        command: 'tr a-z A-Z',
        stdin: Readable.from(['hello ', 'docker\n']),
        stdout: out.stream,
      });
      expect(result.exitStatus).toBe(0);
      expect(out.text()).toBe('HELLO DOCKER\n');
    });

    it('closes stdin at once when none is given', async () => {
      const out = collect();
      expect((await comm().start({ command: 'cat; echo done', stdout: out.stream })).exitStatus).toBe(0);
      expect(out.text()).toBe('done\n');
    });

    it.each([
      ['the container user', {}, 'root\n'],
      ['exec_user', { execUser: 'nobody' }, 'nobody\n'],
      ['exec_user as uid:gid', { execUser: '65534:65534' }, 'nobody\n'],
    ])('runs commands as %s', async (_name, options, expected) => {
      const out = collect();
      await comm(options).start({ command: 'id -un', stdout: out.stream });
      expect(out.text()).toBe(expected);
    });

    it('allocates a TTY with pty', async () => {
      const out = collect();
      const result = await comm({ pty: true }).start({ command: 'test -t 1 && echo tty', stdout: out.stream });
      expect(result.exitStatus).toBe(0);
      expect(out.text()).toBe('tty\r\n');
    });

    it('streams 50 MiB of output', async () => {
      const out = hasher();
      const result = await comm().start({ command: 'head -c 52428800 /dev/zero', stdout: out.stream });
      expect(result.exitStatus).toBe(0);
      expect(out.digest()).toBe(createHash('sha256').update(Buffer.alloc(52_428_800)).digest('hex'));
    });

    it('kills the command on abort', async () => {
      const controller = new AbortController();
      const started = comm().start(
        { command: 'echo started > /tmp/abort-me; sleep 300; echo late > /tmp/abort-me' },
        controller.signal,
      );
      for (let i = 0; i < 100 && !(await sh('cat /tmp/abort-me 2>/dev/null || true')).includes('started'); i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const before = Date.now();
      controller.abort();
      await expect(started).rejects.toMatchObject({ name: 'AbortError' });
      expect(Date.now() - before).toBeLessThan(1000);
      // The sleep (marked with the exec's id) is gone: no process runs "sleep 300".
      for (let i = 0; i < 40 && (await sh(psSleep)).trim() !== ''; i++) await new Promise((r) => setTimeout(r, 50));
      expect((await sh(psSleep)).trim()).toBe('');
    });
  });

  describe('upload', () => {
    it('uploads a stream with its file info and gives it to the container user', async () => {
      const data = 'hello from kiln\n';
      await comm({ containerId: nobodyContainer.id, containerUser: 'nobody' }).upload(
        '/tmp/hello.txt',
        Readable.from([data]),
        {
          mode: 0o640,
          size: Buffer.byteLength(data),
        },
      );
      expect(await sh('stat -c "%a %U %s" /tmp/hello.txt; cat /tmp/hello.txt', nobodyContainer)).toBe(
        `640 nobody 16\n${data}`,
      );
    });

    it('leaves the owner root with fix_upload_owner = false', async () => {
      await comm({ containerId: nobodyContainer.id, fixUploadOwner: false }).upload(
        '/tmp/root-owned',
        Readable.from(['x']),
        { mode: 0o644, size: 1 },
      );
      expect(await sh('stat -c "%a %U" /tmp/root-owned', nobodyContainer)).toBe('644 root\n');
    });

    it('spools an upload without file info and gives it mode 0600, as Packer', async () => {
      await comm().upload('/tmp/spooled', Readable.from(['a', 'b', 'c']));
      expect(await sh('stat -c "%a %s" /tmp/spooled; cat /tmp/spooled')).toBe('600 3\nabc');
    });

    it('fails naming the container when the directory is missing', async () => {
      const error = await comm()
        .upload('/no/such/dir/file', Readable.from(['x']), { mode: 0o644, size: 1 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CommunicatorError);
      expect((error as Error).message).toBe(
        `container ${container.id.slice(0, 12)}: upload to /no/such/dir/file failed: ` +
          'Could not find the file /no/such/dir in container ' +
          container.id,
      );
    });

    it('uploads and downloads 50 MiB streaming, byte for byte', async () => {
      const big = path.join(work, 'big.bin');
      const block = Buffer.alloc(1 << 20);
      for (let i = 0; i < block.length; i++) block[i] = (i * 31 + 7) & 0xff;
      writeFileSync(big, Buffer.concat(Array.from({ length: 50 }, () => block)));
      const expected = createHash('sha256').update(readFileSync(big)).digest('hex');
      const before = process.memoryUsage().rss;
      await comm().upload('/tmp/big.bin', createReadStream(big), { mode: 0o600, size: statSync(big).size });
      expect(await sh('sha256sum /tmp/big.bin')).toBe(`${expected}  /tmp/big.bin\n`);
      const sink = hasher();
      await comm().download('/tmp/big.bin', sink.stream);
      expect(sink.digest()).toBe(expected);
      // Streaming: the process did not grow by the file's size.
      expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
    });
  });

  describe('uploadDir (docker cp rules)', () => {
    let src: string;
    beforeAll(() => {
      src = path.join(work, 'cakes');
      mkdirSync(path.join(src, 'sub'), { recursive: true });
      writeFileSync(path.join(src, 'chocolate'), 'choc\n', { mode: 0o755 });
      writeFileSync(path.join(src, 'sub', 'vanilla'), 'van\n', { mode: 0o600 });
      writeFileSync(path.join(src, 'skip.log'), 'no\n');
      symlinkSync('chocolate', path.join(src, 'link'));
    });

    const tree = (dir: string, on: Docker.Container = container) =>
      sh(`cd ${dir} && find . -printf '%p %y %m %u %l\\n' | sort`, on);

    it.each([
      [
        'an existing directory receives the directory',
        'mkdir -p /up1',
        '/up1',
        false,
        ['.', './cakes', './cakes/chocolate', './cakes/link', './cakes/skip.log', './cakes/sub', './cakes/sub/vanilla'],
      ],
      [
        'an existing directory receives the contents with a trailing slash',
        'mkdir -p /up2',
        '/up2',
        true,
        ['.', './chocolate', './link', './skip.log', './sub', './sub/vanilla'],
      ],
      [
        'a missing directory is created with the contents',
        'true',
        '/up3',
        false,
        ['.', './chocolate', './link', './skip.log', './sub', './sub/vanilla'],
      ],
    ])('%s', async (_name, setup, dst, slash, expected) => {
      await sh(setup);
      await comm().uploadDir(dst, slash ? `${src}/` : src);
      const lines = (await tree(dst)).trim().split('\n');
      expect(lines.map((l) => l.split(' ')[0])).toEqual(expected);
    });

    it('keeps modes and symbolic links and honours exclude', async () => {
      await comm({ containerId: nobodyContainer.id, containerUser: 'nobody' }).uploadDir('/tmp/up4', `${src}/`, [
        'skip.log',
      ]);
      expect(await tree('/tmp/up4', nobodyContainer)).toBe(
        [
          `. d ${(statSync(src).mode & 0o777).toString(8)} nobody `,
          './chocolate f 755 nobody ',
          './link l 777 nobody chocolate',
          `./sub d ${(statSync(path.join(src, 'sub')).mode & 0o777).toString(8)} nobody `,
          './sub/vanilla f 600 nobody ',
          '',
        ].join('\n'),
      );
    });

    it('refuses to put a directory over a file', async () => {
      await sh('touch /tmp/a-file');
      await expect(comm().uploadDir('/tmp/a-file', src)).rejects.toThrow(
        `container ${container.id.slice(0, 12)}: upload of directory ${src} to /tmp/a-file failed: cannot copy directory`,
      );
    });
  });

  describe('download', () => {
    it('downloads a file and follows a symbolic link', async () => {
      await sh('printf "one\\ntwo\\n" > /tmp/dl.txt && ln -sf dl.txt /tmp/dl-link');
      for (const file of ['/tmp/dl.txt', '/tmp/dl-link']) {
        const out = collect();
        await comm().download(file, out.stream);
        expect(out.text()).toBe('one\ntwo\n');
      }
    });

    it('fails for a missing file and for a directory', async () => {
      await expect(comm().download('/tmp/none', collect().stream)).rejects.toThrow(
        /download of \/tmp\/none failed: Could not find the file \/tmp\/none in container/,
      );
      await expect(comm().download('/tmp', collect().stream)).rejects.toThrow(
        'download of /tmp failed: /tmp is a directory',
      );
    });

    it('downloads a directory into dst/<name> with modes, links and exclude', async () => {
      await sh(
        'mkdir -p /srv/data/inner && printf a > /srv/data/a && chmod 751 /srv/data/a && ' +
          'printf b > /srv/data/inner/b && printf c > /srv/data/c.tmp && ln -sf a /srv/data/alink',
      );
      const dst = path.join(work, 'dl');
      await comm().downloadDir('/srv/data/', dst, ['c.tmp']);
      expect(readFileSync(path.join(dst, 'data', 'a'), 'utf8')).toBe('a');
      expect(statSync(path.join(dst, 'data', 'a')).mode & 0o777).toBe(0o751);
      expect(readFileSync(path.join(dst, 'data', 'inner', 'b'), 'utf8')).toBe('b');
      expect(lstatSync(path.join(dst, 'data', 'alink')).isSymbolicLink()).toBe(true);
      expect(readlinkSync(path.join(dst, 'data', 'alink'))).toBe('a');
      expect(() => statSync(path.join(dst, 'data', 'c.tmp'))).toThrow(/ENOENT/);
    });
  });
});

const psSleep =
  'for p in /proc/[0-9]*; do tr "\\0" " " < $p/cmdline 2>/dev/null | grep -q "^sleep 300" && echo $p; done; true';
