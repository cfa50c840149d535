import { rmSync } from 'node:fs';
import net from 'node:net';

/*
 * A pass-through proxy in front of the Docker engine's socket that can hold
 * one request: a test points DOCKER_HOST at it, waits until the request it
 * names arrives (the build is then between two known steps), acts (SIGINT),
 * and releases the request. It also records every request line, so a test
 * can read, say, the name a container was created with.
 */

export interface EngineProxy {
  /** unix://<socket>, for DOCKER_HOST. */
  readonly host: string;
  /** Every request line seen so far ("POST /containers/create?name=... HTTP/1.1"). */
  readonly requests: string[];
  /** Resolves when a request whose line matches `hold` arrives (it is held). */
  readonly held: Promise<string>;
  /** Lets the held request (and everything after it) through. */
  release(): void;
  close(): Promise<void>;
}

const REQUEST_LINE = /^(GET|HEAD|POST|PUT|DELETE) \S+ HTTP\/1\.[01]$/gm;

export async function startEngineProxy(
  socket: string,
  hold: RegExp | undefined,
  engineSocket = '/var/run/docker.sock',
): Promise<EngineProxy> {
  const requests: string[] = [];
  let releaseHeld = () => undefined as void;
  let released = false;
  let onHeld: (line: string) => void = () => undefined;
  const held = new Promise<string>((resolve) => (onHeld = resolve));
  const waiting = new Promise<void>((resolve) => (releaseHeld = resolve));
  const connections = new Set<net.Socket>();

  // Half-open connections pass through: an exec's stdin closes while its output still flows.
  const server = net.createServer({ allowHalfOpen: true }, (client) => {
    const engine = net.connect({ path: engineSocket, allowHalfOpen: true });
    connections.add(client).add(engine);
    engine.pipe(client);
    // Request heads start chunks; a held chunk stops this connection until release.
    let queue = Promise.resolve();
    client.on('data', (chunk: Buffer) => {
      const lines = chunk.toString('latin1').match(REQUEST_LINE) ?? [];
      requests.push(...lines);
      const match = hold && !released ? lines.find((l) => hold.test(l)) : undefined;
      if (match) {
        client.pause();
        onHeld(match);
        queue = queue.then(() => waiting).then(() => void client.resume());
      }
      queue = queue.then(() => void engine.write(chunk));
    });
    client.on('end', () => void queue.then(() => engine.end()));
    const close = () => {
      client.destroy();
      engine.destroy();
    };
    client.on('error', close);
    engine.on('error', close);
    client.on('close', () => connections.delete(client));
    engine.on('close', () => connections.delete(engine));
  });
  rmSync(socket, { force: true });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return {
    host: `unix://${socket}`,
    requests,
    held,
    release() {
      released = true;
      releaseHeld();
    },
    close() {
      released = true;
      releaseHeld();
      for (const c of connections) c.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
