// Bundles the action entry points and the CLI with @vercel/ncc into dist/.
// Each bundle runs with no node_modules.
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const bundles = [
  { entry: 'src/action/main-entry.ts', out: 'dist/main' },
  { entry: 'src/action/post.ts', out: 'dist/post' },
  { entry: 'src/cli/index.ts', out: 'dist/cli', executable: true },
];

rmSync('dist', { recursive: true, force: true });
for (const { entry, out, executable } of bundles) {
  execFileSync('npx', ['ncc', 'build', entry, '-o', out, '--no-source-map-register', '-q', '--license', 'licenses.txt'], {
    stdio: 'inherit',
  });
  if (executable) {
    const file = `${out}/index.js`;
    const code = readFileSync(file, 'utf8');
    if (!code.startsWith('#!')) writeFileSync(file, `#!/usr/bin/env node\n${code}`);
    chmodSync(file, 0o755);
  }
}
