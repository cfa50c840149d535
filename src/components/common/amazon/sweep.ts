import {
  DeleteKeyPairCommand,
  DeleteLaunchTemplateCommand,
  DeleteSecurityGroupCommand,
  DeleteSnapshotCommand,
  DeleteVolumeCommand,
  DeregisterImageCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeKeyPairsCommand,
  DescribeLaunchTemplatesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  TerminateInstancesCommand,
  type EC2Client,
  type Filter,
} from '@aws-sdk/client-ec2';
import type { AmazonAccessConfig } from '../amazon-access.prepare.js';
import { abortableDelay } from '../../provision-hook.js';
import { amazonSession } from './client.js';
import { awsErrorCode, awsErrorMessage } from './errors.js';
import { RUN_ID_TAG } from './tags.js';
import { waitFor } from './waiter.js';

/*
 * What a killed run left in AWS, found by its kiln:run-id tag and removed in
 * dependency order: instances terminated (and waited for, since they hold
 * the groups and volumes), AMIs deregistered with their snapshots, then
 * stray snapshots, key pairs, security groups, detached volumes and spot
 * launch templates. A finished build's AMIs no longer carry the tag, so
 * they are never found.
 * Problems are reported, never thrown: a sweep must not fail a job.
 */

export interface SweepLog {
  info(message: string): void;
  warning(message: string): void;
}

const LIVE_STATES = ['pending', 'running', 'stopping', 'stopped', 'shutting-down'];
const TERMINATE_WAIT_MS = 10 * 60_000;
const GROUP_DELETE_ATTEMPTS = 6;

/** Sweeps the run's resources in each region with the given (secret-bearing) access config; returns how many went. */
export async function sweepRun(
  runId: string,
  access: AmazonAccessConfig,
  regions: readonly string[],
  log: SweepLog,
): Promise<number> {
  let session;
  try {
    session = await amazonSession(access);
  } catch (error) {
    log.warning(`Could not sweep AWS resources of run ${runId}: ${awsErrorMessage(error)}`);
    return 0;
  }
  let removed = 0;
  try {
    const targets = [...new Set(regions.map((r) => r || session.region))];
    for (const region of targets) removed += await sweepRegion(session.ec2(region), region, runId, log);
  } finally {
    session.destroy();
  }
  return removed;
}

/** Removes everything tagged kiln:run-id = runId in one region; returns how many resources went. */
export async function sweepRegion(ec2: EC2Client, region: string, runId: string, log: SweepLog): Promise<number> {
  const tagged: Filter = { Name: `tag:${RUN_ID_TAG}`, Values: [runId] };
  let removed = 0;
  const attempt = async (what: string, work: () => Promise<unknown>) => {
    try {
      await work();
      log.info(`Removed ${what} in ${region} left by run ${runId}`);
      removed++;
    } catch (error) {
      log.warning(`Could not remove ${what} in ${region}: ${awsErrorMessage(error)}`);
    }
  };
  const listed = async <T>(what: string, list: () => Promise<T[]>): Promise<T[]> => {
    try {
      return await list();
    } catch (error) {
      log.warning(`Could not list the ${what} of run ${runId} in ${region}: ${awsErrorMessage(error)}`);
      return [];
    }
  };

  const instances = await listed('instances', async () => {
    const filters = [tagged, { Name: 'instance-state-name', Values: LIVE_STATES }];
    const out = await ec2.send(new DescribeInstancesCommand({ Filters: filters }));
    return (out.Reservations ?? []).flatMap((r) => r.Instances ?? []).flatMap((i) => i.InstanceId ?? []);
  });
  if (instances.length > 0) {
    await attempt(`instance(s) ${instances.join(', ')}`, async () => {
      await ec2.send(new TerminateInstancesCommand({ InstanceIds: instances }));
      await waitTerminated(ec2, instances);
    });
  }

  const images = await listed('AMIs', async () => {
    const out = await ec2.send(new DescribeImagesCommand({ Owners: ['self'], Filters: [tagged] }));
    return out.Images ?? [];
  });
  for (const image of images) {
    await attempt(`AMI ${image.ImageId ?? ''}`, () => ec2.send(new DeregisterImageCommand({ ImageId: image.ImageId })));
  }
  // Snapshots of the AMIs just deregistered carry the tag too; any the AMIs did not list go as well.
  const snapshots = await listed('snapshots', async () => {
    const out = await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'], Filters: [tagged] }));
    return (out.Snapshots ?? []).flatMap((s) => s.SnapshotId ?? []);
  });
  for (const id of snapshots) {
    await attempt(`snapshot ${id}`, () => ec2.send(new DeleteSnapshotCommand({ SnapshotId: id })));
  }

  const keyPairs = await listed('key pairs', async () => {
    const out = await ec2.send(new DescribeKeyPairsCommand({ Filters: [tagged] }));
    return (out.KeyPairs ?? []).flatMap((k) => k.KeyName ?? []);
  });
  for (const name of keyPairs) {
    await attempt(`key pair ${name}`, () => ec2.send(new DeleteKeyPairCommand({ KeyName: name })));
  }

  const groups = await listed('security groups', async () => {
    const out = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [tagged] }));
    return (out.SecurityGroups ?? []).flatMap((g) => g.GroupId ?? []);
  });
  for (const id of groups) await attempt(`security group ${id}`, () => deleteGroup(ec2, id));

  const volumes = await listed('volumes', async () => {
    const filters = [tagged, { Name: 'status', Values: ['available'] }];
    const out = await ec2.send(new DescribeVolumesCommand({ Filters: filters }));
    return (out.Volumes ?? []).flatMap((v) => v.VolumeId ?? []);
  });
  for (const id of volumes) {
    await attempt(`volume ${id}`, () => ec2.send(new DeleteVolumeCommand({ VolumeId: id })));
  }

  const templates = await listed('launch templates', async () => {
    const out = await ec2.send(new DescribeLaunchTemplatesCommand({ Filters: [tagged] }));
    return (out.LaunchTemplates ?? []).flatMap((t) => t.LaunchTemplateId ?? []);
  });
  for (const id of templates) {
    await attempt(`launch template ${id}`, () => ec2.send(new DeleteLaunchTemplateCommand({ LaunchTemplateId: id })));
  }
  return removed;
}

function waitTerminated(ec2: EC2Client, instanceIds: string[]): Promise<void> {
  return waitFor({
    what: `instance(s) ${instanceIds.join(', ')} to become terminated`,
    signal: new AbortController().signal,
    timeoutMs: TERMINATE_WAIT_MS,
    check: async () => {
      const out = await ec2.send(new DescribeInstancesCommand({ InstanceIds: instanceIds }));
      const states = (out.Reservations ?? []).flatMap((r) => r.Instances ?? []).map((i) => i.State?.Name ?? '');
      const left = states.filter((s) => s !== 'terminated');
      return left.length === 0 ? { done: true, value: undefined } : { done: false, seen: left.join(', ') };
    },
  });
}

/** A group stays in use (DependencyViolation) until its instances' interfaces are gone: try a few times. */
async function deleteGroup(ec2: EC2Client, groupId: string): Promise<void> {
  const never = new AbortController().signal;
  for (let attempt = 1; ; attempt++) {
    try {
      await ec2.send(new DeleteSecurityGroupCommand({ GroupId: groupId }));
      return;
    } catch (error) {
      if (awsErrorCode(error) !== 'DependencyViolation' || attempt >= GROUP_DELETE_ATTEMPTS) throw error;
      await abortableDelay(500 * 2 ** attempt, never);
    }
  }
}
