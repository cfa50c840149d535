/** Kiln's own version. */
export const KILN_VERSION = '0.1.0';

/**
 * The Packer version Kiln is compatible with: what `required_version` constraints
 * are checked against and what `packer.version` evaluates to.
 */
export const PACKER_COMPAT_VERSION = '1.14.0';
