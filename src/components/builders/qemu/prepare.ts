import { statSync } from 'node:fs';
import { prepareCommunicator } from '../../common/communicator.prepare.js';
import { checkHttpServer } from '../../common/http.prepare.js';
import { checkIso } from '../../common/iso.prepare.js';
import { checkCd, checkFloppy } from '../../common/media-files.prepare.js';
import { PrepareErrors, type PrepareResult } from '../../schema/index.js';
import type { QemuConfig } from './schema.js';

/*
 * builder/qemu Config.Prepare of packer-plugin-qemu: its checks, order and
 * messages. Not here: parsing boot_command (its grammar errors) and fetching
 * or parsing iso_checksum, which Kiln leaves to the build.
 */

const ACCELERATORS = ['none', 'kvm', 'tcg', 'xen', 'hax', 'hvf', 'whpx'];
const DISK_INTERFACES = ['ide', 'sata', 'scsi', 'sd', 'virtio', 'virtio-scsi'];
const DISK_CACHES = ['writethrough', 'writeback', 'none', 'unsafe', 'directsync'];
const DISK_DISCARDS = ['unmap', 'ignore'];
const DETECT_ZEROES = ['unmap', 'on', 'off'];

export function prepareQemu(c: QemuConfig): PrepareResult {
  const out = new PrepareErrors();
  const diskSize = c.disk_size ?? '';
  if (diskSize !== '' && diskSize !== '0' && !/^\d+[bkmgt]?$/.test(diskSize.toLowerCase())) {
    out.error('Invalid disk size.');
  }
  checkFloppy(c, out);
  checkCd(c, out);
  if ((c.boot_command ?? []).length > 0 && c.disable_vnc) {
    out.error('A boot command cannot be used when vnc is disabled.');
  }
  checkIso(c, c.iso_skip_cache ? 'none' : (c.iso_checksum ?? ''), out);
  checkHttpServer(c, out);
  checkHostPorts(c, out);
  checkDisk(c, out);
  checkMachine(c, out);
  return out.result();
}

/** The qemu CommConfig: deprecated port names, the communicator, the forwarded port range. */
function checkHostPorts(c: QemuConfig, out: PrepareErrors): void {
  for (const name of ['min', 'max'] as const) {
    if (c[`ssh_host_port_${name}`]) {
      out.warn(
        `ssh_host_port_${name} is deprecated and is being replaced by host_port_${name}. Please, update your ` +
          `template to use host_port_${name}. In future versions of Packer, inclusion of ssh_host_port_${name} will error your builds.`,
      );
    }
  }
  for (const e of prepareCommunicator(c)) out.error(e);
  const min = c.ssh_host_port_min || c.host_port_min || 2222;
  const max = c.ssh_host_port_max || c.host_port_max || 4444;
  if (min > max) out.error('host_port_min must be less than host_port_max');
  if (min < 0) out.error('host_port_min must be positive');
}

function checkDisk(c: QemuConfig, out: PrepareErrors): void {
  const format = c.format || 'qcow2';
  if (format !== 'qcow2' && format !== 'raw') out.error("invalid format, only 'qcow2' or 'raw' are allowed");
  if (c.use_backing_file && !(c.disk_image && format === 'qcow2')) {
    out.error('use_backing_file can only be enabled for QCOW2 images and when disk_image is true');
  }
  if (c.skip_resize_disk && !c.disk_image) out.error('skip_resize_disk can only be used when disk_image is true');
  // Left empty, the accelerator is detected (kvm or tcg), which is always valid.
  if (c.accelerator && !ACCELERATORS.includes(c.accelerator)) {
    out.error("invalid accelerator, only 'kvm', 'tcg', 'xen', 'hax', 'hvf', 'whpx', or 'none' are allowed");
  }
  if (!DISK_INTERFACES.includes(c.disk_interface || 'virtio')) out.error('unrecognized disk interface type');
  if (!DISK_CACHES.includes(c.disk_cache || 'writeback')) out.error('unrecognized disk cache type');
  if (!DISK_DISCARDS.includes(c.disk_discard || 'ignore')) out.error('unrecognized disk discard type');
  if (!DETECT_ZEROES.includes(c.disk_detect_zeroes || 'off')) out.error('unrecognized disk detect zeroes setting');
}

function checkMachine(c: QemuConfig, out: PrepareErrors): void {
  for (const name of ['cpus', 'sockets', 'cores', 'threads'] as const) {
    if ((c[name] ?? 0) < 0) out.error(`${name} must be a positive number`);
  }
  const outputDir = c.output_directory || `output-${c.packer_build_name ?? ''}`;
  if (!c.packer_force && exists(outputDir)) {
    out.error(`Output directory '${outputDir}' already exists. It must not exist.`);
  }
  const vncMin = c.vnc_port_min || 5900;
  const vncMax = c.vnc_port_max || 6000;
  if (vncMin < 5900) out.error('vnc_port_min cannot be below 5900');
  if (vncMin > 65535 || vncMax > 65535) {
    out.error('vmc_port_min and vnc_port_max must both be below 65535 to be valid TCP ports');
  }
  if (vncMin > vncMax) out.error('vnc_port_min must be less than vnc_port_max');
  if (c.net_bridge && process.platform !== 'linux') out.error('net_bridge is only supported in Linux based OSes');
  if ((c.boot_command ?? []).length > 0 && (c.boot_steps ?? []).length > 0) {
    out.error('boot_command and boot_steps cannot be used together');
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
