import { z } from 'zod';
import { amazonAccessFields } from '../../common/amazon-access.schema.js';
import { communicatorFields } from '../../common/communicator.schema.js';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { block, blocks, defineComponent, duration } from '../../schema/index.js';
import { prepareAmazonEbs } from './prepare.js';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** Fields of KeyValue in hashicorp/packer-plugin-sdk template/config. */
const keyValueFields = {
  key: z.string().optional().describe('An alias for `signer`.'),
  value: z.string().optional().describe('The parameter value.'),
};

/** Fields of DeregistrationProtectionOptions in hashicorp/packer-plugin-amazon common. */
const deregistrationProtectionOptionsFields = {
  enabled: z.boolean().optional().describe('Enable AMI deregistration protection.'),
  with_cooldown: z
    .boolean()
    .optional()
    .describe(
      'When you turn on deregistration protection on an AMI, you have the option to include a 24-hour cooldown period.',
    ),
};

/** Fields of Statement in hashicorp/packer-plugin-amazon common. */
const statementFields = {
  Effect: z.string().optional(),
  Action: z.array(z.string()).optional(),
  Resource: z.array(z.string()).optional(),
};

/** Fields of PolicyDocument in hashicorp/packer-plugin-amazon common. */
const policyDocumentFields = {
  Version: z.string().optional(),
  Statement: blocks(statementFields),
};

/** Fields of NameValue in hashicorp/packer-plugin-sdk template/config. */
const nameValueFields = {
  name: z
    .string()
    .optional()
    .describe('The version name is created by the HCP Packer Registry once a version is "complete".'),
  value: z.string().optional().describe('The parameter value.'),
};

/** Fields of SecurityGroupFilterOptions in hashicorp/packer-plugin-amazon common. */
const securityGroupFilterOptionsFields = {
  filters: z.record(z.string(), z.string()).optional().describe('Filters used to select an AMI.'),
  filter: blocks(nameValueFields),
};

/** Fields of AmiFilterOptions in hashicorp/packer-plugin-amazon common. */
const amiFilterOptionsFields = {
  filters: z.record(z.string(), z.string()).optional().describe('Filters used to select an AMI.'),
  owners: z.array(z.string()).optional().describe('Filters the images by their owner.'),
  most_recent: z.boolean().optional().describe('Selects the newest created image when true.'),
  include_deprecated: z.boolean().optional().describe('Include deprecated AMIs in the filtered response.'),
};

/** Fields of SubnetFilterOptions in hashicorp/packer-plugin-amazon common. */
const subnetFilterOptionsFields = {
  filters: z.record(z.string(), z.string()).optional().describe('Filters used to select an AMI.'),
  filter: blocks(nameValueFields),
  most_free: z.boolean().optional(),
  random: z.boolean().optional(),
};

/** Fields of LicenseConfigurationRequest in hashicorp/packer-plugin-amazon common. */
const licenseConfigurationRequestFields = {
  license_configuration_arn: z
    .string()
    .optional()
    .describe('The Amazon Resource Name (ARN) of the license configuration.'),
};

/** Fields of LicenseSpecification in hashicorp/packer-plugin-amazon common. */
const licenseSpecificationFields = {
  license_configuration_request: block(licenseConfigurationRequestFields).describe(
    'Describes a license configuration.',
  ),
};

/** Fields of Placement in hashicorp/packer-plugin-amazon common. */
const placementFields = {
  host_resource_group_arn: z
    .string()
    .optional()
    .describe('The ARN of the host resource group in which to launch the instances.'),
  host_id: z.string().optional().describe('The ID of the host used when Packer launches an EC2 instance.'),
  tenancy: z
    .string()
    .optional()
    .describe(
      '[Tenancy](https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/dedicated-instance.html) used when Packer launches the EC2 instance, allowing it to be launched on dedicated hardware.',
    ),
};

/** Fields of VpcFilterOptions in hashicorp/packer-plugin-amazon common. */
const vpcFilterOptionsFields = {
  filters: z.record(z.string(), z.string()).optional().describe('Filters used to select an AMI.'),
  filter: blocks(nameValueFields),
};

