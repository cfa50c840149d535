import { SSMClient } from '@aws-sdk/client-ssm';
import type { AmazonAccessConfig } from '../amazon-access.prepare.js';
import { amazonServiceConfig } from './service-config.js';

/** An SSM client with the template's access settings (ssm.NewFromConfig of the plugin's config). */
export async function amazonSsmClient(access: AmazonAccessConfig): Promise<SSMClient> {
  return new SSMClient(await amazonServiceConfig(access));
}
