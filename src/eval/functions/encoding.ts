import { DynamicPseudoType, StringType, listOf, objectOf, type Type } from '../types.js';
import { Value } from '../value.js';
import { FunctionArgError, FunctionCallError, type FunctionSpec } from './function.js';
import { decodeBase64 } from './gobase64.js';
import { goQuote } from './gocty.js';
import { CsvError, CsvReader } from './csv-decode.js';
import { decodeJSON } from './json-decode.js';
import { encodeJSON } from './json-encode.js';
import { decodeText, encodeText, lookupCharset } from './iana-encodings.js';
import { decodeYAML } from './yaml-decode.js';
import { oncePerCall } from './once-per-call.js';
import { nodeZlib } from './deferred.js';
import { yamlEncode } from './yaml-encode.js';

/*
 * Encoding functions: base64 and gzip, text encodings, CSV, JSON, YAML and URL
 * query escaping, with go-cty-funcs, cty stdlib, go-cty-yaml and Packer
 * semantics and messages.
 */

const str = (name: string) => ({ name, type: StringType });
const staticString = (): Type => StringType;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A function decoding its string argument into a value whose type is the value's own. */
function decoder(description: string, param: string, decode: (s: string) => Value): FunctionSpec {
  const decoded = oncePerCall((args) => callError(() => decode(args[0]!.asString())));
  return {
    description,
    params: [str(param)],
    returnType: (args) => (args[0]!.isKnown() ? decoded(args).type : DynamicPseudoType),
    impl: (args) => decoded(args),
  };
}

/** Runs a decoder, turning its plain errors into call errors. */
function callError<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof FunctionArgError || e instanceof FunctionCallError || !(e instanceof Error)) throw e;
    throw new FunctionCallError(e.message);
  }
}

function csvHeaderType(src: string): Type {
  const reader = new CsvReader(src);
  const headers = csvRead(reader);
  if (!headers) throw new FunctionCallError('missing header line');
  const attrs: Record<string, Type> = {};
  for (const name of headers) {
    if (Object.hasOwn(attrs, name)) throw new FunctionCallError(`duplicate column name ${goQuote(name)}`);
    attrs[name] = StringType;
  }
  return listOf(objectOf(attrs));
}

/** One CSV record, with cty's "CSV parse error on line N: ..." wording. */
function csvRead(reader: CsvReader): string[] | undefined {
  try {
    return reader.read();
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    throw new FunctionCallError(`CSV parse error on line ${e.line}: ${e.reason}`);
  }
}

function csvDecode(src: string, returnType: Type): Value {
  const elementType = (returnType as { element: Type }).element;
  const reader = new CsvReader(src);
  const headers = csvRead(reader)!;
  reader.fieldsPerRecord = headers.length;
  const rows: Value[] = [];
  for (let cols = csvRead(reader); cols; cols = csvRead(reader)) {
    rows.push(Value.object(Object.fromEntries(cols.map((c, i) => [headers[i]!, Value.string(c)]))));
  }
  return Value.list(rows, elementType);
}

function gzipBase64(s: string): string {
  const data = Buffer.from(s, 'utf8');
  // Go's gzip.Writer: fixed header (no mtime, OS unknown), Flush (sync marker), then Close (empty final block).
  const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
  const zlib = nodeZlib();
  const body = zlib.deflateRawSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(zlib.crc32(data), 0);
  trailer.writeUInt32LE(data.length % 2 ** 32, 4);
  return Buffer.concat([header, body, Buffer.from([1, 0, 0, 0xff, 0xff]), trailer]).toString('base64');
}

