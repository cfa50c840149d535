import { isIPv4, isIPv6 } from 'node:net';

/*
 * Go's net.ParseCIDR as a check: an IPv4 or IPv6 address without a zone,
 * a slash, and a decimal prefix length that fits the address.
 */

/** Go's error text for a text ParseCIDR rejects, or undefined. */
export function cidrProblem(text: string): string | undefined {
  const slash = text.indexOf('/');
  const address = slash < 0 ? '' : text.slice(0, slash);
  const prefix = slash < 0 ? '' : text.slice(slash + 1);
  const bits = isIPv4(address) ? 32 : isIPv6(address) && !address.includes('%') ? 128 : 0;
  const valid = bits > 0 && /^\d+$/.test(prefix) && Number(prefix) <= bits;
  return valid ? undefined : `invalid CIDR address: ${text}`;
}
