import { createRequire } from 'node:module';
import type * as NodeCrypto from 'node:crypto';
import type * as NodeZlib from 'node:zlib';
import type Bcrypt from 'bcryptjs';
import type Iconv from 'iconv-lite';
import type * as JsYaml from 'js-yaml';
import type * as Re2js from 're2js';

/*
 * Modules that only a few functions need, required on first use rather than
 * imported, so that a CLI start neither compiles nor loads them: re2js
 * (regex, regexall, regex_replace), js-yaml (yamldecode), iconv-lite
 * (textencodebase64, textdecodebase64) and bcryptjs (bcrypt) are half of the
 * console bundle, and node:crypto and node:zlib take ~3 and ~2 ms to load.
 * Function implementations stay synchronous, so this is a plain require, which
 * ncc leaves alone: scripts/build.mjs ships each package as a bundle of its
 * own, vendor/<name>.cjs beside every bundle containing this module; run from
 * source, the packages resolve in node_modules.
 */

/** The packages required here; scripts/build.mjs vendors each of them. */
export const VENDORED = ['re2js', 'js-yaml', 'iconv-lite', 'bcryptjs'] as const;

const require = createRequire(import.meta.url);
const loaded = new Map<string, unknown>();

function vendored<T>(name: (typeof VENDORED)[number]): T {
  if (!loaded.has(name)) {
    let path: string;
    try {
      path = require.resolve(`./vendor/${name}.cjs`);
    } catch {
      path = name;
    }
    loaded.set(name, require(path));
  }
  return loaded.get(name) as T;
}

export const re2js = (): typeof Re2js => vendored('re2js');
export const jsYaml = (): typeof JsYaml => vendored('js-yaml');
export const iconv = (): typeof Iconv => vendored('iconv-lite');
export const bcrypt = (): typeof Bcrypt => vendored('bcryptjs');

export const nodeCrypto = (): typeof NodeCrypto => require('node:crypto') as typeof NodeCrypto;
export const nodeZlib = (): typeof NodeZlib => require('node:zlib') as typeof NodeZlib;
