import { z } from 'zod';
import { communicatorFields } from '../../common/communicator.schema.js';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { block, defineComponent, duration } from '../../schema/index.js';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** Fields of QemuImgArgs in hashicorp/packer-plugin-qemu builder/qemu. */
const qemuImgArgsFields = {
  convert: z.array(z.string()).optional(),
  create: z.array(z.string()).optional(),
  resize: z.array(z.string()).optional(),
};

/** The builder "qemu": the HCL fields of hashicorp/packer-plugin-qemu builder/qemu. */
export const qemuFields = {
  ...packerCoreFields,
  ...communicatorFields,
  http_directory: z.string().optional().describe('Path to a directory to serve using an HTTP server.'),
  http_content: z.record(z.string(), z.string()).optional().describe('Key/Values to serve using an HTTP server.'),
  http_port_min: z
    .number()
    .optional()
    .describe(
      'These are the minimum and maximum port to use for the HTTP server started to serve the `http_directory`.',
    ),
  http_port_max: z.number().optional(),
  http_bind_address: z.string().optional().describe('This is the bind address for the HTTP server.'),
  http_interface: z.string().optional().describe('This is the bind interface for the HTTP server.'),
  http_network_protocol: z.string().optional().describe('Defines the HTTP Network protocol.'),
  iso_checksum: z.string().optional().describe('The checksum for the ISO file or virtual hard drive file.'),
  iso_url: z
    .string()
    .optional()
    .describe('A URL to the ISO containing the installation image or virtual hard drive (VHD or VHDX) file to clone.'),
  iso_urls: z.array(z.string()).optional().describe('Multiple URLs for the ISO to download.'),
  iso_target_path: z.string().optional().describe('The path where the iso should be saved after download.'),
  iso_target_extension: z.string().optional().describe('The extension of the iso file after download.'),
  boot_keygroup_interval: duration().optional().describe('Time to wait after sending a group of key pressses.'),
  boot_wait: duration()
    .optional()
    .describe('The time to wait after booting the initial virtual machine before typing the `boot_command`.'),
  boot_command: z
    .array(z.string())
    .optional()
    .describe('This is an array of commands to type when the virtual machine is first booted.'),
  disable_vnc: z.boolean().optional().describe('Whether to create a VNC connection or not.'),
  boot_key_interval: duration().optional().describe('Time in ms to wait between each key press'),
  shutdown_command: z
    .string()
    .optional()
    .describe('The command to use to gracefully shut down the machine once all provisioning is complete.'),
  shutdown_timeout: duration()
    .optional()
    .describe(
      'The amount of time to wait after executing the shutdown_command for the virtual machine to actually shut down.',
    ),
  host_port_min: z
    .number()
    .optional()
    .describe(
      'The minimum port to use for the Communicator port on the host machine which is forwarded to the SSH or WinRM port on the guest machine.',
    ),
  host_port_max: z
    .number()
    .optional()
    .describe(
      'The maximum port to use for the Communicator port on the host machine which is forwarded to the SSH or WinRM port on the guest machine.',
    ),
  skip_nat_mapping: z.boolean().optional().describe('Defaults to false.'),
  ssh_host_port_min: z
    .number()
    .optional()
    .describe('These are deprecated, but we keep them around for backwards compatibility TODO: remove later'),
  ssh_host_port_max: z.number().optional().describe('TODO: remove later'),
  floppy_files: z
    .array(z.string())
    .optional()
    .describe('A list of files to place onto a floppy disk that is attached when the VM is booted.'),
  floppy_dirs: z
    .array(z.string())
    .optional()
    .describe('A list of directories to place onto the floppy disk recursively.'),
  floppy_content: z.record(z.string(), z.string()).optional().describe('Key/Values to add to the floppy disk.'),
  floppy_label: z.string().optional(),
  cd_files: z
    .array(z.string())
    .optional()
    .describe('A list of files to place onto a CD that is attached when the VM is booted.'),
  cd_content: z.record(z.string(), z.string()).optional().describe('Key/Values to add to the CD.'),
  cd_label: z.string().optional(),
  cpus: z.number().optional().describe('The number of virtual cpus to use when building the VM.'),
  sockets: z.number().optional().describe('The number of sockets to use when building the VM.'),
  cores: z.number().optional().describe('The number of cores per CPU to use when building the VM.'),
  threads: z.number().optional().describe('The number of threads per core to use when building the VM.'),
  efi_boot: z.boolean().optional().describe('Boot in EFI mode instead of BIOS.'),
  efi_firmware_code: z
    .string()
    .optional()
    .describe(
      'Path to the CODE part of OVMF (or other compatible firmwares) The OVMF_CODE.fd file contains the bootstrap code for booting in EFI mode, and requires a separate VARS.fd file to be able to persist data between boot …',
    ),
  efi_firmware_vars: z.string().optional().describe('Path to the VARS corresponding to the OVMF code file.'),
  efi_drop_efivars: z.boolean().optional().describe('Drop the efivars.fd file in the exported artifact.'),
  iso_skip_cache: z.boolean().optional().describe('Use iso from provided url.'),
  accelerator: z.string().optional().describe('The accelerator type to use when running the VM.'),
  disk_additional_size: z.array(z.string()).optional().describe('Additional disks to create.'),
  firmware: z.string().optional().describe('The firmware file to be used by QEMU.'),
  use_pflash: z
    .boolean()
    .optional()
    .describe('If a firmware file option was provided, this option can be used to change how qemu will get it.'),
  disk_interface: z.string().optional().describe('The interface to use for the disk.'),
  disk_size: z.string().optional().describe('The size in bytes of the hard disk of the VM.'),
  skip_resize_disk: z.boolean().optional().describe('Packer resizes the QCOW2 image using qemu-img resize.'),
  disk_cache: z.string().optional().describe('The cache mode to use for disk.'),
  disk_discard: z.string().optional().describe('The discard mode to use for disk.'),
  disk_detect_zeroes: z.string().optional().describe('The detect-zeroes mode to use for disk.'),
  skip_compaction: z.boolean().optional().describe('Packer compacts the QCOW2 image using qemu-img convert.'),
  disk_compression: z.boolean().optional().describe('Apply compression to the QCOW2 disk file using qemu-img convert.'),
  format: z
    .string()
    .optional()
    .describe('Either `qcow2` or `raw`, this specifies the output format of the virtual machine image.'),
  headless: z
    .boolean()
    .optional()
    .describe(
      'Packer defaults to building QEMU virtual machines by launching a GUI that shows the console of the machine being built.',
    ),
  disk_image: z
    .boolean()
    .optional()
    .describe(
      'Packer defaults to building from an ISO file, this parameter controls whether the ISO URL supplied is actually a bootable QEMU image.',
    ),
  use_backing_file: z
    .boolean()
    .optional()
    .describe(
      'Only applicable when disk_image is true and format is qcow2, set this option to true to create a new QCOW2 file that uses the file located at iso_url as a backing file.',
    ),
  machine_type: z.string().optional().describe('The type of machine emulation to use.'),
  memory: z.number().optional().describe('The amount of memory to use when building the VM in megabytes.'),
  net_device: z.string().optional().describe('The driver to use for the network interface.'),
  net_bridge: z
    .string()
    .optional()
    .describe('Connects the network to this bridge instead of using the user mode networking.'),
  output_directory: z
    .string()
    .optional()
    .describe('This is the path to the directory where the resulting virtual machine will be created.'),
  qemuargs: z
    .array(z.array(z.string()))
    .optional()
    .describe('Allows complete control over the qemu command line (though not qemu-img).'),
  qemu_img_args: block(qemuImgArgsFields).describe(
    'A map of custom arguments to pass to qemu-img commands, where the key is the subcommand, and the values are lists of strings for each flag.',
  ),
  qemu_binary: z.string().optional().describe('The name of the Qemu binary to look for.'),
  qmp_enable: z.boolean().optional().describe('Enable QMP socket.'),
  qmp_socket_path: z.string().optional().describe('QMP Socket Path when `qmp_enable` is true.'),
  use_default_display: z
    .boolean()
    .optional()
    .describe('If true, do not pass a -display option to qemu, allowing it to choose the default.'),
  vga: z.string().optional().describe('The type of VGA card to emulate.'),
  display: z.string().optional().describe('What QEMU -display option to use.'),
  vnc_bind_address: z.string().optional().describe('The IP address that should be binded to for VNC.'),
  vnc_use_password: z.boolean().optional().describe('Whether or not to set a password on the VNC server.'),
  vnc_password: z.string().optional().describe('The password to set when VNCUsePassword == true.'),
  vnc_port_min: z
    .number()
    .optional()
    .describe('The minimum and maximum port to use for VNC access to the virtual machine.'),
  vnc_port_max: z.number().optional(),
  vm_name: z
    .string()
    .optional()
    .describe('This is the name of the image (QCOW2 or IMG) file for the new virtual machine.'),
  cdrom_interface: z
    .string()
    .optional()
    .describe('The interface to use for the CDROM device which contains the ISO image.'),
  vtpm: z.boolean().optional().describe('Use a virtual (emulated) TPM device to expose to the VM.'),
  use_tpm1: z.boolean().optional().describe('Use version 1.2 of the TPM specification for the emulated TPM.'),
  tpm_device_type: z.string().optional().describe('The TPM device type to inject in the qemu command-line'),
  boot_steps: z
    .array(z.array(z.string()))
    .optional()
    .describe('This is an array of tuples of boot commands, to type when the virtual machine is booted.'),
  cpu_model: z
    .string()
    .optional()
    .describe(
      'The CPU model is what will be used by qemu for booting the virtual machine and determine which features of a specific model/family of processors is supported.',
    ),
  run_once: z.boolean().optional().describe('TODO(mitchellh): deprecate'),
};

export type QemuConfig = z.output<z.ZodObject<typeof qemuFields>>;

export const qemuSpec = defineComponent({
  kind: 'builder',
  type: 'qemu',
  fields: qemuFields,
});
