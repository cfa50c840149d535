import type { Engine } from '../../../communicator/docker/engine.js';
import type { ConnectState } from '../../common/step-connect.js';
import type { BuilderContext } from '../../runtime.js';
import type { DockerConfig } from './schema.js';

/* The docker builder's state (the plugin's state bag keys, typed) and its settings with Packer's defaults applied. */

export interface DockerState extends ConnectState {
  /** temp_dir: shared with the container at container_dir. */
  tempDir?: string;
  /** container_id (also instance_id). */
  containerId?: string;
  /** The container's address on the default bridge (driver.IPAddress). */
  containerIp?: string;
  /** The container's Config.User, who receives uploads. */
  containerUser?: string;
  /** image_id of the committed image. */
  imageId?: string;
  /** generated_data: ImageSha256, SourceImageDigest, SourceImageSha256. */
  readonly generated: Record<string, string>;
}

/** The config with Config.Prepare's defaults filled in. */
export interface DockerSettings {
  readonly config: DockerConfig;
  readonly pull: boolean;
  readonly runCommand: readonly string[];
  readonly containerDir: string;
  readonly executable: string;
  readonly fixUploadOwner: boolean;
  readonly communicator: string;
}

export interface DockerStepContext {
  readonly settings: DockerSettings;
  readonly engine: Engine;
  readonly builder: BuilderContext;
}

export function dockerSettings(config: DockerConfig): DockerSettings {
  const windows = config.windows_container === true;
  const bootstrapped = config.build?.path !== undefined;
  return {
    config,
    // Packer pulls by default unless the template says otherwise or the image is built from a Dockerfile.
    pull: bootstrapped ? false : (config.pull ?? true),
    runCommand:
      config.run_command && config.run_command.length > 0
        ? config.run_command
        : ['-d', '-i', '-t', `--entrypoint=${windows ? 'powershell' : '/bin/sh'}`, '--', '{{.Image}}'],
    containerDir: config.container_dir || (windows ? 'c:/packer-files' : '/packer-files'),
    executable: config.docker_path || 'docker',
    fixUploadOwner: config.fix_upload_owner ?? true,
    communicator: config.communicator || (windows ? 'dockerWindowsContainer' : 'docker'),
  };
}
