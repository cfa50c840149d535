import { z } from 'zod';
import { amazonAccessFields } from '../../common/amazon-access.schema.js';
import { communicatorFields } from '../../common/communicator.schema.js';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { block, blocks, defineComponent, duration } from '../../schema/index.js';
import { prepareAmazonEbs } from './prepare.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** Fields of KeyValue in hashicorp/packer-plugin-sdk template/config. */
const keyValueFields = {
  key: z.string().optional().describe('Tag key.'),
  value: z.string().optional().describe('Tag value.'),
};

/** Fields of DeregistrationProtectionOptions in hashicorp/packer-plugin-amazon common. */
const deregistrationProtectionOptionsFields = {
  enabled: z.boolean().optional().describe('Protect the AMI from being deregistered.'),
  with_cooldown: z.boolean().optional().describe('Keep the protection for 24 hours after it is turned off.'),
};

/** Fields of Statement in hashicorp/packer-plugin-amazon common. */
const statementFields = {
  Effect: z.string().optional().describe('"Allow" or "Deny".'),
  Action: z.array(z.string()).optional().describe('IAM actions the statement covers.'),
  Resource: z.array(z.string()).optional().describe('ARNs of the resources the statement covers.'),
};

/** Fields of PolicyDocument in hashicorp/packer-plugin-amazon common. */
const policyDocumentFields = {
  Version: z.string().optional().describe('IAM policy language version, such as "2012-10-17".'),
  Statement: blocks(statementFields).describe('One permission statement of the policy.'),
};

/** Fields of NameValue in hashicorp/packer-plugin-sdk template/config. */
const nameValueFields = {
  name: z.string().optional().describe('Name of the filter or tag.'),
  value: z.string().optional().describe('Value of the filter or tag.'),
};

/** Fields of SecurityGroupFilterOptions in hashicorp/packer-plugin-amazon common. */
const securityGroupFilterOptionsFields = {
  filters: z
    .record(z.string(), z.string())
    .optional()
    .describe('EC2 DescribeSecurityGroups filters, by filter name, that pick the security groups.'),
  filter: blocks(nameValueFields).describe(
    'One security group filter as a name/value block; same effect as an entry of `filters`.',
  ),
};

/** Fields of AmiFilterOptions in hashicorp/packer-plugin-amazon common. */
const amiFilterOptionsFields = {
  filters: z
    .record(z.string(), z.string())
    .optional()
    .describe('EC2 DescribeImages filters, by filter name, that pick the source AMI.'),
  owners: z
    .array(z.string())
    .optional()
    .describe('Account IDs or aliases (self, amazon, aws-marketplace) that must own the AMI.'),
  most_recent: z.boolean().optional().describe('When several AMIs match, take the newest instead of failing.'),
  include_deprecated: z.boolean().optional().describe('Let deprecated AMIs match too.'),
};

/** Fields of SubnetFilterOptions in hashicorp/packer-plugin-amazon common. */
const subnetFilterOptionsFields = {
  filters: z
    .record(z.string(), z.string())
    .optional()
    .describe('EC2 DescribeSubnets filters, by filter name, that pick the subnet.'),
  filter: blocks(nameValueFields).describe(
    'One subnet filter as a name/value block; same effect as an entry of `filters`.',
  ),
  most_free: z.boolean().optional().describe('When several subnets match, take the one with the most free addresses.'),
  random: z.boolean().optional().describe('When several subnets match, take one at random.'),
};

/** Fields of LicenseConfigurationRequest in hashicorp/packer-plugin-amazon common. */
const licenseConfigurationRequestFields = {
  license_configuration_arn: z.string().optional().describe('ARN of the License Manager configuration.'),
};

/** Fields of LicenseSpecification in hashicorp/packer-plugin-amazon common. */
const licenseSpecificationFields = {
  license_configuration_request: block(licenseConfigurationRequestFields).describe(
    'The license configuration to attach.',
  ),
};

/** Fields of Placement in hashicorp/packer-plugin-amazon common. */
const placementFields = {
  host_resource_group_arn: z.string().optional().describe('Launch into the host resource group with this ARN.'),
  host_id: z.string().optional().describe('ID of the dedicated host to launch on.'),
  tenancy: z.string().optional().describe('Hardware tenancy of the instance: default, dedicated or host.'),
};

/** Fields of VpcFilterOptions in hashicorp/packer-plugin-amazon common. */
const vpcFilterOptionsFields = {
  filters: z
    .record(z.string(), z.string())
    .optional()
    .describe('EC2 DescribeVpcs filters, by filter name, that pick the VPC; exactly one must match.'),
  filter: blocks(nameValueFields).describe(
    'One VPC filter as a name/value block; same effect as an entry of `filters`.',
  ),
};

