import { connectEngine, engineAddress, engineMessage, type Engine } from '../communicator/docker/engine.js';
import { findBuildContainers, removeBuildContainer } from '../components/builders/docker/leftovers.js';
import type { AmazonAccessConfig } from '../components/common/amazon-access.prepare.js';
import type { PlannedBuild } from '../template/plan.js';

/*
 * What a killed or cancelled run leaves behind, found by the run id: build
 * containers by their name (kiln-<run id>-<build>) through the Docker Engine
 * API; AWS resources by their kiln:run-id tag in the regions the run's
 * amazon builds used (the SDK loads only when there is one). Problems are
 * reported, never thrown: cleanup must not fail a job.
 */

/** The main step's saved state naming the run (core.saveState / core.getState). */
export const RUN_ID_STATE = 'run-id';

export interface CleanupLog {
  info(message: string): void;
  warning(message: string): void;
}

/** Removes (forcibly, with their anonymous volumes) the build containers of this run; returns how many. */
export async function removeRunContainers(
  runId: string,
  log: CleanupLog,
  engine: Engine = connectEngine(),
): Promise<number> {
  let containers;
  try {
    containers = await findBuildContainers(engine, runId);
  } catch (error) {
    log.info(`No Docker engine to clean up at ${engineAddress()}: ${engineMessage(error)}`);
    return 0;
  }
  let removed = 0;
  for (const c of containers) {
    try {
      await removeBuildContainer(engine, c.id);
      log.info(`Removed container ${c.name} (${c.id.slice(0, 12)}) left by run ${runId}`);
      removed++;
    } catch (error) {
      log.warning(`Could not remove container ${c.name} (${c.id.slice(0, 12)}): ${engineMessage(error)}`);
    }
  }
  return removed;
}

/** The main step's saved state for the AWS sweep: JSON of AwsSweepTarget[], without secrets. */
export const AWS_SWEEP_STATE = 'aws-sweep';

/** Access settings a sweep may keep in the state: no access_key, secret_key, token or mfa_code. */
type SavedAccess = Pick<
  AmazonAccessConfig,
  | 'region'
  | 'custom_endpoint_ec2'
  | 'insecure_skip_tls_verify'
  | 'profile'
  | 'shared_credentials_file'
  | 'assume_role'
  | 'max_retries'
>;

/** Where one amazon build's resources live and how the post step gets credentials for them. */
export interface AwsSweepTarget {
  /** CoreBuild.Name: with credentials "template", the post step reads its keys from the template again. */
  readonly build: string;
  /** region and ami_regions; "" is the SDK's default region. */
  readonly regions: readonly string[];
  readonly access: SavedAccess;
  /** "template": static keys in the template; "environment": the SDK's chain (env, profile, web identity ...). */
  readonly credentials: 'template' | 'environment';
}

const AMAZON_BUILDERS = new Set(['amazon-ebs']);

/** The sweep targets of the run's amazon builds (none when it has none). */
export function awsSweepTargets(builds: readonly PlannedBuild[]): AwsSweepTarget[] {
  return builds
    .filter((b) => AMAZON_BUILDERS.has(b.builder.type))
    .map((b) => {
      const c = b.builder.config as AmazonAccessConfig & { ami_regions?: string[] };
      const access: SavedAccess = {
        ...(c.region ? { region: c.region } : {}),
        ...(c.custom_endpoint_ec2 ? { custom_endpoint_ec2: c.custom_endpoint_ec2 } : {}),
        ...(c.insecure_skip_tls_verify ? { insecure_skip_tls_verify: true } : {}),
        ...(c.profile ? { profile: c.profile } : {}),
        ...(c.shared_credentials_file ? { shared_credentials_file: c.shared_credentials_file } : {}),
        ...(c.assume_role?.role_arn ? { assume_role: c.assume_role } : {}),
        ...(c.max_retries ? { max_retries: c.max_retries } : {}),
      };
      return {
        build: b.name,
        regions: [...new Set([c.region ?? '', ...(c.ami_regions ?? [])])],
        access,
        credentials: c.access_key ? 'template' : 'environment',
      };
    });
}

/** Static keys of a build, read again from the template (never from the saved state). */
export type TemplateKeys = (
  build: string,
) => Promise<Pick<AmazonAccessConfig, 'access_key' | 'secret_key' | 'token'> | undefined>;

/** Removes the AWS resources tagged with the run id in every region the run's amazon builds used. */
export async function sweepAwsResources(
  runId: string,
  saved: string,
  log: CleanupLog,
  templateKeys: TemplateKeys,
): Promise<number> {
  if (saved === '') return 0;
  const targets = JSON.parse(saved) as AwsSweepTarget[];
  const { sweepRun } = await import('../components/common/amazon/sweep.js');
  let removed = 0;
  for (const target of targets) {
    let access: AmazonAccessConfig = { ...target.access };
    if (target.credentials === 'template') {
      const keys = await templateKeys(target.build);
      if (!keys?.access_key || !keys.secret_key) {
        log.warning(`Could not sweep AWS resources of ${target.build}: its access_key is no longer known`);
        continue;
      }
      access = { ...access, ...keys };
    }
    removed += await sweepRun(runId, access, target.regions, log);
  }
  return removed;
}
