import type { Range } from './range.js';

/*
 * The HCL2 syntax tree. Native syntax (.pkr.hcl) parses straight into these nodes;
 * JSON syntax (.pkr.json) lowers its values into the same expression nodes (strings
 * become templates), so the evaluator has one input language. Every node has a Range.
 */

export type Expression =
  | LiteralExpr
  | TemplateExpr
  | TemplateWrapExpr
  | TemplateIfExpr
  | TemplateForExpr
  | VariableExpr
  | GetAttrExpr
  | IndexExpr
  | SplatExpr
  | AnonSymbolExpr
  | FunctionCallExpr
  | ConditionalExpr
  | BinaryOpExpr
  | UnaryOpExpr
  | TupleExpr
  | ObjectExpr
  | ForExpr
  | ParenthesesExpr;

interface Node {
  readonly range: Range;
}

/**
 * A literal value. Numbers keep their source text so that integers beyond 2^53
 * and long decimals stay exact until the evaluator builds a number value.
 */
export type LiteralExpr = Node &
  (
    | { readonly kind: 'Literal'; readonly type: 'number'; readonly text: string }
    | { readonly kind: 'Literal'; readonly type: 'bool'; readonly value: boolean }
    | { readonly kind: 'Literal'; readonly type: 'null' }
    | { readonly kind: 'Literal'; readonly type: 'string'; readonly value: string }
  );

/**
 * A string template: literal parts are `Literal` string nodes (escapes already
 * decoded, strip markers already applied), other parts are interpolations or
 * directives. The result is always a string.
 */
export interface TemplateExpr extends Node {
  readonly kind: 'Template';
  readonly parts: readonly Expression[];
  /** True for heredocs (`<<EOT`), false for quoted strings. */
  readonly heredoc: boolean;
}

/** A template that is exactly one interpolation, `"${expr}"`: yields expr's value unconverted. */
export interface TemplateWrapExpr extends Node {
  readonly kind: 'TemplateWrap';
  readonly wrapped: Expression;
}

/** `%{ if cond }...%{ else }...%{ endif }` inside a template. */
export interface TemplateIfExpr extends Node {
  readonly kind: 'TemplateIf';
  readonly condition: Expression;
  readonly then: TemplateExpr;
  readonly else?: TemplateExpr;
}

/** `%{ for k, v in coll }...%{ endfor }` inside a template. */
export interface TemplateForExpr extends Node {
  readonly kind: 'TemplateFor';
  readonly keyVar?: string;
  readonly valueVar: string;
  readonly collection: Expression;
  readonly body: TemplateExpr;
}

/** A bare name: `var`, `local`, `path`, a for-expression variable ... */
export interface VariableExpr extends Node {
  readonly kind: 'Variable';
  readonly name: string;
}

/** `source.name`. `legacyIndex` is set for the legacy `list.0` form (an index, not an attribute). */
export interface GetAttrExpr extends Node {
  readonly kind: 'GetAttr';
  readonly source: Expression;
  readonly name: string;
  /** The dot and the name (`.name`), as hcl's TraverseAttr.SrcRange, where attribute errors point. */
  readonly nameRange: Range;
  readonly legacyIndex?: boolean;
}

/** `collection[key]`. */
export interface IndexExpr extends Node {
  readonly kind: 'Index';
  readonly collection: Expression;
  readonly key: Expression;
  readonly bracketRange: Range;
}

/**
 * `source.*.rest` (attribute-only splat) or `source[*].rest` (full splat).
 * `each` is evaluated once per element with `AnonSymbol` bound to that element.
 */
export interface SplatExpr extends Node {
  readonly kind: 'Splat';
  readonly splat: 'attr' | 'full';
  readonly source: Expression;
  readonly each: Expression;
  readonly markerRange: Range;
}

/** The placeholder for the current element inside a splat's `each` expression. */
export interface AnonSymbolExpr extends Node {
  readonly kind: 'AnonSymbol';
}

export interface FunctionCallExpr extends Node {
  readonly kind: 'FunctionCall';
  readonly name: string;
  readonly nameRange: Range;
  readonly args: readonly Expression[];
  /** `f(a, list...)`: the last argument is expanded into separate arguments. */
  readonly expandFinal: boolean;
  readonly openParenRange: Range;
  readonly closeParenRange: Range;
}

export interface ConditionalExpr extends Node {
  readonly kind: 'Conditional';
  readonly condition: Expression;
  readonly trueResult: Expression;
  readonly falseResult: Expression;
}

export type BinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface BinaryOpExpr extends Node {
  readonly kind: 'BinaryOp';
  readonly op: BinaryOperator;
  readonly lhs: Expression;
  readonly rhs: Expression;
}

export interface UnaryOpExpr extends Node {
  readonly kind: 'UnaryOp';
  readonly op: '!' | '-';
  readonly operand: Expression;
  readonly symbolRange: Range;
}

export interface TupleExpr extends Node {
  readonly kind: 'Tuple';
  readonly items: readonly Expression[];
  readonly openRange: Range;
}

/**
 * An object key. A bare identifier (`foo = 1`) means the string "foo" unless the
 * key was parenthesised (`(foo) = 1`), in which case it is evaluated.
 */
export interface ObjectKey extends Node {
  readonly kind: 'ObjectKey';
  readonly wrapped: Expression;
  readonly forceNonLiteral: boolean;
}

export interface ObjectItem {
  readonly key: ObjectKey;
  readonly value: Expression;
}

export interface ObjectExpr extends Node {
  readonly kind: 'Object';
  readonly items: readonly ObjectItem[];
  readonly openRange: Range;
}

/** `[for k, v in coll : expr if cond]` or `{for k, v in coll : key => value... if cond}`. */
export interface ForExpr extends Node {
  readonly kind: 'For';
  readonly keyVar?: string;
  readonly valueVar: string;
  readonly collection: Expression;
  /** Present for object-for expressions only. */
  readonly keyExpr?: Expression;
  readonly valueExpr: Expression;
  readonly condition?: Expression;
  /** `...` after the value: group values with the same key into tuples. */
  readonly group: boolean;
  readonly openRange: Range;
  readonly closeRange: Range;
}

export interface ParenthesesExpr extends Node {
  readonly kind: 'Parentheses';
  readonly expression: Expression;
}

/* ---- structure ---- */

export interface Attribute extends Node {
  readonly kind: 'Attribute';
  readonly name: string;
  readonly expr: Expression;
  readonly nameRange: Range;
  readonly equalsRange: Range;
}

export interface Block extends Node {
  readonly kind: 'Block';
  readonly type: string;
  readonly labels: readonly string[];
  readonly body: Body;
  readonly typeRange: Range;
  readonly labelRanges: readonly Range[];
  readonly openBraceRange: Range;
  readonly closeBraceRange: Range;
}

/** A native-syntax body: attributes and blocks in written order. */
export interface Body extends Node {
  readonly kind: 'Body';
  readonly attributes: readonly Attribute[];
  readonly blocks: readonly Block[];
  /** Where to point "missing required argument" diagnostics: the closing brace, or end of file. */
  readonly endRange: Range;
}

/** A parsed source file. `bytes` is kept so diagnostics can quote source lines. */
export interface File {
  readonly filename: string;
  readonly body: Body;
  readonly bytes: Buffer;
}
