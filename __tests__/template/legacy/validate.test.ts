import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnosticsText } from '../../../src/hcl/diagnostic-text.js';
import { validateLegacy } from '../../../src/template/legacy/index.js';
import { mapLimit, packerAvailable, runPacker } from '../../support/packer.js';

/*
 * `validate` on legacy JSON templates (fixtures/legacy), table-driven with the
 * exact text Packer prints, and each case run through `packer validate` 1.6.6.
 * 1.6.6 differs from current Packer in three ways, handled below: its parse
 * errors start "Failed to parse template: " (current Packer adds a hint about
 * HCL extensions), it prints nothing for a valid template, and its version and
 * unknown-plugin messages (`packer166`) are older.
 */

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/legacy');
const HINT =
  'Failed to parse file as legacy JSON template: if you are using an HCL template, check your file extensions; ' +
  'they should be either *.pkr.hcl or *.pkr.json; see the docs for more details: ' +
  'https://www.packer.io/docs/templates/hcl_templates. \nOriginal error: ';
const ENV = { KILN_LEGACY_TEST: 'kt', HOME: '/root' };

interface Case {
  readonly name: string;
  readonly file: string;
  readonly vars?: readonly string[];
  readonly varFiles?: readonly string[];
  readonly exit: 0 | 1;
  /** Printed as Ui.Error text after the parse hint. */
  readonly parseError?: string;
  /** Other Ui.Error text, printed verbatim (variable files). */
  readonly uiError?: string;
  /** Diagnostics as the text writer prints them. */
  readonly text?: string;
  readonly packer166?: string;
}

