import type * as JsYaml from 'js-yaml';
import type { DocumentDirective, Event } from 'js-yaml';
import { DynamicPseudoType, friendlyName } from '../types.js';
import { Value } from '../value.js';
import { decodeBase64 } from './gobase64.js';
import { goQuote } from './gocty.js';
import { RFC3339, dateTime, daysIn, formatGo } from './gotime.js';
import { jsYaml } from './deferred.js';
import { formatNumber, parseNumber } from '../number-text.js';

/*
 * yamldecode as go-cty-yaml does it: YAML 1.1 scalar resolution (yes/no/on/off
 * are bools, timestamps become RFC 3339 strings, 0x/0o integers), merge keys,
 * anchors, one document only, and cty-yaml's error messages. js-yaml's event
 * parser supplies the syntax; the resolution rules are cty-yaml's.
 */

// js-yaml's EVENT_ID and SCALAR_STYLE, spelled out (and checked against its
// types) so that the library is required only when a document is decoded.
const EVENT_ID = {
  DOCUMENT: 1,
  SEQUENCE: 2,
  MAPPING: 3,
  SCALAR: 4,
  ALIAS: 5,
  POP: 6,
} as const satisfies typeof JsYaml.EVENT_ID;
const SCALAR_STYLE = {
  PLAIN: 1,
  SINGLE_QUOTED: 2,
  DOUBLE_QUOTED: 3,
  LITERAL_BLOCK: 4,
  FOLDED_BLOCK: 5,
} as const satisfies typeof JsYaml.SCALAR_STYLE;

const TagPrefix = 'tag:yaml.org,2002:';
const Tag = {
  str: `${TagPrefix}str`,
  bool: `${TagPrefix}bool`,
  int: `${TagPrefix}int`,
  float: `${TagPrefix}float`,
  null: `${TagPrefix}null`,
  timestamp: `${TagPrefix}timestamp`,
  binary: `${TagPrefix}binary`,
  map: `${TagPrefix}map`,
  seq: `${TagPrefix}seq`,
  merge: `${TagPrefix}merge`,
};
const Resolvable = new Set(['', Tag.str, Tag.bool, Tag.int, Tag.float, Tag.null, Tag.timestamp, Tag.binary]);

const Null = Value.null(DynamicPseudoType);
const ResolveMap = new Map<string, [Value, string]>();
for (const [v, tag, words] of [
  [Value.bool(true), Tag.bool, 'y Y yes Yes YES true True TRUE on On ON'],
  [Value.bool(false), Tag.bool, 'n N no No NO false False FALSE off Off OFF'],
  [Null, Tag.null, '~ null Null NULL'],
  [Value.number(Infinity), Tag.float, '.inf .Inf .INF +.inf +.Inf +.INF'],
  [Value.number(-Infinity), Tag.float, '-.inf -.Inf -.INF'],
] as const) {
  for (const w of words.split(' ')) ResolveMap.set(w, [v, tag]);
}
ResolveMap.set('', [Null, Tag.null]);

const IntegerLiteral = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FloatLiteral = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
/** cty.ParseNumberVal: a number value, or undefined. */
function numberVal(s: string): Value | undefined {
  const n = parseNumber(s);
  return n === null ? undefined : Value.number(n);
}

function hint(src: string): string {
  if (src === '') return 'N';
  const c = src[0]!;
  if (c === '+' || c === '-') return 'S';
  if (c >= '0' && c <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(c)) return 'M';
  return c === '.' ? '.' : '';
}

/** strconv.ParseInt/ParseUint with base 0, as a decimal string, or undefined. */
function parseGoInt(s: string): string | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const body = m[2]!;
  const digits = /^0[0-7]+$/.test(body) ? `0o${body.slice(1)}` : body;
  const n = (m[1] === '-' ? -1n : 1n) * BigInt(digits.toLowerCase());
  return n >= -(2n ** 63n) && n < 2n ** 64n ? n.toString() : undefined;
}

