// Bundles the action entry points and the CLI with @vercel/ncc into dist/.
// Each bundle runs with no node_modules. TypeScript is first compiled to ESM in
// build/ (ncc's own TypeScript path resolves packages with "require" conditions,
// which import-only packages such as @actions/core 3 do not export); type
// errors are `npm run typecheck`'s job.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

// hclwrite compiled to WASM (kiln fmt); ncc does not pick it up, so it is copied
// beside each bundle that formats, where src/hcl/format.ts looks first.
const formatterWasm = 'node_modules/@cdktf/hcl-tools/main.wasm.gz';

const bundles = [
  { entry: 'build/action/main-entry.js', out: 'dist/main', assets: [formatterWasm] },
  { entry: 'build/action/post.js', out: 'dist/post', assets: [] },
  { entry: 'build/cli/index.js', out: 'dist/cli', assets: [formatterWasm], executable: true },
];

rmSync('dist', { recursive: true, force: true });
rmSync('build', { recursive: true, force: true });
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
for (const { entry, out, assets, executable } of bundles) {
  execFileSync(
    'npx',
    ['ncc', 'build', entry, '-o', out, '--no-source-map-register', '-q', '--license', 'licenses.txt'],
    { stdio: 'inherit' },
  );
  for (const asset of assets) copyFileSync(asset, `${out}/${asset.split('/').pop()}`);
  if (executable) {
    const file = `${out}/index.js`;
    const code = readFileSync(file, 'utf8');
    if (!code.startsWith('#!')) writeFileSync(file, `#!/usr/bin/env node\n${code}`);
    chmodSync(file, 0o755);
  }
}
