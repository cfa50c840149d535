import { describe, expect, it } from 'vitest';
import type { Diag } from '../fixtures/validate/cases.js';
import { diagKey, parseDiagnostics } from './validate-output.js';

// Outputs as Packer 1.6.6 printed them for corpus cases (snippets and details kept).
const TABLE: readonly (readonly [string, string, readonly Diag[]])[] = [
  ['nothing', '', []],
  ['valid message only', 'The configuration is valid.\n', []],
  [
    'located, with a snippet and a context',
    'Error: Unsupported block type\n\n  on a.pkr.hcl line 1, in data "null" "x":\n   1: data "null" "x" { input = "a" }\n\nBlocks of type "data" are not expected here.\n\n',
    [{ severity: 'error', summary: 'Unsupported block type', file: 'a.pkr.hcl', line: 1 }],
  ],
  [
    'no location, detail that wraps',
    'Error: Unset variable "foo"\n\nA used variable must be set or have a default value; see\nhttps://packer.io/docs/configuration/from-1.5/syntax for details.\n\n',
    [{ severity: 'error', summary: 'Unset variable "foo"' }],
  ],
  [
    'empty location counts as none',
    'Error: Unknown source null.b\n\n  on  line 0:\n  (source code not available)\n\nKnown: map[null.a:{}]\n\n',
    [{ severity: 'error', summary: 'Unknown source null.b' }],
  ],
  [
    'multierror summary with a location, then a warning',
    "Warning: A checksum of 'none' was specified. Since ISO files are so big,\na checksum is highly recommended.\n\n  on main.pkr.hcl line 1:\n  (source code not available)\n\n\nError: 2 error(s) occurred:\n\n* Image must be specified\n* Cannot specify more than one of commit, discard, and export_path\n\n  on d/a.pkr.hcl line 12:\n  (source code not available)\n\n",
    [
      {
        severity: 'warning',
        summary: "A checksum of 'none' was specified. Since ISO files are so big,\na checksum is highly recommended.",
        file: 'main.pkr.hcl',
        line: 1,
      },
      {
        severity: 'error',
        summary:
          '2 error(s) occurred:\n\n* Image must be specified\n* Cannot specify more than one of commit, discard, and export_path',
        file: 'd/a.pkr.hcl',
        line: 12,
      },
    ],
  ],
  [
    'multierror summary without a location',
    'Error: 1 error(s) occurred:\n\n* target required\n\nWarning: Undefined variable\n\nA "nope" variable was set but was not found.\n',
    [
      { severity: 'error', summary: '1 error(s) occurred:\n\n* target required' },
      { severity: 'warning', summary: 'Undefined variable' },
    ],
  ],
  [
    'a header inside a detail paragraph is not a new diagnostic',
    'Error: Failed preparing provisioner-block "shell" ""\n\n  on main.pkr.hcl line 9:\n  (source code not available)\n\nmain.pkr.hcl:10,5-9: Unsupported argument;\nError: decoding\n\n',
    [{ severity: 'error', summary: 'Failed preparing provisioner-block "shell" ""', file: 'main.pkr.hcl', line: 9 }],
  ],
];

describe('parseDiagnostics', () => {
  it.each(TABLE)('%s', (_name, text, want) => {
    expect(parseDiagnostics(text)).toEqual(want);
  });

  it('reads CRLF output as LF', () => {
    expect(parseDiagnostics('Error: Bad\r\n\r\n  on x.pkr.hcl line 3:\r\n')).toEqual([
      { severity: 'error', summary: 'Bad', file: 'x.pkr.hcl', line: 3 },
    ]);
  });
});

describe('diagKey', () => {
  it('shows the location only when there is one', () => {
    expect(diagKey({ severity: 'warning', summary: 'W' })).toBe('warning: W');
    expect(diagKey({ severity: 'error', summary: 'E', file: 'a.pkr.hcl', line: 4 })).toBe('error: E @ a.pkr.hcl:4');
  });
});
