/*
 * The powershell provisioner's execution_policy: a policy name (any case) or
 * its number, as the provisioner's decode hook reads it. The names in order
 * are the numbers 0 to 7.
 */

const POLICIES = ['bypass', 'allsigned', 'default', 'remotesigned', 'restricted', 'undefined', 'unrestricted', 'none'];

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** The policy's number, or undefined when the text is neither a known name nor an int64. */
export function executionPolicyNumber(text: string): number | undefined {
  if (/^[+-]?\d+$/.test(text)) {
    const n = BigInt(text);
    if (n >= INT64_MIN && n <= INT64_MAX) return Number(n);
  }
  const index = POLICIES.indexOf(text.toLowerCase());
  return index < 0 ? undefined : index;
}

/** The decode error for a text executionPolicyNumber rejects. */
export function executionPolicyError(text: string): string {
  return `${text} does not belong to ExecutionPolicy values`;
}
