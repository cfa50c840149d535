import { EC2Client, type EC2ClientConfig } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni, fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { Agent } from 'node:https';
import type { AmazonAccessConfig } from '../amazon-access.prepare.js';
import { awsErrorMessage } from './errors.js';

/*
 * AccessConfig.Config of packer-plugin-amazon on the v3 SDK: static keys
 * (access_key/secret_key/token), else a named profile or shared credentials
 * file, else the SDK's default chain; assume_role on top of whichever was
 * found. Retries (throttling, 5xx) are the SDK's standard retry strategy with
 * max_retries retries.
 */

/** max_retries when the template leaves it unset. */
export const DEFAULT_MAX_RETRIES = 10;

/** One set of credentials and client settings for every region the build touches. */
export interface AmazonSession {
  /** The build region (region, else the SDK's region chain). */
  readonly region: string;
  /** An EC2 client for `region` (the build region by default); clients are cached. */
  ec2(region?: string): EC2Client;
  /** Closes every client's sockets. */
  destroy(): void;
}

export async function amazonSession(access: AmazonAccessConfig): Promise<AmazonSession> {
  const credentials = credentialProvider(access);
  const shared = {
    credentials,
    maxAttempts: (access.max_retries && access.max_retries > 0 ? access.max_retries : DEFAULT_MAX_RETRIES) + 1,
    ...(access.custom_endpoint_ec2 ? { endpoint: endpointUrl(access.custom_endpoint_ec2) } : {}),
    ...(access.insecure_skip_tls_verify
      ? { requestHandler: { httpsAgent: new Agent({ rejectUnauthorized: false }) } }
      : {}),
  };
  const first = new EC2Client({ ...shared, ...(access.region ? { region: access.region } : {}) });
  let region: string;
  try {
    region = await first.config.region();
  } catch (error) {
    first.destroy();
    throw new Error(`Error loading configuration for AWS Provider: ${awsErrorMessage(error)}`, { cause: error });
  }
  const clients = new Map<string, EC2Client>([[region, first]]);
  return {
    region,
    ec2(target = region) {
      let client = clients.get(target);
      if (!client) {
        client = new EC2Client({ ...shared, region: target });
        clients.set(target, client);
      }
      return client;
    },
    destroy() {
      for (const client of clients.values()) client.destroy();
    },
  };
}

/** Retrieves the credentials once, as Packer does before the build; and checks them with STS unless told not to. */
export async function checkCredentials(access: AmazonAccessConfig, session: AmazonSession): Promise<void> {
  const client = session.ec2();
  try {
    await client.config.credentials();
  } catch (error) {
    throw new Error(`Error loading credentials for AWS Provider: ${awsErrorMessage(error)}`, { cause: error });
  }
  if (access.skip_credential_validation) return;
  const sts = new STSClient({ region: session.region, credentials: client.config.credentials });
  try {
    await sts.send(new GetCallerIdentityCommand({}));
  } catch (error) {
    throw new Error(`error validating provider credentials: ${awsErrorMessage(error)}`, { cause: error });
  } finally {
    sts.destroy();
  }
}

type CredentialProvider = Extract<NonNullable<EC2ClientConfig['credentials']>, (...args: never[]) => unknown>;

function credentialProvider(access: AmazonAccessConfig): CredentialProvider {
  const base = baseCredentials(access);
  const role = access.assume_role;
  if (!role?.role_arn) return base;
  const tags = Object.entries(role.tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
  return fromTemporaryCredentials({
    masterCredentials: base,
    params: {
      RoleArn: role.role_arn,
      RoleSessionName: role.session_name || `kiln-${Date.now()}`,
      ...(role.duration_seconds ? { DurationSeconds: role.duration_seconds } : {}),
      ...(role.external_id ? { ExternalId: role.external_id } : {}),
      ...(role.policy ? { Policy: role.policy } : {}),
      ...(role.policy_arns?.length ? { PolicyArns: role.policy_arns.map((arn) => ({ arn })) } : {}),
      ...(tags.length > 0 ? { Tags: tags } : {}),
      ...(role.transitive_tag_keys?.length ? { TransitiveTagKeys: role.transitive_tag_keys } : {}),
    },
    ...(access.region ? { clientConfig: { region: access.region } } : {}),
  });
}

export function baseCredentials(access: AmazonAccessConfig): CredentialProvider {
  if (access.access_key && access.secret_key) {
    const identity = {
      accessKeyId: access.access_key,
      secretAccessKey: access.secret_key,
      ...(access.token ? { sessionToken: access.token } : {}),
    };
    return () => Promise.resolve(identity);
  }
  if (access.profile || access.shared_credentials_file) {
    return fromIni({
      ...(access.profile ? { profile: access.profile } : {}),
      ...(access.shared_credentials_file ? { filepath: access.shared_credentials_file } : {}),
    });
  }
  return fromNodeProviderChain();
}

/** Packer accepts a bare host for custom_endpoint_ec2; the SDK wants a URL. */
function endpointUrl(endpoint: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
}
