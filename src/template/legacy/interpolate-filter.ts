/*
 * How each plugin asks config.Decode to interpolate its legacy JSON config
 * (DecodeOpts.Interpolate and InterpolateFilter.Exclude in its Prepare): the
 * excluded keys are only checked for syntax and rendered later, at run time,
 * with build data. Read from the plugins of Packer 1.6.6.
 */

export interface InterpolateFilter {
  readonly interpolate: boolean;
  /** Top-level keys not rendered at prepare time (compared case-insensitively). */
  readonly exclude: readonly string[];
  /** Text the plugin puts before a config.Decode error (shell-local's "Error decoding config: "). */
  readonly decodeErrorPrefix?: string;
}

const SHELL_LOCAL = 'Error decoding config: ';

const FILTERS: ReadonlyMap<string, InterpolateFilter> = new Map([
  ['builder.docker', { interpolate: true, exclude: ['run_command'] }],
  ['builder.qemu', { interpolate: true, exclude: ['boot_command', 'qemuargs'] }],
  [
    'builder.amazon-ebs',
    {
      interpolate: true,
      exclude: [
        'ami_description',
        'run_tags',
        'run_tag',
        'run_volume_tags',
        'run_volume_tag',
        'spot_tags',
        'spot_tag',
        'snapshot_tags',
        'snapshot_tag',
        'tags',
        'tag',
      ],
    },
  ],
  ['provisioner.shell', { interpolate: true, exclude: ['execute_command'] }],
  ['provisioner.shell-local', { interpolate: true, exclude: ['execute_command'], decodeErrorPrefix: SHELL_LOCAL }],
  ['provisioner.powershell', { interpolate: true, exclude: ['execute_command', 'elevated_execute_command'] }],
  ['provisioner.windows-shell', { interpolate: true, exclude: ['execute_command'] }],
  ['provisioner.windows-restart', { interpolate: true, exclude: ['execute_command'] }],
  ['provisioner.sleep', { interpolate: false, exclude: [] }],
  ['post-processor.checksum', { interpolate: true, exclude: ['output'] }],
  ['post-processor.compress', { interpolate: true, exclude: ['output'] }],
  ['post-processor.shell-local', { interpolate: true, exclude: ['execute_command'], decodeErrorPrefix: SHELL_LOCAL }],
  ['post-processor.amazon-import', { interpolate: true, exclude: ['s3_key_name'] }],
]);

const RENDER_ALL: InterpolateFilter = { interpolate: true, exclude: [] };

export function interpolateFilter(kind: string, type: string): InterpolateFilter {
  return FILTERS.get(`${kind}.${type}`) ?? RENDER_ALL;
}
