#!/usr/bin/env node
import { main } from './main.js';
import { processIO } from './io.js';

// No top-level await: ncc's ESM bundling rejects it in the entry file.
void main(process.argv.slice(2), processIO()).then((code) => {
  process.exitCode = code;
});
