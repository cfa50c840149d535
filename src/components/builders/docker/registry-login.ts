import { engineMessage } from '../../../communicator/docker/engine.js';
import type { DockerStepContext } from './state.js';

/*
 * The registry login StepPull and stepBuild do before pulling or building:
 * with ecr_login the user and password come from an ECR authorization token,
 * with login from the template; the daemon checks them against login_server.
 * The engine keeps no login: the credentials go with each request.
 */

export interface RegistryAuth {
  readonly username: string;
  readonly password: string;
  readonly serveraddress: string;
}

/** The credentials to send, undefined when the template asks for no login; reports and throws a failure. */
export async function registryLogin({
  settings,
  engine,
  builder,
}: DockerStepContext): Promise<RegistryAuth | undefined> {
  const { config } = settings;
  let username = config.login_username ?? '';
  let password = config.login_password ?? '';
  const serveraddress = config.login_server ?? '';
  if (config.ecr_login) {
    builder.ui.message('Fetching ECR credentials...');
    try {
      // Loaded here so that builds without ECR never load the AWS SDK.
      const { ecrGetLogin } = await import('../../common/ecr-login.js');
      ({ username, password } = await ecrGetLogin(config, serveraddress));
    } catch (error) {
      fail(builder.ui, `Error fetching ECR credentials: ${engineMessage(error)}`, error);
    }
  }
  if (!config.login && !config.ecr_login) return undefined;
  builder.ui.message('Logging in...');
  const auth = { username, password, serveraddress };
  try {
    await engine.checkAuth(auth);
  } catch (error) {
    fail(builder.ui, `Error logging in: ${engineMessage(error)}`, error);
  }
  return auth;
}

function fail(ui: DockerStepContext['builder']['ui'], message: string, cause: unknown): never {
  ui.error(message);
  throw new Error(message, { cause });
}
