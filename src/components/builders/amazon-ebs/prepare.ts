import { existsSync } from 'node:fs';
import { prepareCommunicator } from '../../common/communicator.prepare.js';
import { PrepareErrors, type PrepareResult } from '../../schema/index.js';
import type { AmazonEbsConfig } from './schema.js';

/*
 * builder/ebs Builder.Prepare of packer-plugin-amazon, in its order: access
 * config, AMI config, run config (which includes the communicator). The checks
 * that need AWS or KMS key parsing are left to the build.
 */

const SSH_INTERFACES = ['public_ip', 'private_ip', 'public_dns', 'private_dns', 'ipv6', 'session_manager', ''];

const AMI_NAME_CHARS = /^[A-Za-z0-9()[\] ./\-'@_]*$/;

export function prepareAmazonEbs(c: AmazonEbsConfig): PrepareResult {
  const out = new PrepareErrors();
  if (!!c.access_key !== !!c.secret_key) out.error('`access_key` and `secret_key` must both be either set or not set.');
  prepareAmi(c, out);
  prepareRun(c, out);
  return out.result();
}

function prepareAmi(c: AmazonEbsConfig, out: PrepareErrors): void {
  const name = c.ami_name ?? '';
  if (name === '') out.error('ami_name must be specified');
  for (const region of Object.keys(c.region_kms_key_ids ?? {})) {
    if (!(c.ami_regions ?? []).includes(region)) {
      out.error(`Region ${region} is in region_kms_key_ids but not in ami_regions`);
    }
  }
  // Go measures the name in bytes.
  const length = Buffer.byteLength(name);
  if (length < 3 || length > 128) out.error('ami_name must be between 3 and 128 characters long');
  if (!AMI_NAME_CHARS.test(name)) {
    out.error(
      'AMIName should only contain alphanumeric characters, parentheses (()), square brackets ([]), spaces ( ), ' +
        "periods (.), slashes (/), dashes (-), single quotes ('), at-signs (@), or underscores(_). You can use the " +
        '`clean_resource_name` template filter to automatically clean your ami name.',
    );
  }
}

function prepareRun(c: AmazonEbsConfig, out: PrepareErrors): void {
  for (const e of prepareCommunicator(c)) out.error(e);
  const keyType = c.temporary_key_pair_type || 'rsa';
  if (keyType !== 'rsa' && keyType !== 'ed25519') {
    out.error('temporary_key_pair_type requires either rsa or ed25519 as its value');
  }
  const metadata = c.metadata_options;
  const endpoint = metadata?.http_endpoint || 'enabled';
  if (endpoint !== 'enabled' && endpoint !== 'disabled') {
    out.error('http_endpoint requires either disabled or enabled as its value');
  }
  const tokens = metadata?.http_tokens || 'required';
  if (tokens !== 'optional' && tokens !== 'required') {
    out.error('http_tokens requires either optional or required as its value');
  }
  const hops = metadata?.http_put_response_hop_limit || 1;
  if (hops < 1 || hops > 64) out.error('http_put_response_hop_limit requires a number between 1 and 64');
  const tags = metadata?.instance_metadata_tags || 'disabled';
  if (tags !== 'enabled' && tags !== 'disabled') {
    out.error('instance_metadata_tags requires either disabled or enabled as its value');
  }
  const sshInterface = c.ssh_interface ?? '';
  if (!SSH_INTERFACES.includes(sshInterface)) out.error(`Unknown interface type: ${sshInterface}`);
  if (sshInterface === 'session_manager') {
    if (c.communicator === 'winrm') {
      out.error('session_manager connectivity is not supported with the "winrm" communicator; please use "ssh"');
    }
    if (!c.iam_instance_profile && !c.temporary_iam_instance_profile_policy_document) {
      out.error(
        'no iam_instance_profile defined; session_manager connectivity requires a valid instance profile with ' +
          'AmazonSSMManagedInstanceCore permissions. Alternatively a temporary_iam_instance_profile_policy_document can be used.',
      );
    }
  }
  if (c.ssh_keypair_name) {
    if (c.communicator === 'winrm' && !c.winrm_password && !c.ssh_private_key_file) {
      out.error('ssh_private_key_file must be provided to retrieve the winrm password when using ssh_keypair_name.');
    } else if (!c.ssh_private_key_file && !c.ssh_agent_auth) {
      out.error('ssh_private_key_file must be provided or ssh_agent_auth enabled when ssh_keypair_name is specified.');
    }
  }
  const filter = c.source_ami_filter;
  const owners = filter?.owners ?? [];
  if (!c.source_ami && owners.length === 0 && Object.keys(filter?.filters ?? {}).length === 0) {
    out.error('A source_ami or source_ami_filter must be specified');
  }
  if (!c.source_ami && owners.length === 0) {
    out.error('For security reasons, your source AMI filter must declare an owner.');
  }
  const spotTypes = c.spot_instance_types ?? [];
  if (!c.instance_type && spotTypes.length === 0)
    out.error('either instance_type or spot_instance_types must be specified');
  if (c.instance_type && spotTypes.length > 0) {
    out.error('either instance_type or spot_instance_types must be specified, not both');
  }
  if (c.user_data && c.user_data_file) out.error('Only one of user_data or user_data_file can be specified.');
  else if (c.user_data_file && !existsSync(c.user_data_file))
    out.error(`user_data_file not found: ${c.user_data_file}`);
  if (c.security_group_id && (c.security_group_ids ?? []).length > 0) {
    out.error('Only one of security_group_id or security_group_ids can be specified.');
  }
  const shutdown = c.shutdown_behavior ?? '';
  if (shutdown !== '' && !/^(stop|terminate)$/.test(shutdown)) {
    out.error("shutdown_behavior only accepts 'stop' or 'terminate' values.");
  }
}
