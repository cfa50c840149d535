import type { Artifact } from '../../../core/events.js';
import type { Step } from '../../../core/step.js';
import { amazonSession, checkCredentials } from '../../common/amazon/client.js';
import { stepConnect } from '../../common/step-connect.js';
import { stepProvision } from '../../common/step-provision.js';
import type { BuilderContext } from '../../runtime.js';
import { amiArtifact } from './artifact.js';
import { isSpotInstance } from './prepare-run.js';
import type { AmazonEbsConfig } from './schema.js';
import { initialState, type EbsStepContext } from './state.js';
import { stepEnableDeprecation, stepModifyAmiAttributes } from './steps/ami-attributes.js';
import { stepCreateAmi } from './steps/create-ami.js';
import { stepCreateTags, stepRemoveRunTags } from './steps/create-tags.js';
import { stepDeregisterAmi } from './steps/deregister-ami.js';
import { stepKeyPair } from './steps/key-pair.js';
import { stepNetworkInfo } from './steps/network-info.js';
import { stepPreValidate } from './steps/pre-validate.js';
import { stepRegionCopy } from './steps/region-copy.js';
import { stepRunInstance } from './steps/run-instance.js';
import { stepRunSpotInstance } from './steps/run-spot-instance.js';
import { stepSecurityGroup } from './steps/security-group.js';
import { stepSourceAmi } from './steps/source-ami.js';
import { stepSshHost, type HostState } from './steps/ssh-host.js';
import { stepModifyInstance, stepStopInstance } from './steps/stop-instance.js';
import { runBuilderSteps } from '../../common/run-builder-steps.js';

/*
 * builder/ebs of packer-plugin-amazon on @aws-sdk/client-ec2, in the plugin's
 * step order. Cleanup terminates the instance and deletes the temporary key
 * pair and security group on success, failure and cancel, and a half-made
 * AMI on failure or cancel. Every resource the build creates carries
 * kiln:run-id and kiln:build tags; the final AMIs and snapshots lose them.
 */

export async function runAmazonEbsBuilder(config: AmazonEbsConfig, context: BuilderContext): Promise<Artifact | null> {
  const unsupported = unsupportedFeature(config);
  if (unsupported) throw new Error(`the amazon-ebs builder in Kiln does not support ${unsupported} yet`);
  const session = await amazonSession(config);
  try {
    await checkCredentials(config, session);
    const ctx: EbsStepContext = {
      config,
      session,
      builder: context,
      scope: {
        userVariables: config.packer_user_variables ?? {},
        buildName: config.packer_build_name ?? '',
        buildType: config.packer_builder_type ?? 'amazon-ebs',
        cwd: context.cwd,
      },
    };
    const state: HostState = initialState();
    const steps = amazonEbsSteps(ctx).map((step) => trackFailure(step));
    await runBuilderSteps(steps, state, context);
    if (Object.keys(state.amis).length === 0) return null;
    return amiArtifact(state.amis, config, state.generated);
  } finally {
    session.destroy();
  }
}

export function amazonEbsSteps(ctx: EbsStepContext): Step<HostState>[] {
  const { config, builder } = ctx;
  return [
    stepPreValidate(ctx),
    stepSourceAmi(ctx),
    stepNetworkInfo(ctx),
    stepKeyPair(ctx),
    stepSecurityGroup(ctx),
    isSpotInstance(config) ? stepRunSpotInstance(ctx) : stepRunInstance(ctx),
    ...(config.communicator === 'none' ? [] : [stepSshHost(ctx)]),
    stepConnect<HostState>(config, builder, (state) => ({
      host: state.sshHost ?? '',
      ...(state.privateKey ? { privateKey: state.privateKey } : {}),
      instanceId: state.instance?.InstanceId ?? '',
    })),
    stepSetGeneratedData(),
    stepProvision<HostState>(builder),
    stepStopInstance(ctx),
    stepModifyInstance(ctx),
    stepDeregisterAmi(ctx),
    stepCreateAmi(ctx),
    stepRegionCopy(ctx),
    stepEnableDeprecation(ctx),
    stepModifyAmiAttributes(ctx),
    stepCreateTags(ctx),
    stepRemoveRunTags(ctx),
  ];
}

/** StepSetGeneratedData: provisioners see SourceAMI, BuildRegion ... as build.* beside the connection data. */
function stepSetGeneratedData(): Step<HostState> {
  return {
    name: 'StepSetGeneratedData',
    run(state) {
      if (state.hook) {
        state.hook = { ...state.hook, generatedData: { ...state.generated, ...state.hook.generatedData } };
      }
      return Promise.resolve('continue');
    },
  };
}

/** Records a failed or halted step in the state, which cleanups that only act on failure read. */
function trackFailure(step: Step<HostState>): Step<HostState> {
  return {
    ...step,
    async run(state, signal) {
      try {
        const action = await step.run(state, signal);
        if (action === 'halt') state.failed = true;
        return action;
      } catch (error) {
        state.failed = true;
        throw error;
      }
    },
  };
}

/** Options Kiln's builder does not carry out yet: the build stops before creating anything. */
function unsupportedFeature(c: AmazonEbsConfig): string | undefined {
  if (c.temporary_iam_instance_profile_policy_document) return 'temporary_iam_instance_profile_policy_document';
  if (c.ssh_interface === 'session_manager') return 'ssh_interface = "session_manager"';
  if (c.fast_launch?.enable_fast_launch) return 'fast_launch';
  const vault = c.vault_aws_engine;
  if (vault?.name || vault?.role_arn || vault?.engine_name || vault?.ttl) return 'vault_aws_engine';
  if (c.deregistration_protection?.enabled) return 'deregistration_protection';
  return undefined;
}
