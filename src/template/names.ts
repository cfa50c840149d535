/** hclsyntax.ValidIdentifier: a letter or underscore, then letters, digits, underscores and dashes. */
export function isValidIdentifier(name: string): boolean {
  return /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_-]*$/u.test(name);
}

export const BAD_IDENTIFIER_DETAIL =
  'A name must start with a letter or underscore and may contain only letters, digits, underscores, and dashes.';