const TimestampForms: readonly RegExp[] = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/,
  /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d+))?()$/,
  /^(\d{4})-(\d{1,2})-(\d{1,2})()()()()()$/,
];

/** cty-yaml's parseTimestamp (Go layouts "2006-1-2T15:4:5.999999999Z07:00" and friends) as RFC 3339. */
function parseTimestamp(s: string): string | undefined {
  for (const form of TimestampForms) {
    const m = form.exec(s);
    if (!m) continue;
    const [year, month, day, hour, minute, second] = m.slice(1, 7).map((x) => Number(x || 0)) as number[] as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const zone = m[8] ?? '';
    const zh = zone.length === 6 ? Number(zone.slice(1, 3)) : 0;
    const zm = zone.length === 6 ? Number(zone.slice(4, 6)) : 0;
    if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) continue;
    if (hour > 23 || minute > 59 || second > 59 || zh > 24 || zm > 60) continue;
    const offset = (zh * 60 + zm) * 60 * (zone.startsWith('-') ? -1 : 1);
    const t = dateTime({ year, month, day, hour, minute, second, nsec: 0 }, offset, offset === 0 ? 'UTC' : '');
    return formatGo(t, RFC3339);
  }
  return undefined;
}

/** go-cty-yaml's resolveScalar: the value of a scalar given its tag, text and quoting. */
function resolveScalar(tagIn: string, src: string, quoted: boolean): Value {
  let tag = tagIn;
  if (!Resolvable.has(tag)) throw new Error(`unsupported tag ${goQuote(tag)}`);
  const h = hint(src);
  if (h !== '' && tag !== Tag.str && tag !== Tag.binary) {
    if (quoted) return Value.string(src);
    const known = ResolveMap.get(src);
    if (known) return known[0];
    if (tag === '' && ['.nan', '.NaN', '.NAN'].includes(src)) throw new Error('floating point NaN is not supported');
    const dotted = h === '.' ? numberVal(src) : undefined;
    if (dotted) return dotted;
    if (h === 'D' || h === 'S') {
      if (tag === '' || tag === Tag.timestamp) {
        const ts = parseTimestamp(src);
        if (ts !== undefined) return Value.string(ts);
      }
      if (IntegerLiteral.test(src)) tag = Tag.int;
      else if (FloatLiteral.test(src)) tag = Tag.float;
    }
  }
  const cannot = (): Error => new Error(`cannot parse ${goQuote(src)} as ${tag}`);
  switch (tag) {
    case Tag.binary:
      if (!('bytes' in decodeBase64(src))) throw new Error(`cannot parse ${goQuote(src)} as ${tag}: not valid base64`);
      return Value.string(src);
    case Tag.str:
    case '':
      return Value.string(src);
    case Tag.bool: {
      const known = ResolveMap.get(src);
      if (!known || known[1] !== Tag.bool) throw cannot();
      return known[0];
    }
    case Tag.int:
    case Tag.float: {
      const plain = src.replace(/_/g, '');
      const decimal = numberVal(plain);
      if (decimal) return decimal;
      const n = parseGoInt(plain);
      if (n === undefined) throw cannot();
      return Value.number(n);
    }
    case Tag.timestamp: {
      const ts = parseTimestamp(src);
      if (ts === undefined) throw cannot();
      return Value.string(ts);
    }
    default: // Tag.null
      return Null;
  }
}

/** A positioned error, as cty-yaml's parseEventErrorWrap: no position on the first line. */
class PositionedError extends Error {}

class YamlDecoder {
  private i = 0;
  private directives: readonly DocumentDirective[] = [];
  private readonly pending = new Map<string, number>();
  private readonly anchors = new Map<string, Value>();

  constructor(
    private readonly src: string,
    private readonly events: readonly Event[],
  ) {}

