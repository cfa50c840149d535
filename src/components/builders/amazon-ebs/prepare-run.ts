import { goQuote } from '../../../hcl/quote.js';
import { existsSync } from 'node:fs';
import { prepareCommunicator } from '../../common/communicator.prepare.js';
import type { PrepareErrors } from '../../schema/index.js';
import { cidrProblem } from './cidr.js';
import type { AmazonEbsConfig } from './schema.js';

/* RunConfig.Prepare of packer-plugin-amazon: its checks, order and messages. */

const SSH_INTERFACES = ['public_ip', 'private_ip', 'public_dns', 'private_dns', 'ipv6', 'session_manager', ''];

const SPOT_STRATEGIES = [
  'lowest-price',
  'diversified',
  'capacity-optimized',
  'capacity-optimized-prioritized',
  'price-capacity-optimized',
];

export function isSpotInstance(c: AmazonEbsConfig): boolean {
  return !!c.spot_price && c.spot_price !== '0';
}

export function checkRun(c: AmazonEbsConfig, out: PrepareErrors): void {
  for (const e of prepareCommunicator(c)) out.error(e);
  checkMetadata(c, out);
  checkConnection(c, out);
  checkInstance(c, out);
  checkNetwork(c, out);
  checkCapacityAndPlacement(c, out);
}

function checkMetadata(c: AmazonEbsConfig, out: PrepareErrors): void {
  const keyType = c.temporary_key_pair_type || 'rsa';
  if (keyType !== 'rsa' && keyType !== 'ed25519') {
    out.error('temporary_key_pair_type requires either rsa or ed25519 as its value');
  }
  const m = c.metadata_options;
  const endpoint = m?.http_endpoint || 'enabled';
  if (endpoint !== 'enabled' && endpoint !== 'disabled') {
    out.error('http_endpoint requires either disabled or enabled as its value');
  }
  const tokens = m?.http_tokens || 'optional';
  if (tokens !== 'optional' && tokens !== 'required') {
    out.error('http_tokens requires either optional or required as its value');
  }
  const hops = m?.http_put_response_hop_limit || 1;
  if (hops < 1 || hops > 64) out.error('http_put_response_hop_limit requires a number between 1 and 64');
  const tags = m?.instance_metadata_tags || 'disabled';
  if (tags !== 'enabled' && tags !== 'disabled') {
    out.error('instance_metadata_tags requires either disabled or enabled as its value');
  }
}

function checkConnection(c: AmazonEbsConfig, out: PrepareErrors): void {
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
}

function checkInstance(c: AmazonEbsConfig, out: PrepareErrors): void {
  const filter = c.source_ami_filter;
  const owners = filter?.owners ?? [];
  if (!c.source_ami && owners.length === 0 && Object.keys(filter?.filters ?? {}).length === 0) {
    out.error('A source_ami or source_ami_filter must be specified');
  }
  if (!c.source_ami && owners.length === 0) {
    out.error('For security reasons, your source AMI filter must declare an owner.');
  }
  const spotTypes = c.spot_instance_types ?? [];
  if (!c.instance_type && spotTypes.length === 0) {
    out.error('either instance_type or spot_instance_types must be specified');
  }
  if (c.instance_type && spotTypes.length > 0) {
    out.error('either instance_type or spot_instance_types must be specified, not both');
  }
  // A tag block fills the map, so either one counts as set.
  if ((c.fleet_tags !== undefined || c.fleet_tag.length > 0) && !isSpotInstance(c)) {
    out.error('fleet_tags should not be set when not requesting a spot instance');
  }
  if ((c.block_duration_minutes ?? 0) % 60 !== 0) out.error('block_duration_minutes must be multiple of 60');
  if ((c.spot_tags !== undefined || c.spot_tag.length > 0) && !isSpotInstance(c)) {
    out.error('spot_tags should not be set when not requesting a spot instance');
  }
  const strategy = c.spot_allocation_strategy ?? '';
  if (strategy !== '' && !SPOT_STRATEGIES.includes(strategy)) {
    out.error(
      `invalid spot allocation strategy ${goQuote(strategy)}, valid values are either lowest-price, diversified,` +
        'capacity-optimized, capacity-optimized-prioritized, price-capacity-optimized',
    );
  }
  if (c.user_data && c.user_data_file) out.error('Only one of user_data or user_data_file can be specified.');
  else if (c.user_data_file && !existsSync(c.user_data_file)) {
    out.error(`user_data_file not found: ${c.user_data_file}`);
  }
}

