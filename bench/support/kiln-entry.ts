import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * How `kiln` is started:
 * - dist (default): the bundle users run, as `npm run build` last made it.
 * - bundle: src/cli bundled now by esbuild (ssh2 aside, loaded from
 *   node_modules with its native binding), for a tree whose dist is stale.
 * - src: the TypeScript through tsx, which compiles at every start (about a
 *   second), so its ratio understates Kiln.
 */
export type KilnEntry = 'dist' | 'bundle' | 'src';

export interface KilnCommand {
  /** Node arguments before kiln's own. */
  args: string[];
  /** Removes what was made for it. */
  dispose(): void;
}

export async function kilnCommand(root: string, entry: KilnEntry): Promise<KilnCommand> {
  if (entry === 'dist') return { args: [path.join(root, 'dist', 'cli', 'index.js')], dispose: () => undefined };
  if (entry === 'src') {
    // Resolved here: builds run in a temp dir, where `--import tsx` would not find the package.
    const args = ['--import', import.meta.resolve('tsx'), path.join(root, 'src', 'cli', 'index.ts')];
    return { args, dispose: () => undefined };
  }
  // Inside node_modules, so that the bundle's package imports resolve.
  const cache = path.join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const outdir = mkdtempSync(path.join(cache, 'kiln-bench-cli-'));
  try {
    await build({
      entryPoints: [path.join(root, 'src', 'cli', 'index.ts')],
      outdir,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // ssh2 loads its native crypto binding by a relative path; from node_modules it finds it.
      // ("performance" is a fallback @cdktf/hcl-tools requires only where the global is missing.)
      external: ['ssh2', 'performance'],
      // Bundled CommonJS packages expect these.
      banner: {
        js: [
          "import { createRequire as __kilnRequire } from 'node:module';",
          "import { fileURLToPath as __kilnPath } from 'node:url';",
          'const require = __kilnRequire(import.meta.url);',
          'const __filename = __kilnPath(import.meta.url);',
          "const __dirname = __kilnPath(new URL('.', import.meta.url));",
        ].join(' '),
      },
      logLevel: 'error',
    });
  } catch (error) {
    rmSync(outdir, { recursive: true, force: true });
    throw error;
  }
  return { args: [path.join(outdir, 'index.js')], dispose: () => rmSync(outdir, { recursive: true, force: true }) };
}
