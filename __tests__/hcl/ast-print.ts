import type { Expression, TemplateExpr } from '../../src/hcl/ast.js';

/** A compact S-expression form of an expression tree, so parser tests can state whole trees in one line. */
export function show(e: Expression): string {
  switch (e.kind) {
    case 'Literal':
      if (e.type === 'number') return `n:${e.text}`;
      if (e.type === 'string') return JSON.stringify(e.value);
      if (e.type === 'bool') return String(e.value);
      return 'null';
    case 'Template':
      return `(${e.heredoc ? 'heredoc' : 'tmpl'}${e.parts.map((p) => ` ${show(p)}`).join('')})`;
    case 'TemplateWrap':
      return `(wrap ${show(e.wrapped)})`;
    case 'TemplateIf':
      return `(if ${show(e.condition)} ${show(e.then)}${e.else ? ` ${show(e.else)}` : ''})`;
    case 'TemplateFor':
      return `(tfor ${e.keyVar ?? '_'} ${e.valueVar} ${show(e.collection)} ${show(e.body as TemplateExpr)})`;
    case 'Variable':
      return e.name;
    case 'GetAttr':
      return `(${e.legacyIndex ? '.#' : '.'} ${show(e.source)} ${e.name})`;
    case 'Index':
      return `(index ${show(e.collection)} ${show(e.key)})`;
    case 'Splat':
      return `(splat-${e.splat} ${show(e.source)} ${show(e.each)})`;
    case 'AnonSymbol':
      return '@';
    case 'FunctionCall':
      return `(call ${e.name}${e.args.map((a) => ` ${show(a)}`).join('')}${e.expandFinal ? ' ...' : ''})`;
    case 'Conditional':
      return `(? ${show(e.condition)} ${show(e.trueResult)} ${show(e.falseResult)})`;
    case 'BinaryOp':
      return `(${e.op} ${show(e.lhs)} ${show(e.rhs)})`;
    case 'UnaryOp':
      return `(${e.op} ${show(e.operand)})`;
    case 'Tuple':
      return `[${e.items.map(show).join(' ')}]`;
    case 'Object':
      return `{${e.items
        .map((i) => `${i.key.forceNonLiteral ? '!' : ''}${show(i.key.wrapped)}=${show(i.value)}`)
        .join(' ')}}`;
    case 'For':
      return `(for ${e.keyVar ?? '_'} ${e.valueVar} ${show(e.collection)}${e.keyExpr ? ` ${show(e.keyExpr)} =>` : ''} ${show(e.valueExpr)}${e.group ? ' ...' : ''}${e.condition ? ` if ${show(e.condition)}` : ''})`;
    case 'Parentheses':
      return `(paren ${show(e.expression)})`;
  }
}
