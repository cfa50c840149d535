/*
 * post-processor/compress detectFromFilename of Packer: the last two
 * extensions of the output template (with `.format` appended when set) choose
 * the archive (tar, zip or none) and the compression algorithm.
 */

export type Archive = 'tar' | 'zip';
export type Algorithm = 'pgzip' | 'lz4' | 'bgzf' | 'xz';

export interface CompressFormat {
  readonly archive?: Archive;
  readonly algorithm?: Algorithm;
}

const ALGORITHMS: Readonly<Record<string, Algorithm>> = { gz: 'pgzip', lz4: 'lz4', bgzf: 'bgzf', xz: 'xz' };

const TAR_GZ: CompressFormat = { archive: 'tar', algorithm: 'pgzip' };

export function detectFormat(output: string, format: string | undefined): CompressFormat {
  const name = format ? `${output}.${format}` : output;
  const extensions = [...name.matchAll(/\.([a-z0-9]+)/g)].map((m) => m[1] ?? '');
  const last = extensions.at(-1);
  if (last === undefined) return TAR_GZ;
  const archive: Archive | undefined = extensions.at(-2) === 'tar' ? 'tar' : undefined;
  if (last === 'zip' || last === 'tar') return { archive: last };
  const algorithm = ALGORITHMS[last];
  return algorithm ? { archive, algorithm } : TAR_GZ;
}
