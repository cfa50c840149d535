import type { EC2ClientResolvedConfig } from '@aws-sdk/client-ec2';
import { Agent } from 'node:https';
import type { AmazonAccessConfig } from '../amazon-access.prepare.js';
import { amazonSession, checkCredentials } from './client.js';

/*
 * AccessConfig.Config of packer-plugin-amazon for the services other than EC2
 * (SSM, Secrets Manager): the build session's region, credentials (with
 * assume_role) and retries, checked as the plugin checks them before use.
 * custom_endpoint_ec2 is EC2's alone and does not apply here.
 */

export interface ServiceConfig {
  readonly region: string;
  readonly credentials: EC2ClientResolvedConfig['credentials'];
  readonly maxAttempts: EC2ClientResolvedConfig['maxAttempts'];
  readonly requestHandler?: { httpsAgent: Agent };
}

export async function amazonServiceConfig(access: AmazonAccessConfig): Promise<ServiceConfig> {
  const session = await amazonSession(access);
  try {
    await checkCredentials(access, session);
    const { credentials, maxAttempts } = session.ec2().config;
    return {
      region: session.region,
      credentials,
      maxAttempts,
      ...(access.insecure_skip_tls_verify
        ? { requestHandler: { httpsAgent: new Agent({ rejectUnauthorized: false }) } }
        : {}),
    };
  } finally {
    session.destroy();
  }
}