/** Fields of MetadataOptions in hashicorp/packer-plugin-amazon common. */
const metadataOptionsFields = {
  http_endpoint: z
    .string()
    .optional()
    .describe('Turn the instance metadata service "enabled" (default) or "disabled".'),
  http_tokens: z
    .string()
    .optional()
    .describe('Whether metadata requests need a session token (IMDSv2): "optional" (default) or "required".'),
  http_put_response_hop_limit: z
    .number()
    .optional()
    .describe('Network hops a metadata token response may travel, 1 to 64; default 1.'),
  instance_metadata_tags: z
    .string()
    .optional()
    .describe('Whether instance tags can be read from metadata: "enabled" or "disabled" (default).'),
};

/** Fields of BlockDevice in hashicorp/packer-plugin-amazon common. */
const blockDeviceFields = {
  delete_on_termination: z.boolean().optional().describe('Delete the volume when the instance terminates.'),
  device_name: z.string().optional().describe('Device name as the instance sees it, such as /dev/sdb; required.'),
  encrypted: z.boolean().optional().describe('Encrypt the volume.'),
  iops: z.number().optional().describe('Provisioned IOPS, for io1, io2 and gp3 volumes.'),
  no_device: z.boolean().optional().describe('Leave this device out of the mapping.'),
  snapshot_id: z.string().optional().describe('Snapshot to create the volume from.'),
  throughput: z.number().optional().describe('Throughput in MiB/s, for gp3 volumes only (125 to 1000).'),
  virtual_name: z.string().optional().describe('Instance store volume to map, such as ephemeral0.'),
  volume_type: z.string().optional().describe('EBS volume type: gp2, gp3, io1, io2, st1, sc1 or standard.'),
  volume_size: z.number().optional().describe('Volume size in GiB.'),
  kms_key_id: z
    .string()
    .optional()
    .describe('KMS key (ID, alias or ARN) that encrypts the volume; needs encrypted = true.'),
};

/** Fields of FastLaunchTemplateConfig in hashicorp/packer-plugin-amazon builder/ebs. */
const fastLaunchTemplateConfigFields = {
  enable_fast_launch: z.boolean().optional().describe('Set false to turn fast launch off in this region.'),
  region: z.string().optional().describe('Region this launch template applies to; required.'),
  template_id: z.string().optional().describe('ID of the launch template for this region.'),
  template_name: z.string().optional().describe('Name of the launch template for this region.'),
  template_version: z.number().optional().describe('Version of the launch template; default its default version.'),
};

/** Fields of FastLaunchConfig in hashicorp/packer-plugin-amazon builder/ebs. */
const fastLaunchConfigFields = {
  enable_fast_launch: z.boolean().optional().describe('Turn on fast launch for the Windows AMI.'),
  template_id: z.string().optional().describe('ID of the launch template used in the build region.'),
  template_name: z.string().optional().describe('Name of the launch template used in the build region.'),
  template_version: z.number().optional().describe('Version of the launch template used in the build region.'),
  region_launch_templates: blocks(fastLaunchTemplateConfigFields).describe(
    'A launch template for one of the regions the AMI is copied to.',
  ),
  max_parallel_launches: z
    .number()
    .optional()
    .describe('Instances launched at once to make the pre-provisioned snapshots; at least 6.'),
  target_resource_count: z.number().optional().describe('How many pre-provisioned snapshots to keep ready.'),
};

