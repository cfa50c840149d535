import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  bundleAction,
  parseFileCommand,
  runActionAsync,
  startAction,
  type ActionBundle,
} from '../action/support/run-action.js';
import {
  DEFAULT_SOURCE_IMAGE,
  startEc2Emulator,
  type Ec2Emulator,
  type Ec2EmulatorOptions,
  type Inventory,
} from '../support/ec2-emulator/index.js';
import { startKiln } from '../support/kiln-process.js';

/*
 * Nothing leaks. `kiln build` (its own process) gets SIGINT at each step of
 * an amazon-ebs build: while a request is in flight (a proxy in front of the
 * EC2 emulator holds it) or while a wait is under way (emulator delays); it
 * must exit 1 after "Cleanly cancelled builds after being interrupted." with
 * no live instance, key pair, security group, volume, AMI or snapshot of the
 * run left. Then the action's main step is SIGKILLed mid-build and its post
 * step, run as the runner runs it, sweeps everything tagged with the run id
 * in both regions. The emulator listens on 127.0.0.86.
 */

const HOST = '127.0.0.86';
let emulator: Ec2Emulator | undefined;
let proxy: HoldingProxy | undefined;
let dir: string | undefined;

afterEach(async () => {
  await proxy?.close();
  await emulator?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  proxy = emulator = dir = undefined;
}, 60_000);

/** An HTTP proxy in front of the emulator that can hold one request of a given kind for a while. */
interface HoldingProxy {
  readonly endpoint: string;
  /** Holds the next request matching `match` (its form body) for ms; resolves once it arrived. */
  hold(match: (form: URLSearchParams) => boolean, ms: number): Promise<void>;
  close(): Promise<void>;
}

