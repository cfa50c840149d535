import type { Artifact } from '../../../core/events.js';
import type { PostProcessorContext, PostProcessorResult } from '../../common/post-processor.js';
import { runShellLocal } from '../../common/shell-local.run.js';
import type { ShellLocalConfig } from './schema.js';

/*
 * post-processor/shell-local of Packer: the SDK's shell-local Run with the
 * input artifact's generated data, in Packer's working directory (the
 * process's, as for the other post-processors). The input artifact passes
 * through, kept even when keep_input_artifact is false: to drop it, a later
 * artifice post-processor makes a new artifact.
 */

export async function runShellLocalPostProcessor(
  config: ShellLocalConfig,
  artifact: Artifact,
  ctx: PostProcessorContext,
): Promise<PostProcessorResult> {
  const command = config.execute_command;
  // Before the post-processor and provisioner were merged, execute_command was one string run by "sh -c".
  const executeCommand = command?.length === 1 ? ['sh', '-c', ...command] : command;
  await runShellLocal(
    { ...config, execute_command: executeCommand },
    { ...ctx, cwd: process.cwd(), generatedData: artifact.generatedData ?? {} },
  );
  return { artifact, keepInputArtifact: true, forceKeep: true };
}