/** The builder "amazon-ebs": the HCL fields of hashicorp/packer-plugin-amazon builder/ebs. */
export const amazonEbsFields = {
  ...packerCoreFields,
  ...communicatorFields,
  ...amazonAccessFields,
  ami_name: z
    .string()
    .optional()
    .describe('Name of the AMI to create; 3 to 128 characters, must be unique in the region.'),
  ami_description: z.string().optional().describe('Description of the AMI.'),
  ami_virtualization_type: z.string().optional().describe('Virtualization type of the AMI: hvm or paravirtual.'),
  ami_users: z.array(z.string()).optional().describe('Account IDs allowed to launch the AMI.'),
  ami_groups: z.array(z.string()).optional().describe('Groups allowed to launch the AMI; "all" makes it public.'),
  ami_org_arns: z.array(z.string()).optional().describe('ARNs of AWS Organizations whose accounts may launch the AMI.'),
  ami_ou_arns: z
    .array(z.string())
    .optional()
    .describe('ARNs of organizational units whose accounts may launch the AMI.'),
  ami_product_codes: z.array(z.string()).optional().describe('Product codes attached to the AMI.'),
  ami_regions: z.array(z.string()).optional().describe('Other regions the AMI is copied to.'),
  skip_region_validation: z.boolean().optional().describe('Do not check that the ami_regions exist.'),
  snapshot_copy_duration_minutes: z
    .number()
    .optional()
    .describe('Finish each regional copy within this many minutes (a multiple of 15), as a time-based copy.'),
  tags: z.record(z.string(), z.string()).optional().describe('Tags put on the AMI and its snapshots.'),
  tag: blocks(keyValueFields).describe('One AMI tag as a key/value block; same effect as an entry of `tags`.'),
  ena_support: z.boolean().optional().describe('Turn on ENA enhanced networking on the AMI.'),
  sriov_support: z.boolean().optional().describe('Turn on SR-IOV enhanced networking on the AMI.'),
  force_deregister: z.boolean().optional().describe('Deregister an existing AMI with the same name first.'),
  force_delete_snapshot: z
    .boolean()
    .optional()
    .describe('Also delete the snapshots of an AMI removed by force_deregister.'),
  encrypt_boot: z.boolean().optional().describe("Encrypt the AMI's boot volume."),
  kms_key_id: z
    .string()
    .optional()
    .describe('KMS key (ID, alias or ARN) that encrypts the boot volume; needs encrypt_boot.'),
  region_kms_key_ids: z
    .record(z.string(), z.string())
    .optional()
    .describe('KMS key per copy region, by region name; every ami_regions entry needs one.'),
  skip_save_build_region: z.boolean().optional().describe('Do not keep an AMI in the build region, only the copies.'),
  imds_support: z.string().optional().describe('Set to "v2.0" so instances from the AMI require IMDSv2.'),
  deprecate_at: z
    .string()
    .optional()
    .describe('When the AMI becomes deprecated, as an RFC 3339 UTC time such as 2030-01-01T00:00:00Z.'),
  snapshot_tags: z.record(z.string(), z.string()).optional().describe("Tags put on the AMI's snapshots."),
  snapshot_tag: blocks(keyValueFields).describe(
    'One snapshot tag as a key/value block; same effect as an entry of `snapshot_tags`.',
  ),
  snapshot_users: z.array(z.string()).optional().describe('Accounts (by ID) that may make volumes from the snapshots.'),
  snapshot_groups: z
    .array(z.string())
    .optional()
    .describe('Groups allowed to create volumes from the snapshots; "all" makes them public.'),
  deregistration_protection: block(deregistrationProtectionOptionsFields).describe(
    'Protect the AMI against deregistration.',
  ),
  associate_public_ip_address: z.boolean().optional().describe('Give the build instance a public IP address.'),
  availability_zone: z.string().optional().describe('Zone in which the build instance runs.'),
  block_duration_minutes: z
    .number()
    .optional()
    .describe('Reserve the spot instance for this many minutes, a multiple of 60.'),
  capacity_reservation_preference: z
    .string()
    .optional()
    .describe('Use of capacity reservations: "none" (default) or "open".'),
  capacity_reservation_id: z.string().optional().describe('ID of the capacity reservation to launch into.'),
  capacity_reservation_group_arn: z
    .string()
    .optional()
    .describe('ARN of the capacity reservation group to launch into.'),
  disable_stop_instance: z
    .boolean()
    .optional()
    .describe('Do not stop the instance before creating the AMI; something else must stop it.'),
  ebs_optimized: z.boolean().optional().describe('Launch the build instance EBS-optimized.'),
  enable_nitro_enclave: z.boolean().optional().describe('Turn on Nitro Enclaves for the build instance.'),
  enable_t2_unlimited: z.boolean().optional().describe('Older name for enable_unlimited_credits.'),
  enable_unlimited_credits: z
    .boolean()
    .optional()
    .describe('Let a burstable (T2, T3, T4g) instance use CPU credits beyond its baseline.'),
  iam_instance_profile: z.string().optional().describe('IAM instance profile the build instance runs with.'),
  fleet_tags: z.record(z.string(), z.string()).optional().describe('Tags put on the EC2 fleet of a spot request.'),
  fleet_tag: blocks(keyValueFields).describe(
    'One fleet tag as a key/value block; same effect as an entry of `fleet_tags`.',
  ),
  skip_profile_validation: z
    .boolean()
    .optional()
    .describe('Skip the check that iam_instance_profile exists before launching.'),
  temporary_iam_instance_profile_policy_document: block(policyDocumentFields).describe(
    'Policy for a temporary instance profile Packer creates when iam_instance_profile is not set.',
  ),
  shutdown_behavior: z
    .string()
    .optional()
    .describe('What a shutdown from inside the instance does: "stop" (default) or "terminate".'),
  instance_type: z.string().optional().describe('EC2 instance type of the build instance, such as t3.micro.'),
  security_group_filter: block(securityGroupFilterOptionsFields).describe(
    'Pick security groups by filter instead of by ID.',
  ),
  run_tags: z
    .record(z.string(), z.string())
    .optional()
    .describe('Tags put on the build instance and the temporary resources of the build.'),
  run_tag: blocks(keyValueFields).describe('One run tag as a key/value block; same effect as an entry of `run_tags`.'),
  security_group_id: z.string().optional().describe('ID of one security group for the build instance.'),
  security_group_ids: z
    .array(z.string())
    .optional()
    .describe('IDs of the security groups for the build instance; a temporary one is made when empty.'),
  source_ami: z.string().optional().describe('ID of the AMI the build instance starts from.'),
  source_ami_filter: block(amiFilterOptionsFields).describe('Pick the source AMI by filter instead of by ID.'),
  spot_allocation_strategy: z
    .string()
    .optional()
    .describe('How the spot fleet picks instance pools, such as price-capacity-optimized.'),
  spot_instance_types: z
    .array(z.string())
    .optional()
    .describe('Instance types acceptable for a spot build, instead of instance_type.'),
  spot_price: z
    .string()
    .optional()
    .describe('Highest hourly price for a spot instance, or "auto"; empty or 0 means on-demand.'),
  spot_price_auto_product: z
    .string()
    .optional()
    .describe('Deprecated and ignored; the product was needed for automatic spot prices.'),
  spot_tags: z
    .record(z.string(), z.string())
    .optional()
    .describe('Tags put on the spot request; only with spot_price.'),
  spot_tag: blocks(keyValueFields).describe(
    'One spot request tag as a key/value block; same effect as an entry of `spot_tags`.',
  ),
  subnet_filter: block(subnetFilterOptionsFields).describe('Pick the subnet by filter instead of by ID.'),
  subnet_id: z.string().optional().describe('ID of the subnet to launch the build instance in.'),
  license_specifications: blocks(licenseSpecificationFields).describe(
    'A License Manager configuration for the build instance.',
  ),
  placement: block(placementFields).describe('Host placement and tenancy of the build instance.'),
  tenancy: z.string().optional().describe('Older place for the tenancy; use placement.tenancy.'),
  temporary_security_group_source_cidrs: z
    .array(z.string())
    .optional()
    .describe('CIDR blocks let in by the temporary security group; default 0.0.0.0/0.'),
  temporary_security_group_source_public_ip: z
    .boolean()
    .optional()
    .describe("Let in only this machine's public IP through the temporary security group."),
  user_data: z.string().optional().describe('User data given to the build instance at launch.'),
  user_data_file: z.string().optional().describe('Path of a file whose content is the user data.'),
  vpc_filter: block(vpcFilterOptionsFields).describe('Pick the VPC by filter instead of by ID.'),
  vpc_id: z.string().optional().describe('ID of the VPC the build instance and temporary security group belong to.'),
  windows_password_timeout: duration()
    .optional()
    .describe('How long to wait for the generated Windows administrator password; default 20m.'),
  metadata_options: block(metadataOptionsFields).describe('Instance metadata service settings of the build instance.'),
  ssh_interface: z
    .string()
    .optional()
    .describe(
      'Which address of the instance to connect to (public_ip, private_ip, public_dns, private_dns, ipv6), or session_manager for an SSM tunnel.',
    ),
  pause_before_ssm: duration().optional().describe('Wait before opening the Session Manager tunnel; default 10s.'),
  session_manager_port: z.number().optional().describe('Local port of the Session Manager tunnel; random by default.'),
  skip_create_ami: z.boolean().optional().describe('Run the build without creating an AMI at the end.'),
  skip_ami_run_tags: z.boolean().optional().describe('Do not copy the run tags onto the AMI.'),
  ami_block_device_mappings: blocks(blockDeviceFields).describe("A volume recorded in the AMI's block device mapping."),
  launch_block_device_mappings: blocks(blockDeviceFields).describe(
    'A volume attached to the build instance at launch.',
  ),
  run_volume_tags: z
    .record(z.string(), z.string())
    .optional()
    .describe('Tags put on the volumes of the build instance.'),
  run_volume_tag: blocks(nameValueFields).describe(
    'One volume tag as a name/value block; same effect as an entry of `run_volume_tags`.',
  ),
  no_ephemeral: z
    .boolean()
    .optional()
    .describe('Hide the instance store volumes of the instance type (Windows builds).'),
  fast_launch: block(fastLaunchConfigFields).describe(
    'Windows fast launch: pre-provisioned snapshots for quicker starts.',
  ),
};

export type AmazonEbsConfig = z.output<z.ZodObject<typeof amazonEbsFields>>;

export const amazonEbsSpec = defineComponent({
  kind: 'builder',
  type: 'amazon-ebs',
  fields: amazonEbsFields,
  interpolate: {
    exclude: [
      'ami_description',
      'run_tags',
      'run_tag',
      'run_volume_tags',
      'run_volume_tag',
      'spot_tags',
      'spot_tag',
      'snapshot_tags',
      'snapshot_tag',
      'tags',
      'tag',
    ],
  },
  prepare: prepareAmazonEbs,
});
