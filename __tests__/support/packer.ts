import { spawn, spawnSync } from 'node:child_process';

/*
 * Runs the local Packer (1.6.6 from Debian) as the oracle. Input goes through
 * a real pipe (`printf | packer`): Packer uses its piped console mode only when
 * stdin is a FIFO, and Node's own child stdin is a socket.
 */

export interface PackerRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly exit: number | null;
}

export function packerAvailable(): boolean {
  return spawnSync('packer', ['version'], { encoding: 'utf8' }).stdout?.startsWith('Packer v') ?? false;
}

export function runPacker(
  args: readonly string[],
  opts: { cwd: string; stdin?: string; env?: Readonly<Record<string, string>> },
): Promise<PackerRun> {
  return new Promise((resolve, reject) => {
    const script = 'printf "%s" "$KILN_STDIN" | exec packer "$@"';
    const child = spawn('sh', ['-c', script, 'sh', ...args], {
      cwd: opts.cwd,
      env: { ...process.env, CHECKPOINT_DISABLE: '1', PACKER_LOG: '', ...opts.env, KILN_STDIN: opts.stdin ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (exit) =>
      resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), exit }),
    );
  });
}

/** Runs `fn` over items with at most `limit` in flight, keeping order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
