import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SshCommunicator } from '../../../src/communicator/ssh/communicator.js';
import { provisionFile } from '../../../src/components/provisioners/file/provisioner.js';
import type { FileConfig } from '../../../src/components/provisioners/file/schema.js';
import { packerAvailable, runPacker } from '../../support/packer.js';
import { SSHD, startSshd, type Sshd } from '../../support/sshd.js';
import { provisionContext, snapshot, writeFixture } from './file.support.js';

/*
 * Packer 1.6.6 is the oracle: each case runs `packer build` of a null source
 * with one file provisioner against a real sshd, then Kiln's provisioner with
 * the same case; the trees left in fresh directories must be equal (paths,
 * types, modes, sizes), and so must success, and the "Uploading" lines.
 * The machine is this one, so "remote" paths are local paths too. In paths,
 * {R} is the case's fresh remote directory, {S} the fixture seen from the
 * remote side, {L} the case's fresh local directory for downloads.
 */

const available = existsSync(SSHD) && process.getuid?.() === 0 && packerAvailable();

type Method = 'scp' | 'sftp';
interface Case {
  direction: 'upload' | 'download';
  sources: string[];
  destination: string;
  /** What the fresh case directory holds before the transfer. */
  before?: (dir: string) => void;
  /** Known differences of Kiln's SSH communicator from Packer's, per method: these cases must still differ. */
  diverges?: Partial<Record<Method, string>>;
}

const up = (source: string, destination: string, diverges?: Case['diverges']): Case => ({
  direction: 'upload',
  sources: [source],
  destination,
  diverges,
});
const down = (source: string, destination: string, diverges?: Case['diverges']): Case => ({
  direction: 'download',
  sources: [source],
  destination,
  diverges,
});

/* The one known difference of Kiln's SSH communicator (src/communicator/ssh) from Packer's. */
const SFTP_LINK_DIR =
  "Packer's sftp upload fails on a linked dir (it opens it as a file); Kiln follows it as Packer's scp does";

const cases: Case[] = [
  up('file.txt', '{R}/out.txt'),
  up('file.txt', '{R}/'),
  up('file.txt', '{R}'),
  up('file.txt', '{R}/missing/'),
  up('tree', '{R}'),
  up('tree', '{R}/'),
  up('tree/', '{R}'),
  up('tree/', '{R}/'),
  up('tree/sub/', '{R}/'),
  { ...up('tree', '{R}'), before: existingTree },
  up('tree', '{R}/new'),
  up('tree', '{R}/new/'),
  up('tree/', '{R}/new'),
  up('tree/', '{R}/new/'),
  up('tree/empty', '{R}/'),
  up('wide', '{R}'),
  up('links', '{R}', { sftp: SFTP_LINK_DIR }),
  up('links/link-file', '{R}/'),
  { direction: 'upload', sources: ['file.txt', 'two.txt', 'tree/sub'], destination: '{R}/' },
  down('{S}/file.txt', '{L}/out.txt'),
  down('{S}/file.txt', '{L}/'),
  down('{S}/file.txt', '{L}/new/deeper/'),
  down('{S}/file.txt', '{L}/new/out.txt'),
  down('{S}/tree/', '{L}/'),
  down('{S}/tree/', '{L}/x'),
  down('{S}/tree/*', '{L}/'),
  down('{S}/tree/*.txt', '{L}/got/'),
  down('{S}/wide/', '{L}/'),
  down('{S}/links/', '{L}/'),
  down('{S}/tree', '{L}/out'),
  down('{S}/missing.txt', '{L}/out.txt'),
];

/** {R}/tree already there, with other modes, a longer a.txt and exec.sh a link to a file outside. */
function existingTree(dir: string): void {
  mkdirSync(path.join(dir, 'tree/sub'), { recursive: true, mode: 0o700 });
  chmodSync(path.join(dir, 'tree'), 0o700);
  writeFileSync(path.join(dir, 'tree/a.txt'), 'older and longer\n', { mode: 0o600 });
  writeFileSync(path.join(dir, 'target'), 'target\n', { mode: 0o640 });
  symlinkSync('../target', path.join(dir, 'tree/exec.sh'));
}

