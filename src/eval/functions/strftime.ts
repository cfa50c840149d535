import { formatGo, type GoTime } from './gotime.js';

/*
 * jehiah/go-strftime's Format, which Packer's `strftime` (Go templates) and
 * `legacy_strftime` (HCL) use: each known
 * %-directive becomes a Go layout element; "%%" is a percent sign; unknown
 * directives are kept as written.
 */

const CONVERSION: Readonly<Record<string, string>> = {
  B: 'January',
  b: 'Jan',
  m: '01',
  A: 'Monday',
  a: 'Mon',
  d: '02',
  H: '15',
  I: '03',
  M: '04',
  S: '05',
  Y: '2006',
  y: '06',
  p: 'PM',
  Z: 'MST',
  z: '-0700',
  L: '.000',
};

export function strftime(format: string, t: GoTime): string {
  let out = '';
  for (let i = 0; i < format.length;) {
    const pct = format.indexOf('%', i);
    const ni = pct < 0 ? format.length : pct;
    out += format.slice(i, ni);
    if (ni + 1 < format.length) {
      const c = format[ni + 1]!;
      const layout = CONVERSION[c];
      out += c === '%' ? '%' : layout !== undefined ? formatGo(t, layout) : `%${c}`;
    } else if (ni < format.length) {
      out += '%';
    }
    i = ni + 2;
  }
  return out;
}