/** Fields of MetadataOptions in hashicorp/packer-plugin-amazon common. */
const metadataOptionsFields = {
  http_endpoint: z.string().optional().describe('A string to enable or disable the IMDS endpoint for an instance.'),
  http_tokens: z
    .string()
    .optional()
    .describe('A string to either set the use of IMDSv2 for the instance to optional or required.'),
  http_put_response_hop_limit: z
    .number()
    .optional()
    .describe(
      'A numerical value to set an upper limit for the amount of hops allowed when communicating with IMDS endpoints.',
    ),
  instance_metadata_tags: z
    .string()
    .optional()
    .describe('A string to enable or disable access to instance tags from the instance metadata.'),
};

/** Fields of BlockDevice in hashicorp/packer-plugin-amazon common. */
const blockDeviceFields = {
  delete_on_termination: z
    .boolean()
    .optional()
    .describe('Indicates whether the EBS volume is deleted on instance termination.'),
  device_name: z
    .string()
    .optional()
    .describe('The device name exposed to the instance (for example, /dev/sdh or xvdh).'),
  encrypted: z.boolean().optional().describe('Indicates whether or not to encrypt the volume.'),
  iops: z.number().optional().describe('The number of I/O operations per second (IOPS) that the volume supports.'),
  no_device: z
    .boolean()
    .optional()
    .describe('Suppresses the specified device included in the block device mapping of the AMI.'),
  snapshot_id: z.string().optional().describe('The ID of the snapshot.'),
  throughput: z
    .number()
    .optional()
    .describe(
      'The throughput for gp3 volumes, only valid for gp3 types See the documentation on [Throughput](https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_EbsBlockDevice.html) for more information',
    ),
  virtual_name: z.string().optional().describe('The virtual device name.'),
  volume_type: z
    .string()
    .optional()
    .describe(
      'The volume type. gp2 & gp3 for General Purpose (SSD) volumes, io1 & io2 for Provisioned IOPS (SSD) volumes, st1 for Throughput Optimized HDD, sc1 for Cold HDD, and standard for Magnetic volumes.',
    ),
  volume_size: z.number().optional().describe('The size of the volume, in GiB.'),
  kms_key_id: z.string().optional().describe('ID, alias or ARN of the KMS key to use for boot volume encryption.'),
};

/** Fields of FastLaunchTemplateConfig in hashicorp/packer-plugin-amazon builder/ebs. */
const fastLaunchTemplateConfigFields = {
  enable_fast_launch: z
    .boolean()
    .optional()
    .describe('Enable fast launch allows you to disable fast launch settings on the region level.'),
  region: z.string().optional().describe('The region in which to find the launch template to use'),
  template_id: z.string().optional().describe('The ID of the launch template to use for the fast launch'),
  template_name: z.string().optional().describe('The name of the launch template to use for fast launch'),
  template_version: z.number().optional().describe('The version of the launch template to use'),
};

/** Fields of FastLaunchConfig in hashicorp/packer-plugin-amazon builder/ebs. */
const fastLaunchConfigFields = {
  enable_fast_launch: z.boolean().optional().describe('Configure fast-launch for Windows AMIs'),
  template_id: z.string().optional().describe('The ID of the launch template to use for fast launch for the main AMI.'),
  template_name: z
    .string()
    .optional()
    .describe('The name of the launch template to use for fast launch for the main AMI.'),
  template_version: z
    .number()
    .optional()
    .describe('The version of the launch template to use for fast launch for the main AMI.'),
  region_launch_templates: blocks(fastLaunchTemplateConfigFields).describe(
    'RegionLaunchTemplates is the list of launch templates per region.',
  ),
  max_parallel_launches: z
    .number()
    .optional()
    .describe('Maximum number of instances to launch for creating pre-provisioned snapshots'),
  target_resource_count: z
    .number()
    .optional()
    .describe(
      'The number of snapshots to pre-provision for later launching windows instances from the resulting fast-launch AMI.',
    ),
};