async function startProxy(target: string): Promise<HoldingProxy> {
  const upstream = new URL(target);
  let armed: { match: (form: URLSearchParams) => boolean; ms: number; arrived: () => void } | undefined;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const hold = armed?.match(new URLSearchParams(body.toString())) ? armed : undefined;
      if (hold) armed = undefined;
      hold?.arrived();
      // The request goes on even when the client gave up: AWS would have received it too.
      setTimeout(() => {
        const out = request(
          { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        out.on('error', () => res.destroy());
        out.end(body);
      }, hold?.ms ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${HOST}:${port}`,
    hold: (match, ms) => new Promise((arrived) => (armed = { match, ms, arrived })),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Variant {
  /** No access_key/secret_key in the template: the SDK's chain reads AWS_ACCESS_KEY_ID ... */
  readonly environmentCredentials?: boolean;
  readonly sshPort?: number;
  readonly inline?: readonly string[];
}

function template(emu: Ec2Emulator, endpoint: string, variant: Variant = {}): string {
  const inline = variant.inline ?? ['echo provisioned > /root/provisioned.txt'];
  return `
source "amazon-ebs" "leak" {
  region                     = "us-east-1"
  ${variant.environmentCredentials ? '' : `access_key = "${emu.accessKeyId}"\n  secret_key = "${emu.secretAccessKey}"`}
  custom_endpoint_ec2        = "${endpoint}"
  skip_credential_validation = true
  source_ami_filter {
    filters     = { name = "debian-12-*" }
    owners      = ["${DEFAULT_SOURCE_IMAGE.ownerId}"]
    most_recent = true
  }
  instance_type = "t3.micro"
  ssh_username  = "root"
  ${variant.sshPort ? `ssh_port = ${variant.sshPort}` : ''}
  ssh_timeout   = "5m"
  ami_name      = "kiln-leak"
  ami_regions   = ["us-west-2"]
  tags = {
    Name = "kiln-leak"
  }
}

build {
  sources = ["source.amazon-ebs.leak"]
  provisioner "shell" {
    inline = ${JSON.stringify(inline)}
  }
}
`;
}

/** The same build as a legacy JSON template (static keys only). */
function legacyTemplate(emu: Ec2Emulator, endpoint: string): string {
  const builder = {
    type: 'amazon-ebs',
    region: 'us-east-1',
    access_key: emu.accessKeyId,
    secret_key: emu.secretAccessKey,
    custom_endpoint_ec2: endpoint,
    skip_credential_validation: true,
    source_ami_filter: {
      filters: { name: 'debian-12-*' },
      owners: [DEFAULT_SOURCE_IMAGE.ownerId],
      most_recent: true,
    },
    instance_type: 't3.micro',
    ssh_username: 'root',
    ssh_timeout: '5m',
    ami_name: 'kiln-leak',
    ami_regions: ['us-west-2'],
    tags: { Name: 'kiln-leak' },
  };
  const provisioner = { type: 'shell', inline: ['echo provisioned > /root/provisioned.txt'] };
  return JSON.stringify({ builders: [builder], provisioners: [provisioner] }, null, 2);
}

async function setUp(options: Ec2EmulatorOptions, variant?: Variant) {
  emulator = await startEc2Emulator({ host: HOST, ...options });
  proxy = await startProxy(emulator.endpoint);
  dir = mkdtempSync(join(tmpdir(), 'kiln-ebs-leak-'));
  writeFileSync(join(dir, 'build.pkr.hcl'), template(emulator, proxy.endpoint, variant));
  writeFileSync(join(dir, 'build.json'), legacyTemplate(emulator, proxy.endpoint));
  return { emu: emulator, proxy, dir };
}

/** Everything beyond the seeded state that is still alive: all must be empty after a cancelled or swept run. */
function leftovers(inv: Inventory) {
  return {
    instances: inv.instances.filter((i) => i.state !== 'terminated').map((i) => `${i.instanceId} ${i.state}`),
    keyPairs: inv.keyPairs.map((k) => k.keyName),
    securityGroups: inv.securityGroups.filter((g) => g.groupName !== 'default').map((g) => g.groupId),
    volumes: inv.volumes.map((v) => v.volumeId),
    images: inv.images.filter((i) => i.imageId !== DEFAULT_SOURCE_IMAGE.imageId).map((i) => `${i.imageId} ${i.state}`),
    snapshots: inv.snapshots.filter((s) => s.ownerId !== DEFAULT_SOURCE_IMAGE.ownerId).map((s) => s.snapshotId),
  };
}

const NOTHING = { instances: [], keyPairs: [], securityGroups: [], volumes: [], images: [], snapshots: [] };

const action = (name: string) => (form: URLSearchParams) => form.get('Action') === name;

interface InterruptCase {
  readonly step: string;
  readonly options?: Ec2EmulatorOptions;
  readonly variant?: Variant;
  /** The step's UI line, printed before SIGINT. */
  readonly line: string;
  /** A request held in flight when SIGINT comes. */
  readonly hold?: (form: URLSearchParams) => boolean;
  /** What the run had made when interrupted (API calls that succeeded). */
  readonly made: readonly string[];
}

const CASES: readonly InterruptCase[] = [
  {
    step: 'source AMI lookup',
    line: 'Prevalidating AMI Name: kiln-leak',
    hold: (f) => f.get('Action') === 'DescribeImages' && f.get('Owner.1') === DEFAULT_SOURCE_IMAGE.ownerId,
    made: [],
  },
  { step: 'key pair', line: 'Creating temporary keypair', hold: action('CreateKeyPair'), made: ['CreateKeyPair'] },
  {
    step: 'security group',
    line: 'Creating temporary security group',
    hold: action('CreateSecurityGroup'),
    made: ['CreateSecurityGroup'],
  },
  {
    step: 'run instance',
    line: 'Launching a source AWS instance...',
    hold: action('RunInstances'),
    made: ['RunInstances'],
  },
  {
    step: 'wait running',
    options: { delays: { instanceRunningMs: 60_000 } },
    line: 'to become ready...',
    made: ['RunInstances'],
  },
  {
    step: 'connect',
    variant: { sshPort: 2222 },
    line: 'Waiting for SSH to become available...',
    made: ['RunInstances'],
  },
  {
    step: 'provision',
    variant: { inline: ['echo provisioning-now', 'sleep 120'] },
    line: 'provisioning-now',
    made: ['RunInstances'],
  },
  {
    step: 'stop',
    options: { delays: { terminateMs: 5_000 } },
    line: 'Waiting for the instance to stop...',
    made: ['StopInstances'],
  },
  { step: 'create image', line: 'Creating AMI kiln-leak', hold: action('CreateImage'), made: ['CreateImage'] },
  {
    step: 'create image, the new AMI not yet visible',
    options: { amiVisibilityDelayMs: 8_000 },
    line: 'Creating AMI kiln-leak',
    hold: action('CreateImage'),
    made: ['CreateImage'],
  },
  {
    step: 'wait available',
    options: { delays: { imageAvailableMs: 60_000 } },
    line: 'Waiting for AMI to become ready...',
    made: ['CreateImage'],
  },
  {
    step: 'copy',
    line: 'Copying/Encrypting AMI',
    hold: (f) => f.get('Action') === 'CopyImage',
    made: ['CreateImage', 'CopyImage'],
  },
];

const HOLD_MS = 2_000;

describe('amazon-ebs leaves nothing behind when interrupted', () => {
  it.each(CASES)(
    'SIGINT at $step',
    async (c) => {
      const { emu, proxy, dir } = await setUp(c.options ?? {}, c.variant);
      const held = c.hold ? proxy.hold(c.hold, HOLD_MS) : Promise.resolve();
      const kiln = startKiln(['build', '-color=false', 'build.pkr.hcl'], { cwd: dir });
      await kiln.waitFor(c.line, 90_000);
      await held;
      kiln.child.kill('SIGINT');
      const code = await kiln.exited;
      const out = kiln.stdout();
      expect(code, out).toBe(1);
      expect(out).toContain('Cleanly cancelled builds after being interrupted.');
      const made = emu
        .inventory()
        .calls.filter((call) => call.status === 200)
        .map((call) => call.action);
      expect(made).toEqual(expect.arrayContaining([...c.made]));
      expect(leftovers(emu.inventory())).toEqual(NOTHING);
    },
    180_000,
  );
});

describe("the action's post step after a killed main step", () => {
  let main: ActionBundle;
  let post: ActionBundle;
  beforeAll(() => {
    main = bundleAction('main');
    post = bundleAction('post');
  }, 120_000);
  afterAll(() => {
    main?.dispose();
    post?.dispose();
  });

  it.each([
    { kind: 'HCL2', file: 'build.pkr.hcl', build: 'amazon-ebs.leak' },
    { kind: 'legacy JSON', file: 'build.json', build: 'amazon-ebs' },
  ])(
    'sweeps the instance, key pair, group, AMIs and snapshots tagged with the run id in both regions ($kind)',
    async ({ file, build }) => {
      const { emu, proxy, dir } = await setUp({ delays: { imageAvailableMs: 3_000 } });
      const inputs = { command: 'build', template: file, cache: 'false', 'upload-artifact': 'false' };
      const copying = proxy.hold(action('CopyImage'), HOLD_MS);
      const started = startAction(main, inputs, { workspace: dir });
      await copying;
      expect(started.stdout()).toContain('Copying/Encrypting AMI');
      started.child.kill('SIGKILL');
      await started.done;
      expect(started.child.signalCode).toBe('SIGKILL');
      // The held CopyImage reaches the emulator after the kill, as it would reach AWS.
      await new Promise((r) => setTimeout(r, HOLD_MS + 500));

      const state = parseFileCommand(readFileSync(started.stateFile, 'utf8'));
      const runId = state['run-id'] ?? '';
      expect(runId).toMatch(/^[0-9a-f-]{36}$/);
      expect(state['aws-sweep']).not.toContain(emu.secretAccessKey);
      expect(JSON.parse(state['aws-sweep'] ?? '')).toEqual([
        {
          build,
          regions: ['us-east-1', 'us-west-2'],
          access: { region: 'us-east-1', custom_endpoint_ec2: proxy.endpoint },
          credentials: 'template',
        },
      ]);
      const inv = emu.inventory();
      const before = leftovers(inv);
      const amiIn = (region: string) => inv.images.find((i) => i.name === 'kiln-leak' && i.region === region)?.imageId;
      expect(before.instances).toHaveLength(1);
      expect(before.keyPairs).toHaveLength(1);
      expect(before.securityGroups).toHaveLength(1);
      expect(before.images.map((i) => i.split(' ')[1])).toEqual(['available', 'pending']);
      expect(before.snapshots).toHaveLength(2);

      const r = await runActionAsync(post, inputs, {
        workspace: dir,
        env: { 'STATE_run-id': runId, 'STATE_aws-sweep': state['aws-sweep'] ?? '' },
      });
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).not.toContain('::warning::');
      const removed = r.stdout.split('\n').filter((l) => l.startsWith('Removed '));
      expect(removed).toEqual([
        `Removed instance(s) ${before.instances[0]?.split(' ')[0]} in us-east-1 left by run ${runId}`,
        `Removed AMI ${amiIn('us-east-1')} in us-east-1 left by run ${runId}`,
        expect.stringMatching(new RegExp(`^Removed snapshot snap-\\w+ in us-east-1 left by run ${runId}$`)),
        `Removed key pair ${before.keyPairs[0]} in us-east-1 left by run ${runId}`,
        `Removed security group ${before.securityGroups[0]} in us-east-1 left by run ${runId}`,
        `Removed AMI ${amiIn('us-west-2')} in us-west-2 left by run ${runId}`,
        expect.stringMatching(new RegExp(`^Removed snapshot snap-\\w+ in us-west-2 left by run ${runId}$`)),
      ]);
      expect(leftovers(emu.inventory())).toEqual(NOTHING);
    },
    240_000,
  );

  it('sweeps a half-made AMI with credentials from the environment', async () => {
    const { emu, proxy, dir } = await setUp({ delays: { imageAvailableMs: 60_000 } }, { environmentCredentials: true });
    const env = { AWS_ACCESS_KEY_ID: emu.accessKeyId, AWS_SECRET_ACCESS_KEY: emu.secretAccessKey };
    const inputs = { command: 'build', template: 'build.pkr.hcl', cache: 'false', 'upload-artifact': 'false' };
    const creating = proxy.hold(action('CreateImage'), HOLD_MS);
    const started = startAction(main, inputs, { workspace: dir, env });
    await creating;
    started.child.kill('SIGKILL');
    await started.done;
    await new Promise((r) => setTimeout(r, HOLD_MS + 500));

    const state = parseFileCommand(readFileSync(started.stateFile, 'utf8'));
    expect(JSON.parse(state['aws-sweep'] ?? '')).toEqual([
      {
        build: 'amazon-ebs.leak',
        regions: ['us-east-1', 'us-west-2'],
        access: { region: 'us-east-1', custom_endpoint_ec2: proxy.endpoint },
        credentials: 'environment',
      },
    ]);
    const before = leftovers(emu.inventory());
    expect(before.images.map((i) => i.split(' ')[1])).toEqual(['pending']);
    expect(before.snapshots).toHaveLength(1);

    const r = await runActionAsync(post, inputs, {
      workspace: dir,
      env: { ...env, 'STATE_run-id': state['run-id'] ?? '', 'STATE_aws-sweep': state['aws-sweep'] ?? '' },
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).not.toContain('::warning::');
    expect(
      r.stdout
        .split('\n')
        .filter((l) => l.startsWith('Removed '))
        .map((l) => l.split(' ')[1]),
    ).toEqual(['instance(s)', 'AMI', 'snapshot', 'key', 'security']);
    expect(leftovers(emu.inventory())).toEqual(NOTHING);
  }, 240_000);

  it('without its credentials, warns and does not fail the job', async () => {
    const saved = JSON.stringify([
      { build: 'amazon-ebs.gone', regions: ['us-east-1'], access: { region: 'us-east-1' }, credentials: 'template' },
    ]);
    dir = mkdtempSync(join(tmpdir(), 'kiln-ebs-leak-'));
    writeFileSync(join(dir, 'build.pkr.hcl'), 'build {\n  sources = []\n}\n');
    const r = await runActionAsync(
      post,
      { template: 'build.pkr.hcl', cache: 'false' },
      {
        workspace: dir,
        env: { 'STATE_run-id': 'run-1', 'STATE_aws-sweep': saved, DOCKER_HOST: 'unix:///nonexistent.sock' },
      },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      '::warning::Could not sweep AWS resources of amazon-ebs.gone: its access_key is no longer known\n',
    );
  }, 60_000);
});
