import type { PrepareErrors } from '../schema/index.js';

/*
 * ISOConfig.Prepare of packer-plugin-sdk, up to the checksum: whether the
 * checksum itself is good is found out by fetching or parsing it with
 * go-getter when the build starts.
 */

export interface IsoFields {
  readonly iso_url?: string;
  readonly iso_urls?: readonly string[];
  readonly iso_checksum?: string;
}

export function checkIso(c: IsoFields, checksum: string, out: PrepareErrors): void {
  const urls = (c.iso_urls ?? []).length;
  if (urls > 0 && c.iso_url) {
    out.error('Only one of iso_url or iso_urls must be specified');
    return;
  }
  if (urls === 0 && !c.iso_url) {
    out.error('One of iso_url or iso_urls must be specified');
    return;
  }
  if (checksum === 'none') {
    out.warn("A checksum of 'none' was specified. Since ISO files are so big,\na checksum is highly recommended.");
  } else if (checksum === '') {
    out.error('A checksum must be specified');
  }
}
