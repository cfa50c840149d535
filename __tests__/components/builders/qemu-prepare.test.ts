import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareBlock } from '../helpers.js';

/* builder/qemu Config.Prepare checks, with the plugin's messages and order. */

const dir = mkdtempSync(join(tmpdir(), 'kiln-qemu-'));
writeFileSync(join(dir, 'ks.cfg'), 'text\n');
const out = join(dir, 'absent-output');

const HOST_PORT_WARNING =
  'ssh_host_port_min is deprecated and is being replaced by host_port_min. Please, update your template to use host_port_min. In future versions of Packer, inclusion of ssh_host_port_min will error your builds.';

describe.each<[string, string, string[], string[]]>([
  [
    'every check of the disk, media, HTTP and VNC settings',
    `source "qemu" "x" {
  disk_size = "10 GB"
  floppy_files = ["nope.txt", "a[.txt", "${dir}/*.cfg"]
  floppy_dirs = ["[]"]
  cd_files = ["nope.iso"]
  boot_command = ["<enter>"]
  boot_steps = [["<enter>"]]
  disable_vnc = true
  iso_url = "a.iso"
  iso_urls = ["b.iso"]
  http_port_min = 9500
  http_interface = "eth0"
  http_bind_address = "1.2.3.4"
  http_network_protocol = "udp"
  ssh_host_port_min = 5000
  communicator = "none"
  format = "vmdk"
  use_backing_file = true
  skip_resize_disk = true
  accelerator = "fast"
  disk_interface = "nvme"
  disk_cache = "x"
  disk_discard = "x"
  disk_detect_zeroes = "x"
  cpus = -1
  threads = -2
  vnc_port_min = 100
  vnc_port_max = 70000
  output_directory = "${dir}"
}`,
    [
      'Invalid disk size.',
      "Bad Floppy disk file 'nope.txt': stat nope.txt: no such file or directory",
      "Bad Floppy disk file 'a[.txt': syntax error in pattern",
      "Bad Floppy disk directory '[]': syntax error in pattern",
      "Bad CD disk file 'nope.iso': stat nope.iso: no such file or directory",
      'A boot command cannot be used when vnc is disabled.',
      'Only one of iso_url or iso_urls must be specified',
      'either http_interface or http_bind_address can be specified',
      'http_port_min must be less than http_port_max',
      'http_network_protocol is invalid. Must be one of: [tcp tcp4 tcp6 unix unixpacket]',
      'host_port_min must be less than host_port_max',
      "invalid format, only 'qcow2' or 'raw' are allowed",
      'use_backing_file can only be enabled for QCOW2 images and when disk_image is true',
      'skip_resize_disk can only be used when disk_image is true',
      "invalid accelerator, only 'kvm', 'tcg', 'xen', 'hax', 'hvf', 'whpx', or 'none' are allowed",
      'unrecognized disk interface type',
      'unrecognized disk cache type',
      'unrecognized disk discard type',
      'unrecognized disk detect zeroes setting',
      'cpus must be a positive number',
      'threads must be a positive number',
      `Output directory '${dir}' already exists. It must not exist.`,
      'vnc_port_min cannot be below 5900',
      'vmc_port_min and vnc_port_max must both be below 65535 to be valid TCP ports',
      'boot_command and boot_steps cannot be used together',
    ],
    [HOST_PORT_WARNING],
  ],
  [
    'no ISO, missing SSH user, VNC ports reversed',
    `source "qemu" "x" {\n  output_directory = "${out}"\n  vnc_port_min = 6100\n}`,
    [
      'One of iso_url or iso_urls must be specified',
      'An ssh_username must be specified\n  Note: some builders used to default ssh_username to "root".',
      'vnc_port_min must be less than vnc_port_max',
    ],
    [],
  ],
  [
    'checksum none warns; forced build may reuse the output directory',
    `source "qemu" "x" {\n  iso_url = "a.iso"\n  iso_checksum = "none"\n  communicator = "none"\n  output_directory = "${dir}"\n  packer_force = true\n}`,
    [],
    ["A checksum of 'none' was specified. Since ISO files are so big,\na checksum is highly recommended."],
  ],
  [
    'an empty checksum is an error unless the ISO is not cached',
    `source "qemu" "x" {\n  iso_urls = ["a.iso"]\n  communicator = "none"\n  output_directory = "${out}"\n  host_port_min = -5\n}`,
    ['A checksum must be specified', 'host_port_min must be positive'],
    [],
  ],
  [
    'valid disk image build',
    `source "qemu" "x" {\n  iso_url = "a.img"\n  iso_skip_cache = true\n  disk_image = true\n  use_backing_file = true\n  skip_resize_disk = true\n  disk_size = "20G"\n  ssh_username = "u"\n  output_directory = "${out}"\n  floppy_files = ["${dir}/ks.cfg", "${dir}/*.nothing"]\n}`,
    [],
    ["A checksum of 'none' was specified. Since ISO files are so big,\na checksum is highly recommended."],
  ],
])('%s', (_name, src, errors, warnings) => {
  it("returns the plugin's messages in its order", () => {
    expect(prepareBlock('builder', src).result).toEqual({ errors, warnings });
  });
});
