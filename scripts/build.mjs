// Bundles the action entry points and the CLI with @vercel/ncc into dist/.
// Each bundle runs with no node_modules. TypeScript is first compiled to ESM in
// build/ (ncc's own TypeScript path resolves packages with "require" conditions,
// which import-only packages such as @actions/core 3 do not export); type
// errors are `npm run typecheck`'s job.
//
// Start-up time matters for the CLI and the action, so dist/cli is several bundles:
// a small dispatcher (index.js) and one bundle per command in its own directory
// (dist/cli/build/index.js, re-exported by dist/cli/build.js), which src/cli/main.ts
// imports only when that command runs. Inside a bundle, what only some runs need
// (a builder and its SDK, the cache and artifact libraries) is a chunk loaded on
// first use: a docker build never parses the AWS SDK.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// hclwrite compiled to WASM (kiln fmt); ncc does not pick it up, so it is copied
// beside each bundle that formats, where src/hcl/format.ts looks first.
const formatterWasm = 'node_modules/@cdktf/hcl-tools/main.wasm.gz';

// `file` names the bundle in `out` (ncc writes index.js); bundles sharing a
// directory must not write the same chunk or asset twice.
const bundles = [
  { entry: 'build/action/main-entry.js', out: 'dist/main', assets: [formatterWasm] },
  { entry: 'build/action/post.js', out: 'dist/post' },
  { entry: 'build/cli/index.js', out: 'dist/cli', executable: true },
  { entry: 'build/cli/build.js', out: 'dist/cli', file: 'build.js' },
  { entry: 'build/cli/cleanup.js', out: 'dist/cli', file: 'cleanup.js' },
  { entry: 'build/cli/console.js', out: 'dist/cli', file: 'console.js' },
  { entry: 'build/cli/fmt.js', out: 'dist/cli', file: 'fmt.js', assets: [formatterWasm] },
  { entry: 'build/cli/init.js', out: 'dist/cli', file: 'init.js' },
  { entry: 'build/cli/inspect.js', out: 'dist/cli', file: 'inspect.js' },
  { entry: 'build/cli/merge-manifests.js', out: 'dist/cli', file: 'merge-manifests.js' },
  { entry: 'build/cli/plan.js', out: 'dist/cli', file: 'plan.js' },
  { entry: 'build/cli/plugins.js', out: 'dist/cli', file: 'plugins.js' },
  { entry: 'build/cli/validate.js', out: 'dist/cli', file: 'validate.js' },
];

// src/eval/functions/deferred.ts requires a few packages on first use; each is
// bundled alone, from the CommonJS build `require` resolves, as vendor/<name>.cjs
// beside every bundle containing that module.
const deferredModule = 'build/eval/functions/deferred.js';

rmSync('dist', { recursive: true, force: true });
rmSync('build', { recursive: true, force: true });
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
const { VENDORED } = await import(path.resolve(deferredModule));
// src/eval/functions/aws-secretsmanager.ts calls the SDK from a child process (HCL functions are
// synchronous), which loads it from vendor/client-secrets-manager.cjs beside the bundle.
const CHILD_VENDORED = ['@aws-sdk/client-secrets-manager'];

const licenses = new Map(); // out directory -> license sections
const vendorDirs = new Set(); // out directories holding vendor/
for (const { entry, out: outDir, file = 'index.js', assets = [], executable } of bundles) {
  // A command bundle lives in its own directory with its chunks and assets (bundles of
  // one directory would write different chunks under the same name); `<cmd>.js` beside
  // the CLI's index.js re-exports it.
  const own = file === 'index.js' ? outDir : `${outDir}/${path.basename(file, '.js')}`;
  if (own !== outDir) {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(`${outDir}/${file}`, `export * from './${path.basename(own)}/index.js';\n`);
  }
  const stage = `build/ncc/${own}/index.js`;
  const stats = `${stage}.stats.json`;
  ncc(entry, stage, ['--stats-out', stats]);
  const modules = JSON.parse(readFileSync(stats, 'utf8')).modules.flatMap((m) => [m, ...(m.modules ?? [])]);
  // Chunks too: a package that reads them (ssh2) may be loaded on first use only.
  for (const name of readdirSync(stage)) if (name.endsWith('.js')) defineCommonJsPaths(`${stage}/${name}`);
  dropNativeAddons(stage);
  moveInto(stage, own, 'index.js');
  addLicenses(own, 'index.js', stage);
  for (const asset of assets) copyFileSync(asset, `${own}/${path.basename(asset)}`);
  if (modules.some((m) => m.name === `./${deferredModule}`)) vendor(own);
  if (executable) {
    const code = readFileSync(`${own}/index.js`, 'utf8');
    if (!code.startsWith('#!')) writeFileSync(`${own}/index.js`, `#!/usr/bin/env node\n${code}`);
    chmodSync(`${own}/index.js`, 0o755);
  }
}
for (const [out, sections] of licenses) writeLicenses(out, sections);
checkRuntimeImports();

