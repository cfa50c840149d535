#!/usr/bin/env node
import module from 'node:module';
import { main } from './main.js';
import { processIO } from './io.js';

// Node 22.1+ can keep V8's compiled code on disk between runs, so a repeat start
// skips most of the parsing of the command bundle it loads (~6 ms of a console
// start on Node 24). As Node documents: NODE_COMPILE_CACHE=dir moves the cache
// (default: node-compile-cache in os.tmpdir()), NODE_DISABLE_COMPILE_CACHE=1
// turns it off. Node 20 has no compile cache.
module.enableCompileCache?.();

// A reader that goes away (`kiln build | head`) only ends the output: the run
// goes on and cleans up (Packer dies of SIGPIPE there, leaving what it made).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

// No top-level await: ncc's ESM bundling rejects it in the entry file.
void main(process.argv.slice(2), processIO()).then((code) => {
  process.exitCode = code;
});
