import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { AmazonAccessConfig } from '../amazon-access.prepare.js';
import { amazonServiceConfig } from './service-config.js';

/** A Secrets Manager client with the template's access settings (secretsmanager.NewFromConfig of the plugin's config). */
export async function amazonSecretsClient(access: AmazonAccessConfig): Promise<SecretsManagerClient> {
  return new SecretsManagerClient(await amazonServiceConfig(access));
}
