import { iconv } from './deferred.js';

/*
 * The IANA character sets textencodebase64/textdecodebase64 accept: the names
 * and aliases golang.org/x/text's ianaindex maps to an implemented encoding,
 * each with the canonical IANA name Packer reports in errors. iconv-lite does
 * the conversion; the EBCDIC code pages, ISO-2022-JP and HZ-GB-2312 (which
 * x/text has and iconv-lite lacks) are not available.
 */

interface Charset {
  /** ianaindex.IANA.Name: the canonical IANA name. */
  readonly name: string;
  /** iconv-lite's codec, or 'ascii' for x/text's strict 7-bit ASCII. */
  readonly codec: string;
  /** Lower-case names and aliases. */
  readonly aliases: readonly string[];
}

const Charsets: readonly Charset[] = [
  {
    name: 'US-ASCII',
    codec: 'ascii',
    aliases: [
      'us-ascii',
      'iso-ir-6',
      'ansi_x3.4-1968',
      'ansi_x3.4-1986',
      'iso_646.irv:1991',
      'iso646-us',
      'us',
      'ibm367',
      'cp367',
      'csascii',
    ],
  },
  { name: 'UTF-8', codec: 'utf-8', aliases: ['utf-8', 'csutf8'] },
  { name: 'UTF-16', codec: 'utf-16be-bom', aliases: ['utf-16', 'csutf16'] },
  { name: 'UTF-16BE', codec: 'utf-16be', aliases: ['utf-16be', 'csutf16be'] },
  { name: 'UTF-16LE', codec: 'utf-16le', aliases: ['utf-16le', 'csutf16le'] },
  { name: 'IBM437', codec: 'cp437', aliases: ['ibm437', 'cp437', '437', 'cspc8codepage437'] },
  { name: 'IBM850', codec: 'cp850', aliases: ['ibm850', 'cp850', '850', 'cspc850multilingual'] },
  { name: 'IBM852', codec: 'cp852', aliases: ['ibm852', 'cp852', '852', 'cspcp852'] },
  { name: 'IBM855', codec: 'cp855', aliases: ['ibm855', 'cp855', '855', 'csibm855'] },
  {
    name: 'IBM00858',
    codec: 'cp858',
    aliases: ['ibm00858', 'ccsid00858', 'cp00858', 'pc-multilingual-850+euro', 'csibm00858'],
  },
  { name: 'IBM860', codec: 'cp860', aliases: ['ibm860', 'cp860', '860', 'csibm860'] },
  { name: 'IBM862', codec: 'cp862', aliases: ['ibm862', 'cp862', '862', 'cspc862latinhebrew'] },
  { name: 'IBM863', codec: 'cp863', aliases: ['ibm863', 'cp863', '863', 'csibm863'] },
  { name: 'IBM865', codec: 'cp865', aliases: ['ibm865', 'cp865', '865', 'csibm865'] },
  { name: 'IBM866', codec: 'cp866', aliases: ['ibm866', 'cp866', '866', 'csibm866'] },
  {
    name: 'ISO_8859-1:1987',
    codec: 'iso-8859-1',
    aliases: [
      'iso_8859-1:1987',
      'iso-ir-100',
      'iso_8859-1',
      'iso-8859-1',
      'latin1',
      'l1',
      'ibm819',
      'cp819',
      'csisolatin1',
    ],
  },
  {
    name: 'ISO_8859-2:1987',
    codec: 'iso-8859-2',
    aliases: ['iso_8859-2:1987', 'iso-ir-101', 'iso_8859-2', 'iso-8859-2', 'latin2', 'l2', 'csisolatin2'],
  },
  {
    name: 'ISO_8859-3:1988',
    codec: 'iso-8859-3',
    aliases: ['iso_8859-3:1988', 'iso-ir-109', 'iso_8859-3', 'iso-8859-3', 'latin3', 'l3', 'csisolatin3'],
  },
  {
    name: 'ISO_8859-4:1988',
    codec: 'iso-8859-4',
    aliases: ['iso_8859-4:1988', 'iso-ir-110', 'iso_8859-4', 'iso-8859-4', 'latin4', 'l4', 'csisolatin4'],
  },
  {
    name: 'ISO_8859-5:1988',
    codec: 'iso-8859-5',
    aliases: ['iso_8859-5:1988', 'iso-ir-144', 'iso_8859-5', 'iso-8859-5', 'cyrillic', 'csisolatincyrillic'],
  },
  {
    name: 'ISO_8859-6:1987',
    codec: 'iso-8859-6',
    aliases: [
      'iso_8859-6:1987',
      'iso-ir-127',
      'iso_8859-6',
      'iso-8859-6',
      'ecma-114',
      'asmo-708',
      'arabic',
      'csisolatinarabic',
    ],
  },
  { name: 'ISO_8859-6-E', codec: 'iso-8859-6', aliases: ['iso_8859-6-e', 'csiso88596e', 'iso-8859-6-e'] },
  { name: 'ISO_8859-6-I', codec: 'iso-8859-6', aliases: ['iso_8859-6-i', 'csiso88596i', 'iso-8859-6-i'] },
  {
    name: 'ISO_8859-7:1987',
    codec: 'iso-8859-7',
    aliases: [
      'iso_8859-7:1987',
      'iso-ir-126',
      'iso_8859-7',
      'iso-8859-7',
      'elot_928',
      'ecma-118',
      'greek',
      'greek8',
      'csisolatingreek',
    ],
  },
  {
    name: 'ISO_8859-8:1988',
    codec: 'iso-8859-8',
    aliases: ['iso_8859-8:1988', 'iso-ir-138', 'iso_8859-8', 'iso-8859-8', 'hebrew', 'csisolatinhebrew'],
  },
  { name: 'ISO_8859-8-E', codec: 'iso-8859-8', aliases: ['iso_8859-8-e', 'csiso88598e', 'iso-8859-8-e'] },
  { name: 'ISO_8859-8-I', codec: 'iso-8859-8', aliases: ['iso_8859-8-i', 'csiso88598i', 'iso-8859-8-i'] },
  {
    name: 'ISO_8859-9:1989',
    codec: 'iso-8859-9',
    aliases: ['iso_8859-9:1989', 'iso-ir-148', 'iso_8859-9', 'iso-8859-9', 'latin5', 'l5', 'csisolatin5'],
  },
  {
    name: 'ISO-8859-10',
    codec: 'iso-8859-10',
    aliases: ['iso-8859-10', 'iso-ir-157', 'l6', 'iso_8859-10:1992', 'csisolatin6', 'latin6'],
  },
  { name: 'ISO-8859-13', codec: 'iso-8859-13', aliases: ['iso-8859-13', 'csiso885913'] },
  {
    name: 'ISO-8859-14',
    codec: 'iso-8859-14',
    aliases: [
      'iso-8859-14',
      'iso-ir-199',
      'iso_8859-14:1998',
      'iso_8859-14',
      'latin8',
      'iso-celtic',
      'l8',
      'csiso885914',
    ],
  },
  { name: 'ISO-8859-15', codec: 'iso-8859-15', aliases: ['iso-8859-15', 'iso_8859-15', 'latin-9', 'csiso885915'] },
  {
    name: 'ISO-8859-16',
    codec: 'iso-8859-16',
    aliases: ['iso-8859-16', 'iso-ir-226', 'iso_8859-16:2001', 'iso_8859-16', 'latin10', 'l10', 'csiso885916'],
  },
  { name: 'KOI8-R', codec: 'koi8-r', aliases: ['koi8-r', 'cskoi8r'] },
  { name: 'KOI8-U', codec: 'koi8-u', aliases: ['koi8-u', 'cskoi8u'] },
  { name: 'macintosh', codec: 'macintosh', aliases: ['macintosh', 'mac', 'csmacintosh'] },
  { name: 'windows-874', codec: 'windows-874', aliases: ['windows-874', 'cswindows874'] },
  ...[1250, 1251, 1252, 1253, 1254, 1255, 1256, 1257, 1258].map((n) => ({
    name: `windows-${n}`,
    codec: `windows-${n}`,
    aliases: [`windows-${n}`, `cswindows${n}`],
  })),
  {
    name: 'Extended_UNIX_Code_Packed_Format_for_Japanese',
    codec: 'euc-jp',
    aliases: ['extended_unix_code_packed_format_for_japanese', 'cseucpkdfmtjapanese', 'euc-jp'],
  },
  { name: 'Shift_JIS', codec: 'shift_jis', aliases: ['shift_jis', 'ms_kanji', 'csshiftjis'] },
  { name: 'EUC-KR', codec: 'euc-kr', aliases: ['euc-kr', 'cseuckr'] },
  { name: 'GB18030', codec: 'gb18030', aliases: ['gb18030', 'csgb18030'] },
  { name: 'GBK', codec: 'gbk', aliases: ['gbk', 'cp936', 'ms936', 'windows-936', 'csgbk'] },
  { name: 'Big5', codec: 'big5', aliases: ['big5', 'csbig5'] },
];

