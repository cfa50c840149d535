import { z } from 'zod';
import { communicatorFields } from '../../common/communicator.schema.js';
import { ecrAccessFields, registryLoginFields } from '../../common/docker-registry.schema.js';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { block, defineComponent } from '../../schema/index.js';
import { prepareDocker } from './prepare.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** Fields of DockerfileBootstrapConfig in hashicorp/packer-plugin-docker builder/docker. */
const dockerfileBootstrapConfigFields = {
  path: z.string().optional().describe('Dockerfile the base image is built from.'),
  build_dir: z
    .string()
    .optional()
    .describe('Directory used as the build context for `docker build`; default the current directory.'),
  arguments: z
    .record(z.string(), z.string())
    .optional()
    .describe('Build arguments passed to `docker build` as --build-arg.'),
  pull: z
    .boolean()
    .optional()
    .describe("Pull newer versions of the Dockerfile's base images while building; default true."),
  compress: z.boolean().optional().describe('Send the build context to the daemon compressed.'),
};

/** The builder "docker": the HCL fields of hashicorp/packer-plugin-docker builder/docker. */
export const dockerFields = {
  ...packerCoreFields,
  ...communicatorFields,
  build: block(dockerfileBootstrapConfigFields).describe(
    'Build the base image from a Dockerfile instead of using `image`.',
  ),
  author: z.string().optional().describe('Author recorded in the committed image.'),
  changes: z
    .array(z.string())
    .optional()
    .describe('Dockerfile instructions (CMD, ENV, LABEL ...) applied when committing.'),
  commit: z.boolean().optional().describe('Commit the container to an image at the end of the build.'),
  container_dir: z
    .string()
    .optional()
    .describe('Directory inside the container where the host temporary directory is mounted; default /packer-files.'),
  device: z
    .array(z.string())
    .optional()
    .describe('Host devices to expose in the container, in `docker run --device` syntax.'),
  discard: z.boolean().optional().describe('Throw the container away at the end instead of keeping an artifact.'),
  cap_add: z.array(z.string()).optional().describe('Linux capabilities added to the container.'),
  cap_drop: z.array(z.string()).optional().describe('Linux capabilities removed from the container.'),
  docker_path: z.string().optional().describe('Path or name of the docker program; default "docker".'),
  exec_user: z.string().optional().describe('User (name or UID) that runs the provisioning commands in the container.'),
  export_path: z.string().optional().describe('Export the container filesystem to this tar file at the end.'),
  image: z.string().optional().describe('Image to start the container from.'),
  message: z.string().optional().describe('Commit message recorded in the image.'),
  privileged: z.boolean().optional().describe('Run the container in privileged mode.'),
  pty: z.boolean().optional().describe('Allocate a pseudo-terminal for the container.'),
  runtime: z.string().optional().describe('Container runtime to use, such as runc.'),
  pull: z.boolean().optional().describe('Pull the image before starting the container; default true.'),
  run_command: z
    .array(z.string())
    .optional()
    .describe('Arguments given to `docker run`; a template where .Image is the image.'),
  tmpfs: z.array(z.string()).optional().describe('tmpfs mounts for the container, in `docker run --tmpfs` syntax.'),
  volumes: z
    .record(z.string(), z.string())
    .optional()
    .describe('Host paths mounted into the container, mapped to their container paths.'),
  fix_upload_owner: z
    .boolean()
    .optional()
    .describe('Give uploaded files to the user the container runs as; default true.'),
  windows_container: z.boolean().optional().describe('The container is a Windows container on a Windows host.'),
  platform: z.string().optional().describe('Platform to request from a multi-platform daemon, such as linux/arm64.'),
  login: z.boolean().optional().describe('Log in to a registry before pulling the image.'),
  login_password: registryLoginFields.login_password,
  login_server: registryLoginFields.login_server,
  login_username: registryLoginFields.login_username,
  ecr_login: z
    .boolean()
    .optional()
    .describe('Log in to Amazon ECR with AWS credentials instead of a password; default false.'),
  ...ecrAccessFields,
};

export type DockerConfig = z.output<z.ZodObject<typeof dockerFields>>;

export const dockerSpec = defineComponent({
  kind: 'builder',
  type: 'docker',
  fields: dockerFields,
  interpolate: { exclude: ['run_command'] },
  // Builder.Prepare's generated variables (packer-plugin-docker); SourceImageSha256 is generated but not declared.
  generatedData: ['ImageSha256', 'SourceImageDigest'],
  prepare: prepareDocker,
});
