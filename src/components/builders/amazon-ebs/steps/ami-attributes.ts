import {
  EnableImageDeprecationCommand,
  ModifyImageAttributeCommand,
  ModifySnapshotAttributeCommand,
  type ModifyImageAttributeCommandInput,
  type ModifySnapshotAttributeCommandInput,
  type PermissionGroup,
} from '@aws-sdk/client-ec2';
import type { Step } from '../../../../core/step.js';
import { awsErrorMessage } from '../../../common/amazon/errors.js';
import { renderWithBuildInfo } from '../../../common/amazon/tags.js';
import { currentBuildInfo, stepError, type EbsState, type EbsStepContext } from '../state.js';

/*
 * StepEnableDeprecation (deprecate_at) and StepModifyAMIAttributes
 * (ami_description, ami_users, ami_groups, ami_org_arns, ami_ou_arns,
 * ami_product_codes, imds_support on every AMI; snapshot_users and
 * snapshot_groups on every snapshot).
 */

export function stepEnableDeprecation(ctx: EbsStepContext): Step<EbsState> {
  const { config: c, builder } = ctx;
  return {
    name: 'StepEnableDeprecation',
    async run(state, signal) {
      if (c.skip_create_ami || !c.deprecate_at) {
        builder.ui.say('Skipping Enable AMI deprecation...');
        return 'continue';
      }
      for (const [region, ami] of sortedEntries(state.amis)) {
        builder.ui.say(`Enabling deprecation on AMI (${ami}) in region "${region}" ...`);
        try {
          const input = { ImageId: ami, DeprecateAt: new Date(c.deprecate_at) };
          await ctx.session.ec2(region).send(new EnableImageDeprecationCommand(input), { abortSignal: signal });
        } catch (error) {
          if (signal.aborted) throw error;
          throw stepError(ctx, `Error enable AMI deprecation: ${awsErrorMessage(error)}`, error);
        }
      }
      return 'continue';
    },
  };
}

export function stepModifyAmiAttributes(ctx: EbsStepContext): Step<EbsState> {
  const { config: c, builder } = ctx;
  const ui = builder.ui;
  return {
    name: 'StepModifyAMIAttributes',
    async run(state, signal) {
      if (c.skip_create_ami) {
        ui.say('Skipping AMI modify attributes...');
        return 'continue';
      }
      let description = c.ami_description ?? '';
      try {
        description = renderWithBuildInfo(description, currentBuildInfo(ctx, state), ctx.scope);
      } catch (error) {
        throw stepError(ctx, `Error interpolating AMI description: ${(error as Error).message}`, error);
      }
      const image = imageOptions(c, description);
      const snapshot = snapshotOptions(c);
      if (image.length === 0 && snapshot.length === 0) return 'continue';
      const fail = (what: string, error: unknown) =>
        signal.aborted ? error : stepError(ctx, `${what}: ${awsErrorMessage(error)}`, error);
      for (const [region, ami] of sortedEntries(state.amis)) {
        ui.say(`Modifying attributes on AMI (${ami})...`);
        for (const [name, input] of image) {
          ui.say(`Modifying: ${name}`);
          try {
            await ctx.session.ec2(region).send(new ModifyImageAttributeCommand({ ...input, ImageId: ami }), {
              abortSignal: signal,
            });
          } catch (error) {
            throw fail('Error modify AMI attributes', error);
          }
        }
      }
      for (const [region, snapshots] of sortedEntries(state.snapshots)) {
        for (const id of snapshots) {
          ui.say(`Modifying attributes on snapshot (${id})...`);
          for (const [name, input] of snapshot) {
            ui.message(`Modifying: ${name}`);
            try {
              await ctx.session.ec2(region).send(new ModifySnapshotAttributeCommand({ ...input, SnapshotId: id }), {
                abortSignal: signal,
              });
            } catch (error) {
              throw fail('Error modify snapshot attributes', error);
            }
          }
        }
      }
      return 'continue';
    },
  };
}

type Options<T> = [name: string, input: T][];

function imageOptions(c: EbsStepContext['config'], description: string): Options<ModifyImageAttributeCommandInput> {
  const out: Options<ModifyImageAttributeCommandInput> = [];
  if (description) out.push(['description', { ImageId: undefined, Description: { Value: description } }]);
  const groups = c.ami_groups ?? [];
  if (groups.length > 0) {
    const Add = groups.map((g) => ({ Group: g as PermissionGroup }));
    out.push(['groups', { ImageId: undefined, UserGroups: [...groups], LaunchPermission: { Add } }]);
  }
  const users = c.ami_users ?? [];
  if (users.length > 0) {
    const Add = users.map((UserId) => ({ UserId }));
    out.push(['users', { ImageId: undefined, UserIds: [...users], LaunchPermission: { Add } }]);
  }
  const orgs = c.ami_org_arns ?? [];
  if (orgs.length > 0) {
    const Add = orgs.map((OrganizationArn) => ({ OrganizationArn }));
    out.push(['ami org arns', { ImageId: undefined, OrganizationArns: [...orgs], LaunchPermission: { Add } }]);
  }
  const ous = c.ami_ou_arns ?? [];
  if (ous.length > 0) {
    const Add = ous.map((OrganizationalUnitArn) => ({ OrganizationalUnitArn }));
    out.push(['ami ou arns', { ImageId: undefined, OrganizationalUnitArns: [...ous], LaunchPermission: { Add } }]);
  }
  const codes = c.ami_product_codes ?? [];
  if (codes.length > 0) out.push(['product codes', { ImageId: undefined, ProductCodes: [...codes] }]);
  if (c.imds_support) out.push(['imds_support', { ImageId: undefined, ImdsSupport: { Value: c.imds_support } }]);
  return out;
}

function snapshotOptions(c: EbsStepContext['config']): Options<ModifySnapshotAttributeCommandInput> {
  const out: Options<ModifySnapshotAttributeCommandInput> = [];
  const groups = c.snapshot_groups ?? [];
  if (groups.length > 0) {
    const Add = groups.map((g) => ({ Group: g as PermissionGroup }));
    out.push(['groups', { SnapshotId: undefined, GroupNames: [...groups], CreateVolumePermission: { Add } }]);
  }
  const users = c.snapshot_users ?? [];
  if (users.length > 0) {
    const Add = users.map((UserId) => ({ UserId }));
    out.push(['users', { SnapshotId: undefined, UserIds: [...users], CreateVolumePermission: { Add } }]);
  }
  return out;
}

/** Map entries by key (Go ranges over maps in random order; sorted keeps calls reproducible). */
export function sortedEntries<T>(map: Readonly<Record<string, T>>): [string, T][] {
  return Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
