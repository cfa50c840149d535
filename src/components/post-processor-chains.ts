import type { BuildContext } from '../core/build-runner.js';
import { buildUi, type Artifact, type BuildUi } from '../core/events.js';
import type { PlannedPostProcessor } from '../template/plan.js';
import { postProcessorRunner, type RunPostProcessor } from './postprocessors/runners.js';

/*
 * The post-processor half of Packer's CoreBuild.Run: each chain gets the
 * builder's artifact and passes each result on; a failing post-processor ends
 * its chain and fails the build with "Post-processor failed: ...". Which
 * artifacts are kept follows keep_input_artifact, the post-processor's
 * default and its force-keep override; an artifact no chain keeps is
 * destroyed. Each post-processor's body is decoded again with build.* set to
 * the builder artifact's generated data (HCL2PostProcessor.PostProcess).
 */

export interface ChainsOptions {
  /** CoreBuild.Name: the prefix of the UI lines. */
  readonly build: string;
  /** The source's name, as Packer's packer_build_name. */
  readonly buildName: string;
  readonly builderType: string;
  readonly runUuid: string;
  readonly force: boolean;
  /** What runs a post-processor type: Kiln's own runners by default, a plugin where the build chose one. */
  readonly runners?: (type: string) => RunPostProcessor | undefined;
}

export interface ChainsResult {
  readonly artifacts: Artifact[];
  readonly errors: string[];
}

export async function runPostProcessorChains(
  chains: readonly (readonly PlannedPostProcessor[])[],
  builderArtifact: Artifact,
  context: Pick<BuildContext, 'bus' | 'ui' | 'signal'>,
  options: ChainsOptions,
): Promise<ChainsResult> {
  const artifacts: Artifact[] = [];
  const errors: string[] = [];
  let keepOriginal = chains.length === 0;
  for (const chain of chains) {
    let prior: Artifact | undefined = builderArtifact;
    for (const [i, pp] of chain.entries()) {
      const ui: BuildUi = buildUi(context.bus, `${options.build} (${pp.type})`);
      // Current Packer's wording: an unnamed post-processor is named by its type.
      const name = pp.block.name || pp.type;
      context.ui.say(
        name === pp.type ? `Running post-processor: ${pp.type}` : `Running post-processor: ${name} (type ${pp.type})`,
      );
      const run = (options.runners ?? postProcessorRunner)(pp.type);
      if (!run) throw new Error(`post-processor type ${JSON.stringify(pp.type)} is not implemented by Kiln`);
      let result;
      try {
        const prepared = pp.prepareWith(prior.generatedData ?? {});
        const config = { ...(prepared as object), packer_force: options.force };
        result = await run(config, prior, {
          buildName: options.buildName,
          builderType: options.builderType,
          runUuid: options.runUuid,
          signal: context.signal,
          ui,
        });
      } catch (error) {
        errors.push(`Post-processor failed: ${messageOf(error)}`);
        prior = undefined;
        break;
      }
      const keep = keepInput(pp.block.keepInputArtifact, result.keepInputArtifact ?? false, result.forceKeep ?? false);
      if (i === 0) keepOriginal ||= keep;
      else if (keep) artifacts.push(prior);
      else await destroy(prior, pp.type, errors);
      prior = result.artifact;
    }
    if (prior) artifacts.push(prior);
  }
  if (keepOriginal) artifacts.unshift(builderArtifact);
  else {
    context.bus.emit({ type: 'log', message: `Deleting original artifact for build '${options.builderType}'` });
    try {
      await builderArtifact.destroy?.();
    } catch (error) {
      const files = `[${builderArtifact.files.join(' ')}]`;
      errors.push(`Error destroying builder artifact: ${messageOf(error)}; bad artifact: ${files}`);
    }
  }
  return { artifacts, errors };
}

/** A prior artifact the next post-processor does not keep is deleted; a failure is one more build error. */
async function destroy(artifact: Artifact, type: string, errors: string[]): Promise<void> {
  try {
    await artifact.destroy?.();
  } catch (error) {
    errors.push(`Failed cleaning up prior artifact: ${messageOf(error)}; pp is ${type}`);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The user's keep_input_artifact wins, except that a forced default keep ignores a user false. */
function keepInput(user: boolean | undefined, defaultKeep: boolean, forceKeep: boolean): boolean {
  if (user === undefined) return defaultKeep;
  if (defaultKeep && !user && forceKeep) return true;
  return user;
}
