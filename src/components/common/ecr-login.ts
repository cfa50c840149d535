import { ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr';
import {
  ECRPUBLICClient,
  GetAuthorizationTokenCommand as GetPublicAuthorizationTokenCommand,
} from '@aws-sdk/client-ecr-public';
import { baseCredentials } from './amazon/client.js';
import { awsErrorMessage } from './amazon/errors.js';

/*
 * AwsAccessConfig.EcrGetLogin of packer-plugin-docker: a registry login
 * (user and password) for an Amazon ECR registry from an ECR authorization
 * token. The account and region come from the login server's address; a
 * public.ecr.aws address (or aws_force_use_public_ecr) asks ECR Public in
 * us-east-1 instead. Credentials: aws_access_key/aws_secret_key/aws_token,
 * else aws_profile, else the SDK's default chain. Loaded only when a
 * template sets ecr_login, so other docker builds never load the AWS SDK.
 */

export interface EcrAccess {
  readonly aws_access_key?: string | undefined;
  readonly aws_secret_key?: string | undefined;
  readonly aws_token?: string | undefined;
  readonly aws_profile?: string | undefined;
  readonly aws_force_use_public_ecr?: boolean | undefined;
}

export interface RegistryLogin {
  readonly username: string;
  readonly password: string;
}

const ECR_PUBLIC_HOST = 'public.ecr.aws/';
/** ECR Public hands out tokens only in us-east-1. */
const ECR_PUBLIC_REGION = 'us-east-1';
const ECR_ADDRESS = /(?:http:\/\/|https:\/\/|)([0-9]*)\.dkr\.ecr\.(.*)\.amazonaws\.com.*/;

export async function ecrGetLogin(access: EcrAccess, server: string): Promise<RegistryLogin> {
  const credentials = await resolveCredentials(access);
  if (access.aws_force_use_public_ecr || server.includes(ECR_PUBLIC_HOST)) {
    const client = new ECRPUBLICClient({ region: ECR_PUBLIC_REGION, credentials });
    const answer = await send(client, () => client.send(new GetPublicAuthorizationTokenCommand({})));
    return decodeToken(answer.authorizationData?.authorizationToken, 'ECR Public AuthorizationToken');
  }
  const match = ECR_ADDRESS.exec(server);
  if (!match) {
    throw new Error(
      `Failed to parse the ECR URL: ${server} it should be on the form <account number>.dkr.ecr.<region>.amazonaws.com`,
    );
  }
  const [, account = '', region = ''] = match;
  const client = new ECRClient({ region, credentials });
  const answer = await send(client, () => client.send(new GetAuthorizationTokenCommand({ registryIds: [account] })));
  return decodeToken(answer.authorizationData?.[0]?.authorizationToken, 'ECR AuthorizationToken');
}

/** One call, its error as "Code: message", then the client's sockets closed. */
async function send<T>(client: { destroy(): void }, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new Error(awsErrorMessage(error), { cause: error });
  } finally {
    client.destroy();
  }
}

/** GetCredentials: the credentials are resolved once up front, so a missing source is reported as such. */
async function resolveCredentials(access: EcrAccess) {
  const provider = baseCredentials({
    access_key: access.aws_access_key,
    secret_key: access.aws_secret_key,
    token: access.aws_token,
    profile: access.aws_profile,
  });
  try {
    return await provider();
  } catch (error) {
    if (error instanceof Error && error.name === 'CredentialsProviderError') {
      throw new Error(
        'No valid credential sources found for AWS Provider.\n\tPlease see https://terraform.io/docs/providers/aws/index.html for more information on\n\tproviding credentials for the AWS Provider',
        { cause: error },
      );
    }
    throw new Error(`Error loading credentials for AWS Provider: ${awsErrorMessage(error)}`, { cause: error });
  }
}

/** The token is base64 of "AWS:<password>". */
export function decodeToken(token: string | undefined, what: string): RegistryLogin {
  const text = token ?? '';
  const bad = /[^A-Za-z0-9+/=]|=[^=]/.exec(text);
  if (bad || text.length % 4 !== 0) {
    throw new Error(`Error decoding ${what}: illegal base64 data at input byte ${bad?.index ?? text.length}`);
  }
  const decoded = Buffer.from(text, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new Error(`Error decoding ${what}: no "user:password" in the token`);
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
