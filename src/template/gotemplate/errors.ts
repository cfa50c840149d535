/**
 * An error from parsing or executing a Go text/template, worded as Go's
 * (`template: root:1: unexpected "}" in operand`,
 * `template: root:1:2: executing "root" at <user "x">: error calling user: ...`).
 */
export class GoTemplateError extends Error {
  override readonly name = 'GoTemplateError';
}

/** An error a template function returns as its `error` result. */
export class GoFuncError extends Error {
  override readonly name = 'GoFuncError';
}
