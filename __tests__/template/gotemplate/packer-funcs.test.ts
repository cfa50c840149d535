import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  GoStruct,
  type InterpolateContext,
  interpolate,
  interpolateOnce,
  validateGoTemplate,
} from '../../../src/template/gotemplate/render.js';
import { PLACEHOLDER_MSG, goReplace, timeOrderedUUID } from '../../../src/template/gotemplate/packer-funcs.js';

// The instant of the isotime examples in Packer's "Template Engine" docs.
const INIT = new Date('2014-06-07T19:22:43.786Z');

function ctx(over: Partial<InterpolateContext> = {}): InterpolateContext {
  return { userVariables: {}, enableEnv: false, initTime: INIT, packerVersion: '1.14.0', ...over };
}

const errorOf = (text: string, c: InterpolateContext): string => {
  try {
    interpolateOnce(text, c);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('no error');
};

describe('Packer docs: isotime format reference (engine.mdx)', () => {
  it.each([
    ['{{ isotime }}', '2014-06-07T19:22:43Z'],
    ['{{isotime `2006-01-02`}}', '2014-06-07'],
    ['{{isotime `Mon 1504`}}', 'Sat 1922'],
    ['{{isotime `02-Jan-06 03_04_05`}}', '07-Jun-14 07_22_43'],
    ['{{isotime `Hour15Year200603`}}', 'Hour19Year201407'],
    ['packer-{{isotime `Jan-_2-15:04:05.000`}}', 'packer-Jun- 7-19:22:43.786'],
    ['packer-{{isotime `3:04PM`}}', 'packer-7:22PM'],
    ['{{ isotime `-0700 MST` }}', '+0000 UTC'],
  ])('%s', (text, out) => {
    expect(interpolate(text, ctx())).toBe(out);
  });

  it('rejects more than one format', () => {
    expect(errorOf('{{ isotime "a" "b" }}', ctx())).toBe(
      'template: root:1:3: executing "root" at <isotime "a" "b">: error calling isotime: too many values, 1 needed: [a b]',
    );
  });
});

describe('Packer docs: split and replace (engine.mdx)', () => {
  const c = ctx({ buildName: 'foo-bar-provider' });
  it.each([
    ['{{split build_name "-" 0}}', 'foo'],
    ['{{split "fixed-string" "-" 1}}', 'string'],
    ['tpl/{{split build_name "-" 1}}.rb', 'tpl/bar.rb'],
    ['{{ replace_all "-" "/" build_name }}', 'foo/bar/provider'],
    ['{{ build_name | replace "-" "/" 1 }}', 'foo/bar-provider'],
  ])('%s', (text, out) => {
    expect(interpolate(text, c)).toBe(out);
  });
});

describe('SDK interpolate tests', () => {
  it('renders plain text without a context', () => {
    expect(interpolate('foo', ctx())).toBe('foo');
  });

  it('build_name and build_type', () => {
    expect(interpolate('{{build_name}}', ctx({ buildName: 'foo' }))).toBe('foo');
    expect(interpolate('{{build_type}}', ctx({ buildType: 'foo' }))).toBe('foo');
    expect(errorOf('{{build_name}}', ctx())).toBe(
      'template: root:1:2: executing "root" at <build_name>: error calling build_name: build_name not available',
    );
    expect(errorOf('{{build_type}}', ctx())).toBe(
      'template: root:1:2: executing "root" at <build_type>: error calling build_type: build_type not available',
    );
  });

  describe('env', () => {
    afterEach(() => {
      delete process.env.KILN_GOTEMPLATE_TEST_ENV;
    });
    it('reads the environment only where enabled', () => {
      process.env.KILN_GOTEMPLATE_TEST_ENV = 'foo';
      expect(interpolate('{{env "KILN_GOTEMPLATE_TEST_ENV"}}', ctx({ enableEnv: true }))).toBe('foo');
      expect(interpolate('{{env "KILN_GOTEMPLATE_TEST_ENV_NOPE"}}', ctx({ enableEnv: true }))).toBe('');
      expect(errorOf('{{env "KILN_GOTEMPLATE_TEST_ENV"}}', ctx())).toBe(
        'template: root:1:2: executing "root" at <env "KILN_GOTEMPLATE_TEST_ENV">: error calling env: env vars are not allowed here',
      );
    });
  });

  it('strftime formats the init time as C strftime', () => {
    expect(interpolate('{{strftime "%Y-%m-%dT%H:%M:%S%z"}}', ctx())).toBe('2014-06-07T19:22:43+0000');
    expect(interpolate('{{strftime "%a %A %b %B %d %I %p %y %Z %L %% %q %"}}', ctx())).toBe(
      'Sat Saturday Jun June 07 07 PM 14 UTC .786 % %q %',
    );
  });

  it('pwd and template_dir', () => {
    expect(interpolate('{{pwd}}', ctx())).toBe(process.cwd());
    expect(interpolate('{{template_dir}}', ctx({ templatePath: 'foo/bar' }))).toBe(path.resolve('foo'));
    expect(errorOf('{{template_dir}}', ctx())).toBe(
      'template: root:1:2: executing "root" at <template_dir>: error calling template_dir: template path not available',
    );
  });

  it('split errors when the index is out of range', () => {
    const c = ctx({ buildName: 'foo-bar' });
    expect(interpolate('{{split build_name "-" 1}}', c)).toBe('bar');
    expect(errorOf('{{split build_name "-" 2}}', c)).toBe(
      'template: root:1:2: executing "root" at <split build_name "-" 2>: error calling split: ' +
        'the substring 2 was unavailable using the separator value, -, only 2 values were found',
    );
  });

  it('timestamp is the init time in Unix seconds', () => {
    expect(interpolate('{{timestamp}}', ctx())).toBe('1402168963');
  });

  it('user reads user variables; a missing one errors only where env is enabled', () => {
    const c = ctx({ userVariables: { foo: 'foo' } });
    expect(interpolate('{{user "foo"}}', c)).toBe('foo');
    expect(interpolate('{{user "what"}}', c)).toBe('');
    expect(errorOf('{{user "what"}}', { ...c, enableEnv: true })).toBe(
      'template: root:1:2: executing "root" at <user "what">: error calling user: Error: variable not set: what',
    );
  });

  it('packer_version', () => {
    expect(interpolate('{{packer_version}}', ctx({ packerVersion: '1.4.3-dev [DEADC0DE]' }))).toBe(
      '1.4.3-dev [DEADC0DE]',
    );
  });

  it.each([
    ['{{ "foo-bar-baz" | replace "-" "/" 1}}', 'foo/bar-baz'],
    ['{{ replace "-" "/" 1 "foo-bar-baz" }}', 'foo/bar-baz'],
    ['{{ "I Am Henry VIII" | replace_all " " "-" }}', 'I-Am-Henry-VIII'],
    ['{{ replace_all " " "-" "I Am Henry VIII" }}', 'I-Am-Henry-VIII'],
  ])('replace funcs: %s', (text, out) => {
    expect(interpolate(text, ctx({ userVariables: { fee: '-foo-' } }))).toBe(out);
  });

  describe('build reads generated data', () => {
    it.each<[unknown, string]>([
      [{ PartyVar: 'PartyVal' }, 'PartyVal'],
      [new Map([['PartyVar', 'PartyVal']]), 'PartyVal'],
      [{ PartyVar: `PartyVal${PLACEHOLDER_MSG}` }, '{{.PartyVar}}'],
    ])('%o', (data, out) => {
      expect(interpolateOnce('{{ build `PartyVar` }}', ctx({ data }))).toBe(out);
    });

    it('prefers generatedData over data', () => {
      expect(interpolate('{{ build `Host` }}', ctx({ data: { Host: 'x' }, generatedData: { Host: '10.0.0.5' } }))).toBe(
        '10.0.0.5',
      );
    });

    it('errors without data or without the key', () => {
      expect(errorOf('{{ build `PartyVar` }}', ctx())).toBe(
        'template: root:1:3: executing "root" at <build `PartyVar`>: error calling build: ' +
          'Error validating build variable: the given variable PartyVar will not be passed into your plugin.',
      );
      expect(errorOf('{{ build `MissingVar` }}', ctx({ data: { BadVar: 'x' } }))).toBe(
        'template: root:1:3: executing "root" at <build `MissingVar`>: error calling build: loaded data, but couldnt find MissingVar in it.',
      );
    });
  });
});

describe('functions only allowed in variables', () => {
  it.each([
    ['{{ consul_key "k" }}', 'consul_key', 'consul_key is not allowed here'],
    ['{{ vault "p" "k" }}', 'vault', 'Vault vars are only allowed in the variables section'],
    [
      '{{ aws_secretsmanager "s" }}',
      'aws_secretsmanager',
      'AWS Secrets Manager is only allowed in the variables section',
    ],
  ])('%s', (text, name, message) => {
    expect(errorOf(text, ctx())).toBe(
      `template: root:1:3: executing "root" at <${text.slice(3, -3)}>: error calling ${name}: ${message}`,
    );
  });

  it('aws_secretsmanager checks its argument count', () => {
    expect(errorOf('{{ aws_secretsmanager }}', ctx({ enableEnv: true }))).toBe(
      'template: root:1:3: executing "root" at <aws_secretsmanager>: error calling aws_secretsmanager: secret name must be provided',
    );
  });
});

describe('sed is deprecated', () => {
  it('always errors', () => {
    expect(errorOf('{{ sed "s/a/b/" "a" }}', ctx())).toBe(
      'template: root:1:3: executing "root" at <sed "s/a/b/" "a">: error calling sed: template function `sed` is deprecated ' +
        'use `replace` or `replace_all` instead.Documentation: https://www.packer.io/docs/templates/engine',
    );
  });
});

describe('plugin functions (clean_resource_name)', () => {
  // The Google Compute plugin's: lower case, anything not [a-z0-9] becomes "-".
  const cleanResourceName = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '-');
  const c = ctx({ extraFuncs: { clean_resource_name: cleanResourceName } });

  it('renders the docs example', () => {
    expect(interpolate('mybuild-{{isotime | clean_resource_name}}', c)).toBe('mybuild-2014-06-07t19-22-43z');
  });

  it('is unknown without the plugin', () => {
    expect(validateGoTemplate('{{isotime | clean_resource_name}}')?.message).toBe(
      'template: root:1: function "clean_resource_name" not defined',
    );
    expect(validateGoTemplate('{{isotime | clean_resource_name}}', ['clean_resource_name'])).toBeUndefined();
  });

  it('checks the argument count of a plain function', () => {
    expect(errorOf('{{ clean_resource_name }}', c)).toBe(
      'template: root:1:3: executing "root" at <clean_resource_name>: wrong number of args for clean_resource_name: want 1 got 0',
    );
  });
});

