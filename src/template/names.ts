// For an ASCII name the Unicode test is the same as this one, which is cheap to
// compile; the Unicode classes cost ~1.5 ms the first time, on every start that
// loads a template. (\p{L} and \p{Nd} are A-Za-z and 0-9 in ASCII, \p{Pc} is _,
// and \p{Nl}, \p{Mn} and \p{Mc} have no ASCII members.)
const NON_ASCII = /[^\p{ASCII}]/u;
const ASCII_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** hclsyntax.ValidIdentifier: a letter or underscore, then letters, digits, underscores and dashes. */
export function isValidIdentifier(name: string): boolean {
  if (!NON_ASCII.test(name)) return ASCII_IDENTIFIER.test(name);
  return /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_-]*$/u.test(name);
}

export const BAD_IDENTIFIER_DETAIL =
  'A name must start with a letter or underscore and may contain only letters, digits, underscores, and dashes.';
