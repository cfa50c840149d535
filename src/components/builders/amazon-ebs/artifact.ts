import type { Artifact } from '../../../core/events.js';
import { amazonSession } from '../../common/amazon/client.js';
import type { AmazonAccessConfig } from '../../common/amazon-access.prepare.js';
import { destroyAmis } from './steps/ami.js';

/* common.Artifact of packer-plugin-amazon: the AMIs by region; destroy() deregisters them and deletes their snapshots. */

export const BUILDER_ID = 'mitchellh.amazonebs';

export function amiArtifact(
  amis: Readonly<Record<string, string>>,
  access: AmazonAccessConfig,
  generatedData: Readonly<Record<string, string>>,
): Artifact {
  const entries = Object.entries(amis);
  const id = entries
    .map(([region, ami]) => `${region}:${ami}`)
    .sort()
    .join(',');
  const lines = entries.map(([region, ami]) => `${region}: ${ami}`).sort();
  return {
    builderId: BUILDER_ID,
    id,
    files: [],
    description: `AMIs were created:\n${lines.join('\n')}\n`,
    generatedData,
    async destroy() {
      const session = await amazonSession(access);
      const errors: Error[] = [];
      try {
        for (const [region, ami] of entries) {
          try {
            await destroyAmis(session.ec2(region), [ami]);
          } catch (error) {
            errors.push(error instanceof Error ? error : new Error(String(error)));
          }
        }
      } finally {
        session.destroy();
      }
      if (errors.length === 1) throw errors[0];
      if (errors.length > 1) {
        throw new Error(`${errors.length} error(s) occurred:\n\n${errors.map((e) => `* ${e.message}`).join('\n')}`);
      }
    },
  };
}
