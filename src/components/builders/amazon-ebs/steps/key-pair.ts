import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { CreateKeyPairCommand, DeleteKeyPairCommand, type KeyType } from '@aws-sdk/client-ec2';
import type { Step } from '../../../../core/step.js';
import { timeOrderedUUID } from '../../../../template/gotemplate/packer-funcs.js';
import { awsErrorMessage } from '../../../common/amazon/errors.js';
import { tagSpecifications } from '../../../common/amazon/tags.js';
import { stepError, type EbsState, type EbsStepContext } from '../state.js';
import { runTags } from './run-tags.js';

/*
 * StepKeyPair: uses ssh_private_key_file, the SSH agent, or creates the
 * temporary key pair (temporary_key_pair_name, else packer_<uuid>) of
 * temporary_key_pair_type, tagged with the run tags. Cleanup deletes it.
 * The create is not abortable: a key pair made after an abort would leak.
 */

/** The temporary key pair's name per RunConfig.Prepare, or "" when the template brings its own key. */
export function temporaryKeyPairName(c: EbsStepContext['config']): string {
  if (c.temporary_key_pair_name) return c.temporary_key_pair_name;
  if (c.ssh_keypair_name || c.ssh_private_key_file || c.ssh_password) return '';
  return `packer_${timeOrderedUUID()}`;
}

export function stepKeyPair(ctx: EbsStepContext): Step<EbsState> {
  const { config: c, builder } = ctx;
  const ui = builder.ui;
  const tempName = temporaryKeyPairName(c);
  let created = false;
  return {
    name: 'StepKeyPair',
    async run(state) {
      if (c.ssh_private_key_file) {
        ui.say('Using existing SSH private key');
        const path = c.ssh_private_key_file.replace(/^~(?=$|\/)/, homedir());
        try {
          state.privateKey = await readFile(path, 'utf8');
        } catch (error) {
          throw new Error(`Error on reading SSH private key: ${(error as Error).message}`, { cause: error });
        }
        if (c.ssh_keypair_name) state.keyPairName = c.ssh_keypair_name;
        return 'continue';
      }
      if (c.ssh_agent_auth && !c.ssh_keypair_name) {
        ui.say('Using SSH Agent with key pair in Source AMI');
        return 'continue';
      }
      if (c.ssh_agent_auth && c.ssh_keypair_name) {
        ui.say(`Using SSH Agent for existing key pair ${c.ssh_keypair_name}`);
        state.keyPairName = c.ssh_keypair_name;
        return 'continue';
      }
      if (!tempName) {
        ui.say('Not using temporary keypair');
        return 'continue';
      }
      ui.say(`Creating temporary keypair: ${tempName}`);
      let tags;
      try {
        tags = runTags(ctx, state);
      } catch (error) {
        throw stepError(ctx, `Error tagging key pair: ${(error as Error).message}`, error);
      }
      try {
        const out = await ctx.session.ec2().send(
          new CreateKeyPairCommand({
            KeyName: tempName,
            KeyType: (c.temporary_key_pair_type || 'rsa') as KeyType,
            TagSpecifications: tagSpecifications(tags, 'key-pair'),
          }),
        );
        created = true;
        state.keyPairName = tempName;
        state.privateKey = out.KeyMaterial ?? '';
      } catch (error) {
        throw new Error(`Error creating temporary keypair: ${awsErrorMessage(error)}`, { cause: error });
      }
      return 'continue';
    },
    async cleanup() {
      if (!created) return;
      ui.say('Deleting temporary keypair...');
      try {
        await ctx.session.ec2().send(new DeleteKeyPairCommand({ KeyName: tempName }));
      } catch {
        ui.error(`Error cleaning up keypair. Please delete the key manually: ${tempName}`);
      }
      created = false;
    },
  };
}
