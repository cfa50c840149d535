import { describe, expect, it } from 'vitest';
import { amazonEbsSpec } from '../../../src/components/builders/amazon-ebs/schema.js';
import { renderConfigEntries, renderConfigTemplates } from '../../../src/components/schema/index.js';
import { shellLocalSpec } from '../../../src/components/provisioners/shell-local/schema.js';
import { sleepSpec } from '../../../src/components/provisioners/sleep/schema.js';
import type { InterpolateContext } from '../../../src/template/gotemplate/render.js';

const ctx: InterpolateContext = {
  userVariables: { region: 'eu-west-1' },
  enableEnv: false,
  buildName: 'ubuntu',
  buildType: 'amazon-ebs',
  initTime: new Date(Date.UTC(2024, 10, 28, 13, 20)),
  packerVersion: '1.14.0',
};

describe('renderConfigTemplates', () => {
  it('renders strings of keys the plugin does not exclude, once, nested values included', () => {
    const config = {
      ami_name: 'kiln-{{timestamp}}',
      region: '{{user `region`}}',
      tags: { Name: '{{build_name}}' },
      ami_regions: ['{{build_type}}'],
      ami_description: '{{ .SourceAMI }}',
    };
    expect(renderConfigTemplates(config, amazonEbsSpec, ctx)).toEqual({
      value: {
        ami_name: 'kiln-1732800000',
        region: 'eu-west-1',
        tags: { Name: '{{build_name}}' },
        ami_regions: ['amazon-ebs'],
        ami_description: '{{ .SourceAMI }}',
      },
    });
  });

  it('reports an invalid template in any field, excluded ones too, as interpolate.RenderMap', () => {
    expect(renderConfigTemplates({ ami_description: 'x {{ nope }}' }, amazonEbsSpec, ctx)).toEqual({
      error: `invalid 'ami_description': template: root:1: function "nope" not defined in:\n\nx {{ nope }}`,
    });
  });

  it('reports a render error with the key and the text', () => {
    expect(renderConfigTemplates({ ami_name: '{{ build `Host` }}' }, amazonEbsSpec, ctx)).toEqual({
      error:
        'render \'ami_name\': template: root:1:3: executing "root" at <build `Host`>: error calling build: ' +
        'Error validating build variable: the given variable Host will not be passed into your plugin. in:\n\n{{ build `Host` }}',
    });
  });

  it("puts the plugin's decode prefix before the error", () => {
    expect(renderConfigTemplates({ command: '{{' }, shellLocalSpec, ctx)).toEqual({
      error: `Error decoding config: invalid 'command': template: root:1: unclosed action in:\n\n{{`,
    });
  });

  it('leaves placeholder values and components that do not interpolate alone', () => {
    expect(renderConfigTemplates({ ami_name: '{{x' }, amazonEbsSpec, ctx, [['ami_name']])).toEqual({
      value: { ami_name: '{{x' },
    });
    expect(renderConfigTemplates({ pause_before: '{{x' }, sleepSpec, ctx)).toEqual({ value: { pause_before: '{{x' } });
  });
});

describe('renderConfigEntries', () => {
  it('keeps the order given and renders map keys', () => {
    const r = renderConfigEntries(
      [
        ['b', new Map([['{{build_name}}', '{{build_type}}']])],
        ['a', 1],
      ],
      [],
      ctx,
    );
    expect(r).toEqual({
      value: [
        ['b', new Map([['ubuntu', 'amazon-ebs']])],
        ['a', 1],
      ],
    });
  });
});