/** Go's url.QueryEscape: unreserved bytes stay, spaces become "+" (Packer's docs say "%20"; the code says "+"). */
function queryEscape(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function charsetArg(name: string) {
  const cs = lookupCharset(name);
  if (!cs) throw new FunctionArgError(1, `${goQuote(name)} is not a supported IANA encoding name or alias`);
  return cs;
}

export const encodingFunctions: Record<string, FunctionSpec> = {
  base64decode: {
    description: 'Decodes a string containing a base64 sequence.',
    params: [str('str')],
    returnType: staticString,
    impl: (args) => {
      const s = args[0]!.asString();
      const decoded = decodeBase64(s);
      if (!('bytes' in decoded)) throw new FunctionCallError(`failed to decode base64 data '${s}'`);
      try {
        return Value.string(utf8.decode(decoded.bytes));
      } catch {
        throw new FunctionCallError('the result of decoding the the provided string is not valid UTF-8');
      }
    },
  },
  base64encode: {
    description: 'Encodes the UTF-8 bytes of a string as base64.',
    params: [str('str')],
    returnType: staticString,
    impl: (args) => Value.string(Buffer.from(args[0]!.asString(), 'utf8').toString('base64')),
  },
  base64gzip: {
    description: 'Compresses a string with gzip and then encodes the result in base64.',
    params: [str('str')],
    returnType: staticString,
    impl: (args) => Value.string(gzipBase64(args[0]!.asString())),
  },
  textencodebase64: {
    description:
      'Encodes the input string (UTF-8) to the destination encoding. The output is base64 to account for cty limiting strings to NFC normalised UTF-8 strings.',
    params: [str('string'), str('encoding')],
    returnType: staticString,
    impl: (args) => {
      const cs = charsetArg(args[1]!.asString());
      const bytes = encodeText(args[0]!.asString(), cs);
      if (!bytes)
        throw new FunctionArgError(0, `the given string contains characters that cannot be represented in ${cs.name}`);
      return Value.string(bytes.toString('base64'));
    },
  },
  textdecodebase64: {
    description:
      'Encodes the input base64 blob from an encoding to utf-8. The input is base64 to account for cty limiting strings to NFC normalised UTF-8 strings.',
    params: [str('source'), str('encoding')],
    returnType: staticString,
    impl: (args) => {
      const cs = charsetArg(args[1]!.asString());
      const decoded = decodeBase64(args[0]!.asString());
      if (!('bytes' in decoded)) {
        throw new FunctionArgError(0, `the given value is has an invalid base64 symbol at offset ${decoded.corruptAt}`);
      }
      const text = decodeText(decoded.bytes, cs);
      if (text === undefined)
        throw new FunctionArgError(0, `the given string contains symbols that are not defined for ${cs.name}`);
      return Value.string(text);
    },
  },
  csvdecode: {
    description:
      'Parses the given string as Comma Separated Values (as defined by RFC 4180) and returns a map of objects representing the table of data, using the first row as a header row to define the object attributes.',
    params: [str('str')],
    returnType: (args) => (args[0]!.isKnown() ? csvHeaderType(args[0]!.asString()) : DynamicPseudoType),
    impl: (args, returnType) => csvDecode(args[0]!.asString(), returnType),
  },
  jsondecode: decoder(
    'Parses the given string as JSON and returns a value corresponding to what the JSON document describes.',
    'str',
    decodeJSON,
  ),
  jsonencode: {
    description: 'Returns a string containing a JSON representation of the given value.',
    params: [{ name: 'val', type: DynamicPseudoType, allowUnknown: true, allowDynamicType: true, allowNull: true }],
    returnType: staticString,
    impl: (args) => {
      const v = args[0]!;
      if (!v.isWhollyKnown()) return Value.unknown(StringType);
      return Value.string(callError(() => encodeJSON(v)));
    },
  },
  yamldecode: decoder(
    'Parses the given string as YAML and returns a value corresponding to what the YAML document describes.',
    'src',
    decodeYAML,
  ),
  yamlencode: {
    description: 'Returns a string containing a YAML representation of the given value.',
    params: [{ name: 'value', type: DynamicPseudoType, allowNull: true, allowDynamicType: true }],
    returnType: staticString,
    impl: (args) => {
      const v = args[0]!;
      if (!v.isWhollyKnown()) return Value.unknown(StringType);
      return Value.string(yamlEncode(v));
    },
  },
  urlencode: {
    description: 'Applies URL encoding to a given string.',
    params: [str('str')],
    returnType: staticString,
    impl: (args) => Value.string(queryEscape(args[0]!.asString())),
  },
};
