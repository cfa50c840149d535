/*
 * -only / -except patterns, as gobwas/glob compiled without separators (Packer's
 * convertFilterOption): `*` any run of characters (dots included), `?` one
 * character, `[abc]`, `[a-z]`, `[!a-z]` classes, `{a,b}` alternatives (nestable)
 * and `\` escaping the next character. Compiled to an anchored RegExp.
 */

export type GlobMatcher = (name: string) => boolean;

export function compileGlob(pattern: string): GlobMatcher {
  const chars = [...pattern];
  let i = 0;
  let depth = 0;
  let out = '';
  while (i < chars.length) {
    const c = chars[i++]!;
    switch (c) {
      case '\\': {
        const next = chars[i++];
        if (next === undefined) throw new Error('unexpected end of input');
        out += escape(next);
        break;
      }
      case '*':
        out += '[^]*';
        break;
      case '?':
        out += '[^]';
        break;
      case '[': {
        const end = chars.indexOf(']', i);
        if (end < 0) throw new Error('unexpected end of input');
        let body = chars.slice(i, end);
        const negated = body[0] === '!';
        if (negated) body = body.slice(1);
        if (body.length === 0) throw new Error('unexpected length of lo character');
        out += `[${negated ? '^' : ''}${body.map((ch) => (ch === '-' ? '-' : escape(ch))).join('')}]`;
        i = end + 1;
        break;
      }
      case '{':
        depth++;
        out += '(?:';
        break;
      case '}':
        if (depth === 0) {
          out += escape(c);
          break;
        }
        depth--;
        out += ')';
        break;
      case ',':
        out += depth > 0 ? '|' : ',';
        break;
      default:
        out += escape(c);
    }
  }
  if (depth > 0) throw new Error('unexpected end of input');
  const re = new RegExp(`^(?:${out})$`, 'u');
  return (name) => re.test(name);
}

function escape(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
