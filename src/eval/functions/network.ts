import { NumberType, StringType, listOf } from '../types.js';
import { Value } from '../value.js';
import { FunctionArgError, FunctionCallError, type FunctionSpec } from './function.js';
import { WHOLE_NUMBER_ERROR, goInt } from './gocty.js';

/*
 * CIDR functions from go-cty-funcs (over Go's net package and
 * github.com/apparentlymart/go-cidr): addresses are BigInts of 32 or 128 bits,
 * parsed as net.ParseCIDR and printed as net.IP.String / IPNet.String.
 */

interface Net {
  /** Network address (host bits cleared). */
  readonly ip: bigint;
  /** 32 for IPv4, 128 for IPv6. */
  readonly bits: number;
  readonly prefix: number;
}

function parseIPv4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0n;
  for (const p of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p) || Number(p) > 255) return undefined;
    n = (n << 8n) | BigInt(p);
  }
  return n;
}

/** netip.ParseAddr for IPv6 (no zone): hex groups, one "::", optional trailing IPv4. */
function parseIPv6(s: string): bigint | undefined {
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const groups = (text: string): bigint[] | undefined => {
    if (text === '') return [];
    const out: bigint[] = [];
    const parts = text.split(':');
    for (const [i, p] of parts.entries()) {
      if (i === parts.length - 1 && p.includes('.')) {
        const v4 = parseIPv4(p);
        if (v4 === undefined) return undefined;
        out.push(v4 >> 16n, v4 & 0xffffn);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(p)) out.push(BigInt(`0x${p}`));
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  return [...head, ...Array<bigint>(missing).fill(0n), ...tail].reduce((acc, g) => (acc << 16n) | g, 0n);
}

const hostMask = (bits: number, prefix: number): bigint => (1n << BigInt(bits - prefix)) - 1n;
const fullMask = (bits: number): bigint => (1n << BigInt(bits)) - 1n;
const netMask = (bits: number, prefix: number): bigint => fullMask(bits) ^ hostMask(bits, prefix);

/** net.ParseCIDR, failing with its error text. */
function parseCIDR(s: string): Net | string {
  const slash = s.indexOf('/');
  const fail = `invalid CIDR address: ${s}`;
  if (slash < 0) return fail;
  const addr = s.slice(0, slash);
  const maskText = s.slice(slash + 1);
  const v4 = addr.includes(':') ? undefined : parseIPv4(addr);
  const ip = v4 ?? (addr.includes(':') ? parseIPv6(addr) : undefined);
  if (ip === undefined) return fail;
  const bits = v4 === undefined ? 128 : 32;
  if (!/^[0-9]{1,7}$/.test(maskText)) return fail;
  const prefix = Number(maskText);
  if (prefix > bits) return fail;
  return { ip: ip & netMask(bits, prefix), bits, prefix };
}

/** net.IP.String for a 4- or 16-byte address (IPv4-mapped IPv6 prints as IPv4). */
function ipString(ip: bigint, bits: number): string {
  if (bits === 32 || ip >> 32n === 0xffffn) {
    const v4 = Number(ip & 0xffffffffn);
    return [24, 16, 8, 0].map((shift) => (v4 >>> shift) & 0xff).join('.');
  }
  const groups = Array.from({ length: 8 }, (_, i) => Number((ip >> BigInt(112 - 16 * i)) & 0xffffn));
  // RFC 5952: the first longest run of two or more zero groups becomes "::".
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) [bestStart, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

const netString = (n: Net): string => `${ipString(n.ip, n.bits)}/${n.prefix}`;

/** gocty's conversion of a number to a Go int, exactly (BigInt). */
function int64(v: Value): bigint {
  const n = v.asNumber();
  if (goInt(n) === undefined) throw new Error(WHOLE_NUMBER_ERROR);
  return BigInt(n.toFixed());
}

function callInt(v: Value): bigint {
  try {
    return int64(v);
  } catch (e) {
    throw new FunctionCallError((e as Error).message);
  }
}

function prefixArg(s: string, argError: boolean): Net {
  const n = parseCIDR(s);
  if (typeof n !== 'string') return n;
  const message = `invalid CIDR expression: ${n}`;
  throw argError ? new FunctionArgError(0, message) : new FunctionCallError(message);
}

/** go-cidr's HostBig, including its handling of negative host numbers. */
function cidrHost(n: Net, numIn: bigint): string {
  const maxHost = hostMask(n.bits, n.prefix);
  let num = numIn;
  let magnitude = num;
  if (num < 0n) {
    magnitude = -num - 1n;
    num = maxHost - magnitude;
  }
  if (magnitude > maxHost) {
    throw new FunctionCallError(`prefix of ${n.prefix} does not accommodate a host numbered ${num}`);
  }
  // go-cidr inserts the number as if the address were 32 bits wide when it is
  // IPv4 or IPv4-mapped IPv6; for the latter that lands in the top bits.
  const shift = n.bits === 128 && n.ip >> 32n === 0xffffn ? 96n : 0n;
  return ipString((n.ip | (num << shift)) & fullMask(n.bits), n.bits);
}

/** go-cidr's SubnetBig. */
function cidrSubnet(n: Net, newBits: number, num: bigint): string {
  const newPrefix = n.prefix + newBits;
  if (newPrefix > n.bits) {
    throw new FunctionCallError(`insufficient address space to extend prefix of ${n.prefix} by ${newBits}`);
  }
  // big.Int.Uint64 reads the magnitude's low 64 bits.
  const magnitude = (num < 0n ? -num : num) & ((1n << 64n) - 1n);
  if (magnitude > (1n << BigInt(newBits)) - 1n) {
    throw new FunctionCallError(`prefix extension of ${newBits} does not accommodate a subnet numbered ${num}`);
  }
  const ip = (n.ip | (num << BigInt(n.bits - newPrefix))) & fullMask(n.bits);
  return netString({ ip, bits: n.bits, prefix: newPrefix });
}

function cidrSubnets(n: Net, lengths: readonly Value[]): string[] {
  if (lengths.length === 0) return [];
  const int = (v: Value, i: number): number => {
    try {
      return Number(int64(v));
    } catch (e) {
      throw new FunctionArgError(i + 1, (e as Error).message);
    }
  };
  const lastOf = (x: Net): bigint => x.ip | hostMask(x.bits, x.prefix);
  const masked = (ip: bigint, prefix: number): Net => ({ ip: ip & netMask(n.bits, prefix), bits: n.bits, prefix });
  const firstLength = int(lengths[0]!, 0) + n.prefix;
  // go-cidr's PreviousSubnet: the block of the first size just before the network (wrapping at zero).
  let current = masked((n.ip - 1n) & fullMask(n.bits), Math.min(firstLength, n.bits));
  const protocol = n.bits === 32 ? 'IPv4' : 'IPv6';
  return lengths.map((arg, i) => {
    let length = int(arg, i);
    if (length < 1) throw new FunctionArgError(i + 1, 'must extend prefix by at least one bit');
    if (length > 32) throw new FunctionArgError(i + 1, 'may not extend prefix by more than 32 bits');
    length += n.prefix;
    if (length > n.bits) {
      throw new FunctionArgError(
        i + 1,
        `would extend prefix to ${length} bits, which is too long for an ${protocol} address`,
      );
    }
    // go-cidr's NextSubnet: the block of this size after the end of the current one.
    const after = (lastOf(masked(lastOf(current), length)) + 1n) & fullMask(n.bits);
    const next = masked(after, length);
    if (after === 0n || (next.ip & netMask(n.bits, n.prefix)) !== n.ip) {
      throw new FunctionArgError(
        i + 1,
        `not enough remaining address space for a subnet with a prefix of ${length} bits after ${netString(current)}`,
      );
    }
    current = next;
    return netString(current);
  });
}

const prefixParam = { name: 'prefix', type: StringType };

export const networkFunctions: Record<string, FunctionSpec> = {
  cidrhost: {
    description: 'Calculates a full host IP address within a given IP network address prefix.',
    params: [prefixParam, { name: 'hostnum', type: NumberType }],
    returnType: () => StringType,
    impl: (args) => {
      const num = callInt(args[1]!);
      return Value.string(cidrHost(prefixArg(args[0]!.asString(), false), num));
    },
  },
  cidrnetmask: {
    description: 'Converts an IPv4 address prefix given in CIDR notation into a subnet mask address.',
    params: [prefixParam],
    returnType: () => StringType,
    impl: (args) => {
      const n = prefixArg(args[0]!.asString(), false);
      return Value.string(ipString(netMask(n.bits, n.prefix), n.bits));
    },
  },
  cidrsubnet: {
    description: 'Calculates a subnet address within a given IP network address prefix.',
    params: [prefixParam, { name: 'newbits', type: NumberType }, { name: 'netnum', type: NumberType }],
    returnType: () => StringType,
    impl: (args) => {
      const newBits = Number(callInt(args[1]!));
      const netNum = callInt(args[2]!);
      const n = prefixArg(args[0]!.asString(), false);
      if (newBits > 32) throw new FunctionCallError('may not extend prefix by more than 32 bits');
      return Value.string(cidrSubnet(n, newBits, netNum));
    },
  },
  cidrsubnets: {
    description:
      'Calculates a sequence of consecutive subnet prefixes that may be of different prefix lengths under a common base prefix.',
    params: [prefixParam],
    varParam: { name: 'newbits', type: NumberType },
    returnType: () => listOf(StringType),
    impl: (args) => {
      const n = prefixArg(args[0]!.asString(), true);
      const subnets = cidrSubnets(n, args.slice(1));
      return Value.list(subnets.map(Value.string), StringType);
    },
  },
};
