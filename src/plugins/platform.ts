/*
 * What plugin binaries this machine can run, named as Go names them: the OS
 * and architecture of `packer-plugin-NAME_vX.Y.Z_x5.0_OS_ARCH`, and the plugin
 * API version Kiln speaks (packer-plugin-sdk plugin.APIVersionMajor/Minor).
 */

export const API_VERSION_MAJOR = 5;
export const API_VERSION_MINOR = 0;

export interface BinaryPlatform {
  readonly os: string;
  readonly arch: string;
  /** ".exe" on Windows. */
  readonly ext: string;
}

const GO_OS: Readonly<Record<string, string>> = { win32: 'windows', sunos: 'solaris' };
const GO_ARCH: Readonly<Record<string, string>> = {
  x64: 'amd64',
  ia32: '386',
  ppc64: 'ppc64le',
  loong64: 'loong64',
};

export function hostPlatform(
  platform: NodeJS.Platform = process.platform,
  arch: string = process.arch,
): BinaryPlatform {
  return {
    os: GO_OS[platform] ?? platform,
    arch: GO_ARCH[arch] ?? arch,
    ext: platform === 'win32' ? '.exe' : '',
  };
}

/** `_OS_ARCH[.exe]`, the end of every binary name for this platform (FilenameSuffix). */
export function filenameSuffix(p: BinaryPlatform): string {
  return `_${p.os}_${p.arch}${p.ext}`;
}

/**
 * CheckProtocolVersion: a binary's `xMAJOR.MINOR` must have Kiln's major and a
 * minor no higher than Kiln's. Gives the error text, or undefined.
 */
export function checkProtocolVersion(remote: string): string | undefined {
  const m = /^x?(\d+)\.(\d+)/.exec(remote.trim());
  if (!m) {
    return `Invalid remote protocol: ${JSON.stringify(remote.trim().replace(/^x/, ''))}, expected something like '${API_VERSION_MAJOR}.${API_VERSION_MINOR}'`;
  }
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (major !== API_VERSION_MAJOR) {
    return (
      `unsupported remote protocol MAJOR version ${major}. The current MAJOR protocol version is ${API_VERSION_MAJOR}.` +
      ' This version of Packer can only communicate with plugins using that version'
    );
  }
  if (minor > API_VERSION_MINOR) {
    return (
      `unsupported remote protocol MINOR version ${minor}. The supported MINOR protocol versions are version ${API_VERSION_MINOR} and below. ` +
      'Please upgrade Packer or use an older version of the plugin if possible'
    );
  }
  return undefined;
}