const CASES: Case[] = [
  {
    name: 'JSON syntax error with line, column and caret',
    file: 'parse-trailing-comma.json',
    exit: 1,
    parseError:
      'Error parsing JSON: invalid character \'}\' looking for beginning of object key string\nAt line 3, column 22 (offset 39):\n    2:   "builders": [\n    3:     {"type": "null",}\n                           ^\n',
  },
  {
    name: 'empty file',
    file: 'parse-empty.json',
    exit: 1,
    parseError: 'Error parsing JSON: unexpected end of JSON input\nAt line 1, column 0 (offset 0):\n    1: \n     ^\n',
  },
  {
    name: 'root is not an object',
    file: 'parse-not-object.json',
    exit: 1,
    parseError: "'' expected a map, got 'slice'",
  },
  {
    name: 'unknown root keys, sorted; _ keys are comments',
    file: 'parse-unknown-root.json',
    exit: 1,
    parseError:
      "2 errors occurred:\n\t* Unknown root level key in template: 'bar'\n\t* Unknown root level key in template: 'foo'\n\n",
  },
  {
    name: 'a root comment must be a string',
    file: 'parse-comment-not-string.json',
    exit: 1,
    parseError: 'Failed to cast root level comment value in comment "_c" to string.',
  },
  {
    name: 'root keys of the wrong type',
    file: 'parse-root-types.json',
    exit: 1,
    parseError:
      "3 error(s) decoding:\n\n* 'Description' expected type 'string', got unconvertible type 'float64', value: '3'\n* 'Variables' expected a map, got 'slice'\n* 'min_packer_version' expected type 'string', got unconvertible type 'float64', value: '1'",
  },
  {
    name: 'every builder, post-processor and provisioner problem in one multierror',
    file: 'parse-components.json',
    exit: 1,
    parseError:
      "10 errors occurred:\n\t* variable c: '' expected type 'string', got unconvertible type 'float64', value: '1'\n\t* builder 1: missing 'type'\n\t* builder 3: builder with name 'null' already exists\n\t* builder 4: '' expected a map, got 'float64'\n\t* post-processor 1: bad format\n\t* post-processor 2.1: sequence not allowed to be nested in a sequence\n\t* post-processor 3.1: type is required\n\t* provisioner 1: Provisioner missing 'type'\n\t* provisioner 2: Error decoding provisioner: 1 error(s) decoding:\n\n* error decoding 'pause_before': time: invalid duration \"x\"\n\t* On Error Cleanup Provisioner error: Provisioner missing 'type'\n\n",
  },
  {
    name: 'duplicate field',
    file: 'parse-duplicate.json',
    exit: 1,
    parseError: 'template has duplicate field: type',
  },
  {
    name: 'no builders',
    file: 'no-builders.json',
    exit: 1,
    text: 'Error: \n\n1 error occurred:\n\t* at least one builder must be defined\n\n\n\n',
  },
  {
    name: 'only/except and override naming unknown builders',
    file: 'only-except.json',
    exit: 1,
    text: "Error: \n\n5 errors occurred:\n\t* provisioner 1: only one of 'only' or 'except' may be specified\n\t* provisioner 2: 'only' specified builder 'a' not found\n\t* provisioner 2: 'only' specified builder 'b' not found\n\t* provisioner 3: override 'nope' doesn't exist\n\t* post-processor 1.2: 'except' specified builder 'gone' not found\n\n\n\n",
  },
  {
    name: 'min_packer_version above ours',
    file: 'min-version.json',
    exit: 1,
    text: 'Error: \n\nThis template requires Packer version 99.0.0 or higher; using 1.14.0\n\n',
    packer166: 'Error: \n\nThis template requires Packer version 99.0.0 or higher; using 1.6.6\n\n',
  },
  {
    name: 'malformed min_packer_version',
    file: 'min-version-invalid.json',
    exit: 1,
    text: 'Error: \n\nmin_version is invalid: Malformed version: 1.x\n\n',
  },
  {
    name: 'required variable not set',
    file: 'required-var.json',
    exit: 1,
    text: 'Error: \n\n1 error occurred:\n\t* required variable not set: region\n\n\n\n',
  },
  {
    name: 'variables referring to each other in a cycle',
    file: 'var-cycle.json',
    exit: 1,
    text: 'Error: \n\nFailed to interpolate "b": "{{user `a`}}"; error: template: root:1:2: executing\n"root" at <user `a`>: error calling user: Error: variable not set: a: Please\nmake sure that the variable you\'re referencing has been defined; Packer treats\nall variables used to interpolate other user variables as required.\n\n',
  },
  {
    name: 'default used',
    file: 'var-precedence.json',
    exit: 1,
    text: 'Error: Failed to initialize build "null"\n\n`max_retries` must be a valid integer: strconv.Atoi: parsing "x": invalid syntax\n\n',
  },
  {
    name: '-var-file overrides the default',
    file: 'var-precedence.json',
    varFiles: ['var-precedence.vars.json'],
    exit: 1,
    text: 'Error: Failed to initialize build "null"\n\n`max_retries` must be a valid integer: strconv.Atoi: parsing "bad": invalid\nsyntax\n\n',
  },
  {
    name: '-var wins over -var-file',
    file: 'var-precedence.json',
    vars: ['retries=3'],
    varFiles: ['var-precedence.vars.json'],
    exit: 0,
    text: '',
  },
  {
    name: '-var-file with a non-string value',
    file: 'var-precedence.json',
    varFiles: ['var-number.vars.json'],
    exit: 1,
    uiError:
      "Error reading variables in 'var-number.vars.json': json: cannot unmarshal number into Go value of type string",
  },
  {
    name: 'missing -var-file',
    file: 'var-precedence.json',
    varFiles: ['missing.vars.json'],
    exit: 1,
    uiError: 'open missing.vars.json: no such file or directory',
  },
  {
    name: 'unknown builder and provisioner types',
    file: 'unknown-types.json',
    exit: 1,
    text: 'Error: Failed to initialize build "b"\n\nThe builder foo-bar is unknown by Packer, and is likely part of a plugin that is\nnot installed.\nYou may find the needed plugin along with installation instructions documented\non the Packer integrations page.\n\nhttps://developer.hashicorp.com/packer/integrations?filter=foo\n\nError: Failed to initialize build "nul"\n\nDid you mean to use "null"?\n\n',
    packer166:
      'Error: Failed to initialize build "b"\n\nerror initializing builder \'foo-bar\': Unknown builder foo-bar\n\nError: Failed to initialize build "nul"\n\nerror initializing builder \'nul\': Unknown builder nul\n\n',
  },
  {
    name: 'builder config: unknown keys and Prepare checks',
    file: 'builder-config.json',
    exit: 1,
    text: 'Error: Failed to prepare build: "null"\n\n2 errors occurred:\n\t* unknown configuration key: \'"bogus"\'\n\t* unknown configuration key: \'"zzz"\'\n\n\n\nError: Failed to prepare build: "ssh"\n\n4 error(s) occurred:\n\n* An ssh_username must be specified\n  Note: some builders used to default ssh_username to "root".\n* a Host must be specified, please reference your communicator documentation\n* a Username must be specified, please reference your communicator documentation\n* one authentication method must be specified, please reference your\ncommunicator documentation\n\n',
  },
  {
    name: "env outside variables, with shell-local's decode prefix",
    file: 'render-error.json',
    exit: 1,
    text: 'Error: Failed to prepare build: "n-kt"\n\nError decoding config: render \'inline\': template: root:1:2: executing "root" at\n<env `HOME`>: error calling env: env vars are not allowed here in:\n\n{{env `HOME`}}\n\n',
  },
  {
    name: 'valid: nested user variables, env in variables, build and .Field deferred, excluded execute_command',
    file: 'valid.json',
    exit: 0,
    text: '',
  },
  {
    name: 'provisioner config: unknown key',
    file: 'provisioner-config.json',
    exit: 1,
    text: 'Error: Failed to prepare build: "null"\n\n1 error occurred:\n\t* unknown configuration key: \'"bad_key"\'\n\n\n\n',
  },
];