describe('template data as Packer passes it', () => {
  it('execute_command', () => {
    const data = new GoStruct('*shell.ExecuteCommandTemplate', { Vars: "A='1' B='2'", Path: '/tmp/script_1.sh' });
    expect(interpolate("chmod +x {{.Path}}; {{.Vars}} sudo -E -S bash '{{.Path}}'", ctx({ data }))).toBe(
      "chmod +x /tmp/script_1.sh; A='1' B='2' sudo -E -S bash '/tmp/script_1.sh'",
    );
    expect(errorOf('{{ .Nope }}', ctx({ data }))).toBe(
      'template: root:1:3: executing "root" at <.Nope>: can\'t evaluate field Nope in type *shell.ExecuteCommandTemplate',
    );
  });

  it('boot_command with an int port', () => {
    const data = new GoStruct('bootCommandTemplateData', { HTTPIP: '10.0.2.2', HTTPPort: 8080, Name: 'vm' });
    expect(interpolate('<esc> ks=http://{{ .HTTPIP }}:{{ .HTTPPort }}/ks.cfg<enter>', ctx({ data }))).toBe(
      '<esc> ks=http://10.0.2.2:8080/ks.cfg<enter>',
    );
    expect(interpolate('{{ printf "%05d" .HTTPPort }} {{ if gt .HTTPPort 1024 }}high{{ end }}', ctx({ data }))).toBe(
      '08080 high',
    );
  });
});

