import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { goDurationString } from '../components/go-duration-string.js';
import { KILN_VERSION } from '../version.js';

/*
 * Plugin releases from the GitHub REST API: the releases of
 * OWNER/packer-plugin-NAME with their assets, and asset downloads. GITHUB_API_URL
 * (GitHub Enterprise, tests) replaces https://api.github.com; a token from
 * PACKER_GITHUB_API_TOKEN (Packer's variable) or GITHUB_TOKEN (what a workflow
 * has) is sent as a bearer token, to the API's host only (Packer's
 * HostSpecificTokenAuthTransport): release downloads on github.com redirect
 * to storage that refuses one.
 */

export interface Release {
  readonly tag: string;
  /** Asset name -> download URL. */
  readonly assets: ReadonlyMap<string, string>;
}

export interface ReleaseSource {
  listReleases(owner: string, repo: string): Promise<Release[]>;
  download(url: string): Promise<Readable>;
}

type Env = Readonly<Record<string, string | undefined>>;

interface ApiRelease {
  tag_name?: unknown;
  draft?: unknown;
  assets?: { name?: unknown; browser_download_url?: unknown }[];
}

const TOKEN_VARIABLES = ['PACKER_GITHUB_API_TOKEN', 'GITHUB_TOKEN'];

export interface GithubOptions {
  readonly signal?: AbortSignal;
  readonly fetch?: typeof fetch;
}

/** The release source, or the error for a GITHUB_API_URL that is not an http(s) URL. */
export function githubReleases(env: Env, opts: GithubOptions = {}): ReleaseSource | string {
  const fetchImpl = opts.fetch ?? fetch;
  const api = apiBase(env['GITHUB_API_URL'] || 'https://api.github.com');
  if (typeof api === 'string') return api;
  const token = TOKEN_VARIABLES.map((v) => env[v]).find((t) => t);
  const headers = (url: URL, accept: string): Record<string, string> => ({
    accept,
    'user-agent': `kiln-getter-github-${KILN_VERSION}`,
    ...(token && url.host === api.host ? { authorization: `Bearer ${token}` } : {}),
  });
  const get = async (url: URL, accept: string): Promise<Response> => {
    let res: Response;
    try {
      res = await fetchImpl(url, { headers: headers(url, accept), redirect: 'follow', signal: opts.signal });
    } catch (e) {
      throw new Error(requestErrorText(url, e), { cause: e });
    }
    if (res.ok) return res;
    throw new Error(await failureText(res, url));
  };
  return {
    async listReleases(owner, repo) {
      const releases: Release[] = [];
      let next: URL | undefined = new URL(
        `repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/releases?per_page=100`,
        api,
      );
      while (next) {
        const res = await get(next, 'application/vnd.github+json');
        const page = (await res.json()) as ApiRelease[];
        for (const r of page) {
          if (r.draft === true || typeof r.tag_name !== 'string') continue;
          const assets = new Map<string, string>();
          for (const a of r.assets ?? []) {
            if (typeof a.name === 'string' && typeof a.browser_download_url === 'string')
              assets.set(a.name, a.browser_download_url);
          }
          releases.push({ tag: r.tag_name, assets });
        }
        next = nextPage(res.headers.get('link'));
      }
      return releases;
    },
    async download(url) {
      const res = await get(new URL(url), 'application/octet-stream');
      if (!res.body) throw new Error(`GET ${url}: empty response`);
      return Readable.fromWeb(res.body as WebReadableStream<Uint8Array>);
    },
  };
}

function apiBase(text: string): URL | string {
  let url: URL | undefined;
  try {
    url = new URL(text.replace(/\/*$/, '/'));
  } catch {
    url = undefined;
  }
  if (url?.protocol === 'http:' || url?.protocol === 'https:') return url;
  return `Invalid GITHUB_API_URL ${JSON.stringify(text)}: expected an http or https URL such as https://api.github.com`;
}

function nextPage(link: string | null): URL | undefined {
  const m = link ? /<([^>]+)>;\s*rel="next"/.exec(link) : null;
  return m ? new URL(m[1]!) : undefined;
}

/**
 * go-github's error text: "GET URL: 404 Not Found []" with the message of a
 * JSON body (empty otherwise), or for a spent quota its RateLimitError
 * ("GET URL: 403 MESSAGE [rate reset in 9m59s]") inside Packer's.
 */
async function failureText(res: Response, url: URL): Promise<string> {
  let message = '';
  try {
    const body = (await res.json()) as { message?: unknown };
    if (typeof body.message === 'string') message = body.message;
  } catch {
    // Not JSON: go-github leaves the message empty.
  }
  const request = `GET ${url.href}: ${res.status} ${message}`;
  if ((res.status === 403 || res.status === 429) && res.headers.get('x-ratelimit-remaining') === '0') {
    const untilReset = Number(res.headers.get('x-ratelimit-reset') ?? 0) * 1000 - Date.now();
    const wait = goDurationString(Math.max(0, Math.round(untilReset)));
    const hint = 'HINT: Set the PACKER_GITHUB_API_TOKEN env var with a token to get more requests.\n';
    return `Plugin host rate limited the plugin getter. Try again in ${wait}.\n${hint}${request} ${rateReset(untilReset)}`;
  }
  return `${request} []`;
}

/** go-github's formatRateReset. */
function rateReset(ms: number): string {
  const total = Math.floor(0.5 + Math.abs(ms) / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total - minutes * 60;
  const text = minutes > 0 ? `${minutes}m${String(seconds).padStart(2, '0')}s` : `${seconds}s`;
  return ms < 0 ? `[rate limit was reset ${text} ago]` : `[rate reset in ${text}]`;
}

/** Node's connection error codes, as Go's net package words them after "connect: ". */
const CONNECT_ERRORS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'no route to host',
  ENETUNREACH: 'network is unreachable',
};

interface SystemError extends Error {
  code?: string;
  address?: string;
  port?: number;
  hostname?: string;
  errors?: unknown[];
}

/**
 * A request that got no response, as Go's http.Client reports it:
 * `Get "URL": dial tcp 127.0.0.1:1: connect: connection refused`; an
 * aborted one is "context canceled". Causes Go has no words for keep Node's.
 */
function requestErrorText(url: URL, e: unknown): string {
  const prefix = `Get ${JSON.stringify(url.href)}: `;
  if (e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError')) return `${prefix}context canceled`;
  let cause = (e instanceof Error ? e.cause : undefined) as SystemError | undefined;
  // Every address of a name refused: Node's AggregateError holds one error per address.
  if (cause && cause.code === undefined && Array.isArray(cause.errors)) cause = cause.errors[0] as SystemError;
  if (!(cause instanceof Error)) return prefix + (e instanceof Error ? e.message : String(e));
  const connect = cause.code ? CONNECT_ERRORS[cause.code] : undefined;
  if (connect && cause.address !== undefined) {
    const host = cause.address.includes(':') ? `[${cause.address}]` : cause.address;
    return `${prefix}dial tcp ${host}:${cause.port}: connect: ${connect}`;
  }
  if (cause.code === 'ENOTFOUND') return `${prefix}dial tcp: lookup ${cause.hostname ?? url.hostname}: no such host`;
  return prefix + cause.message;
}