const ByAlias = new Map(Charsets.flatMap((c) => c.aliases.map((a) => [a, c] as const)));

/** ianaindex.IANA.Encoding: case-insensitive, surrounding space ignored. */
export function lookupCharset(name: string): Charset | undefined {
  return ByAlias.get(name.trim().toLowerCase());
}

/** The bytes of s in the charset, or undefined if a character has no encoding there. */
export function encodeText(s: string, cs: Charset): Buffer | undefined {
  if (cs.codec === 'ascii') return [...s].every((c) => c.charCodeAt(0) < 0x80) ? Buffer.from(s, 'latin1') : undefined;
  if (cs.codec === 'utf-16be-bom') return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv().encode(s, 'utf-16be')]);
  const bytes = iconv().encode(s, cs.codec);
  // iconv-lite substitutes what it cannot encode; x/text's encoders fail instead.
  return iconv().decode(bytes, cs.codec) === s ? bytes : undefined;
}

/** The text of bytes in the charset, or undefined if they hold undefined symbols. */
export function decodeText(bytes: Buffer, cs: Charset): string | undefined {
  let text: string;
  if (cs.codec === 'ascii') {
    if (bytes.some((b) => b > 0x7f)) return undefined;
    text = bytes.toString('latin1');
  } else if (cs.codec === 'utf-16be-bom') {
    // UseBOM: a leading BOM picks the byte order and is dropped; big-endian by default.
    const le = bytes[0] === 0xff && bytes[1] === 0xfe;
    const be = bytes[0] === 0xfe && bytes[1] === 0xff;
    text = iconv().decode(le || be ? bytes.subarray(2) : bytes, le ? 'utf-16le' : 'utf-16be', { stripBOM: false });
  } else text = iconv().decode(bytes, cs.codec, { stripBOM: false });
  return text.includes('\ufffd') ? undefined : text;
}
