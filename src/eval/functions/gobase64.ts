/*
 * Go's base64.StdEncoding.DecodeString: padded standard alphabet, '\r' and
 * '\n' skipped anywhere, and on bad input the byte offset Go reports as a
 * CorruptInputError. (Node's decoder accepts almost anything, so it cannot
 * decide validity on its own.)
 */

const Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DecodeMap = new Map([...Alphabet].map((c, i) => [c.charCodeAt(0), i]));
const isNewline = (b: number | undefined): boolean => b === 0x0a || b === 0x0d;

type Base64Result = { readonly bytes: Buffer } | { readonly corruptAt: number };

export function decodeBase64(text: string): Base64Result {
  const src = Buffer.from(text, 'utf8');
  const out: number[] = [];
  let si = 0;
  for (;;) {
    const quantum: number[] = [];
    let done = false;
    while (quantum.length < 4) {
      if (si === src.length) {
        if (quantum.length === 0) return { bytes: Buffer.from(out) };
        return { corruptAt: si - quantum.length };
      }
      const b = src[si]!;
      si++;
      const d = DecodeMap.get(b);
      if (d !== undefined) {
        quantum.push(d);
        continue;
      }
      if (isNewline(b)) continue;
      if (b !== 0x3d /* = */) return { corruptAt: si - 1 };
      // Padding: only after two or three symbols, then only newlines may follow.
      if (quantum.length < 2) return { corruptAt: si - 1 };
      if (quantum.length === 2) {
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) return { corruptAt: src.length };
        if (src[si] !== 0x3d) return { corruptAt: si - 1 };
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      if (si < src.length) return { corruptAt: si };
      done = true;
      break;
    }
    const [a = 0, b = 0, c = 0, d = 0] = quantum;
    const bits = (a << 18) | (b << 12) | (c << 6) | d;
    const bytes = [(bits >> 16) & 0xff, (bits >> 8) & 0xff, bits & 0xff];
    out.push(...bytes.slice(0, quantum.length - 1));
    if (done) return { bytes: Buffer.from(out) };
  }
}
