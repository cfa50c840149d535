import { randomInt } from 'node:crypto';
import { mkdir, open, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { Communicator } from '../../../communicator/communicator.js';
import { interpolate, type InterpolateContext } from '../../../template/gotemplate/render.js';
import { PACKER_COMPAT_VERSION } from '../../../version.js';
import type { ProvisionContext } from '../../runtime.js';
import { goBase, goDir, goJoin, goPathError } from './go-path.js';
import { NoneCommunicator } from '../../../communicator/none.js';
import type { FileConfig } from './schema.js';

/*
 * provisioner/file Provision of Packer: `content` becomes a temporary file
 * source; each source is rendered with the build's generated data and copied
 * to or from destination with the communicator's trailing-slash rules. Local
 * paths are relative to the build's working directory.
 */

interface Transfer {
  readonly comm: Communicator;
  readonly context: ProvisionContext;
  readonly render: (text: string, what: 'source' | 'destination') => string;
}

export async function provisionFile(config: FileConfig, context: ProvisionContext): Promise<void> {
  const sources = [...(config.sources ?? []), ...(config.source ? [config.source] : [])];
  const content = config.content ? await contentFile(config.content) : undefined;
  if (content !== undefined) sources.push(content);
  const ctx: InterpolateContext = {
    data: context.generatedData,
    userVariables: {},
    enableEnv: false,
    buildName: context.buildName,
    buildType: context.builderType,
    initTime: new Date(),
    packerVersion: PACKER_COMPAT_VERSION,
  };
  const transfer: Transfer = {
    comm: context.communicator ?? new NoneCommunicator(),
    context,
    render: (text, what) => {
      try {
        return interpolate(text, ctx);
      } catch (error) {
        throw new Error(`Error interpolating ${what}: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }
    },
  };
  try {
    const destination = transfer.render(config.destination ?? '', 'destination');
    if (config.direction === 'download') await download(transfer, sources, destination);
    else await upload(transfer, sources, destination);
  } finally {
    if (content !== undefined) await rm(content, { force: true });
  }
}

/** tmp.File("pkr-file-content"): a new 0600 file in the temp dir holding content. */
async function contentFile(content: string): Promise<string> {
  const file = path.join(tmpdir(), `pkr-file-content${randomInt(1, 4_294_967_295)}`);
  await writeFile(file, content, { flag: 'wx', mode: 0o600 });
  return file;
}

async function upload({ comm, context, render }: Transfer, sources: readonly string[], dst: string): Promise<void> {
  const { ui, signal } = context;
  for (const raw of sources) {
    signal.throwIfAborted();
    const src = render(raw, 'source');
    ui.say(`Uploading ${src} => ${dst}`);
    const local = localPath(context.cwd, src);
    const info = await stat(local).catch((error: unknown) => {
      throw goPathError('stat', src, error);
    });
    if (info.isDirectory()) {
      // Packer's rule: "dir" lands in dst/dir, "dir/" puts its contents into dst.
      await reported(ui, () => comm.uploadDir(dst, local, [], signal));
      continue;
    }
    const file = await open(local, 'r').catch((error: unknown) => {
      throw goPathError('open', src, error);
    });
    const { mode, size } = await file.stat();
    const fileDst = dst.endsWith('/') ? dst + goBase(src) : dst;
    // The stream closes the file once read or destroyed.
    // 1 MiB reads: fewer, larger SSH writes (64 KiB reads cost ~25% more CPU on a large upload).
    const input = file.createReadStream({ highWaterMark: 1024 * 1024 });
    try {
      // Go's FileMode.Perm(): the permission bits only, as scp and sftp send them.
      await reported(ui, () => comm.upload(fileDst, input, { mode: mode & 0o777, size }, signal));
    } finally {
      input.destroy();
    }
  }
}

async function download({ comm, context, render }: Transfer, sources: readonly string[], base: string): Promise<void> {
  const { ui, signal } = context;
  for (const raw of sources) {
    signal.throwIfAborted();
    const src = render(raw, 'source');
    let dst = base;
    // A destination ending in "/" is a directory: a file source keeps its name inside it.
    const dir = dst.endsWith('/') ? dst : goDir(dst);
    if (dst.endsWith('/') && !src.endsWith('/') && !src.endsWith('*')) dst = goJoin(dst, goBase(src));
    ui.say(`Downloading ${src} => ${dst}`);
    await mkdir(path.resolve(context.cwd, dir), { recursive: true, mode: 0o755 }).catch((error: unknown) => {
      throw goPathError('mkdir', dir, error);
    });
    if (src.endsWith('/') || /[*?[]/.test(src)) {
      // As in Packer, a directory download ends the loop: later sources are not fetched.
      await comm.downloadDir(src, path.resolve(context.cwd, dst), [], signal);
      return;
    }
    const file = await open(path.resolve(context.cwd, dst), 'w', 0o644).catch((error: unknown) => {
      throw goPathError('open', dst, error);
    });
    // The stream closes the file once ended.
    const output = file.createWriteStream();
    const closed = finished(output);
    try {
      await reported(ui, () => comm.download(src, output, signal), 'Download');
    } finally {
      output.end();
      await closed;
    }
  }
}

/** Runs one transfer; its failure is also reported on the UI, with Packer's hint for a folder destination. */
async function reported(
  ui: ProvisionContext['ui'],
  transfer: () => Promise<void>,
  what: 'Upload' | 'Download' = 'Upload',
): Promise<void> {
  try {
    await transfer();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (what === 'Upload' && message.includes('Error restoring file')) {
      ui.error(
        `Upload failed: ${message}; this can occur when your file destination is a folder without a trailing slash.`,
      );
    }
    ui.error(`${what} failed: ${message}`);
    throw error;
  }
}

/** A local path against the working directory, keeping the trailing slash the directory rules read. */
function localPath(cwd: string, p: string): string {
  const resolved = path.resolve(cwd, p);
  return p.endsWith('/') && !resolved.endsWith('/') ? `${resolved}/` : resolved;
}
