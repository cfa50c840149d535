import { createReadStream } from 'node:fs';
import { mkdir, stat, unlink } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createGzip, type ZlibOptions } from 'node:zlib';
import { pack } from 'tar-stream';
import { ZipFile } from 'yazl';
import type { Artifact } from '../../../core/events.js';
import {
  renderField,
  writeAtomically,
  type PostProcessorContext,
  type PostProcessorResult,
} from '../../common/post-processor.js';
import { detectFormat, type Algorithm } from './format.js';
import type { CompressConfig } from './schema.js';

/*
 * post-processor/compress PostProcess of Packer: the artifact files in a tar
 * (entries named by base name) or zip (entries named by path), or one file
 * on its own, gzip-compressed when the output name asks for it. Every file is
 * streamed; the archive appears under its name only when complete.
 */

export const COMPRESS_BUILDER_ID = 'packer.post-processor.compress';

const DEFAULT_OUTPUT = 'packer_{{.BuildName}}_{{.BuilderType}}';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Packer's level handling for pgzip: 0 and -1 mean the default, above 9 means 9, -2 is Huffman only. */
function gzipOptions(level: number | undefined): ZlibOptions {
  const l = Math.min(level ?? 0, 9);
  if (l === 0 || l === -1) return { level: constants.Z_DEFAULT_COMPRESSION };
  if (l === -2) return { level: constants.Z_DEFAULT_COMPRESSION, strategy: constants.Z_HUFFMAN_ONLY };
  if (l < -2 || !Number.isInteger(l)) {
    throw new Error('error creating pgzip writer: Invalid compression level. Expected an integer from -1 to 9.');
  }
  return { level: l };
}

function compressor(algorithm: Algorithm | undefined, level: number | undefined): Transform | undefined {
  if (algorithm === undefined) return undefined;
  if (algorithm !== 'pgzip')
    throw new Error(`Kiln does not support ${algorithm} compression; use gz, tar, tar.gz or zip`);
  return createGzip(gzipOptions(level));
}

/** Feeds the files into a tar stream one at a time while `sink` drains it. */
async function writeTar(files: readonly string[], sink: (source: Readable) => Promise<void>, signal: AbortSignal) {
  const archive = pack();
  const drained = sink(archive as unknown as Readable);
  try {
    for (const path of files) {
      let info;
      try {
        info = await stat(path);
      } catch (error) {
        throw new Error(`Unable to read file ${path}: ${message(error)}`, { cause: error });
      }
      const header = { name: basename(path), size: info.size, mode: info.mode & 0o7777, mtime: info.mtime };
      const entry = archive.entry({ ...header, uid: info.uid, gid: info.gid });
      try {
        await pipeline(createReadStream(path), entry, { signal });
      } catch (error) {
        signal.throwIfAborted();
        throw new Error(`Failed to copy ${path} data to archive: ${message(error)}`, { cause: error });
      }
    }
    archive.finalize();
  } catch (error) {
    archive.destroy(error instanceof Error ? error : new Error(String(error)));
    await drained.catch(() => undefined);
    throw new Error(`Error creating tar: ${message(error)}`, { cause: error });
  }
  await drained;
}

/** A zip of the files under their slash-separated paths (yazl refuses absolute names: the leading / goes, as unzip drops it). */
async function writeZip(files: readonly string[], sink: (source: Readable) => Promise<void>): Promise<void> {
  const zip = new ZipFile();
  try {
    for (const path of files) zip.addFile(path, path.replaceAll('\\', '/').replace(/^\/+/, ''));
  } catch (error) {
    throw new Error(`Error creating zip: ${message(error)}`, { cause: error });
  }
  zip.end();
  const failed = new Promise<never>((_, reject) => zip.once('error', reject));
  try {
    await Promise.race([sink(zip.outputStream as Readable), failed]);
  } catch (error) {
    throw new Error(`Error creating zip: ${message(error)}`, { cause: error });
  }
}

export async function runCompress(
  config: CompressConfig,
  artifact: Artifact,
  ctx: PostProcessorContext,
): Promise<PostProcessorResult> {
  const template = config.output || DEFAULT_OUTPUT;
  const format = detectFormat(template, config.format);
  const files = artifact.files;
  if (format.archive === undefined && files.length !== 1) {
    throw new Error(
      `Can only have 1 input file when not using tar/zip. Found ${files.length} files: [${files.join(' ')}]`,
    );
  }
  let target: string;
  try {
    target = renderField(template, { BuildName: ctx.buildName, BuilderType: ctx.builderType }, config, ctx);
  } catch (error) {
    throw new Error(`Error interpolating output value: ${message(error)}`, { cause: error });
  }
  const gzip = compressor(format.algorithm, config.compression_level);
  const compression = format.algorithm ?? 'no compression';
  try {
    await mkdir(dirname(target), { recursive: true, mode: 0o755 });
  } catch (error) {
    throw new Error(`Unable to create dir for archive ${target}: ${message(error)}`, { cause: error });
  }

  await writeAtomically(target, 0o666, ctx.signal, async (dest) => {
    const sink = async (source: Readable): Promise<void> => {
      if (gzip) await pipeline(source, gzip, dest, { signal: ctx.signal });
      else await pipeline(source, dest, { signal: ctx.signal });
    };
    if (format.archive === 'tar') {
      ctx.ui.say(`Tarring ${target} with ${compression}`);
      await writeTar(files, sink, ctx.signal);
    } else if (format.archive === 'zip') {
      ctx.ui.say(`Zipping ${target}`);
      await writeZip(files, sink);
    } else {
      const [source = ''] = files;
      ctx.ui.say(`Archiving ${source} with ${compression}`);
      const input = createReadStream(source);
      try {
        await sink(input);
      } catch (error) {
        ctx.signal.throwIfAborted();
        throw new Error(`Failed to compress ${source}: ${message(error)}`, { cause: error });
      }
    }
  });
  ctx.ui.say(`Archive ${target} completed`);

  return {
    artifact: {
      builderId: COMPRESS_BUILDER_ID,
      id: '',
      files: [target],
      description: `compressed artifacts in: ${target}`,
      destroy: () => unlink(target),
    },
    keepInputArtifact: false,
  };
}
