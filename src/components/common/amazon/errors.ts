/*
 * AWS errors as the plugin matches and prints them (awserrors.Matches): an
 * error code such as "InvalidInstanceID.NotFound" and its message.
 */

/** The AWS error code of a service exception (the SDK puts it in `name`), or "". */
export function awsErrorCode(error: unknown): string {
  if (!(error instanceof Error)) return '';
  const withCode = error as Error & { Code?: unknown; $fault?: unknown };
  if (typeof withCode.Code === 'string') return withCode.Code;
  return withCode.$fault !== undefined ? error.name : '';
}

/** True when the error has this code and its message contains `messagePart`. */
export function awsErrorMatches(error: unknown, code: string, messagePart = ''): boolean {
  return awsErrorCode(error) === code && error instanceof Error && error.message.includes(messagePart);
}

/** "Code: message" for a service exception, the message for anything else. */
export function awsErrorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = awsErrorCode(error);
  return code && !error.message.startsWith(code) ? `${code}: ${error.message}` : error.message;
}
