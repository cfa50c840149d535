import type Docker from 'dockerode';
import { connectEngine, type Engine } from '../../../communicator/docker/engine.js';
import type { Artifact, BuildUi } from '../../../core/events.js';
import { BUILDER_ID_IMPORT } from '../../builders/docker/artifact.js';
import type { PostProcessorContext, PostProcessorResult } from '../../common/post-processor.js';
import { daemonMessage } from '../docker/engine-error.js';
import { DOCKER_TAG_BUILDER_ID, dockerTags, imageArtifact } from '../docker/image-artifact.js';
import { displayLine, followMessages } from '../../../communicator/docker/json-messages.js';
import { splitReference } from '../docker/reference.js';
import type { DockerPushConfig } from './schema.js';
import { storedAuth } from './stored-auth.js';

/*
 * post-processor/docker-push PostProcess of packer-plugin-docker: pushes the
 * artifact's ID, then each of its docker_tags, through the Engine API, with
 * the registry login as each push's credentials (the engine keeps no login
 * session, so logging out forgets them). The image's first repo digest is
 * stored as generated data "Digest". The input artifact is kept by default.
 */

export async function runDockerPush(
  config: DockerPushConfig,
  artifact: Artifact,
  ctx: PostProcessorContext,
): Promise<PostProcessorResult> {
  if (artifact.builderId !== BUILDER_ID_IMPORT && artifact.builderId !== DOCKER_TAG_BUILDER_ID) {
    throw new Error(
      `Unknown artifact type: ${artifact.builderId}\nCan only import from docker-import and docker-tag artifacts.`,
    );
  }
  const engine = connectEngine();
  let credentials = config;
  if (config.ecr_login) {
    ctx.ui.message('Fetching ECR credentials...');
    // Loaded here so that pushes without ECR never load the AWS SDK; its error is returned as is.
    const { ecrGetLogin } = await import('../../common/ecr-login.js');
    const { username, password } = await ecrGetLogin(config, config.login_server ?? '');
    credentials = { ...config, login_username: username, login_password: password };
  }
  const login = config.login || config.ecr_login ? await logIn(engine, credentials, ctx.ui) : undefined;
  try {
    const tags = dockerTags(artifact);
    const names = [artifact.id, ...tags];
    for (const name of names) {
      ctx.ui.message(`Pushing: ${name}`);
      await push(engine, name, login ?? (await storedAuth(name)) ?? {}, config, ctx);
    }
    const digest = await repoDigest(engine, artifact.id);
    if (digest === undefined) ctx.ui.message('Unable to determine digest for source image, ignoring it for now');
    return {
      artifact: imageArtifact(engine, {
        builderId: BUILDER_ID_IMPORT,
        id: artifact.id,
        tags,
        generatedData: { ...artifact.generatedData, Digest: digest ?? '' },
      }),
      keepInputArtifact: true,
      forceKeep: false,
    };
  } finally {
    if (login) ctx.ui.message('Logging out...');
  }
}

/** `docker login`: the daemon checks the credentials against the registry; they are then sent with each push. */
async function logIn(engine: Engine, config: DockerPushConfig, ui: BuildUi): Promise<Docker.AuthConfigObject> {
  ui.message('Logging in...');
  const auth: Docker.AuthConfigObject = {
    username: config.login_username ?? '',
    password: config.login_password ?? '',
    serveraddress: config.login_server ?? '',
  };
  let answer: { Status?: string; IdentityToken?: string };
  try {
    answer = (await engine.checkAuth(auth)) as typeof answer;
  } catch (error) {
    throw new Error(`Error logging in to Docker: ${daemonMessage(error)}`, { cause: error });
  }
  if (answer.Status) ui.message(answer.Status);
  // A registry that hands out an identity token wants it instead of the password from now on.
  return answer.IdentityToken ? { identitytoken: answer.IdentityToken, serveraddress: auth.serveraddress } : auth;
}

async function push(
  engine: Engine,
  name: string,
  auth: Docker.AuthConfigObject,
  config: DockerPushConfig,
  ctx: PostProcessorContext,
): Promise<void> {
  const { repo, tag } = splitReference(name);
  try {
    const stream = await engine.getImage(repo).push({
      tag,
      // The engine requires credentials, even empty ones, in the X-Registry-Auth header.
      authconfig: auth,
      ...(config.platform ? { platform: config.platform } : {}),
      abortSignal: ctx.signal,
    });
    await followMessages(engine, stream, (message) => {
      const line = displayLine(message);
      if (line !== undefined) ctx.ui.message(line);
    });
  } catch (error) {
    ctx.signal.throwIfAborted();
    throw new Error(daemonMessage(error), { cause: error });
  }
}

/** Docker inspect's `index .RepoDigests 0`; undefined when the image has none or cannot be inspected. */
async function repoDigest(engine: Engine, id: string): Promise<string | undefined> {
  try {
    return (await engine.getImage(id).inspect()).RepoDigests[0];
  } catch {
    return undefined;
  }
}