/**
 * Some bundled CommonJS code reads __dirname/__filename as free variables
 * (ssh2's emscripten-built poly1305, for one), which an ES module lacks;
 * define them for the file (bundle or chunk) that holds it.
 */
function defineCommonJsPaths(bundle) {
  const code = readFileSync(bundle, 'utf8');
  if (!/\b__(dirname|filename)\b/.test(code)) return;
  const prelude =
    "import { fileURLToPath as __kilnFileUrl } from 'node:url';\n" +
    'var __filename = __kilnFileUrl(import.meta.url);\n' +
    "var __dirname = __kilnFileUrl(new URL('.', import.meta.url));\n";
  writeFileSync(bundle, prelude + code);
}

/**
 * ncc copies the optional native addons of ssh2 (sshcrypto.node, cpufeatures.node)
 * as node-gyp built them on this machine. dist/ must be the same on every machine
 * and run on every runner: they are left out, and ssh2 uses its JavaScript code.
 */
function dropNativeAddons(dir) {
  for (const entry of readdirSync(dir, { recursive: true })) {
    if (String(entry).endsWith('.node')) rmSync(`${dir}/${entry}`);
  }
  removeEmptyDirs(dir);
}

function removeEmptyDirs(dir) {
  for (const name of readdirSync(dir)) {
    const sub = `${dir}/${name}`;
    if (statSync(sub).isDirectory()) removeEmptyDirs(sub);
  }
  if (readdirSync(dir).length === 0) rmSync(dir, { recursive: true });
}

function ncc(entry, outDir, flags = []) {
  const args = ['ncc', 'build', entry, '-o', outDir, '--no-source-map-register', '-q', '--license', 'licenses.txt'];
  execFileSync('npx', [...args, ...flags], { stdio: 'inherit' });
}

/** Moves ncc's output from the staging directory into `out`, its index.js renamed to `file`. */
function moveInto(stage, out, file) {
  mkdirSync(out, { recursive: true });
  for (const name of readdirSync(stage)) {
    if (name === 'licenses.txt') continue;
    merge(`${stage}/${name}`, `${out}/${name === 'index.js' ? file : name}`);
  }
}

/**
 * Moves a file or directory to target. Bundles share identical files (ESM's
 * {"type":"module"}, a package's assets such as ssh2's sshcrypto.node or
 * dockerode's .proto files); a different file at the same path is an error.
 */
function merge(from, target) {
  if (!existsSync(target)) return renameSync(from, target);
  if (statSync(from).isDirectory() && statSync(target).isDirectory()) {
    for (const name of readdirSync(from)) merge(`${from}/${name}`, `${target}/${name}`);
    return;
  }
  if (!statSync(target).isDirectory() && readFileSync(target).equals(readFileSync(from))) return;
  throw new Error(`${target} is written by two bundles`);
}

/** Collects ncc's licenses.txt of each bundle in `out` (none for a bundle without packages). */
function addLicenses(out, file, stage) {
  if (!licenses.has(out)) licenses.set(out, []);
  if (existsSync(`${stage}/licenses.txt`))
    licenses.get(out).push({ file, text: readFileSync(`${stage}/licenses.txt`, 'utf8') });
}

/** One licenses.txt per directory: ncc's own for a lone bundle, else a section per bundle. */
function writeLicenses(out, sections) {
  const text =
    sections.length === 1
      ? sections[0].text
      : sections.map((s) => `==== ${s.file} ====\n\n${s.text.trim()}\n`).join('\n');
  writeFileSync(`${out}/licenses.txt`, text);
}

function vendor(out) {
  if (vendorDirs.has(out)) return;
  vendorDirs.add(out);
  const require = createRequire(path.resolve('package.json'));
  for (const name of [...VENDORED, ...CHILD_VENDORED]) {
    const stage = `build/ncc/${out}/vendor/${name}`;
    ncc(path.relative('.', require.resolve(name)), stage);
    const files = readdirSync(stage).filter((f) => f !== 'licenses.txt');
    const [bundle] = files;
    if (files.length !== 1 || !/^index\.c?js$/.test(bundle))
      throw new Error(`${name} bundles to ${files}, not one file`);
    mkdirSync(`${out}/vendor`, { recursive: true });
    const file = `vendor/${path.basename(name)}.cjs`;
    renameSync(`${stage}/${bundle}`, `${out}/${file}`);
    addLicenses(out, file, stage);
  }
}

/** Each import() left to Node (webpackIgnore, as in src/cli/main.ts) must name a file of the build. */
function checkRuntimeImports() {
  for (const { out, file = 'index.js' } of bundles) {
    const code = readFileSync(`${out}/${file}`, 'utf8');
    for (const [, spec] of code.matchAll(/import\(\s*\/\*\s*webpackIgnore:\s*true\s*\*\/\s*['"]([^'"]+)['"]\s*\)/g)) {
      if (!existsSync(path.join(out, spec)))
        throw new Error(`${out}/${file} imports ${spec}, which the build does not make`);
    }
  }
}
