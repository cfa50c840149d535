import net from 'node:net';
import type { BenchSshd } from './sshd.js';

/**
 * A TCP relay in front of sshd that holds every chunk for half of `rttMs` in
 * each direction: loopback's round trip is some 50 µs, a cloud VM's is
 * milliseconds, and a protocol that waits for a reply per file (Packer's scp
 * sends each file and waits for its acknowledgement) only shows its cost
 * over such a link. Equal delays fire in order, so the byte stream is kept.
 */
export async function startLatencyProxy(host: string, sshd: BenchSshd, rttMs: number): Promise<BenchSshd> {
  const oneWay = rttMs / 2;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: sshd.host, port: sshd.port });
    for (const sock of [client, upstream]) {
      sockets.add(sock);
      sock.setNoDelay(true);
      sock.on('error', () => undefined);
      sock.on('close', () => {
        sockets.delete(sock);
        client.destroy();
        upstream.destroy();
      });
    }
    relay(client, upstream, oneWay);
    relay(upstream, client, oneWay);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('latency proxy has no port');
  return {
    ...sshd,
    host,
    port: address.port,
    stop: async () => {
      for (const sock of sockets) sock.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function relay(from: net.Socket, to: net.Socket, delayMs: number): void {
  from.on('data', (chunk: Buffer) => setTimeout(() => to.write(chunk), delayMs));
  from.on('end', () => setTimeout(() => to.end(), delayMs));
}