describe('interpolate renders until stable (interpolate.Render)', () => {
  it('renders a user variable that holds a template', () => {
    const c = ctx({ userVariables: { name: 'img-{{ timestamp }}' } });
    expect(interpolateOnce('{{ user `name` }}', c)).toBe('img-{{ timestamp }}');
    expect(interpolate('{{ user `name` }}', c)).toBe('img-1402168963');
  });
});

describe('range over an integer (Go 1.22)', () => {
  it('counts from zero', () => {
    expect(
      interpolate(
        '{{ range 3 }}{{ . }}{{ end }}|{{ range $i := 2 }}{{ $i }}{{ end }}|{{ range 0 }}x{{ else }}none{{ end }}',
        ctx(),
      ),
    ).toBe('012|01|none');
    expect(errorOf('{{ range $i, $e := 3 }}x{{ end }}', ctx())).toBe(
      'template: root:1:19: executing "root" at <3>: can\'t use 3 to iterate over more than one variable',
    );
  });
});

describe('helpers', () => {
  it('uuid is time ordered: 8 hex digits of Unix seconds, then 96 random bits', () => {
    const id = timeOrderedUUID(new Date('2014-06-07T19:22:43Z'));
    expect(id).toMatch(/^53936683-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(interpolate('{{ uuid }}', ctx())).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it.each<[string, string, string, number, string]>([
    ['aaaa', 'a', 'x', 2, 'xxaa'],
    ['abc', '', '-', -1, '-a-b-c-'],
    ['abc', '', '-', 2, '-a-bc'],
    ['', '', '-', -1, '-'],
    ['abcb', 'b', '', -1, 'ac'],
    ['aaa', 'a', 'x', 0, 'aaa'],
  ])('strings.Replace(%j, %j, %j, %i)', (s, old, replacement, n, out) => {
    expect(goReplace(s, old, replacement, n)).toBe(out);
  });
});
