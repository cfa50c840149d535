import { goQuote } from '../../eval/functions/gocty.js';

/*
 * The parse tree of Go's text/template/parse (node.go). `pos` is the node's
 * offset in the template text; nodeString renders a node as Go's String()
 * does, which execution errors quote ("at <user \"x\">").
 */

export interface ListNode {
  readonly type: 'list';
  readonly pos: number;
  readonly nodes: Node[];
}

export interface TextNode {
  readonly type: 'text';
  readonly pos: number;
  readonly text: string;
}

export interface PipeNode {
  readonly type: 'pipe';
  readonly pos: number;
  readonly line: number;
  /** The variables are assigned (`=`), not declared (`:=`). */
  isAssign: boolean;
  readonly decl: VariableNode[];
  readonly cmds: CommandNode[];
}

export interface ActionNode {
  readonly type: 'action';
  readonly pos: number;
  readonly line: number;
  readonly pipe: PipeNode;
}

export interface CommandNode {
  readonly type: 'command';
  readonly pos: number;
  readonly args: ArgNode[];
}

export interface IdentifierNode {
  readonly type: 'identifier';
  readonly pos: number;
  readonly ident: string;
}

/** `$x.Field...`: the first name includes the "$". */
export interface VariableNode {
  readonly type: 'variable';
  readonly pos: number;
  readonly ident: string[];
}

export interface DotNode {
  readonly type: 'dot';
  readonly pos: number;
}

export interface NilNode {
  readonly type: 'nil';
  readonly pos: number;
}

/** `.X.Y`, periods dropped. */
export interface FieldNode {
  readonly type: 'field';
  readonly pos: number;
  readonly ident: string[];
}

/** A term followed by field accesses: `(pipeline).X.Y`. */
export interface ChainNode {
  readonly type: 'chain';
  readonly pos: number;
  readonly node: ArgNode;
  readonly field: string[];
}

export interface BoolNode {
  readonly type: 'bool';
  readonly pos: number;
  readonly value: boolean;
}

/** A numeric (or character) constant with every Go type it fits. */
export interface NumberNode {
  readonly type: 'number';
  readonly pos: number;
  readonly isInt: boolean;
  readonly isUint: boolean;
  readonly isFloat: boolean;
  readonly isComplex: boolean;
  readonly int64: bigint;
  readonly uint64: bigint;
  readonly float64: number;
  readonly complex: { readonly re: number; readonly im: number };
  /** The constant as written. */
  readonly text: string;
}

export interface StringNode {
  readonly type: 'string';
  readonly pos: number;
  readonly quoted: string;
  readonly text: string;
}

export interface BranchNode {
  readonly type: 'if' | 'range' | 'with';
  readonly pos: number;
  readonly line: number;
  readonly pipe: PipeNode;
  readonly list: ListNode;
  readonly elseList: ListNode | undefined;
}

export interface TemplateNode {
  readonly type: 'template';
  readonly pos: number;
  readonly line: number;
  /** The template's name, unquoted. */
  readonly name: string;
  readonly pipe: PipeNode | undefined;
}

export interface BreakNode {
  readonly type: 'break';
  readonly pos: number;
  readonly line: number;
}

export interface ContinueNode {
  readonly type: 'continue';
  readonly pos: number;
  readonly line: number;
}

/** Nodes that can be a command's word or argument. */
export type ArgNode =
  | FieldNode
  | ChainNode
  | IdentifierNode
  | VariableNode
  | DotNode
  | NilNode
  | BoolNode
  | NumberNode
  | StringNode
  | PipeNode;

/** Nodes of a template's body. */
export type Node = ListNode | TextNode | ActionNode | BranchNode | TemplateNode | BreakNode | ContinueNode;

export type AnyNode = Node | ArgNode | CommandNode;

/** Go's Node.String(). */
export function nodeString(node: AnyNode): string {
  switch (node.type) {
    case 'list':
      return node.nodes.map(nodeString).join('');
    case 'text':
      return node.text;
    case 'pipe': {
      const decl = node.decl.length > 0 ? `${node.decl.map(nodeString).join(', ')} := ` : '';
      return decl + node.cmds.map(nodeString).join(' | ');
    }
    case 'action':
      return `{{${nodeString(node.pipe)}}}`;
    case 'command':
      return node.args.map((arg) => (arg.type === 'pipe' ? `(${nodeString(arg)})` : nodeString(arg))).join(' ');
    case 'identifier':
      return node.ident;
    case 'variable':
      return node.ident.join('.');
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'field':
      return node.ident.map((id) => `.${id}`).join('');
    case 'chain': {
      const head = node.node.type === 'pipe' ? `(${nodeString(node.node)})` : nodeString(node.node);
      return head + node.field.map((f) => `.${f}`).join('');
    }
    case 'bool':
      return node.value ? 'true' : 'false';
    case 'number':
      return node.text;
    case 'string':
      return node.quoted;
    case 'if':
    case 'range':
    case 'with': {
      const elseText = node.elseList ? `{{else}}${nodeString(node.elseList)}` : '';
      return `{{${node.type} ${nodeString(node.pipe)}}}${nodeString(node.list)}${elseText}{{end}}`;
    }
    case 'template':
      return `{{template ${goQuote(node.name)}${node.pipe ? ` ${nodeString(node.pipe)}` : ''}}}`;
    case 'break':
      return '{{break}}';
    case 'continue':
      return '{{continue}}';
  }
}
