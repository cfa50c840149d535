import { z } from 'zod';
import { communicatorFields } from '../../common/communicator.schema.js';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { block, defineComponent, duration } from '../../schema/index.js';
import { prepareQemu } from './prepare.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** Fields of QemuImgArgs in hashicorp/packer-plugin-qemu builder/qemu. */
const qemuImgArgsFields = {
  convert: z.array(z.string()).optional().describe('Extra arguments for `qemu-img convert`.'),
  create: z.array(z.string()).optional().describe('Extra arguments for `qemu-img create`.'),
  resize: z.array(z.string()).optional().describe('Extra arguments for `qemu-img resize`.'),
};

/** The builder "qemu": the HCL fields of hashicorp/packer-plugin-qemu builder/qemu. */
export const qemuFields = {
  ...packerCoreFields,
  ...communicatorFields,
  http_directory: z.string().optional().describe('Local directory served over HTTP to the guest during boot.'),
  http_content: z
    .record(z.string(), z.string())
    .optional()
    .describe('Files served over HTTP to the guest, by URL path, with their contents.'),
  http_port_min: z.number().optional().describe('Lowest port the boot HTTP server may listen on; default 8000.'),
  http_port_max: z.number().optional().describe('Highest port the boot HTTP server may listen on; default 9000.'),
  http_bind_address: z.string().optional().describe('Address the boot HTTP server listens on; default 0.0.0.0.'),
  http_interface: z.string().optional().describe('Network interface whose address the boot HTTP server listens on.'),
  http_network_protocol: z
    .string()
    .optional()
    .describe('Network of the boot HTTP server: tcp (default), tcp4, tcp6, unix or unixpacket.'),
  iso_checksum: z.string().optional().describe('Checksum of the ISO as type:value, a checksum file URL, or "none".'),
  iso_url: z.string().optional().describe('URL or path of the ISO (or disk image) to boot from.'),
  iso_urls: z.array(z.string()).optional().describe('Several URLs for the ISO, tried in order.'),
  iso_target_path: z.string().optional().describe('Where the downloaded ISO is stored; default the Packer cache.'),
  iso_target_extension: z.string().optional().describe('File extension of the downloaded ISO; default iso.'),
  boot_keygroup_interval: duration().optional().describe('Pause after each group of keys typed by boot_command.'),
  boot_wait: duration().optional().describe('Wait after starting the VM before typing boot_command; default 10s.'),
  boot_command: z
    .array(z.string())
    .optional()
    .describe("Keystrokes typed into the VM console at boot, in Packer's boot command syntax."),
  disable_vnc: z.boolean().optional().describe('Start the VM without a VNC server; then boot_command cannot be used.'),
  boot_key_interval: duration().optional().describe('Pause between two keys typed by boot_command.'),
  shutdown_command: z
    .string()
    .optional()
    .describe('Command run in the guest to shut it down at the end; the VM is killed when empty.'),
  shutdown_timeout: duration()
    .optional()
    .describe('How long to wait for the VM to stop after shutdown_command; default 5m.'),
  host_port_min: z
    .number()
    .optional()
    .describe("Lowest host port forwarded to the guest's SSH or WinRM port; default 2222."),
  host_port_max: z
    .number()
    .optional()
    .describe("Highest host port forwarded to the guest's SSH or WinRM port; default 4444."),
  skip_nat_mapping: z
    .boolean()
    .optional()
    .describe('Connect straight to the guest instead of through a forwarded host port.'),
  ssh_host_port_min: z.number().optional().describe('Older name for host_port_min.'),
  ssh_host_port_max: z.number().optional().describe('Older name for host_port_max.'),
  floppy_files: z
    .array(z.string())
    .optional()
    .describe('Files (or glob patterns) copied onto a floppy image attached at boot.'),
  floppy_dirs: z
    .array(z.string())
    .optional()
    .describe('Directories copied, with their contents, onto the floppy image.'),
  floppy_content: z
    .record(z.string(), z.string())
    .optional()
    .describe('Files written onto the floppy image, by path, with their contents.'),
  floppy_label: z.string().optional().describe('Volume label of the floppy image; default "packer".'),
  cd_files: z.array(z.string()).optional().describe('Files (or glob patterns) put on a CD image attached at boot.'),
  cd_content: z
    .record(z.string(), z.string())
    .optional()
    .describe('Files written onto the CD image, by path, with their contents.'),
  cd_label: z.string().optional().describe('Volume label of the CD image.'),
  cpus: z.number().optional().describe('Number of virtual CPUs.'),
  sockets: z.number().optional().describe('Number of CPU sockets.'),
  cores: z.number().optional().describe('Number of cores per socket.'),
  threads: z.number().optional().describe('Number of threads per core.'),
  efi_boot: z.boolean().optional().describe('Use UEFI firmware rather than BIOS to boot the VM.'),
  efi_firmware_code: z
    .string()
    .optional()
    .describe('Path of the OVMF code file for UEFI boot; default /usr/share/OVMF/OVMF_CODE.fd.'),
  efi_firmware_vars: z
    .string()
    .optional()
    .describe('Path of the OVMF variables file for UEFI boot; default /usr/share/OVMF/OVMF_VARS.fd.'),
  efi_drop_efivars: z.boolean().optional().describe('Leave the UEFI variables file out of the output.'),
  iso_skip_cache: z
    .boolean()
    .optional()
    .describe('Let QEMU read the ISO from its URL instead of downloading it first.'),
  accelerator: z
    .string()
    .optional()
    .describe('Acceleration: kvm, tcg, xen, hax, hvf, whpx or none; kvm when available, else tcg.'),
  disk_additional_size: z.array(z.string()).optional().describe('Sizes of extra disks to create, such as 10G.'),
  firmware: z.string().optional().describe('Path of a firmware file for QEMU.'),
  use_pflash: z
    .boolean()
    .optional()
    .describe('Attach the firmware as a pflash drive instead of passing it with -bios.'),
  disk_interface: z.string().optional().describe('Disk bus: virtio (default), ide, sata, scsi, sd or virtio-scsi.'),
  disk_size: z
    .string()
    .optional()
    .describe('Size of the main disk, a number with an optional b, k, m, g or t unit; default 40960M.'),
  skip_resize_disk: z.boolean().optional().describe('Keep the size of the disk image as it is; only with disk_image.'),
  disk_cache: z
    .string()
    .optional()
    .describe('Cache mode of the disk: writeback (default), writethrough, none, unsafe or directsync.'),
  disk_discard: z.string().optional().describe('Discard mode of the disk: ignore (default) or unmap.'),
  disk_detect_zeroes: z.string().optional().describe('Zero detection on the disk: off (default), on or unmap.'),
  skip_compaction: z.boolean().optional().describe('Do not compact the qcow2 image at the end.'),
  disk_compression: z.boolean().optional().describe('Compress the qcow2 image at the end.'),
  format: z.string().optional().describe('Output image format: qcow2 (default) or raw.'),
  headless: z.boolean().optional().describe('Run without a console window.'),
  disk_image: z.boolean().optional().describe('iso_url points to a bootable disk image rather than an installer ISO.'),
  use_backing_file: z
    .boolean()
    .optional()
    .describe('Make the output a qcow2 overlay on the source image instead of a copy.'),
  machine_type: z.string().optional().describe('QEMU machine type; default pc.'),
  memory: z.number().optional().describe('Memory of the VM in MiB; default 512.'),
  net_device: z.string().optional().describe('Network card model; default virtio-net.'),
  net_bridge: z
    .string()
    .optional()
    .describe('Host bridge to attach the network to instead of user-mode networking (Linux only).'),
  output_directory: z
    .string()
    .optional()
    .describe('Directory for the resulting image; must not exist yet; default output-<build name>.'),
  qemuargs: z
    .array(z.array(z.string()))
    .optional()
    .describe('Extra QEMU command-line arguments, each a list of strings.'),
  qemu_img_args: block(qemuImgArgsFields).describe('Extra arguments for the qemu-img steps.'),
  qemu_binary: z.string().optional().describe('QEMU program to run; default qemu-system-x86_64.'),
  qmp_enable: z.boolean().optional().describe('Open a QMP monitor socket.'),
  qmp_socket_path: z.string().optional().describe('Path of the QMP socket; default in the output directory.'),
  use_default_display: z.boolean().optional().describe('Leave the -display option out and let QEMU choose.'),
  vga: z.string().optional().describe('Emulated graphics card, such as std, virtio or qxl.'),
  display: z.string().optional().describe("Value of QEMU's -display option."),
  vnc_bind_address: z.string().optional().describe('Address the VNC server listens on; default 127.0.0.1.'),
  vnc_use_password: z.boolean().optional().describe('Protect the VNC server with a password.'),
  vnc_password: z.string().optional().describe('VNC password; random when vnc_use_password is set and this is empty.'),
  vnc_port_min: z.number().optional().describe('Lowest VNC port; default 5900.'),
  vnc_port_max: z.number().optional().describe('Highest VNC port; default 6000.'),
  vm_name: z.string().optional().describe('File name of the output image; default packer-<build name>.'),
  cdrom_interface: z.string().optional().describe('Bus of the CD-ROM drive holding the ISO.'),
  vtpm: z.boolean().optional().describe('Give the VM an emulated TPM.'),
  use_tpm1: z.boolean().optional().describe('Emulate a TPM 1.2 instead of 2.0.'),
  tpm_device_type: z.string().optional().describe('QEMU TPM device model; default tpm-tis.'),
  boot_steps: z
    .array(z.array(z.string()))
    .optional()
    .describe('Boot keystrokes as steps, each a command and an optional description.'),
  cpu_model: z.string().optional().describe('CPU model QEMU emulates, such as host.'),
  run_once: z.boolean().optional().describe('Unused; accepted so that older templates still load.'),
};

export type QemuConfig = z.output<z.ZodObject<typeof qemuFields>>;

export const qemuSpec = defineComponent({
  kind: 'builder',
  type: 'qemu',
  fields: qemuFields,
  interpolate: { exclude: ['boot_command', 'qemuargs'] },
  prepare: prepareQemu,
});
