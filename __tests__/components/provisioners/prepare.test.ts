import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeDiags, prepareBlock } from '../helpers.js';

/* Prepare checks of the powershell, windows-shell, shell-local and breakpoint/windows-restart provisioners. */

const dir = mkdtempSync(join(tmpdir(), 'kiln-prov-'));
writeFileSync(join(dir, 'a.ps1'), 'Write-Host hi\n');

const TOO_MANY =
  'You may only specify one of the following options: Command, Inline, Script or Scripts. Please consolidate these options in your config.';

describe.each<[string, string, string[]]>([
  [
    'powershell: every check at once',
    'provisioner "powershell" {\n  script = "nope.ps1"\n  scripts = ["a.ps1"]\n  elevated_password = "x"\n  environment_vars = ["FOO"]\n  execution_policy = "9"\n  debug_mode = 3\n}',
    [
      'Only one of script or scripts can be specified.',
      "Must supply an 'elevated_user' if 'elevated_password' provided",
      "Bad script 'nope.ps1': stat nope.ps1: no such file or directory",
      "Environment variable not in format 'key=value': FOO",
      'Invalid execution policy provided. Please supply one of: "bypass", "allsigned", "default", "remotesigned", "restricted", "undefined", "unrestricted", "none".',
      '3 is an invalid Trace level for `debug_mode`; valid values are 0, 1, and 2',
    ],
  ],
  [
    'powershell: named policy in any case, script and inline',
    `provisioner "powershell" {\n  script = "${dir}/a.ps1"\n  inline = ["x"]\n  execution_policy = "RemoteSigned"\n  debug_mode = -1\n}`,
    [
      'Only a script file or an inline script can be specified, not both.',
      '-1 is an invalid Trace level for `debug_mode`; valid values are 0, 1, and 2',
    ],
  ],
  [
    'powershell: valid',
    'provisioner "powershell" {\n  inline = ["x"]\n  elevated_user = "u"\n  elevated_password = "p"\n  execution_policy = "7"\n  debug_mode = 2\n}',
    [],
  ],
  [
    'windows-shell: nothing to run',
    'provisioner "windows-shell" { inline = [] }',
    ['Either a script file or inline script must be specified.'],
  ],
  [
    'windows-shell: script and scripts, bad variables',
    `provisioner "windows-shell" {\n  script = "${dir}/a.ps1"\n  scripts = ["b.bat"]\n  environment_vars = ["A=1", "=2"]\n}`,
    ['Only one of script or scripts can be specified.', "Environment variable not in format 'key=value': =2"],
  ],
  ['breakpoint: no checks', 'provisioner "breakpoint" { disable = true }', []],
  ['windows-restart: no checks', 'provisioner "windows-restart" { restart_timeout = "10m" }', []],
])('%s', (_name, src, errors) => {
  it("returns Packer's messages in Packer's order", () => {
    expect(prepareBlock('provisioner', src).result).toEqual({ errors, warnings: [] });
  });
});

describe.each<[string, string, string[]]>([
  [
    'nothing to run',
    '"shell-local" { inline = [] }',
    ['Command, Inline, Script and Scripts options cannot all be empty.'],
  ],
  [
    'command with a script, missing script, bad variable',
    '"shell-local" {\n  command = "x"\n  script = "nope.sh"\n  environment_vars = ["=a"]\n}',
    [
      TOO_MANY,
      "Bad script 'nope.sh': stat nope.sh: no such file or directory",
      "Environment variable not in format 'key=value': =a",
    ],
  ],
  ['script with inline', `"shell-local" {\n  script = "${dir}/a.ps1"\n  inline = ["x"]\n}`, [TOO_MANY]],
  [
    'an empty inline list still counts as set',
    `"shell-local" {\n  scripts = ["${dir}/a.ps1"]\n  inline = []\n}`,
    [TOO_MANY],
  ],
  [
    'an unknown OS ends the checks with that error alone',
    '"shell-local" {\n  inline = ["x"]\n  script = "nope.sh"\n  only_on = ["linux", "plan9"]\n}',
    ["Invalid OS specified in only_on: 'plan9'\nSupported OS names: darwin, freebsd, linux, openbsd, solaris, windows"],
  ],
  [
    'Linux pathing: a path without a drive ends the checks',
    `"shell-local" {\n  script = "${dir}/a.ps1"\n  use_linux_pathing = true\n}`,
    [
      `There was an error splitting your absolute path; expected to find a drive following the format ':/' but did not: absolute path: ${resolve(dir, 'a.ps1')}`,
    ],
  ],
  [
    'Linux pathing: inline commands are refused',
    '"shell-local" {\n  inline = ["x"]\n  use_linux_pathing = true\n}',
    [
      'Packer is unable to use the Command and Inline features with the Windows Linux Subsystem. Please use the Script or Scripts options instead',
    ],
  ],
  ['valid', '"shell-local" {\n  command = "echo hi"\n  only_on = ["linux", "darwin"]\n}', []],
])('shell-local: %s', (_name, body, errors) => {
  it.each(['provisioner', 'post-processor'] as const)('as a %s', (kind) => {
    expect(prepareBlock(kind, `${kind} ${body}`).result).toEqual({ errors, warnings: [] });
  });
});

describe('checks made while decoding', () => {
  it.each<[string, string, [string, string | undefined][]]>([
    [
      'powershell: an unknown execution policy name',
      'provisioner "powershell" {\n  inline = ["x"]\n  execution_policy = "sometimes"\n}',
      [["error decoding 'execution_policy': sometimes does not belong to ExecutionPolicy values", undefined]],
    ],
    [
      'sleep: a duration Go cannot parse',
      'provisioner "sleep" { duration = "5x" }',
      [['error decoding \'duration\': time: unknown unit "x" in duration "5x"', undefined]],
    ],
    ['sleep: a good duration', 'provisioner "sleep" { duration = "1m30s" }', []],
  ])('%s', (_name, src, diags) => {
    expect(decodeDiags('provisioner', src)).toEqual(diags);
  });
});
