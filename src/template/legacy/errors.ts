/*
 * The error values legacy templates report, and how Go prints them:
 * hashicorp/go-multierror's ListFormatFunc, used by the SDK and core.
 */

/** An error made of several (go-multierror); a single error is a list of one. */
export class MultiError {
  constructor(readonly errors: readonly string[]) {}

  /** multierror.ListFormatFunc. */
  text(): string {
    if (this.errors.length === 1) return `1 error occurred:\n\t* ${this.errors[0]}\n\n`;
    return `${this.errors.length} errors occurred:\n\t${this.errors.map((e) => `* ${e}`).join('\n\t')}\n\n`;
  }
}
