import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostPlatform } from '../../src/plugins/platform.js';
import { pluginRelease } from './fake-github.js';

/*
 * For interrupt tests: a GitHub releases stand-in serving one release of
 * hashicorp/packer-plugin-NAME, v1.0.0 for this platform, whose zip is sent
 * 16 bytes at a time and never finished. `zipRequested` resolves once those
 * bytes are on their way.
 */

export async function startSlowGithub(
  host: string,
  name: string,
): Promise<{ url: string; zipRequested: Promise<void>; close(): void }> {
  const release = await pluginRelease({ name, version: '1.0.0', platforms: [hostPlatform()] });
  let zipRequested!: () => void;
  const requested = new Promise<void>((resolve) => (zipRequested = resolve));
  let base = '';
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '';
    if (path.startsWith(`/repos/hashicorp/packer-plugin-${name}/releases`)) {
      res.setHeader('content-type', 'application/json');
      const assets = [...release.assets.keys()].map((n) => ({ name: n, browser_download_url: `${base}/dl/${n}` }));
      res.end(JSON.stringify([{ tag_name: release.tag, draft: false, assets }]));
      return;
    }
    const body = release.assets.get(path.slice('/dl/'.length));
    if (!body) {
      res.statusCode = 404;
      res.end();
      return;
    }
    if (!path.endsWith('.zip')) {
      res.end(body);
      return;
    }
    res.writeHead(200, { 'content-length': String(body.length) });
    res.write(body.subarray(0, 16), () => zipRequested());
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  base = `http://${host}:${(server.address() as AddressInfo).port}`;
  const close = () => {
    server.closeAllConnections();
    server.close();
  };
  return { url: base, zipRequested: requested, close };
}
