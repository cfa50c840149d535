import type { Image, ResourceType, Tag, TagSpecification } from '@aws-sdk/client-ec2';
import { GoStruct, interpolate, type InterpolateContext } from '../../../template/gotemplate/render.js';
import { interpolateContext } from '../../../template/legacy/context.js';
import type { BuildUi } from '../../../core/events.js';

/*
 * The plugin's TagMap.EC2Tags: tag keys and values are Go templates rendered
 * with the build info (BuildRegion, SourceAMI, SourceAMIName ...), plus Kiln's
 * own run tags that let a later sweep find what a killed run left.
 */

export const RUN_ID_TAG = 'kiln:run-id';
export const BUILD_TAG = 'kiln:build';

/** BuildInfoTemplate of the plugin: the dot of tag, run_tags and ami_description templates. */
export interface BuildInfo {
  readonly BuildRegion: string;
  readonly SourceAMI?: string;
  readonly SourceAMICreationDate?: string;
  readonly SourceAMIName?: string;
  readonly SourceAMIOwner?: string;
  readonly SourceAMIOwnerName?: string;
  readonly SourceAMITags?: Readonly<Record<string, string>>;
}

export function buildInfo(region: string, source: Image | undefined): BuildInfo {
  if (!source) return { BuildRegion: region };
  const tags: Record<string, string> = {};
  for (const tag of source.Tags ?? []) tags[tag.Key ?? ''] = tag.Value ?? '';
  return {
    BuildRegion: region,
    SourceAMI: source.ImageId ?? '',
    SourceAMICreationDate: source.CreationDate ?? '',
    SourceAMIName: source.Name ?? '',
    SourceAMIOwner: source.OwnerId ?? '',
    SourceAMIOwnerName: source.ImageOwnerAlias ?? '',
    SourceAMITags: tags,
  };
}

/** What templates see besides the build info: user variables and the build's name and type. */
export interface TemplateScope {
  readonly userVariables: Readonly<Record<string, string>>;
  readonly buildName: string;
  readonly buildType: string;
  readonly cwd: string;
}

/** Renders one plugin template (a tag key or value, ami_description) with the build info as its dot. */
export function renderWithBuildInfo(text: string, info: BuildInfo, scope: TemplateScope): string {
  return interpolate(text, templateContext(info, scope));
}

function templateContext(info: BuildInfo, scope: TemplateScope): InterpolateContext {
  const base = interpolateContext(
    { env: {}, cwd: scope.cwd, initTime: new Date(), templatePath: '' },
    {
      userVariables: scope.userVariables,
      enableEnv: false,
      buildName: scope.buildName,
      buildType: scope.buildType,
      data: new GoStruct('BuildInfoTemplate', { ...info, SourceAMITags: info.SourceAMITags ?? {} }),
    },
  );
  return { ...base, extraFuncs: { ...base.extraFuncs, clean_resource_name: cleanResourceName } };
}

/** The plugin's clean_resource_name: every byte an AMI name does not allow becomes "-". */
export function cleanResourceName(name: string): string {
  const allowed = new Set(Buffer.from("()[] ./-'@_"));
  const bytes = Buffer.from(name);
  const isAlphanumeric = (b: number) => (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122);
  return Buffer.from(bytes.map((b) => (isAlphanumeric(b) || allowed.has(b) ? b : 45))).toString('latin1');
}

/** Renders a tag map; keys are sorted so calls are stable (Go's map order is random). */
export function renderTags(
  tags: Readonly<Record<string, string>> | undefined,
  info: BuildInfo,
  scope: TemplateScope,
): Tag[] {
  const out: Tag[] = [];
  const entries = Object.entries(tags ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, value] of entries) {
    try {
      out.push({ Key: renderWithBuildInfo(key, info, scope), Value: renderWithBuildInfo(value, info, scope) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`Error processing tag: ${key}:${value} - ${message}`, { cause: error });
    }
  }
  return out;
}

/** The user's tags with Kiln's run tags added (a user's own kiln:* tag wins). */
export function withRunTags(tags: readonly Tag[], runId: string, build: string): Tag[] {
  const own = new Set(tags.map((t) => t.Key));
  const added = [
    { Key: RUN_ID_TAG, Value: runId },
    { Key: BUILD_TAG, Value: build },
  ].filter((t) => !own.has(t.Key));
  return [...tags, ...added];
}

/** EC2Tags.TagSpecifications: one specification per resource type, none when there are no tags. */
export function tagSpecifications(tags: readonly Tag[], ...types: ResourceType[]): TagSpecification[] {
  if (tags.length === 0) return [];
  return types.map((ResourceType) => ({ ResourceType, Tags: [...tags] }));
}

/** EC2Tags.Report: one line per tag. */
export function reportTags(ui: BuildUi, tags: readonly Tag[]): void {
  for (const tag of tags) ui.message(`Adding tag: "${tag.Key ?? ''}": "${tag.Value ?? ''}"`);
}