/** The builder "amazon-ebs": the HCL fields of hashicorp/packer-plugin-amazon builder/ebs. */
export const amazonEbsFields = {
  ...packerCoreFields,
  ...communicatorFields,
  ...amazonAccessFields,
  ami_name: z
    .string()
    .optional()
    .describe('The name of the resulting AMI that will appear when managing AMIs in the AWS console or via APIs.'),
  ami_description: z.string().optional().describe('The description to set for the resulting AMI(s).'),
  ami_virtualization_type: z.string().optional().describe('The type of virtualization for the AMI you are building.'),
  ami_users: z
    .array(z.string())
    .optional()
    .describe('A list of account IDs that have access to launch the resulting AMI(s).'),
  ami_groups: z
    .array(z.string())
    .optional()
    .describe('A list of groups that have access to launch the resulting AMI(s).'),
  ami_org_arns: z
    .array(z.string())
    .optional()
    .describe(
      'A list of Amazon Resource Names (ARN) of AWS Organizations that have access to launch the resulting AMI(s).',
    ),
  ami_ou_arns: z
    .array(z.string())
    .optional()
    .describe(
      'A list of Amazon Resource Names (ARN) of AWS Organizations organizational units (OU) that have access to launch the resulting AMI(s).',
    ),
  ami_product_codes: z.array(z.string()).optional().describe('A list of product codes to associate with the AMI.'),
  ami_regions: z.array(z.string()).optional().describe('A list of regions to copy the AMI to.'),
  skip_region_validation: z
    .boolean()
    .optional()
    .describe('Set to true if you want to skip validation of the ami_regions configuration option.'),
  snapshot_copy_duration_minutes: z
    .number()
    .optional()
    .describe('Specify a completion duration, in 15 minute increments, to initiate a time-based AMI copy.'),
  tags: z.record(z.string(), z.string()).optional().describe('Map of assume role session tags.'),
  tag: blocks(keyValueFields).describe(
    'Same as [`tags`](#tags) but defined as a singular repeatable block containing a `key` and a `value` field.',
  ),
  ena_support: z
    .boolean()
    .optional()
    .describe('Enable enhanced networking (ENA but not SriovNetSupport) on HVM-compatible AMIs.'),
  sriov_support: z
    .boolean()
    .optional()
    .describe('Enable enhanced networking (SriovNetSupport but not ENA) on HVM-compatible AMIs.'),
  force_deregister: z
    .boolean()
    .optional()
    .describe('Force Packer to first deregister an existing AMI if one with the same name already exists.'),
  force_delete_snapshot: z
    .boolean()
    .optional()
    .describe(
      'Force Packer to delete snapshots associated with AMIs, which have been deregistered by force_deregister.',
    ),
  encrypt_boot: z
    .boolean()
    .optional()
    .describe('Whether or not to encrypt the resulting AMI when copying a provisioned instance to an AMI.'),
  kms_key_id: z.string().optional().describe('ID, alias or ARN of the KMS key to use for AMI encryption.'),
  region_kms_key_ids: z
    .record(z.string(), z.string())
    .optional()
    .describe(
      'regions to copy the ami to, along with the custom kms key id (alias or arn) to use for encryption for that region.',
    ),
  skip_save_build_region: z
    .boolean()
    .optional()
    .describe(
      'If true, Packer will not check whether an AMI with the `ami_name` exists in the region it is building in.',
    ),
  imds_support: z.string().optional().describe('Enforce version of the Instance Metadata Service on the built AMI.'),
  deprecate_at: z
    .string()
    .optional()
    .describe('The date and time to deprecate the AMI, in UTC, in the following format: YYYY-MM-DDTHH:MM:SSZ.'),
  snapshot_tags: z.record(z.string(), z.string()).optional().describe('Key/value pair tags to apply to snapshot.'),
  snapshot_tag: blocks(keyValueFields).describe(
    'Same as [`snapshot_tags`](#snapshot_tags) but defined as a singular repeatable block containing a `key` and a `value` field.',
  ),
  snapshot_users: z
    .array(z.string())
    .optional()
    .describe('A list of account IDs that have access to create volumes from the snapshot(s).'),
  snapshot_groups: z
    .array(z.string())
    .optional()
    .describe('A list of groups that have access to create volumes from the snapshot(s).'),
  deregistration_protection: block(deregistrationProtectionOptionsFields).describe(
    'Enable AMI deregistration protection.',
  ),
  associate_public_ip_address: z
    .boolean()
    .optional()
    .describe('If using a non-default VPC, public IP addresses are not provided by default.'),
  availability_zone: z.string().optional().describe('Destination availability zone to launch instance in.'),
  block_duration_minutes: z.number().optional().describe('Requires spot_price to be set.'),
  capacity_reservation_preference: z
    .string()
    .optional()
    .describe('Set the preference for using a capacity reservation if one exists.'),
  capacity_reservation_id: z
    .string()
    .optional()
    .describe('Provide the specific EC2 Capacity Reservation ID that will be used by Packer.'),
  capacity_reservation_group_arn: z
    .string()
    .optional()
    .describe('Provide the EC2 Capacity Reservation Group ARN that will be used by Packer.'),
  disable_stop_instance: z
    .boolean()
    .optional()
    .describe('Packer normally stops the build instance after all provisioners have run.'),
  ebs_optimized: z
    .boolean()
    .optional()
    .describe(
      'Mark instance as [EBS Optimized](https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/EBSOptimized.html).',
    ),
  enable_nitro_enclave: z.boolean().optional().describe('Enable support for Nitro Enclaves on the instance.'),
  enable_t2_unlimited: z.boolean().optional().describe('Deprecated argument - please use "enable_unlimited_credits".'),
  enable_unlimited_credits: z
    .boolean()
    .optional()
    .describe(
      'Enabling Unlimited credits allows the source instance to burst additional CPU beyond its available [CPU …',
    ),
  iam_instance_profile: z
    .string()
    .optional()
    .describe(
      'The name of an [IAM instance profile](https://docs.aws.amazon.com/IAM/latest/UserGuide/instance-profiles.html) to launch the EC2 instance with.',
    ),
  fleet_tags: z
    .record(z.string(), z.string())
    .optional()
    .describe('Key/value pair tags to apply tags to the fleet that is issued.'),
  fleet_tag: blocks(keyValueFields).describe(
    'Same as [`fleet_tags`](#fleet_tags) but defined as a singular repeatable block containing a `key` and a `value` field.',
  ),
  skip_profile_validation: z
    .boolean()
    .optional()
    .describe('Whether or not to check if the IAM instance profile exists.'),
  temporary_iam_instance_profile_policy_document: block(policyDocumentFields).describe(
    'Temporary IAM instance profile policy document If IamInstanceProfile is specified it will be used instead.',
  ),
  shutdown_behavior: z
    .string()
    .optional()
    .describe('Automatically terminate instances on shutdown in case Packer exits ungracefully.'),
  instance_type: z
    .string()
    .optional()
    .describe('The EC2 instance type to use while building the AMI, such as t2.small.'),
  security_group_filter: block(securityGroupFilterOptionsFields).describe(
    'Filters used to populate the `security_group_ids` field.',
  ),
  run_tags: z
    .record(z.string(), z.string())
    .optional()
    .describe(
      'Key/value pair tags to apply to the generated key-pair, security group, iam profile and role, snapshot, network interfaces and instance that is *launched* to create the EBS volumes.',
    ),
  run_tag: blocks(keyValueFields).describe(
    'Same as [`run_tags`](#run_tags) but defined as a singular repeatable block containing a `key` and a `value` field.',
  ),
  security_group_id: z
    .string()
    .optional()
    .describe('The ID (not the name) of the security group to assign to the instance.'),
  security_group_ids: z.array(z.string()).optional().describe('A list of security groups as described above.'),
  source_ami: z
    .string()
    .optional()
    .describe('The source AMI whose root volume will be copied and provisioned on the currently running instance.'),
  source_ami_filter: block(amiFilterOptionsFields).describe('Filters used to populate the `source_ami` field.'),
  spot_allocation_strategy: z
    .string()
    .optional()
    .describe('One of `price-capacity-optimized`, `capacity-optimized`, `diversified` or `lowest-price`.'),
  spot_instance_types: z
    .array(z.string())
    .optional()
    .describe('a list of acceptable instance types to run your build on.'),
  spot_price: z
    .string()
    .optional()
    .describe(
      "With Spot Instances, you pay the Spot price that's in effect for the time period your instances are running.",
    ),
  spot_price_auto_product: z.string().optional().describe('Required if spot_price is set to auto.'),
  spot_tags: z.record(z.string(), z.string()).optional().describe('Requires spot_price to be set.'),
  spot_tag: blocks(keyValueFields).describe(
    'Same as [`spot_tags`](#spot_tags) but defined as a singular repeatable block containing a `key` and a `value` field.',
  ),
  subnet_filter: block(subnetFilterOptionsFields).describe('Filters used to populate the `subnet_id` field.'),
  subnet_id: z
    .string()
    .optional()
    .describe(
      'If using VPC, the ID of the subnet, such as subnet-12345def, where Packer will launch the EC2 instance.',
    ),
  license_specifications: blocks(licenseSpecificationFields).describe('The license configurations.'),
  placement: block(placementFields).describe('Describes the placement of an instance.'),
  tenancy: z
    .string()
    .optional()
    .describe(
      '[Tenancy](https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/dedicated-instance.html) used when Packer launches the EC2 instance, allowing it to be launched on dedicated hardware.',
    ),
  temporary_security_group_source_cidrs: z
    .array(z.string())
    .optional()
    .describe(
      'A list of IPv4/IPv6 CIDR blocks to be authorized access to the instance, when packer is creating a temporary security group.',
    ),
  temporary_security_group_source_public_ip: z
    .boolean()
    .optional()
    .describe(
      'When enabled, use public IP of the host (obtained from https://checkip.amazonaws.com) as CIDR block to be authorized access to the instance, when packer is creating a temporary security group.',
    ),
  user_data: z.string().optional().describe('User data to apply when launching the instance.'),
  user_data_file: z
    .string()
    .optional()
    .describe('Path to a file that will be used for the user data when launching the instance.'),
  vpc_filter: block(vpcFilterOptionsFields).describe('Filters used to populate the `vpc_id` field.'),
  vpc_id: z
    .string()
    .optional()
    .describe(
      'If launching into a VPC subnet, Packer needs the VPC ID in order to create a temporary security group within the VPC.',
    ),
  windows_password_timeout: duration()
    .optional()
    .describe('The timeout for waiting for a Windows password for Windows instances.'),
  metadata_options: block(metadataOptionsFields).describe('[Metadata Settings](#metadata-settings)'),
  ssh_interface: z
    .string()
    .optional()
    .describe('One of `public_ip`, `private_ip`, `public_dns`, `private_dns`, `ipv6` or `session_manager`.'),
  pause_before_ssm: duration().optional().describe('The time to wait before establishing the Session Manager session.'),
  session_manager_port: z.number().optional().describe('Which port to connect the local end of the session tunnel to.'),
  skip_create_ami: z.boolean().optional().describe('If true, Packer will not create the AMI.'),
  skip_ami_run_tags: z
    .boolean()
    .optional()
    .describe('If true will not propagate the run tags set on Packer created instance to the AMI created.'),
  ami_block_device_mappings: blocks(blockDeviceFields).describe('Add one or more block device mappings to the AMI.'),
  launch_block_device_mappings: blocks(blockDeviceFields).describe(
    'Add one or more block devices before the Packer build starts.',
  ),
  run_volume_tags: z
    .record(z.string(), z.string())
    .optional()
    .describe('Tags to apply to the volumes that are *launched* to create the AMI.'),
  run_volume_tag: blocks(nameValueFields).describe(
    'Same as [`run_volume_tags`](#run_volume_tags) but defined as a singular block containing a `name` and a `value` field.',
  ),
  no_ephemeral: z
    .boolean()
    .optional()
    .describe(
      "Relevant only to Windows guests: If you set this flag, we'll add clauses to the launch_block_device_mappings that make sure ephemeral drives don't show up in the EC2 console.",
    ),
  fast_launch: block(fastLaunchConfigFields).describe('The configuration for fast launch support.'),
};

export type AmazonEbsConfig = z.output<z.ZodObject<typeof amazonEbsFields>>;

export const amazonEbsSpec = defineComponent({
  kind: 'builder',
  type: 'amazon-ebs',
  fields: amazonEbsFields,
  prepare: prepareAmazonEbs,
});
