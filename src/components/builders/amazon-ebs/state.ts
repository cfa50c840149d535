import type { Image, Instance } from '@aws-sdk/client-ec2';
import type { AmazonSession } from '../../common/amazon/client.js';
import { buildInfo, type BuildInfo, type TemplateScope } from '../../common/amazon/tags.js';
import type { ConnectState } from '../../common/step-connect.js';
import type { BuilderContext } from '../../runtime.js';
import type { AmazonEbsConfig } from './schema.js';

/* The amazon-ebs builder's state (the plugin's state bag keys, typed) and what every step shares. */

export interface EbsState extends ConnectState {
  /** source_image */
  sourceImage?: Image;
  vpcId: string;
  subnetId: string;
  availabilityZone: string;
  /** The key pair the instance launches with (ssh_keypair_name or the temporary one). */
  keyPairName?: string;
  /** SSHPrivateKey of the communicator: the temporary key's material or ssh_private_key_file's content. */
  privateKey?: string;
  securityGroupIds: string[];
  /** instance (as last described) */
  instance?: Instance;
  /** amis: region -> AMI ID. */
  amis: Record<string, string>;
  /** snapshots: region -> snapshot IDs. */
  snapshots: Record<string, string[]>;
  /** The AMI in the build region is an intermediary one (encrypt_boot): copies replace it. */
  intermediary: boolean;
  /** generated_data: SourceAMI, SourceAMIName, BuildRegion ... */
  generated: Record<string, string>;
  /** A step failed or halted (multistep's StateHalted); cancellation is the build's signal. */
  failed: boolean;
}

export interface EbsStepContext {
  readonly config: AmazonEbsConfig;
  readonly session: AmazonSession;
  readonly builder: BuilderContext;
  readonly scope: TemplateScope;
}

export function initialState(): EbsState {
  return {
    vpcId: '',
    subnetId: '',
    availabilityZone: '',
    securityGroupIds: [],
    amis: {},
    snapshots: {},
    intermediary: false,
    generated: {},
    failed: false,
  };
}

/** The build info templates see now (extractBuildInfo): only BuildRegion before the source AMI is known. */
export function currentBuildInfo(ctx: EbsStepContext, state: EbsState): BuildInfo {
  return buildInfo(ctx.session.region, state.sourceImage);
}

/** The generated data extractBuildInfo records once the source AMI is known. */
export function generatedData(info: BuildInfo): Record<string, string> {
  if (info.SourceAMI === undefined) return {};
  return {
    BuildRegion: info.BuildRegion,
    SourceAMI: info.SourceAMI,
    SourceAMICreationDate: info.SourceAMICreationDate ?? '',
    SourceAMIName: info.SourceAMIName ?? '',
    SourceAMIOwner: info.SourceAMIOwner ?? '',
    SourceAMIOwnerName: info.SourceAMIOwnerName ?? '',
  };
}

/** Logs the error to the UI and returns it to throw, as the plugin's steps do (ui.Error + state "error"). */
export function stepError(ctx: EbsStepContext, message: string, cause?: unknown): Error {
  ctx.builder.ui.error(message);
  return new Error(message, cause === undefined ? undefined : { cause });
}