  decode(): Value {
    const doc = this.events[this.i++];
    if (doc?.type !== EVENT_ID.DOCUMENT) throw this.errorAtEnd('missing start of document');
    this.directives = doc.directives;
    const v = this.node();
    this.i++; // the document's end
    if (this.i < this.events.length) {
      const next = this.src.slice(this.lastOffset()).search(/^---/m);
      const at = next < 0 ? -1 : this.lastOffset() + next;
      throw this.errorAt(at, 'unexpected extra content after value');
    }
    return v;
  }

  private node(): Value {
    const e = this.events[this.i++]!;
    switch (e.type) {
      case EVENT_ID.SCALAR: {
        const anchor = this.text(e.anchorStart, e.anchorEnd);
        if (anchor) this.beginAnchor(anchor);
        let v: Value;
        try {
          v = resolveScalar(
            this.tag(e.tagStart, e.tagEnd),
            jsYaml().getScalarValue(this.src, e),
            this.isQuoted(e.style),
          );
        } catch (err) {
          throw this.errorAt(this.eventOffset(e), (err as Error).message);
        }
        if (anchor) this.completeAnchor(anchor, v);
        return v;
      }
      case EVENT_ID.ALIAS: {
        const name = this.text(e.anchorStart, e.anchorEnd);
        if (this.pending.has(name)) {
          throw this.errorAt(
            e.anchorStart - 1,
            `cannot refer to anchor ${goQuote(name)} from inside its own definition`,
          );
        }
        const v = this.anchors.get(name);
        if (!v) throw this.errorAt(e.anchorStart - 1, `reference to undefined anchor ${goQuote(name)}`);
        return v;
      }
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        const isMap = e.type === EVENT_ID.MAPPING;
        const tag = this.tag(e.tagStart, e.tagEnd);
        if (tag !== '' && tag !== (isMap ? Tag.map : Tag.seq)) {
          throw this.errorAt(this.eventOffset(e), `can't interpret ${isMap ? 'mapping' : 'sequence'} as ${tag}`);
        }
        const anchor = this.text(e.anchorStart, e.anchorEnd);
        if (anchor) this.beginAnchor(anchor);
        const v = isMap ? this.mappingBody() : this.sequenceBody();
        if (anchor) this.completeAnchor(anchor, v);
        return v;
      }
      default:
        throw new Error('unexpected parser event');
    }
  }

  private sequenceBody(): Value {
    const items: Value[] = [];
    while (this.events[this.i]!.type !== EVENT_ID.POP) items.push(this.node());
    this.i++;
    return Value.tuple(items);
  }

  private mappingBody(): Value {
    const attrs = new Map<string, Value>();
    for (;;) {
      const key = this.events[this.i]!;
      if (key.type === EVENT_ID.POP) {
        this.i++;
        return Value.object(attrs);
      }
      if (key.type !== EVENT_ID.SCALAR)
        throw this.errorAt(this.eventOffset(key), 'only strings are allowed as mapping keys');
      const keyTag = this.tag(key.tagStart, key.tagEnd);
      const keyText = jsYaml().getScalarValue(this.src, key);
      this.i++;
      if ((keyTag === '' && keyText === '<<') || keyTag === Tag.merge) {
        this.merge(attrs, this.eventOffset(key));
        continue;
      }
      const keyVal = resolveScalar(keyTag, keyText, this.isQuoted(key.style));
      if (keyVal.isNull()) throw this.errorAt(this.eventOffset(key), 'mapping key cannot be null');
      attrs.set(this.keyString(keyVal), this.node());
    }
  }

  private keyString(v: Value): string {
    switch (v.type.kind) {
      case 'string':
        return v.asString();
      case 'bool':
        return v.asBool() ? 'true' : 'false';
      default:
        return formatNumber(v.asNumber());
    }
  }

  private merge(attrs: Map<string, Value>, at: number): void {
    const v = this.node();
    const mergeOne = (m: Value): void => {
      for (const [k, e] of m.entries()) attrs.set(k, e);
    };
    if (v.type.kind === 'object' && !v.isNull()) return mergeOne(v);
    if (v.type.kind === 'tuple' && !v.isNull()) {
      for (const m of v.elements()) {
        if (m.type.kind !== 'object' || m.isNull()) {
          throw this.errorAt(at, `cannot merge ${friendlyName(m.type)} (from sequence) into mapping`);
        }
        mergeOne(m);
      }
      return;
    }
    throw this.errorAt(at, `cannot merge ${friendlyName(v.type)} into mapping`);
  }

  private beginAnchor(name: string): void {
    this.pending.set(name, (this.pending.get(name) ?? 0) + 1);
  }

  private completeAnchor(name: string, v: Value): void {
    const n = this.pending.get(name)! - 1;
    if (n === 0) this.pending.delete(name);
    else this.pending.set(name, n);
    this.anchors.set(name, v);
  }

  private isQuoted(style: number): boolean {
    return style === SCALAR_STYLE.SINGLE_QUOTED || style === SCALAR_STYLE.DOUBLE_QUOTED;
  }

  private text(start: number, end: number): string {
    return start < 0 ? '' : this.src.slice(start, end);
  }

  /** The resolved tag of a node's tag property ("!!int" is tag:yaml.org,2002:int). */
  private tag(start: number, end: number): string {
    const raw = this.text(start, end);
    if (raw === '') return '';
    if (raw.startsWith('!<')) return decodeURIComponent(raw.slice(2, -1));
    const handle = /^!(?:[0-9A-Za-z-]*!)?/.exec(raw)![0];
    const suffix = decodeURIComponent(raw.slice(handle.length));
    for (const d of this.directives) if (d.kind === 'tag' && d.handle === handle) return d.prefix + suffix;
    if (handle === '!!') return TagPrefix + suffix;
    return raw;
  }

  /** Where libyaml's event starts: its anchor or tag if any, else the node itself. */
  private eventOffset(e: Event): number {
    if (e.type === EVENT_ID.DOCUMENT || e.type === EVENT_ID.POP || e.type === EVENT_ID.ALIAS) return -1;
    let start = e.type === EVENT_ID.SCALAR ? e.valueStart - (this.isQuoted(e.style) ? 1 : 0) : e.start;
    if (e.tagStart >= 0) start = Math.min(start < 0 ? e.tagStart : start, e.tagStart);
    if (e.anchorStart >= 0) start = Math.min(start < 0 ? e.anchorStart - 1 : start, e.anchorStart - 1);
    return start;
  }

  private lastOffset(): number {
    let max = 0;
    for (const e of this.events.slice(0, this.i)) {
      if (e.type === EVENT_ID.SCALAR) max = Math.max(max, e.valueEnd);
      else if (e.type === EVENT_ID.ALIAS) max = Math.max(max, e.anchorEnd);
    }
    return max;
  }

  private errorAt(offset: number, message: string): PositionedError {
    if (offset < 0) return new PositionedError(message);
    const before = this.src.slice(0, offset);
    const line = before.split('\n').length - 1;
    const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
    return new PositionedError(line === 0 ? message : `on line ${line}, column ${column}: ${message}`);
  }

  /** Errors at the end of the stream: libyaml's mark is on the line after the last. */
  private errorAtEnd(message: string): PositionedError {
    const src = this.src === '' ? '\n' : this.src;
    const line = src.split('\n').length - 1 + (src.endsWith('\n') ? 0 : 1);
    return new PositionedError(`on line ${line}, column 1: ${message}`);
  }
}

/** Parses YAML as yamldecode; throws Error with cty-yaml's message. */
export function decodeYAML(src: string): Value {
  let events: Event[];
  try {
    // libyaml has no nesting limit worth the name; js-yaml's default is 100.
    events = jsYaml().parseEvents(src, { maxDepth: 10000 });
  } catch (e) {
    if (!(e instanceof jsYaml().YAMLException)) throw e;
    const line = e.mark?.line ?? 0;
    const where = line === 0 ? '' : `on line ${line}, column ${(e.mark?.column ?? 0) + 1}: `;
    throw new Error(where + e.reason, { cause: e });
  }
  return new YamlDecoder(src, events).decode();
}
