#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
;// CONCATENATED MODULE: ./build/version.js
/** Kiln's own version. */
const KILN_VERSION = '0.1.0';
/**
 * The Packer version Kiln is compatible with: what `required_version` constraints
 * are checked against and what `packer.version` evaluates to.
 */
const PACKER_COMPAT_VERSION = '1.14.0';

;// CONCATENATED MODULE: ./build/cli/main.js

// A command's module is imported only when that command runs, so a start
// compiles just what it needs (`version` and `fmt` never load the evaluator).
// webpackIgnore keeps these imports for Node to resolve: scripts/build.mjs
// bundles each command as its own file beside the CLI's index.js.
const commands = new Map([
    [
        'build',
        {
            synopsis: 'build image(s) from template',
            load: async () => (await import(/* webpackIgnore: true */ './build.js')).runBuild,
        },
    ],
    [
        'cleanup',
        {
            synopsis: 'removes the build containers that killed runs left behind',
            load: async () => (await import(/* webpackIgnore: true */ './cleanup.js')).runCleanup,
        },
    ],
    [
        'console',
        {
            synopsis: 'creates a console for testing variable interpolation',
            load: async () => (await import(/* webpackIgnore: true */ './console.js')).runConsole,
        },
    ],
    [
        'fmt',
        {
            synopsis: 'Rewrites HCL2 config files to canonical format',
            load: async () => (await import(/* webpackIgnore: true */ './fmt.js')).runFmt,
        },
    ],
    [
        'init',
        {
            synopsis: 'Install missing plugins or upgrade plugins',
            load: async () => (await import(/* webpackIgnore: true */ './init.js')).runInit,
        },
    ],
    [
        'inspect',
        {
            synopsis: 'see components of a template',
            load: async () => (await import(/* webpackIgnore: true */ './inspect.js')).runInspect,
        },
    ],
    [
        'merge-manifests',
        {
            synopsis: 'joins Packer manifest files, e.g. of matrix jobs',
            load: async () => (await import(/* webpackIgnore: true */ './merge-manifests.js')).runMergeManifests,
        },
    ],
    [
        'plan',
        {
            synopsis: 'list the builds of a template as a GitHub Actions matrix',
            load: async () => (await import(/* webpackIgnore: true */ './plan.js')).runPlan,
        },
    ],
    [
        'plugins',
        {
            synopsis: 'Interact with Packer plugins and catalog',
            load: async () => (await import(/* webpackIgnore: true */ './plugins.js')).runPlugins,
        },
    ],
    [
        'validate',
        {
            synopsis: 'check that a template is valid',
            load: async () => (await import(/* webpackIgnore: true */ './validate.js')).runValidate,
        },
    ],
    ['version', { synopsis: 'Prints the Kiln version', load: async () => runVersion }],
]);
/** Exit codes follow Packer's CLI (mitchellh/cli): 127 for a missing or unknown command. */
async function main(argv, io) {
    const [first, ...rest] = argv;
    if (first === '-v' || first === '-version' || first === '--version')
        return runVersion(rest, io);
    if (first === '-h' || first === '-help' || first === '--help') {
        io.stdout.write(usage());
        return 0;
    }
    const entry = first === undefined ? undefined : commands.get(first);
    if (!entry) {
        io.stderr.write(usage());
        return 127;
    }
    const run = await entry.load();
    return run(rest, io);
}
async function runVersion(_args, io) {
    io.stdout.write(`Kiln v${KILN_VERSION} (compatible with Packer v${PACKER_COMPAT_VERSION})\n`);
    return 0;
}
function usage() {
    const width = Math.max(...[...commands.keys()].map((n) => n.length)) + 4;
    const lines = [...commands].map(([name, e]) => `    ${name.padEnd(width)}${e.synopsis}`);
    return `Usage: kiln [--version] [--help] <command> [<args>]\n\nAvailable commands are:\n${lines.join('\n')}\n\n`;
}

;// CONCATENATED MODULE: ./build/cli/io.js
function processIO() {
    return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

;// CONCATENATED MODULE: ./build/cli/index.js



// Node 22.1+ can keep V8's compiled code on disk between runs, so a repeat start
// skips most of the parsing of the command bundle it loads (~6 ms of a console
// start on Node 24). As Node documents: NODE_COMPILE_CACHE=dir moves the cache
// (default: node-compile-cache in os.tmpdir()), NODE_DISABLE_COMPILE_CACHE=1
// turns it off. Node 20 has no compile cache.
external_node_module_namespaceObject.enableCompileCache?.();
// A reader that goes away (`kiln build | head`) only ends the output: the run
// goes on and cleans up (Packer dies of SIGPIPE there, leaving what it made).
for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error) => {
        if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED')
            throw error;
    });
}
// No top-level await: ncc's ESM bundling rejects it in the entry file.
void main(process.argv.slice(2), processIO()).then((code) => {
    process.exitCode = code;
});

