import { z } from 'zod';
import { communicatorFields } from '../../common/communicator.schema.js';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { block, defineComponent } from '../../schema/index.js';
import { prepareDocker } from './prepare.js';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** Fields of DockerfileBootstrapConfig in hashicorp/packer-plugin-docker builder/docker. */
const dockerfileBootstrapConfigFields = {
  path: z.string().optional().describe('Path to the dockerfile to use for building the base image'),
  build_dir: z.string().optional().describe('Directory to invoke `docker build` from'),
  arguments: z.record(z.string(), z.string()).optional().describe('A mapping of additional build args to provide.'),
  pull: z.boolean().optional().describe('Pull the image when building the base docker image.'),
  compress: z.boolean().optional().describe('Compress the build context before sending to the docker daemon.'),
};

/** The builder "docker": the HCL fields of hashicorp/packer-plugin-docker builder/docker. */
export const dockerFields = {
  ...packerCoreFields,
  ...communicatorFields,
  build: block(dockerfileBootstrapConfigFields).describe(
    'Configuration for a bootstrap image derived from a Dockerfile',
  ),
  author: z.string().optional().describe('Set the author (e-mail) of a commit.'),
  changes: z.array(z.string()).optional().describe('Dockerfile instructions to add to the commit.'),
  commit: z.boolean().optional().describe('If true, the container will be committed to an image rather than exported.'),
  container_dir: z
    .string()
    .optional()
    .describe(
      'The directory inside container to mount temp directory from host server for work [file provisioner](/packer/docs/provisioners/file).',
    ),
  device: z
    .array(z.string())
    .optional()
    .describe("An array of devices which will be accessible in container when it's run without `--privileged` flag."),
  discard: z.boolean().optional().describe('Throw away the container when the build is complete.'),
  cap_add: z
    .array(z.string())
    .optional()
    .describe(
      'An array of additional [Linux capabilities](https://docs.docker.com/engine/reference/run/#runtime-privilege-and-linux-capabilities) to grant to the container.',
    ),
  cap_drop: z
    .array(z.string())
    .optional()
    .describe(
      'An array of [Linux capabilities](https://docs.docker.com/engine/reference/run/#runtime-privilege-and-linux-capabilities) to drop from the container.',
    ),
  docker_path: z.string().optional().describe('Sets the docker binary to use for running commands.'),
  exec_user: z.string().optional().describe('Username (UID) to run remote commands with.'),
  export_path: z.string().optional().describe('The path where the final container will be exported as a tar file.'),
  image: z.string().optional().describe('The base image for the Docker container that will be started.'),
  message: z.string().optional().describe('Set a message for the commit.'),
  privileged: z.boolean().optional().describe('If true, run the docker container with the `--privileged` flag.'),
  pty: z.boolean().optional(),
  runtime: z.string().optional().describe('Set the container runtime.'),
  pull: z
    .boolean()
    .optional()
    .describe('If true, the configured image will be pulled using `docker pull` prior to use.'),
  run_command: z
    .array(z.string())
    .optional()
    .describe('An array of arguments to pass to docker run in order to run the container.'),
  tmpfs: z.array(z.string()).optional().describe('An array of additional tmpfs volumes to mount into this container.'),
  volumes: z
    .record(z.string(), z.string())
    .optional()
    .describe('A mapping of additional volumes to mount into this container.'),
  fix_upload_owner: z
    .boolean()
    .optional()
    .describe('If true, files uploaded to the container will be owned by the user the container is running as.'),
  windows_container: z
    .boolean()
    .optional()
    .describe('If "true", tells Packer that you are building a Windows container running on a windows host.'),
  platform: z.string().optional().describe('Set platform if server is multi-platform capable'),
  login: z
    .boolean()
    .optional()
    .describe(
      'This is used to login to a private docker repository (e.g., dockerhub) to build or pull a private base container.',
    ),
  login_password: z.string().optional().describe('The password to use to authenticate to login.'),
  login_server: z.string().optional().describe('The server address to login to.'),
  login_username: z.string().optional().describe('The username to use to authenticate to login.'),
  ecr_login: z.boolean().optional().describe('Defaults to false.'),
  aws_access_key: z.string().optional().describe('The AWS access key used to communicate with AWS.'),
  aws_secret_key: z.string().optional().describe('The AWS secret key used to communicate with AWS.'),
  aws_token: z.string().optional().describe('The AWS access token to use.'),
  aws_profile: z.string().optional().describe('The AWS shared credentials profile used to communicate with AWS.'),
  aws_force_use_public_ecr: z
    .boolean()
    .optional()
    .describe('The flag to identify whether to push docker image to Public _or_ Private ECR.'),
};

export type DockerConfig = z.output<z.ZodObject<typeof dockerFields>>;

export const dockerSpec = defineComponent({
  kind: 'builder',
  type: 'docker',
  fields: dockerFields,
  prepare: prepareDocker,
});
