import { describe, expect, it } from 'vitest';
import { prepareBlock } from '../helpers.js';

/* builder/ebs Builder.Prepare checks beyond the basics: KMS keys and regions, block devices, spot, fast launch. */

/** A valid amazon-ebs block with `extra` lines added. */
const ebs = (...extra: string[]) =>
  [
    'source "amazon-ebs" "x" {',
    '  ami_name = "kiln-test"',
    '  ssh_username = "ubuntu"',
    '  source_ami = "ami-1234"',
    ...extra.map((l) => `  ${l}`),
    '}',
  ].join('\n');

const withType = (...extra: string[]) => ebs('instance_type = "t3.micro"', ...extra);

const SPOT_MODIFY =
  'Spot instances do not support modification, which is required when either `ena_support` or `sriov_support` are set. Please ensure you use an AMI that already has either SR-IOV or ENA enabled.';

describe.each<[string, string, string[], string[]?]>([
  ['valid', withType(), []],
  [
    'KMS keys: regions on one side only, no encrypt_boot, bad key IDs',
    withType(
      'ami_regions = ["us-west-2", "eu-west-1", "us-west-2"]',
      'region_kms_key_ids = { "us-west-2" = "alias/ok", "ap-south-1" = "not a key" }',
      'kms_key_id = "arn:aws:kms:us-east-1:123456789012:key/abc-123"',
    ),
    [
      'Region ap-south-1 is in region_kms_key_ids but not in ami_regions',
      'Region eu-west-1 is in ami_regions but not in region_kms_key_ids',
      'If you have set either region_kms_key_ids or kms_key_id, encrypt_boot must also be true.',
      '"not a key" is not a valid KMS Key Id.',
    ],
  ],
  [
    'KMS keys: sharing what is encrypted with the default key',
    withType('encrypt_boot = true', 'ami_users = ["123456789012"]', 'snapshot_users = ["123456789012"]'),
    [
      'Cannot share AMI encrypted with default KMS key',
      'Cannot share snapshot encrypted with default KMS key, see https://www.packer.io/docs/builders/amazon-ebs#region_kms_key_ids for more information',
    ],
  ],
  [
    'KMS keys: sharing a copy encrypted with a region default key',
    withType(
      'encrypt_boot = true',
      'ami_regions = ["eu-west-1"]',
      'region_kms_key_ids = { "eu-west-1" = "" }',
      'ami_org_arns = ["arn:aws:organizations::123456789012:organization/o-1"]',
      'snapshot_users = ["123456789012"]',
    ),
    [
      'Cannot share AMI encrypted with default KMS key for other regions',
      'Cannot share snapshot encrypted with default KMS key',
    ],
  ],
  [
    'KMS keys: every accepted form',
    withType(
      'encrypt_boot = true',
      'ami_regions = ["a", "b", "c", "d", "e"]',
      'region_kms_key_ids = { a = "mrk-0123abcd", b = "alias/team/key_1", c = "arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/mrk-ab12", d = "arn:aws:kms::123456789012:alias/x", e = "0123-abcd" }',
    ),
    [],
  ],
  [
    'AMI: IMDS support and deprecation time',
    withType('imds_support = "v1.0"', 'deprecate_at = "2030-02-30T00:00:00Z"'),
    [
      'The only valid imds_support values are "v2.0" or the empty string',
      'deprecate_at is not a valid time: "2030-02-30T00:00:00Z". Expect time format: YYYY-MM-DDTHH:MM:SSZ',
    ],
  ],
  ['AMI: deprecation time with an offset and fraction', withType('deprecate_at = "2030-02-28T23:59:59.5+05:30"'), []],
  [
    'block devices: the first problem of each mapping',
    withType(
      'launch_block_device_mappings {\n    volume_size = 10\n  }',
      'launch_block_device_mappings {\n    device_name = "/dev/sdb"\n    kms_key_id = "k"\n    encrypted = false\n  }',
      'launch_block_device_mappings {\n    device_name = "/dev/sdc"\n    volume_type = "io1"\n    volume_size = 10\n    iops = 510\n  }',
      'launch_block_device_mappings {\n    device_name = "/dev/sdd"\n    volume_type = "io2"\n    volume_size = 1\n    iops = 50\n  }',
      'ami_block_device_mappings {\n    device_name = "/dev/sde"\n    volume_type = "gp3"\n    throughput = 2000\n    iops = 100\n  }',
      'ami_block_device_mappings {\n    device_name = "/dev/sdf"\n    volume_type = "gp3"\n    iops = 20000\n  }',
      'ami_block_device_mappings {\n    device_name = "/dev/sdg"\n    volume_type = "gp2"\n    throughput = 200\n  }',
      'ami_block_device_mappings {\n    device_name = "/dev/sdh"\n    volume_type = "gp3"\n    iops = 3000\n    throughput = 125\n    kms_key_id = "k"\n  }',
    ),
    [
      'Throughput must be between 125 and 1000 for device /dev/sde',
      'IOPS must be between 3000 and 16000 for device /dev/sdf',
      'Throughput is only valid for gp3 volumes, "/dev/sdg" is of type gp2',
      'The `device_name` must be specified for every device in the block device mapping.',
      'The device /dev/sdb, must also have `encrypted: true` when setting a kms_key_id.',
      '/dev/sdc: the maximum ratio of provisioned IOPS to requested volume size (in GiB) is 50:1 for io1 volumes',
      'IOPS must be between 100 and 64000 for device /dev/sdd',
    ],
  ],
  [
    'spot: tags without a spot price, odd block duration, bad strategy',
    withType(
      'spot_price = "0"',
      'spot_tags = {}',
      'fleet_tag {\n    key = "a"\n    value = "b"\n  }',
      'block_duration_minutes = 90',
      'spot_allocation_strategy = "cheapest"',
    ),
    [
      'fleet_tags should not be set when not requesting a spot instance',
      'block_duration_minutes must be multiple of 60',
      'spot_tags should not be set when not requesting a spot instance',
      'invalid spot allocation strategy "cheapest", valid values are either lowest-price, diversified,capacity-optimized, capacity-optimized-prioritized, price-capacity-optimized',
    ],
  ],
  [
    'spot: enhanced networking, unlimited credits and enclaves on spot, deprecated settings',
    ebs(
      'instance_type = "t2.micro"',
      'spot_price = "auto"',
      'spot_price_auto_product = "Linux/UNIX"',
      'ena_support = true',
      'enable_t2_unlimited = true',
      'enable_nitro_enclave = true',
      'spot_tags = { a = "b" }',
    ),
    [
      'Error: Unlimited credits cannot be used in conjunction with Spot Instances',
      'Error: Nitro Enclave cannot be used in conjunction with Spot Instances',
      'Error: Nitro Enclaves cannot be used in conjunction with burstable instance types: t2.micro',
      SPOT_MODIFY,
    ],
    [
      'spot_price_auto_product is deprecated and no longer necessary for Packer builds. In future versions of Packer, inclusion of spot_price_auto_product will error your builds. Please take a look at our current documentation to understand how Packer requests Spot instances.',
      'enable_t2_unlimited is deprecated please use enable_unlimited_credits. In future versions of Packer, inclusion of enable_t2_unlimited will error your builds.',
    ],
  ],
  [
    'run: unlimited credits on a type without them, CIDRs, capacity and placement',
    ebs(
      'instance_type = "m5.large"',
      'enable_unlimited_credits = true',
      'temporary_security_group_source_cidrs = ["10.0.0.0/8", "10.0.0.0/33", "::/0", "fe80::1%eth0/64", "nope"]',
      'capacity_reservation_id = "cr-1"',
      'capacity_reservation_group_arn = "arn:g"',
      'capacity_reservation_preference = "always"',
      'tenancy = "shared"',
      'placement {\n    tenancy = "dedicated"\n    host_id = "h-1"\n    host_resource_group_arn = "arn:h"\n  }',
    ),
    [
      'Error parsing CIDR in temporary_security_group_source_cidrs: invalid CIDR address: 10.0.0.0/33',
      'Error parsing CIDR in temporary_security_group_source_cidrs: invalid CIDR address: fe80::1%eth0/64',
      'Error parsing CIDR in temporary_security_group_source_cidrs: invalid CIDR address: nope',
      'Error: Instance Type: m5.large is not within the supported types for Unlimited credits. Supported instance types are T2, T3, and T4g',
      'capacity_reservation_id and capacity_reservation_group_arn are mutually exclusive, only one should be used',
      'capacity_reservation_id, capacity_reservation_group_arn and capacity_reservation_preference are mutually exclusive, only one should be set',
      "capacity_reservation_preference only accepts 'none' or 'open' values",
      'Error: Please set only one of placement.tenancy and tenancy (deprecated)',
      'Error: Unknown tenancy type shared',
      'The `host_id` and `host_resource_group_arn` settings cannot be specified at the same time.',
      'The tenancy should be `host` if either the `host_id` or `host_resource_group_arn` attributes are specified.',
    ],
  ],
  [
    'fast launch: bad counts, duplicate and empty regions, templates for regions the AMI skips',
    withType(
      'region = "us-east-1"',
      'ami_regions = ["eu-west-1"]',
      `fast_launch {
    max_parallel_launches = 3
    target_resource_count = -1
    template_name = "main"
    template_version = -2
    region_launch_templates {
      region = "eu-west-1"
      template_id = "lt-1"
      template_name = "both"
    }
    region_launch_templates {
      region = "eu-west-1"
      template_version = 2
    }
    region_launch_templates {
      template_id = "lt-2"
    }
    region_launch_templates {
      region = "ap-south-1"
      enable_fast_launch = false
      template_id = "lt-3"
      template_name = "ignored when disabled"
    }
  }`,
    ),
    [
      'max_parallel_launches must be >= 6, provided value is 3',
      'target_resource_count must be >= 1, provided value is -1',
      'fast_launch_template_config region "eu-west-1": both template ID and name cannot be specified at the same time',
      'fast launch: launch template specified twice for region "eu-west-1", only once is supported',
      'fast_launch_template_config region "eu-west-1": launch template version specified without an ID or name',
      'region cannot be empty for a regional fast template config',
      'fast_launch_template_config region "us-east-1": the launch template version must be >= 1, provided value is -2',
      'Launch template specified for enabling fast-launch on region "", but the AMI won\'t be copied there.',
      'Launch template specified for enabling fast-launch on region "ap-south-1", but the AMI won\'t be copied there.',
    ],
  ],
  ['fast launch: enabled with defaults', withType('fast_launch { enable_fast_launch = true }'), []],
])('%s', (_name, src, errors, warnings = []) => {
  it("returns the plugin's messages in its order", () => {
    expect(prepareBlock('builder', src).result).toEqual({ errors, warnings });
  });
});