function template(sshd: Sshd, method: Method, c: Case, fill: (s: string) => string): string {
  const q = (s: string) => JSON.stringify(s);
  return `source "null" "t" {
  communicator             = "ssh"
  ssh_host                 = ${q(sshd.host)}
  ssh_port                 = ${sshd.port}
  ssh_username             = "root"
  ssh_private_key_file     = ${q(sshd.userKeyFile)}
  ssh_file_transfer_method = ${q(method)}
}
build {
  sources = ["source.null.t"]
  provisioner "file" {
    sources     = [${c.sources.map((s) => q(fill(s))).join(', ')}]
    destination = ${q(fill(c.destination))}
    direction   = ${q(c.direction)}
  }
}
`;
}

interface Outcome {
  ok: boolean;
  uploading: string[];
  /** The mode of the case directory itself, which an upload of "dir/" may change. */
  root: string;
  tree: string[];
}

const rootMode = (dir: string) => (statSync(dir).mode & 0o7777).toString(8);

describe.runIf(available)('file provisioner against Packer 1.6.6', () => {
  let sshd: Sshd;
  let work: string;
  let fixture: string;

  beforeAll(async () => {
    sshd = await startSshd('127.0.0.21');
    work = mkdtempSync(path.join(tmpdir(), 'kiln-file-diff-'));
    fixture = path.join(work, 'fixture');
    mkdirSync(fixture);
    writeFixture(fixture);
  });
  afterAll(async () => {
    await sshd?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** A fresh case directory: {R} for uploads, {L} for downloads. */
  const caseDir = (who: string, id: string, c: Case) => {
    const dir = path.join(work, who, id);
    mkdirSync(dir, { recursive: true });
    c.before?.(dir);
    return dir;
  };
  const filler = (dir: string) => (s: string) =>
    s.replaceAll('{R}', dir).replaceAll('{L}', dir).replaceAll('{S}', fixture);
  const uploading = (lines: string[], dir: string) =>
    lines.filter((l) => l.startsWith('Uploading ')).map((l) => l.replaceAll(dir, '{R}'));

  async function viaPacker(method: Method, c: Case, id: string): Promise<Outcome> {
    const dir = caseDir('packer', id, c);
    const templateFile = path.join(work, 'templates', `${id}.pkr.hcl`);
    mkdirSync(path.dirname(templateFile), { recursive: true });
    writeFileSync(templateFile, template(sshd, method, c, filler(dir)));
    const run = await runPacker(['build', '-color=false', templateFile], { cwd: fixture });
    const said = run.stdout
      .split('\n')
      .map((l) => /^==> null\.t: (.*)$/.exec(l)?.[1])
      .filter((l): l is string => l !== undefined);
    return { ok: run.exit === 0, uploading: uploading(said, dir), root: rootMode(dir), tree: snapshot(dir) };
  }

  async function viaKiln(method: Method, c: Case, id: string): Promise<Outcome> {
    const dir = caseDir('kiln', id, c);
    const fill = filler(dir);
    const communicator = await SshCommunicator.connect({
      ssh_host: sshd.host,
      ssh_port: sshd.port,
      ssh_username: 'root',
      ssh_private_key_file: sshd.userKeyFile,
      ssh_file_transfer_method: method,
    });
    const { ctx, lines } = provisionContext(fixture, communicator);
    const config: FileConfig = {
      sources: c.sources.map(fill),
      destination: fill(c.destination),
      direction: c.direction,
    };
    const ok = await provisionFile(config, ctx).then(
      () => true,
      () => false,
    );
    await communicator.close();
    const said = lines.filter(([level]) => level === 'say').map(([, text]) => text);
    return { ok, uploading: uploading(said, dir), root: rootMode(dir), tree: snapshot(dir) };
  }

  describe.each<Method>(['scp', 'sftp'])('ssh_file_transfer_method = %s', (method) => {
    for (const [i, c] of cases.entries()) {
      const reason = c.diverges?.[method];
      const onto = c.before ? ` (onto ${c.before.name})` : '';
      const name = `${c.direction} ${c.sources.join(', ')} => ${c.destination}${onto}${reason ? ` differs: ${reason}` : ''}`;
      (reason ? it.fails : it)(
        name,
        async () => {
          const id = `${method}-${i}`;
          const packer = await viaPacker(method, c, id);
          const kiln = await viaKiln(method, c, id);
          expect(kiln).toEqual(packer);
        },
        30_000,
      );
    }
  });
});

it('has sshd and Packer to compare against', () => {
  expect(available).toBe(true);
});
