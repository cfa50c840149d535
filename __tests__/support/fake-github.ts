import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import yazl from 'yazl';

/*
 * A GitHub REST API stand-in on 127.0.0.90 serving plugin releases:
 * GET /repos/OWNER/REPO/releases (paginated with a Link header) whose assets'
 * browser_download_url point back at /download/OWNER/REPO/TAG/NAME. Every
 * request is recorded with its Authorization header.
 */

export const FAKE_GITHUB_HOST = '127.0.0.90';

export interface FakeRelease {
  readonly tag: string;
  readonly assets: ReadonlyMap<string, Buffer>;
  readonly draft?: boolean;
}

export interface RecordedRequest {
  readonly path: string;
  readonly authorization?: string;
  readonly userAgent?: string;
}

export interface FakeGithub {
  /** The API base URL, for GITHUB_API_URL. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  setReleases(owner: string, repo: string, releases: FakeRelease[]): void;
  close(): Promise<void>;
}

export async function startFakeGithub(opts: { pageSize?: number } = {}): Promise<FakeGithub> {
  const pageSize = opts.pageSize ?? 100;
  const repos = new Map<string, FakeRelease[]>();
  const requests: RecordedRequest[] = [];
  let base = '';
  const server: Server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', base);
    requests.push({
      path: url.pathname + url.search,
      authorization: req.headers.authorization,
      userAgent: req.headers['user-agent'],
    });
    const list = /^\/repos\/([^/]+)\/([^/]+)\/releases$/.exec(url.pathname);
    const download = /^\/download\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (list) {
      const releases = repos.get(`${list[1]}/${list[2]}`);
      if (!releases) return notFound(res);
      const page = Number(url.searchParams.get('page') ?? '1');
      const slice = releases.slice((page - 1) * pageSize, page * pageSize);
      if (page * pageSize < releases.length) {
        res.setHeader('link', `<${base}${url.pathname}?per_page=100&page=${page + 1}>; rel="next"`);
      }
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify(
          slice.map((r) => ({
            tag_name: r.tag,
            draft: r.draft ?? false,
            assets: [...r.assets.keys()].map((name) => ({
              name,
              browser_download_url: `${base}/download/${list[1]}/${list[2]}/${r.tag}/${name}`,
            })),
          })),
        ),
      );
      return;
    }
    if (download) {
      const release = repos.get(`${download[1]}/${download[2]}`)?.find((r) => r.tag === download[3]);
      const body = release?.assets.get(decodeURIComponent(download[4]!));
      if (!body) return notFound(res);
      res.setHeader('content-type', 'application/octet-stream');
      res.end(body);
      return;
    }
    notFound(res);
  });
  await new Promise<void>((resolve) => server.listen(0, FAKE_GITHUB_HOST, resolve));
  base = `http://${FAKE_GITHUB_HOST}:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    setReleases: (owner, repo, releases) => void repos.set(`${owner}/${repo}`, releases),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function notFound(res: import('node:http').ServerResponse): void {
  res.statusCode = 404;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest' }));
}

/** A plugin binary: a shell script answering `describe` with `reported` as its version. */
export function pluginScript(reported: string, api = 'x5.0'): Buffer {
  const description = JSON.stringify({
    version: reported,
    sdk_version: '0.6.0',
    api_version: api,
    builders: ['-packer-default-plugin-name-'],
    post_processors: [],
    provisioners: [],
    datasources: [],
    protocol_version: 'v2',
  });
  return Buffer.from(`#!/bin/sh\nif [ "$1" = describe ]; then\n  echo '${description}'\n  exit 0\nfi\nexit 1\n`);
}

export function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function zipOf(files: Record<string, Buffer>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of Object.entries(files)) zip.addBuffer(data, name, { mode: 0o100755 });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export interface ReleaseOptions {
  readonly name: string;
  /** "1.2.3" */
  readonly version: string;
  readonly platforms: readonly { os: string; arch: string }[];
  /** What the binary's `describe` says (default: the version). */
  readonly reported?: string;
  /** Corrupt the SHA256SUMS line of every zip. */
  readonly wrongChecksum?: boolean;
  readonly api?: string;
}

/** A release as goreleaser makes them for Packer plugins: a zip per platform and the SHA256SUMS. */
export async function pluginRelease(o: ReleaseOptions): Promise<FakeRelease> {
  const api = o.api ?? 'x5.0';
  const assets = new Map<string, Buffer>();
  const sums: string[] = [];
  for (const { os, arch } of o.platforms) {
    const base = `packer-plugin-${o.name}_v${o.version}_${api}_${os}_${arch}`;
    const zip = await zipOf({ [base]: pluginScript(o.reported ?? o.version, api) });
    assets.set(`${base}.zip`, zip);
    const sum = o.wrongChecksum ? sha256Hex(Buffer.from('not the zip')) : sha256Hex(zip);
    sums.push(`${sum}  ${base}.zip\n`);
  }
  assets.set(`packer-plugin-${o.name}_v${o.version}_SHA256SUMS`, Buffer.from(sums.join('')));
  return { tag: `v${o.version}`, assets };
}