function checkNetwork(c: AmazonEbsConfig, out: PrepareErrors): void {
  if (c.security_group_id && (c.security_group_ids ?? []).length > 0) {
    out.error('Only one of security_group_id or security_group_ids can be specified.');
  }
  if ((c.temporary_security_group_source_cidrs ?? []).length > 0 || c.temporary_security_group_source_public_ip) {
    for (const cidr of c.temporary_security_group_source_cidrs ?? []) {
      const problem = cidrProblem(cidr);
      if (problem) out.error(`Error parsing CIDR in temporary_security_group_source_cidrs: ${problem}`);
    }
  }
  const shutdown = c.shutdown_behavior ?? '';
  if (shutdown !== '' && !/^(stop|terminate)$/.test(shutdown)) {
    out.error("shutdown_behavior only accepts 'stop' or 'terminate' values.");
  }
  const type = c.instance_type ?? '';
  if (c.enable_unlimited_credits || c.enable_t2_unlimited) {
    if (!/^t(:?2|3a?|4g)\./.test(type)) {
      out.error(
        `Error: Instance Type: ${type} is not within the supported types for Unlimited credits. ` +
          'Supported instance types are T2, T3, and T4g',
      );
    }
    if (c.spot_price && /^t2\./.test(type)) {
      out.error('Error: Unlimited credits cannot be used in conjunction with Spot Instances');
    }
  }
}

function checkCapacityAndPlacement(c: AmazonEbsConfig, out: PrepareErrors): void {
  const id = c.capacity_reservation_id ?? '';
  const group = c.capacity_reservation_group_arn ?? '';
  const preference = c.capacity_reservation_preference ?? '';
  if (id !== '' && group !== '') {
    out.error(
      'capacity_reservation_id and capacity_reservation_group_arn are mutually exclusive, only one should be used',
    );
  }
  if ((id !== '' || group !== '') && preference !== '') {
    out.error(
      'capacity_reservation_id, capacity_reservation_group_arn and capacity_reservation_preference are mutually ' +
        'exclusive, only one should be set',
    );
  }
  if (!['', 'none', 'open'].includes(preference)) {
    out.error("capacity_reservation_preference only accepts 'none' or 'open' values");
  }
  const placement = c.placement;
  const tenancies = [placement?.tenancy ?? '', c.tenancy ?? ''].filter((t) => t !== '');
  if (tenancies.length > 1) out.error('Error: Please set only one of placement.tenancy and tenancy (deprecated)');
  const tenancy = tenancies[tenancies.length - 1] ?? '';
  if (tenancy !== '' && !['default', 'dedicated', 'host'].includes(tenancy)) {
    out.error(`Error: Unknown tenancy type ${tenancy}`);
  }
  const hostId = placement?.host_id ?? '';
  const hostGroup = placement?.host_resource_group_arn ?? '';
  if (hostId !== '' && hostGroup !== '') {
    out.error('The `host_id` and `host_resource_group_arn` settings cannot be specified at the same time.');
  }
  if ((hostId !== '' || hostGroup !== '') && !['', 'host'].includes(placement?.tenancy ?? '')) {
    out.error(
      'The tenancy should be `host` if either the `host_id` or `host_resource_group_arn` attributes are specified.',
    );
  }
  if (c.enable_nitro_enclave) {
    if (c.spot_price) out.error('Error: Nitro Enclave cannot be used in conjunction with Spot Instances');
    const type = c.instance_type ?? '';
    if (type.startsWith('t')) {
      out.error(`Error: Nitro Enclaves cannot be used in conjunction with burstable instance types: ${type}`);
    }
  }
}
