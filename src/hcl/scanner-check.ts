import { errorDiag, type Diagnostic } from './diagnostics.js';
import { T, type Token } from './scanner-tokens.js';

/*
 * Diagnostics for tokens that never belong in HCL source, reported once up front
 * (as hclsyntax's checkInvalidTokens) so the parser need not special-case them.
 * Repeats of the same mistake are limited to keep the output readable.
 */

const BITWISE_HINT: Partial<Record<T, string>> = {
  [T.BitwiseAnd]: ' Did you mean boolean AND ("&&")?',
  [T.BitwiseOr]: ' Did you mean boolean OR ("||")?',
  [T.BitwiseNot]: ' Did you mean boolean NOT ("!")?',
  [T.BitwiseXor]: '',
};

export function checkInvalidTokens(tokens: readonly Token[], src: string): Diagnostic[] {
  const diags: Diagnostic[] = [];
  let bitwise = 0;
  let backtick = 0;
  let apostrophe = 0;
  let semicolon = 0;
  let badUtf8 = 0;
  for (const tok of tokens) {
    const r = tok.range;
    switch (tok.type) {
      case T.BitwiseAnd:
      case T.BitwiseOr:
      case T.BitwiseNot:
      case T.BitwiseXor:
        if (bitwise < 4) {
          diags.push(
            errorDiag('Unsupported operator', `Bitwise operators are not supported.${BITWISE_HINT[tok.type] ?? ''}`, r),
          );
          bitwise++;
        }
        break;
      case T.Backtick:
        // Only every other one, so a backtick-quoted string is reported once.
        if (backtick % 2 === 0) {
          diags.push(
            errorDiag(
              'Invalid character',
              'The "`" character is not valid. To create a multi-line string, use the "heredoc" syntax, like "<<EOT".',
              r,
            ),
          );
        }
        if (backtick <= 2) backtick++;
        break;
      case T.Apostrophe:
        if (apostrophe % 2 === 0) {
          diags.push(
            errorDiag('Invalid character', 'Single quotes are not valid. Use double quotes (") to enclose strings.', r),
          );
        }
        if (apostrophe <= 2) apostrophe++;
        break;
      case T.Semicolon:
        if (semicolon < 1) {
          diags.push(
            errorDiag(
              'Invalid character',
              'The ";" character is not valid. Use newlines to separate arguments and blocks, and commas to separate items in collection values.',
              r,
            ),
          );
          semicolon++;
        }
        break;
      case T.BadUTF8:
        if (badUtf8 < 1) {
          diags.push(
            errorDiag(
              'Invalid character encoding',
              'All input files must be UTF-8 encoded. Ensure that UTF-8 encoding is selected in your editor.',
              r,
            ),
          );
          badUtf8++;
        }
        break;
      case T.QuotedNewline:
        diags.push(
          errorDiag(
            'Invalid multi-line string',
            'Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n escape to represent a newline character or use the "heredoc" multi-line template syntax.',
            r,
          ),
        );
        break;
      case T.Invalid: {
        const ch = src.slice(tok.start, tok.end);
        diags.push(
          ch === '\u201c' || ch === '\u201d'
            ? errorDiag(
                'Invalid character',
                '"Curly quotes" are not valid here. These can sometimes be inadvertently introduced when sharing code via documents or discussion forums. It might help to replace the character with a "straight quote".',
                r,
              )
            : errorDiag('Invalid character', 'This character is not used within the language.', r),
        );
        break;
      }
    }
  }
  return diags;
}
