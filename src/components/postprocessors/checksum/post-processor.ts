import { createHash } from 'node:crypto';
import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import { removeAll } from '../../common/remove-all.js';
import { basename, dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Artifact } from '../../../core/events.js';
import {
  renderField,
  writeAtomically,
  type PostProcessorContext,
  type PostProcessorResult,
} from '../../common/post-processor.js';
import type { ChecksumConfig } from './schema.js';

/*
 * post-processor/checksum PostProcess of Packer: one "<hex>\t<base name>\n"
 * line per artifact file appended to the checksum file of each algorithm.
 * The new artifact keeps the input files and adds the checksum files it created.
 */

export const CHECKSUM_BUILDER_ID = 'packer.post-processor.checksum';

const DEFAULT_OUTPUT = 'packer_{{.BuildName}}_{{.BuilderType}}_{{.ChecksumType}}.checksum';

/** Go's hash names to Node's. */
const ALGORITHMS: Readonly<Record<string, string>> = {
  md5: 'md5',
  sha1: 'sha1',
  sha224: 'sha224',
  sha256: 'sha256',
  sha384: 'sha384',
  sha512: 'sha512',
};

async function hashFile(path: string, algorithm: string, type: string, signal: AbortSignal): Promise<string> {
  const source = await openSource(path);
  const hash = createHash(algorithm);
  try {
    await pipeline(source.createReadStream({ autoClose: false }), hash, { signal });
  } catch (error) {
    signal.throwIfAborted();
    throw new Error(`unable to compute ${type} hash for ${path}`, { cause: error });
  } finally {
    await source.close();
  }
  return hash.digest('hex');
}

async function openSource(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (error) {
    throw new Error(`unable to open file ${path}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function runChecksum(
  config: ChecksumConfig,
  artifact: Artifact,
  ctx: PostProcessorContext,
): Promise<PostProcessorResult> {
  // Lines per checksum file, in the order the files are first written.
  const lines = new Map<string, string[]>();
  for (const type of config.checksum_types ?? ['md5']) {
    const algorithm = ALGORITHMS[type];
    if (!algorithm) throw new Error(`Unrecognized checksum type: ${type}`);
    const data = { BuildName: ctx.buildName, BuilderType: ctx.builderType, ChecksumType: type };
    const output = renderField(config.output || DEFAULT_OUTPUT, data, config, ctx);
    for (const file of artifact.files) {
      const digest = await hashFile(file, algorithm, type, ctx.signal);
      const list = lines.get(output) ?? [];
      list.push(`${digest}\t${basename(file)}\n`);
      lines.set(output, list);
    }
  }

  const created: string[] = [];
  for (const [output, list] of lines) {
    try {
      await mkdir(dirname(output), { recursive: true, mode: 0o755 });
    } catch (error) {
      throw new Error(`unable to create dir: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
    // Packer appends to a checksum file that already exists (the file is small; rewritten whole).
    const existing = await readIfExists(output);
    if (!existing) created.push(output);
    const content = [...(existing ? [existing] : []), Buffer.from(list.join(''))];
    await writeAtomically(output, 0o644, ctx.signal, (out) => pipeline(Readable.from(content), out));
  }

  const files = [...artifact.files, ...created];
  return {
    artifact: {
      builderId: CHECKSUM_BUILDER_ID,
      id: '',
      files,
      description: `Created artifact from files: ${files.join(', ')}`,
      destroy: () => removeAll(files),
    },
    keepInputArtifact: true,
    forceKeep: true,
  };
}
