import { describe, expect, it } from 'vitest';
import { cacheKeys, isEmpty, listHash, templateRequirements } from '../../src/action/cache-key.js';
import { loadBuilds } from '../../src/cli/load-builds.js';
import { tempTree } from './support/run-action.js';

/*
 * The cache key from a real template: its required_plugins and the ISO fields
 * of the builds it plans. Hashes were computed apart from the code, with
 * `printf '%s\n' LINES... | sha256sum | cut -c1-16`.
 */

const template = `
packer {
  required_plugins {
    qemu = {
      source  = "github.com/hashicorp/qemu"
      version = "~> 1.1"
    }
    docker = {
      source  = "github.com/hashicorp/docker"
      version = ">= 1.0.0"
    }
  }
}
source "qemu" "a" {
  iso_url      = "https://example.com/debian-12.iso"
  iso_checksum = "sha256:abc"
  communicator = "none"
}
source "qemu" "b" {
  iso_urls     = ["https://mirror.one/debian-12.iso", "https://example.com/debian-12.iso"]
  iso_checksum = "sha256:abc"
  communicator = "none"
}
source "null" "n" {
  communicator = "none"
}
build {
  sources = ["source.qemu.a", "source.qemu.b", "source.null.n"]
}
build {
  name    = "again"
  sources = ["source.qemu.a"]
}
`;

async function requirements(only: string[] = []) {
  const dir = tempTree({ 't.pkr.hcl': template });
  const loaded = await loadBuilds({
    path: dir,
    cwd: dir,
    env: {},
    vars: [],
    varFiles: [],
    warnOnUndeclaredVar: false,
    only,
    except: [],
    executeDatasources: false,
  });
  expect(loaded.ok).toBe(true);
  return templateRequirements(loaded.config?.requiredPlugins ?? [], loaded.builds);
}

describe('the cache key', () => {
  it('lists the required plugins and the ISO downloads of the planned builds, sorted and once each', async () => {
    const req = await requirements();
    expect(req).toEqual({
      plugins: ['github.com/hashicorp/docker >= 1.0.0', 'github.com/hashicorp/qemu ~> 1.1'],
      downloads: [
        '["https://example.com/debian-12.iso","sha256:abc"]',
        '["https://mirror.one/debian-12.iso","sha256:abc"]',
      ],
    });
    expect(cacheKeys(req, 'linux', 'x64')).toEqual({
      key: 'kiln-linux-x64-d6ab05788bf3bc09-0dd16f0085f2f900',
      restoreKeys: ['kiln-linux-x64-d6ab05788bf3bc09-', 'kiln-linux-x64-'],
    });
  });

  it('takes only the builds that run (only), and the OS and architecture', async () => {
    const req = await requirements(['null.n']);
    expect(req.downloads).toEqual([]);
    expect(cacheKeys(req, 'darwin', 'arm64').key).toBe('kiln-darwin-arm64-d6ab05788bf3bc09-e3b0c44298fc1c14');
  });

  it.each([
    [[], 'e3b0c44298fc1c14'],
    [['github.com/hashicorp/docker >= 1.0.0'], 'b421a3a9479a67d5'],
    [['github.com/hashicorp/docker >= 1.1.0'], '1b30983c3e468341'],
  ])('hashes %j as %s', (lines, hash) => {
    expect(listHash(lines)).toBe(hash);
  });

  it('is empty when the template requires nothing', () => {
    expect(isEmpty(templateRequirements([], []))).toBe(true);
    expect(isEmpty({ plugins: [], downloads: ['x'] })).toBe(false);
  });
});
