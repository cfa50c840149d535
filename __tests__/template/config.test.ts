import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { initializeConfig, parseTemplate, type LoadOptions } from '../../src/template/config.js';
import { planBuilds } from '../../src/template/plan.js';

const cwd = new URL('../fixtures/templates/validate-cases/', import.meta.url).pathname;

function options(path: string, vars: [string, string][] = []): LoadOptions {
  return { path, cwd, env: {}, vars, varFiles: [], warnOnUndeclaredVar: true };
}

describe('data sources', () => {
  let server: Server;
  let url = '';
  const seen: Record<string, string | undefined>[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ accept: req.headers.accept, method: req.method });
      if (req.url === '/missing') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain', 'x-kiln': 'yes' }).end('hello from http');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('http runs natively when executed, its body feeding locals', async () => {
    const { config } = parseTemplate(options('http-data.pkr.hcl', [['url', `${url}/page`]]));
    const diags = await initializeConfig(config!, { executeDatasources: true });
    expect(diags).toEqual([]);
    expect(config!.values.locals.get('body')?.asString()).toBe('hello from http');
    const page = config!.values.data.get('http.page')!.value;
    expect(page.attr('url')?.asString()).toBe(`${url}/page`);
    expect(page.attr('request_headers')?.attr('X-Kiln')?.asString()).toBe('yes');
    expect(seen.at(-1)).toEqual({ accept: 'text/plain', method: 'GET' });
  });

  test('unexecuted, its value is unknown', async () => {
    const { config } = parseTemplate(options('http-data.pkr.hcl', [['url', `${url}/page`]]));
    expect(await initializeConfig(config!, { executeDatasources: false })).toEqual([]);
    expect(config!.values.locals.get('body')?.isKnown()).toBe(false);
  });

  test('a failing status is an error at the block', async () => {
    const { config } = parseTemplate(options('http-data.pkr.hcl', [['url', `${url}/missing`]]));
    const diags = await initializeConfig(config!, { executeDatasources: true });
    expect(diags.map((d) => [d.summary, d.subject?.start.line])).toEqual([
      ['HTTP request error. Response code: 404', 5],
    ]);
  });
});

describe('builds', () => {
  test('build-level sources get local names, merged bodies and filtered components', async () => {
    const { config, diags } = parseTemplate(options('overrides.pkr.hcl'));
    expect(diags).toEqual([]);
    expect(await initializeConfig(config!, { executeDatasources: false })).toEqual([]);
    const { builds, diags: planDiags } = await planBuilds(config!, { only: [], except: [] });
    expect(planDiags).toEqual([]);
    expect(
      builds.map((b) => ({
        name: b.name,
        communicator: (b.builder.config as { communicator?: string }).communicator,
        provisioners: b.provisioners.map((p) => (p.config as { inline?: string[] }).inline),
        postProcessors: b.postProcessors.map((c) => c.map((p) => p.type)),
      })),
    ).toEqual([
      { name: 'b.null.first', communicator: 'none', provisioners: [['echo first']], postProcessors: [] },
      { name: 'b.null.second', communicator: 'none', provisioners: [], postProcessors: [['manifest']] },
    ]);
  });
});

test('a build-level source may not set an argument its source sets', async () => {
  const { config } = parseTemplate(options('duplicate-override.pkr.hcl'));
  await initializeConfig(config!, { executeDatasources: false });
  const { diags } = await planBuilds(config!, { only: [], except: [] });
  expect(diags.map((d) => [d.summary, d.detail, d.subject?.start.line])).toEqual([
    ['Duplicate argument', 'Argument "communicator" was already set at duplicate-override.pkr.hcl:2,3-15', 8],
  ]);
});

describe('packer block', () => {
  test('required_plugins entries are checked as Packer does', () => {
    const { diags } = parseTemplate(options('required-plugins.pkr.hcl'));
    expect(diags.map((d) => [d.summary, d.subject?.start.line])).toEqual([
      ['Invalid plugin requirement', 7],
      ['Invalid plugin local name', 8],
      ['Failed to parse source', 8],
    ]);
  });
});
