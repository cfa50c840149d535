/*
 * Which KMS key references the Amazon plugin accepts (ValidateKmsKey): a key
 * ID, a multi-region key ID, an alias, or the ARN of one of them.
 */

const KEY_ID = '[a-f0-9]+[a-f0-9-]+$';
const MRK_KEY_ID = 'mrk-[a-f0-9]+[a-f0-9-]+$';
const ALIAS = 'alias/[a-zA-Z0-9:/_-]+$';
const ARN_START = '^arn:aws(-[a-z]{2}(-gov)?)?:kms:([a-z]{2}-(gov-)?[a-z]+-\\d{1})?:(\\d{12}):';

const PATTERNS = [
  `^${KEY_ID}`,
  `^${MRK_KEY_ID}`,
  `^${ALIAS}`,
  `${ARN_START}key/${KEY_ID}`,
  `${ARN_START}key/${MRK_KEY_ID}`,
  `${ARN_START}${ALIAS}`,
].map((p) => new RegExp(p));

export function isValidKmsKey(key: string): boolean {
  return PATTERNS.some((p) => p.test(key));
}
