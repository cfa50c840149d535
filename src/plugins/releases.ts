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

export function githubReleases(env: Env, opts: GithubOptions = {}): ReleaseSource {
  const fetchImpl = opts.fetch ?? fetch;
  const api = new URL((env['GITHUB_API_URL'] || 'https://api.github.com').replace(/\/*$/, '/'));
  const token = TOKEN_VARIABLES.map((v) => env[v]).find((t) => t);
  const headers = (url: URL, accept: string): Record<string, string> => ({
    accept,
    'user-agent': `kiln-getter-github-${KILN_VERSION}`,
    ...(token && url.host === api.host ? { authorization: `Bearer ${token}` } : {}),
  });
  const get = async (url: URL, accept: string): Promise<Response> => {
    const res = await fetchImpl(url, { headers: headers(url, accept), redirect: 'follow', signal: opts.signal });
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

function nextPage(link: string | null): URL | undefined {
  const m = link ? /<([^>]+)>;\s*rel="next"/.exec(link) : null;
  return m ? new URL(m[1]!) : undefined;
}

/** go-github's error text ("GET URL: 404 Not Found []"), or Packer's RateLimitError for a spent quota. */
async function failureText(res: Response, url: URL): Promise<string> {
  let message = res.statusText;
  try {
    const body = (await res.json()) as { message?: unknown };
    if (typeof body.message === 'string') message = body.message;
  } catch {
    // Not JSON: the status text stands.
  }
  const text = `GET ${url.href}: ${res.status} ${message} []`;
  if ((res.status === 403 || res.status === 429) && res.headers.get('x-ratelimit-remaining') === '0') {
    const reset = Number(res.headers.get('x-ratelimit-reset') ?? 0) * 1000;
    const wait = goDurationString(Math.max(0, Math.round(reset - Date.now())));
    const hint = 'HINT: Set the PACKER_GITHUB_API_TOKEN env var with a token to get more requests.\n';
    return `Plugin host rate limited the plugin getter. Try again in ${wait}.\n${hint}${text}`;
  }
  return text;
}
