import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { filesystemFunctions } from '../../../src/eval/functions/filesystem.js';
import { StringType } from '../../../src/eval/types.js';
import { Value } from '../../../src/eval/value.js';
import { callFailed, evaluator } from './packer-eval.js';

/*
 * A tree like the documentation's fileset example, plus odd files:
 *   build-linux.pkr.hcl  bin.dat (not UTF-8)  .hidden/x  link -> linux/files
 *   linux/files/{hello,world}.txt  linux/scripts/script-{1-install,2-setup}.sh
 *   sub/a.txt  sub/b.md  sub/deep/er/f.txt
 */
let dir: string;
let fs: ReturnType<typeof evaluator>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiln-fs-'));
  const files: Record<string, string> = {
    'build-linux.pkr.hcl': 'build {}\n',
    '.hidden/x': '',
    'linux/files/hello.txt': 'Hello World',
    'linux/files/world.txt': 'world\n',
    'linux/scripts/script-1-install.sh': '',
    'linux/scripts/script-2-setup.sh': '',
    'sub/a.txt': '',
    'sub/b.md': '',
    'sub/deep/er/f.txt': '',
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  writeFileSync(join(dir, 'bin.dat'), Buffer.from([0xff, 0x00]));
  symlinkSync('linux/files', join(dir, 'link'));
  fs = evaluator(filesystemFunctions(dir));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const set = (...items: string[]): Value => Value.set(items.map(Value.string), StringType);

describe('basename, dirname, abspath, pathexpand', () => {
  test.each([
    ['basename("foo/bar/baz.txt")', 'baz.txt'], // documentation
    ['basename("")', '.'],
    ['basename("/")', '/'],
    ['basename("a/b/")', 'b'],
    ['dirname("foo/bar/baz.txt")', 'foo/bar'], // documentation
    ['dirname("")', '.'],
    ['dirname("a/")', 'a'],
    ['dirname("/a")', '/'],
    ['dirname("a//b/../c")', 'a'],
    ['pathexpand("/etc/resolv.conf")', '/etc/resolv.conf'], // documentation
    ['pathexpand("relative/~")', 'relative/~'],
  ])('%s = %j', (src, want) => {
    expect(fs.str(src)).toBe(want);
  });

  test('abspath resolves against the working directory, not the template directory', () => {
    expect(fs.str('abspath("a/../b")')).toBe(resolve('b'));
    expect(fs.str('abspath("/x/./y/")')).toBe('/x/y');
  });

  test('pathexpand expands ~ to the home directory', () => {
    const home = process.env.HOME || homedir();
    expect(fs.str('pathexpand("~/.ssh/id_rsa")')).toBe(`${home}/.ssh/id_rsa`); // documentation
    expect(fs.str('pathexpand("~")')).toBe(home);
    expect(fs.errorOf('pathexpand("~bob/x")')).toBe(callFailed('pathexpand', 'cannot expand user-specific home dir'));
  });
});

describe('file, filebase64, fileexists', () => {
  test('file reads relative to the template directory (documentation example)', () => {
    expect(fs.str('file("linux/files/hello.txt")')).toBe('Hello World');
    expect(fs.str(`file("${dir}/linux/files/world.txt")`)).toBe('world\n');
  });

  test('file errors', () => {
    expect(fs.errorOf('file("bin.dat")')).toBe(
      callFailed(
        'file',
        'contents of bin.dat are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead',
      ),
    );
    expect(fs.errorOf('file("nope/../missing")')).toBe(callFailed('file', `no file exists at ${dir}/missing`));
    expect(fs.errorOf('file("linux")')).toBe(callFailed('file', `failed to read ${dir}/linux`));
  });

  test('filebase64 reads the path as given (Packer does not use the template directory)', () => {
    expect(fs.str(`filebase64("${dir}/linux/files/hello.txt")`)).toBe('SGVsbG8gV29ybGQ='); // documentation
    expect(fs.str(`filebase64("${dir}/bin.dat")`)).toBe('/wA=');
    expect(fs.errorOf('filebase64("linux/files/hello.txt")')).toBe(
      callFailed(
        'filebase64',
        'failed to read file "linux/files/hello.txt": open linux/files/hello.txt: no such file or directory',
      ),
    );
    expect(fs.errorOf(`filebase64("${dir}/linux")`)).toBe(
      callFailed('filebase64', `failed to read file "${dir}/linux": read ${dir}/linux: is a directory`),
    );
  });

  test('fileexists', () => {
    expect(fs.value('fileexists("linux/files/hello.txt")').asBool()).toBe(true); // documentation
    expect(fs.value('fileexists("link/hello.txt")').asBool()).toBe(true);
    expect(fs.value('fileexists("nope")').asBool()).toBe(false);
    expect(fs.errorOf('fileexists("linux")')).toBe(
      callFailed('fileexists', `${dir}/linux is not a regular file, but "drwxr-xr-x"`),
    );
    expect(fs.errorOf('fileexists("build-linux.pkr.hcl/x")')).toBe(
      callFailed('fileexists', `failed to stat ${dir}/build-linux.pkr.hcl/x`),
    );
  });

  test('fileexists reports the mode of special files', () => {
    chmodSync(join(dir, 'sub/deep'), 0o1750);
    try {
      expect(fs.errorOf('fileexists("sub/deep")')).toBe(
        callFailed('fileexists', `${dir}/sub/deep is not a regular file, but "dtrwxr-x---"`),
      );
    } finally {
      chmodSync(join(dir, 'sub/deep'), 0o755);
    }
    expect(fs.errorOf('fileexists("/dev/null")')).toBe(
      callFailed('fileexists', '/dev/null is not a regular file, but "Dcrw-rw-rw-"'),
    );
  });
});

describe('fileset', () => {
  test.each([
    // Documentation examples (pkr-consul tree).
    ['".", "*"', ['bin.dat', 'build-linux.pkr.hcl']],
    ['".", "linux/scripts/*"', ['linux/scripts/script-1-install.sh', 'linux/scripts/script-2-setup.sh']],
    ['"linux", "files/{hello,world}.txt"', ['files/hello.txt', 'files/world.txt']],
    ['"./linux/files", "*"', ['hello.txt', 'world.txt']],
    [
      '"./linux", "**"',
      ['files/hello.txt', 'files/world.txt', 'scripts/script-1-install.sh', 'scripts/script-2-setup.sh'],
    ],
    // Checked against Packer: hidden files, symlinked directories, classes, "..".
    [
      '".", "**"',
      [
        '.hidden/x',
        'bin.dat',
        'build-linux.pkr.hcl',
        'link/hello.txt',
        'link/world.txt',
        'linux/files/hello.txt',
        'linux/files/world.txt',
        'linux/scripts/script-1-install.sh',
        'linux/scripts/script-2-setup.sh',
        'sub/a.txt',
        'sub/b.md',
        'sub/deep/er/f.txt',
      ],
    ],
    [
      '".", "**/*.txt"',
      [
        'link/hello.txt',
        'link/world.txt',
        'linux/files/hello.txt',
        'linux/files/world.txt',
        'sub/a.txt',
        'sub/deep/er/f.txt',
      ],
    ],
    ['".", "sub/**/f.txt"', ['sub/deep/er/f.txt']],
    ['".", "[ab]*"', ['bin.dat', 'build-linux.pkr.hcl']],
    ['"sub", "[^a]*"', ['b.md']],
    ['"sub", "?.txt"', ['a.txt']],
    ['"sub", "[a-c].*"', ['a.txt', 'b.md']],
    ['".", "link/*"', ['link/hello.txt', 'link/world.txt']],
    ['"sub", "../linux/*/*.txt"', ['../linux/files/hello.txt', '../linux/files/world.txt']],
    ['".", "{sub/a,linux/files/hello}.txt"', ['linux/files/hello.txt', 'sub/a.txt']],
    ['".", "sub/\\\\a.txt"', ['sub/a.txt']],
    ['"nope", "*"', []],
    ['".", "linux"', []], // directories are not files
  ])('fileset(%s)', (args, want) => {
    fs.expectValue(`fileset(${args})`, set(...want));
  });

  test('an absolute path', () => {
    fs.expectValue(`fileset("${dir}/sub", "*.md")`, set('b.md'));
  });

  test.each(['[', '{a', 'sub/[a-]', 'sub/[]'])('a malformed pattern %j fails', (pattern) => {
    expect(fs.errorOf(`fileset(".", "${pattern}")`)).toBe(
      callFailed('fileset', `failed to glob pattern (${join(dir, pattern)}): syntax error in pattern`),
    );
  });
});
