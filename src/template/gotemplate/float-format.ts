/*
 * strconv.FormatFloat(v, fmt, prec, 64) for 'e', 'E', 'f', 'g' and 'G':
 * shortest digits when prec < 0, otherwise the exact binary value rounded
 * half to even, as Go does.
 */

interface Digits {
  /** Significant digits without trailing zeros ("" for zero). */
  d: string;
  /** Position of the decimal point relative to d. */
  dp: number;
}

/** The exact decimal expansion of a finite, non-negative double. */
function exactDigits(v: number): Digits {
  if (v === 0) return { d: '', dp: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let exp: number;
  if (biased === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  let d: string;
  let dp: number;
  if (exp >= 0) {
    d = (mant << BigInt(exp)).toString();
    dp = d.length;
  } else {
    d = (mant * 5n ** BigInt(-exp)).toString();
    dp = d.length + exp;
  }
  return trim({ d, dp });
}

function trim(x: Digits): Digits {
  const d = x.d.replace(/0+$/, '');
  return d === '' ? { d: '', dp: 0 } : { d, dp: x.dp };
}

/** Shortest digits that read back as v (JavaScript's and Go's choice agree). */
function shortestDigits(v: number): Digits {
  if (v === 0) return { d: '', dp: 0 };
  const [mant, e] = v.toExponential().split('e') as [string, string];
  return trim({ d: mant.replace('.', ''), dp: Number(e) + 1 });
}

/** Keeps n significant digits, rounding half to even. */
function round(x: Digits, n: number): Digits {
  if (n < 0 || n >= x.d.length) return x;
  const next = x.d[n]!;
  const rest = x.d.slice(n + 1);
  const lastKept = n > 0 ? Number(x.d[n - 1]) : 0;
  const up = next > '5' || (next === '5' && (/[1-9]/.test(rest) || lastKept % 2 === 1));
  let kept = x.d.slice(0, n);
  let dp = x.dp;
  if (up) {
    const bumped = (BigInt(kept === '' ? '0' : kept) + 1n).toString();
    if (bumped.length > kept.length) dp++;
    kept = kept === '' ? bumped : bumped.padStart(kept.length, '0');
  }
  return trim({ d: kept, dp });
}

function fmtE(x: Digits, prec: number, e: string): string {
  let out = x.d[0] ?? '0';
  if (prec > 0) out += '.' + x.d.slice(1, prec + 1).padEnd(prec, '0');
  const exp = x.d === '' ? 0 : x.dp - 1;
  const abs = Math.abs(exp);
  return `${out}${e}${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
}

function fmtF(x: Digits, prec: number): string {
  let out = x.dp > 0 ? x.d.slice(0, x.dp).padEnd(x.dp, '0') : '0';
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) {
      const j = x.dp + i - 1;
      out += j >= 0 && j < x.d.length ? x.d[j] : '0';
    }
  }
  return out;
}

export function formatFloat64(v: number, fmt: 'e' | 'E' | 'f' | 'g' | 'G', prec: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  const sign = v < 0 || Object.is(v, -0) ? '-' : '';
  const abs = Math.abs(v);
  const shortest = prec < 0;
  let x: Digits;
  if (shortest) {
    x = shortestDigits(abs);
    prec = fmt === 'f' ? Math.max(x.d.length - x.dp, 0) : fmt === 'g' || fmt === 'G' ? x.d.length : x.d.length - 1;
  } else {
    const exact = exactDigits(abs);
    if (fmt === 'f') x = round(exact, exact.dp + prec);
    else if (fmt === 'e' || fmt === 'E') x = round(exact, prec + 1);
    else {
      if (prec === 0) prec = 1;
      x = round(exact, prec);
    }
  }
  if (fmt === 'e' || fmt === 'E') return sign + fmtE(x, prec, fmt);
  if (fmt === 'f') return sign + fmtF(x, prec);
  let eprec = prec;
  if (eprec > x.d.length && x.d.length >= x.dp) eprec = x.d.length;
  if (shortest) eprec = 6;
  const exp = x.dp - 1;
  if (x.d !== '' && (exp < -4 || exp >= eprec)) {
    return sign + fmtE(x, Math.min(prec, x.d.length) - 1, fmt === 'G' ? 'E' : 'e');
  }
  return sign + fmtF(x, Math.max((prec > x.dp ? x.d.length : prec) - x.dp, 0));
}
