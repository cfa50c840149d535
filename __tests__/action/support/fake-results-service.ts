import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A local stand-in for the Actions results service, speaking what the pinned
 * @actions/cache (v6, cache service v2) and @actions/artifact (v6) call:
 *
 * - twirp JSON at /twirp/github.actions.results.api.v1.CacheService/{GetCacheEntryDownloadURL,
 *   CreateCacheEntry, FinalizeCacheEntryUpload} and .ArtifactService/{CreateArtifact, FinalizeArtifact};
 * - blob storage at the signed URLs it hands out, as the Azure SDK uses it: Put Blob (one PUT),
 *   Put Block (?comp=block&blockid=) and Put Block List (?comp=blocklist); downloads are plain GETs.
 *
 * Cache entries match as the service matches them: the primary key exactly,
 * then each restore key exactly or as a prefix (newest first), all within the
 * same version. Only finalized entries are found.
 */

export interface CacheEntry {
  readonly key: string;
  readonly version: string;
  readonly id: number;
  finalized: boolean;
  size?: number;
}

export interface ArtifactEntry {
  readonly name: string;
  readonly runBackendId: string;
  readonly jobBackendId: string;
  readonly id: number;
  finalized: boolean;
  hash?: string;
}

export interface FakeResultsService {
  /** ACTIONS_RESULTS_URL. */
  readonly url: string;
  readonly caches: CacheEntry[];
  readonly artifacts: ArtifactEntry[];
  /** Committed blobs by path: /blob/cache/<id> or /blob/artifact/<id>. */
  readonly blobs: Map<string, Buffer>;
  /** "<Service>/<Method>" of every twirp call, in order, with the bearer token it carried. */
  readonly calls: { readonly call: string; readonly token: string }[];
  /** Makes CreateArtifact answer ok: false. */
  refuseArtifacts: boolean;
  close(): Promise<void>;
}

const PREFIX = '/twirp/github.actions.results.api.v1.';

export async function startFakeResultsService(host: string): Promise<FakeResultsService> {
  const blocks = new Map<string, Map<string, Buffer>>();
  let nextId = 1;
  let base = '';
  const service: FakeResultsService = {
    url: '',
    caches: [],
    artifacts: [],
    blobs: new Map(),
    calls: [],
    refuseArtifacts: false,
    close: () => new Promise((done) => server.close(() => done())),
  };

  const twirp = (method: string, body: Record<string, unknown>): Record<string, unknown> => {
    const str = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
    switch (method) {
      case 'CacheService/GetCacheEntryDownloadURL': {
        const version = str('version');
        const finalized = service.caches.filter((c) => c.finalized && c.version === version).reverse();
        const restoreKeys = Array.isArray(body['restore_keys']) ? (body['restore_keys'] as string[]) : [];
        const hit =
          finalized.find((c) => c.key === str('key')) ??
          restoreKeys
            .map((k) => finalized.find((c) => c.key === k) ?? finalized.find((c) => c.key.startsWith(k)))
            .find((c) => c !== undefined);
        if (!hit) return { ok: false };
        return { ok: true, signed_download_url: `${base}blob/cache/${hit.id}?sig=download`, matched_key: hit.key };
      }
      case 'CacheService/CreateCacheEntry': {
        if (service.caches.some((c) => c.key === str('key') && c.version === str('version'))) {
          return { ok: false, message: 'cache entry already exists' };
        }
        const entry: CacheEntry = { key: str('key'), version: str('version'), id: nextId++, finalized: false };
        service.caches.push(entry);
        return { ok: true, signed_upload_url: `${base}blob/cache/${entry.id}?sig=upload` };
      }
      case 'CacheService/FinalizeCacheEntryUpload': {
        const entry = service.caches.find((c) => c.key === str('key') && c.version === str('version'));
        if (!entry || !service.blobs.has(`/blob/cache/${entry.id}`)) return { ok: false, message: 'no upload' };
        entry.finalized = true;
        entry.size = Number(str('size_bytes'));
        return { ok: true, entry_id: String(entry.id) };
      }
      case 'ArtifactService/CreateArtifact': {
        if (service.refuseArtifacts) return { ok: false };
        const entry: ArtifactEntry = {
          name: str('name'),
          runBackendId: str('workflow_run_backend_id'),
          jobBackendId: str('workflow_job_run_backend_id'),
          id: nextId++,
          finalized: false,
        };
        service.artifacts.push(entry);
        return { ok: true, signed_upload_url: `${base}blob/artifact/${entry.id}?sig=upload` };
      }
      case 'ArtifactService/FinalizeArtifact': {
        const entry = service.artifacts.find((a) => a.name === str('name') && !a.finalized);
        if (!entry) return { ok: false };
        entry.finalized = true;
        const hash = body['hash'];
        if (typeof hash === 'string') entry.hash = hash;
        return { ok: true, artifact_id: String(entry.id) };
      }
      default:
        throw new Error(`unknown twirp method ${method}`);
    }
  };

  const blob = (req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer) => {
    const path = url.pathname;
    if (req.method === 'GET') {
      const data = service.blobs.get(path);
      if (!data) return send(res, 404, 'BlobNotFound');
      res.writeHead(200, { 'content-length': data.length, 'content-type': 'application/octet-stream' });
      return res.end(data);
    }
    if (req.method !== 'PUT') return send(res, 405, 'method');
    const comp = url.searchParams.get('comp');
    if (comp === 'block') {
      const staged = blocks.get(path) ?? new Map<string, Buffer>();
      staged.set(url.searchParams.get('blockid') ?? '', body);
      blocks.set(path, staged);
    } else if (comp === 'blocklist') {
      const staged = blocks.get(path) ?? new Map<string, Buffer>();
      const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)</g)].map((m) => m[1]);
      service.blobs.set(path, Buffer.concat(ids.map((id) => staged.get(id ?? '') ?? Buffer.alloc(0))));
      blocks.delete(path);
    } else {
      service.blobs.set(path, body);
    }
    res.writeHead(201, {
      etag: `"0x${nextId.toString(16)}"`,
      'last-modified': new Date().toUTCString(),
      'x-ms-request-id': 'fake',
      'x-ms-version': '2024-11-04',
      'x-ms-request-server-encrypted': 'true',
    });
    res.end();
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', base);
      if (url.pathname.startsWith('/blob/')) return blob(req, res, url, body);
      if (req.method !== 'POST' || !url.pathname.startsWith(PREFIX)) return send(res, 404, 'not found');
      const method = url.pathname.slice(PREFIX.length);
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      service.calls.push({ call: method, token });
      try {
        const answer = twirp(method, JSON.parse(body.toString('utf8')) as Record<string, unknown>);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
      } catch (error) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 'bad_route', msg: (error as Error).message }));
      }
    });
  });
  await new Promise<void>((done) => server.listen(0, host, done));
  base = `http://${host}:${(server.address() as AddressInfo).port}/`;
  return Object.assign(service, { url: base });
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(text);
}

/** An ACTIONS_RUNTIME_TOKEN as @actions/artifact reads it: a JWT whose scp names the run and job backend ids. */
export function runtimeToken(runBackendId: string, jobBackendId: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp: `Actions.ExampleScope Actions.Results:${runBackendId}:${jobBackendId}` })}.sig`;
}
