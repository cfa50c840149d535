import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { Containers, EMULATOR_LABEL } from './containers.js';
import { faultInjector } from './faults.js';
import { Background } from './runtime.js';
import { startServer } from './server.js';
import { ACCOUNT_ID, Store, newId } from './store.js';
import type { Ec2Emulator, Ec2EmulatorOptions, ImageRecord, SourceImage } from './types.js';

/*
 * An EC2 (and STS GetCallerIdentity) emulator on loopback for the amazon-ebs tests:
 * the EC2 Query API with SigV4-checked requests and EC2's XML, instances as Docker
 * containers running sshd on their own 127.0.1.N, AMIs as committed images.
 */

export type * from './types.js';
export { EMULATOR_LABEL };

/** The Docker image of the default AMI (scripts/sshd-base-image.sh builds it). */
export const SSHD_IMAGE = 'kiln-test/sshd:bookworm';

/** The AMI every emulator starts with unless options.sourceImages says otherwise. */
export const DEFAULT_SOURCE_IMAGE: SourceImage = {
  imageId: 'ami-0b1e2d3c4f5a69788',
  name: 'debian-12-amd64-20240101-1614',
  ownerId: '136693071363',
  dockerImage: SSHD_IMAGE,
  rootDeviceName: '/dev/xvda',
  creationDate: '2024-01-01T16:14:00.000Z',
  description: 'Debian 12 (20240101-1614)',
};

const script = path.resolve(import.meta.dirname, '../../../scripts/sshd-base-image.sh');

/** Builds kiln-test/sshd:bookworm when the engine lacks it (about a minute, once). */
export async function ensureSshdImage(): Promise<void> {
  await promisify(execFile)(script, [SSHD_IMAGE], { timeout: 600_000 });
}

export async function startEc2Emulator(options: Ec2EmulatorOptions = {}): Promise<Ec2Emulator> {
  const region = options.region ?? 'us-east-1';
  const emulatorId = randomBytes(6).toString('hex');
  const sourceImages = options.sourceImages ?? [DEFAULT_SOURCE_IMAGE];
  if (sourceImages.some((s) => s.dockerImage === SSHD_IMAGE)) await ensureSshdImage();

  const store = new Store();
  store.seedRegion(region);
  for (const source of sourceImages) seedImage(store, source, region);

  const containers = new Containers(emulatorId);
  const background = new Background();
  const credentials = {
    accessKeyId: `AKIAKILN${emulatorId.toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString('base64'),
  };
  const host = options.host ?? '127.0.0.80';
  const server = await startServer({
    host,
    credentials,
    fault: faultInjector(options.faults),
    context: {
      store,
      containers,
      background,
      settings: {
        instanceRunningMs: options.delays?.instanceRunningMs ?? 0,
        imageAvailableMs: options.delays?.imageAvailableMs ?? 0,
        terminateMs: options.delays?.terminateMs ?? 0,
        amiVisibilityDelayMs: options.amiVisibilityDelayMs ?? 0,
      },
    },
  });

  let stopped: Promise<void> | undefined;
  return {
    id: emulatorId,
    endpoint: `http://${host}:${server.port}`,
    region,
    accountId: ACCOUNT_ID,
    ...credentials,
    inventory: () => store.inventory(),
    // Idempotent: a test may stop it early and again in afterAll.
    stop: () =>
      (stopped ??= (async () => {
        await server.close();
        await background.stop();
        await containers.removeAll();
      })()),
  };
}

/** A seeded AMI with a completed root snapshot, public, available at once. */
function seedImage(store: Store, source: SourceImage, defaultRegion: string): void {
  const region = source.region ?? defaultRegion;
  store.seedRegion(region);
  const rootDeviceName = source.rootDeviceName ?? '/dev/xvda';
  const snapshotId = newId('snap');
  const sshUser = source.sshUser ?? 'root';
  store.snapshots.set(snapshotId, {
    snapshotId,
    region,
    volumeId: 'vol-ffffffff',
    volumeSize: 8,
    state: 'completed',
    ownerId: source.ownerId,
    description: `Seeded root snapshot of ${source.imageId}`,
    startTime: source.creationDate ?? new Date(0).toISOString(),
    encrypted: false,
    tags: [],
    createVolumePermissionUserIds: [],
    createVolumePermissionGroups: ['all'],
  });
  store.snapshotDockerImages.set(snapshotId, { dockerImage: source.dockerImage, sshUser });
  const image: ImageRecord = {
    imageId: source.imageId,
    region,
    name: source.name,
    ...(source.description ? { description: source.description } : {}),
    ownerId: source.ownerId,
    state: 'available',
    creationDate: source.creationDate ?? new Date(0).toISOString(),
    rootDeviceName,
    blockDeviceMappings: [
      {
        deviceName: rootDeviceName,
        snapshotId,
        volumeSize: 8,
        volumeType: 'gp2',
        deleteOnTermination: true,
        encrypted: false,
      },
    ],
    tags: [],
    isPublic: true,
    launchPermissionUserIds: [],
    launchPermissionGroups: ['all'],
    enaSupport: true,
    dockerImage: source.dockerImage,
    sshUser,
    visibleAt: 0,
  };
  store.images.set(image.imageId, image);
}
