import type { CreditSpecificationRequest, InstanceMetadataOptionsRequest } from '@aws-sdk/client-ec2';
import type { AmazonEbsConfig } from '../schema.js';

/*
 * The instance settings RunInstances and the spot launch template share
 * (the plugin sets them the same way in both): the burstable CPU credit mode
 * and the instance metadata options.
 */
export function creditAndMetadataOptions(c: AmazonEbsConfig): {
  CreditSpecification?: CreditSpecificationRequest;
  MetadataOptions?: InstanceMetadataOptionsRequest;
} {
  const type = c.instance_type ?? '';
  const metadata = c.metadata_options;
  const credits =
    c.enable_unlimited_credits || c.enable_t2_unlimited
      ? { CreditSpecification: { CpuCredits: 'unlimited' } }
      : /^t(2|3a?|4g)\./.test(type)
        ? { CreditSpecification: { CpuCredits: 'standard' } }
        : {};
  if ((metadata?.http_endpoint || 'enabled') !== 'enabled') return credits;
  return {
    ...credits,
    MetadataOptions: {
      HttpEndpoint: 'enabled',
      HttpTokens: (metadata?.http_tokens || 'optional') as 'optional',
      HttpPutResponseHopLimit: metadata?.http_put_response_hop_limit || 1,
      ...(metadata?.instance_metadata_tags === 'enabled' ? { InstanceMetadataTags: 'enabled' as const } : {}),
    },
  };
}