function ours(c: Case) {
  return validateLegacy(c.file, {
    vars: (c.vars ?? []).map((v) => v.split('=') as [string, string]),
    varFiles: c.varFiles ?? [],
    env: ENV,
    cwd: FIXTURES,
    only: [],
    except: [],
  });
}

describe('validateLegacy', () => {
  it.each(CASES)('$name', async (c) => {
    const r = await ours(c);
    expect(r.exitCode).toBe(c.exit);
    if (c.parseError !== undefined) {
      expect(r.uiError).toBe(HINT + c.parseError);
    } else if (c.uiError !== undefined) {
      expect(r.uiError).toBe(c.uiError);
    } else {
      expect(r.uiError).toBeUndefined();
      expect(diagnosticsText(r.diags)).toBe(c.text ?? '');
    }
  });

  it('maps a valid template onto builds with provisioners and post-processor chains', async () => {
    const r = await validateLegacy('valid.json', {
      vars: [],
      varFiles: [],
      env: ENV,
      cwd: FIXTURES,
      only: [],
      except: [],
    });
    expect(r.builds).toHaveLength(1);
    const b = r.builds[0]!;
    expect(b.name).toBe('n-c-b-a');
    expect(b.builderType).toBe('null');
    expect(b.variables).toEqual({ a: 'c-b-a', b: 'c-b', c: 'c', env: 'kt', http: '{{ .HTTPIP }}:c', secret: 's3cr3t' });
    expect(b.sensitiveVariables).toEqual(['secret']);
    expect(b.provisioners.map((p) => [p.type, p.maxRetries, p.pauseBeforeMs])).toEqual([
      ['shell', 2, 1000],
      ['shell', 0, 0],
    ]);
    // `build` defers to the build's data; a missing field of the placeholder data prints as Go's <no value>.
    expect(b.provisioners[0]!.config).toMatchObject({ inline: ['echo c-b-a {{.Host}} <no value>'] });
    expect(b.provisioners[1]!.config).toMatchObject({ execute_command: '{{env `NOT_HERE`}} {{.Path}}' });
    expect(b.postProcessors.map((chain) => chain.map((p) => p.type))).toEqual([['manifest'], ['checksum', 'compress']]);
    expect(b.postProcessors[1]![0]!.config).toMatchObject({ checksum_types: ['md5', 'sha1'] });
  });

  it('selects builds with only and except by exact name', async () => {
    const run = async (only: string[], except: string[]) =>
      (
        await validateLegacy('builder-config.json', {
          vars: [],
          varFiles: [],
          env: ENV,
          cwd: FIXTURES,
          only,
          except,
        })
      ).diags.map((d) => d.summary);
    expect(await run(['ssh'], [])).toEqual(['Failed to prepare build: "ssh"']);
    expect(await run([], ['ssh'])).toEqual(['Failed to prepare build: "null"']);
    expect(await run(['ss*'], [])).toEqual([]);
  });
});

describe('validateLegacy against packer validate 1.6.6', () => {
  beforeAll(() => {
    process.env.KILN_LEGACY_TEST = ENV.KILN_LEGACY_TEST;
  });

  it('has the oracle', () => expect(packerAvailable()).toBe(true));

  it('prints what Packer prints, with the same exit code', async () => {
    const runs = await mapLimit(CASES, 6, (c) => {
      const args = [
        ...(c.vars ?? []).flatMap((v) => ['-var', v]),
        ...(c.varFiles ?? []).flatMap((f) => ['-var-file', f]),
      ];
      return runPacker(['validate', ...args, c.file], { cwd: FIXTURES });
    });
    CASES.forEach((c, i) => {
      const run = runs[i]!;
      expect([c.name, run.exit]).toEqual([c.name, c.exit]);
      // Ui.Error adds a newline to what it prints.
      const printed = (run.stdout + run.stderr).replace(/\n$/, '');
      const want =
        c.parseError !== undefined
          ? `Failed to parse template: ${c.parseError}`
          : (c.uiError ?? c.packer166 ?? c.text ?? '');
      expect([c.name, printed]).toEqual([c.name, want]);
    });
  }, 60_000);
});
