import { goQuote } from '../../../hcl/quote.js';
import type { PrepareErrors } from '../../schema/index.js';
import type { AmazonEbsConfig } from './schema.js';

/*
 * FastLaunchConfig.Prepare of packer-plugin-amazon's ebs builder and the
 * builder's check that every launch template's region gets the AMI.
 */

interface RegionTemplate {
  readonly enable_fast_launch?: boolean;
  readonly region?: string;
  readonly template_id?: string;
  readonly template_name?: string;
  readonly template_version?: number;
}

export function checkFastLaunch(c: AmazonEbsConfig, out: PrepareErrors): void {
  const f = c.fast_launch;
  if (!f) return;
  const set =
    f.enable_fast_launch ||
    f.max_parallel_launches ||
    f.template_id ||
    f.template_name ||
    f.template_version ||
    f.target_resource_count ||
    f.region_launch_templates.length > 0;
  if (!set) return;
  const maxLaunches = f.max_parallel_launches ?? 0;
  if (maxLaunches !== 0 && maxLaunches < 6) {
    out.error(`max_parallel_launches must be >= 6, provided value is ${maxLaunches}`);
  }
  const targets = f.target_resource_count ?? 0;
  if (targets !== 0 && targets < 1) out.error(`target_resource_count must be >= 1, provided value is ${targets}`);
  const templates: RegionTemplate[] = [...f.region_launch_templates];
  // The top-level template settings are the template of the build region.
  if (f.template_id || f.template_name || f.template_version) {
    templates.push({
      region: c.region ?? '',
      template_id: f.template_id,
      template_name: f.template_name,
      template_version: f.template_version,
    });
  }
  const seen = new Set<string>();
  for (const t of templates) {
    const region = t.region ?? '';
    if (seen.has(region)) {
      out.error(`fast launch: launch template specified twice for region ${goQuote(region)}, only once is supported`);
    }
    seen.add(region);
    checkRegionTemplate(t, out);
  }
  for (const t of templates) {
    const region = t.region ?? '';
    if (!(c.ami_regions ?? []).includes(region) && region !== (c.region ?? '')) {
      out.error(
        `Launch template specified for enabling fast-launch on region ${goQuote(region)}, but the AMI won't be copied there.`,
      );
    }
  }
}

function checkRegionTemplate(t: RegionTemplate, out: PrepareErrors): void {
  const region = t.region ?? '';
  if (region === '') {
    out.error('region cannot be empty for a regional fast template config');
    return;
  }
  if (t.enable_fast_launch === false) return;
  const at = `fast_launch_template_config region ${goQuote(region)}`;
  if (t.template_id && t.template_name)
    out.error(`${at}: both template ID and name cannot be specified at the same time`);
  const version = t.template_version ?? 0;
  if (version !== 0 && version < 1)
    out.error(`${at}: the launch template version must be >= 1, provided value is ${version}`);
  if (version !== 0 && !t.template_id && !t.template_name) {
    out.error(`${at}: launch template version specified without an ID or name`);
  }
}
