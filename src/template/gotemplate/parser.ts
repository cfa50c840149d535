import { goQuote } from '../../eval/functions/gocty.js';
import {
  type ArgNode,
  type BranchNode,
  type CommandNode,
  type ListNode,
  type Node,
  nodeString,
  type PipeNode,
  type TemplateNode,
  type VariableNode,
} from './ast.js';
import { GoTemplateError } from './errors.js';
import { type Item, type ItemType, itemString, lex } from './lexer.js';
import { unquote } from './literals.js';
import { newNumber } from './number.js';

/*
 * The recursive-descent parser of Go's text/template/parse (parse.go). One
 * parse yields the named top-level tree plus every {{define}}/{{block}} tree.
 * Errors are thrown as GoTemplateError with Go's wording
 * ("template: NAME:LINE: unexpected ...").
 */

/** Parser-internal markers that end an item list. */
interface MarkerBase {
  readonly pos: number;
  readonly line: number;
}
type EndMarker = (MarkerBase & { readonly type: 'end' }) | (MarkerBase & { readonly type: 'else' });

type ListItem = Node | EndMarker;

/** The item stream shared by a template and the definitions inside it. */
class Stream {
  index = 0;
  /** Index of the furthest item read; Go reports errors at its line. */
  furthest = 0;

  constructor(readonly items: readonly Item[]) {}

  at(i: number): Item {
    return this.items[Math.min(i, this.items.length - 1)]!;
  }

  next(): Item {
    const item = this.at(this.index);
    this.furthest = Math.max(this.furthest, this.index);
    this.index++;
    return item;
  }

  peek(): Item {
    this.furthest = Math.max(this.furthest, this.index);
    return this.at(this.index);
  }

  nextNonSpace(): Item {
    let item: Item;
    do item = this.next();
    while (item.type === 'space');
    return item;
  }

  /** Like Go's peekNonSpace, the spaces before the token stay consumed. */
  peekNonSpace(): Item {
    const item = this.nextNonSpace();
    this.index--;
    return item;
  }
}

export type TreeSet = Map<string, ListNode>;

/** Whether a tree holds nothing but space (Go's IsEmptyTree). */
export function isEmptyTree(node: ListNode): boolean {
  return node.nodes.every((n) => n.type === 'text' && n.text.trim() === '');
}

class Tree {
  vars: string[] = ['$'];
  actionLine = 0;
  rangeDepth = 0;

  constructor(
    public name: string,
    readonly parseName: string,
    readonly stream: Stream,
    readonly treeSet: TreeSet,
    readonly hasFunction: (name: string) => boolean,
  ) {}

  errorf(message: string): never {
    const line = this.stream.at(this.stream.furthest).line;
    throw new GoTemplateError(`template: ${this.parseName}:${line}: ${message}`);
  }

  unexpected(token: Item, context: string): never {
    if (token.type === 'error') {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${itemString(token)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  expect(expected: ItemType, context: string): Item {
    const token = this.stream.nextNonSpace();
    if (token.type !== expected) this.unexpected(token, context);
    return token;
  }

  unquote(token: Item): string {
    try {
      return unquote(token.val);
    } catch (e) {
      this.errorf((e as Error).message);
    }
  }

  sub(name: string): Tree {
    return new Tree(name, this.parseName, this.stream, this.treeSet, this.hasFunction);
  }

  add(root: ListNode): void {
    const existing = this.treeSet.get(this.name);
    if (existing === undefined || isEmptyTree(existing)) {
      this.treeSet.set(this.name, root);
      return;
    }
    if (!isEmptyTree(root)) this.errorf(`template: multiple definition of template ${goQuote(this.name)}`);
  }

  /** The top level: text, actions and {{define}}s, to EOF. */
  parse(): ListNode {
    const s = this.stream;
    const root: ListNode = { type: 'list', pos: s.peek().pos, nodes: [] };
    while (s.peek().type !== 'EOF') {
      if (s.peek().type === 'leftDelim') {
        const mark = s.index;
        s.next();
        if (s.nextNonSpace().type === 'define') {
          this.sub('definition').parseDefinition();
          continue;
        }
        s.index = mark;
      }
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected {{${n.type}}}`);
      root.nodes.push(n);
    }
    return root;
  }

  parseDefinition(): void {
    const context = 'define clause';
    const token = this.stream.nextNonSpace();
    if (token.type !== 'string' && token.type !== 'rawString') this.unexpected(token, context);
    this.name = this.unquote(token);
    this.expect('rightDelim', context);
    const [list, end] = this.itemList();
    if (end.type !== 'end') this.errorf(`unexpected {{${end.type}}} in ${context}`);
    this.add(list);
  }

  itemList(): [ListNode, EndMarker] {
    const list: ListNode = { type: 'list', pos: this.stream.peekNonSpace().pos, nodes: [] };
    while (this.stream.peekNonSpace().type !== 'EOF') {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  textOrAction(): ListItem {
    const token = this.stream.nextNonSpace();
    switch (token.type) {
      case 'text':
        return { type: 'text', pos: token.pos, text: token.val };
      case 'leftDelim':
        this.actionLine = token.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      default:
        this.unexpected(token, 'input');
    }
  }

  action(): ListItem {
    const s = this.stream;
    const token = s.nextNonSpace();
    switch (token.type) {
      case 'block':
        return this.blockControl();
      case 'break':
      case 'continue':
        return this.loopControl(token);
      case 'else':
        return this.elseControl();
      case 'end':
        return { type: 'end', pos: this.expect('rightDelim', 'end').pos, line: token.line };
      case 'if':
        return this.branch('if');
      case 'range':
        return this.branch('range');
      case 'template':
        return this.templateControl();
      case 'with':
        return this.branch('with');
    }
    s.index--;
    const first = s.peek();
    // Variables are not popped: they persist until {{end}}.
    return { type: 'action', pos: first.pos, line: first.line, pipe: this.pipeline('command', 'rightDelim') };
  }

  loopControl(keyword: Item): Node {
    const name = keyword.type as 'break' | 'continue';
    const token = this.stream.nextNonSpace();
    if (token.type !== 'rightDelim') this.unexpected(token, `{{${name}}}`);
    if (this.rangeDepth === 0) this.errorf(`{{${name}}} outside {{range}}`);
    return { type: name, pos: keyword.pos, line: keyword.line };
  }

  elseControl(): EndMarker {
    const peek = this.stream.peekNonSpace();
    // "{{else if ...": leave the "if" pending; parseControl reads it.
    if (peek.type === 'if') return { type: 'else', pos: peek.pos, line: peek.line };
    const token = this.expect('rightDelim', 'else');
    return { type: 'else', pos: token.pos, line: token.line };
  }

  pipeline(context: string, end: ItemType): PipeNode {
    const s = this.stream;
    const first = s.peekNonSpace();
    const pipe: PipeNode = { type: 'pipe', pos: first.pos, line: first.line, isAssign: false, decl: [], cmds: [] };
    this.declarations(pipe, context);
    for (;;) {
      const token = s.nextNonSpace();
      switch (token.type) {
        case end:
          this.checkPipeline(pipe, context);
          return pipe;
        case 'bool':
        case 'charConstant':
        case 'complex':
        case 'dot':
        case 'field':
        case 'identifier':
        case 'number':
        case 'nil':
        case 'rawString':
        case 'string':
        case 'variable':
        case 'leftParen':
          s.index--;
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(token, context);
      }
    }
  }

  /** `$x :=`, `$x =`, and range's `$i, $e :=`. */
  declarations(pipe: PipeNode, context: string): void {
    const s = this.stream;
    for (;;) {
      const v = s.peekNonSpace();
      if (v.type !== 'variable') return;
      const mark = s.index;
      s.next();
      const next = s.peekNonSpace();
      const declare = (): void => {
        s.nextNonSpace();
        pipe.decl.push(variableNode(v.pos, v.val));
        this.vars.push(v.val);
      };
      if (next.type === 'assign' || next.type === 'declare') {
        pipe.isAssign = next.type === 'assign';
        declare();
        return;
      }
      if (next.type === 'char' && next.val === ',') {
        declare();
        if (context === 'range' && pipe.decl.length < 2) {
          const after = s.peekNonSpace().type;
          if (after === 'variable' || after === 'rightDelim' || after === 'rightParen') continue;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      }
      s.index = mark;
      return;
    }
  }

  checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      const kind = c.args[0]!.type;
      if (kind === 'bool' || kind === 'dot' || kind === 'nil' || kind === 'number' || kind === 'string') {
        this.errorf(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  }

  parseControl(allowElseIf: boolean, context: 'if' | 'range' | 'with'): Omit<BranchNode, 'type'> {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(context, 'rightDelim');
      if (context === 'range') this.rangeDepth++;
      const [list, first] = this.itemList();
      let next = first;
      if (context === 'range') this.rangeDepth--;
      let elseList: ListNode | undefined;
      if (next.type === 'else') {
        if (allowElseIf && this.stream.peek().type === 'if') {
          // {{if a}}_{{else if b}}_{{end}} is {{if a}}_{{else}}{{if b}}_{{end}}{{end}}.
          this.stream.next();
          elseList = { type: 'list', pos: next.pos, nodes: [this.branch('if')] };
        } else {
          [elseList, next] = this.itemList();
          if (next.type !== 'end') this.errorf(`expected end; found {{${next.type}}}`);
        }
      }
      return { pos: pipe.pos, line: pipe.line, pipe, list, elseList };
    } finally {
      this.vars.length = mark;
    }
  }

  branch(type: 'if' | 'range' | 'with'): BranchNode {
    return { type, ...this.parseControl(type === 'if', type) };
  }

  blockControl(): TemplateNode {
    const context = 'block clause';
    const token = this.stream.nextNonSpace();
    const name = this.templateName(token, context);
    const pipe = this.pipeline(context, 'rightDelim');
    const block = this.sub(name);
    const [list, end] = block.itemList();
    if (end.type !== 'end') this.errorf(`unexpected {{${end.type}}} in ${context}`);
    block.add(list);
    return { type: 'template', pos: token.pos, line: token.line, name, pipe };
  }

  templateControl(): TemplateNode {
    const context = 'template clause';
    const s = this.stream;
    const token = s.nextNonSpace();
    const name = this.templateName(token, context);
    let pipe: PipeNode | undefined;
    if (s.nextNonSpace().type !== 'rightDelim') {
      s.index--;
      pipe = this.pipeline(context, 'rightDelim');
    }
    return { type: 'template', pos: token.pos, line: token.line, name, pipe };
  }

  templateName(token: Item, context: string): string {
    if (token.type !== 'string' && token.type !== 'rawString') this.unexpected(token, context);
    return this.unquote(token);
  }

  command(): CommandNode {
    const s = this.stream;
    const cmd: CommandNode = { type: 'command', pos: s.peekNonSpace().pos, args: [] };
    for (;;) {
      s.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const token = s.next();
      if (token.type === 'space') continue;
      if (token.type === 'rightDelim' || token.type === 'rightParen') s.index--;
      else if (token.type !== 'pipe') this.unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  operand(): ArgNode | undefined {
    const s = this.stream;
    const node = this.term();
    if (!node || s.peek().type !== 'field') return node;
    const pos = s.peek().pos;
    const fields: string[] = [];
    while (s.peek().type === 'field') fields.push(s.next().val.slice(1));
    switch (node.type) {
      case 'field':
        return { type: 'field', pos, ident: [...node.ident, ...fields] };
      case 'variable':
        return { type: 'variable', pos, ident: [...node.ident, ...fields] };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        return this.errorf(`unexpected . after term ${goQuote(nodeString(node))}`);
      default:
        return { type: 'chain', pos, node, field: fields };
    }
  }

  term(): ArgNode | undefined {
    const s = this.stream;
    const token = s.nextNonSpace();
    switch (token.type) {
      case 'identifier':
        if (!this.hasFunction(token.val)) this.errorf(`function ${goQuote(token.val)} not defined`);
        return { type: 'identifier', pos: token.pos, ident: token.val };
      case 'dot':
        return { type: 'dot', pos: token.pos };
      case 'nil':
        return { type: 'nil', pos: token.pos };
      case 'variable':
        return this.useVar(token.pos, token.val);
      case 'field':
        return { type: 'field', pos: token.pos, ident: token.val.slice(1).split('.') };
      case 'bool':
        return { type: 'bool', pos: token.pos, value: token.val === 'true' };
      case 'charConstant':
      case 'complex':
      case 'number':
        try {
          return newNumber(token.pos, token.val, token.type);
        } catch (e) {
          return this.errorf((e as Error).message);
        }
      case 'leftParen':
        return this.pipeline('parenthesized pipeline', 'rightParen');
      case 'string':
      case 'rawString':
        return { type: 'string', pos: token.pos, quoted: token.val, text: this.unquote(token) };
    }
    s.index--;
    return undefined;
  }

  useVar(pos: number, name: string): VariableNode {
    const v = variableNode(pos, name);
    if (!this.vars.includes(v.ident[0]!)) this.errorf(`undefined variable ${goQuote(v.ident[0]!)}`);
    return v;
  }
}

function variableNode(pos: number, ident: string): VariableNode {
  return { type: 'variable', pos, ident: ident.split('.') };
}

/**
 * Parses `text` as the template `name`; returns every tree the text defines,
 * keyed by name (the top-level one included). `hasFunction` says which
 * function names exist (Go checks them at parse time).
 */
export function parseTrees(text: string, name: string, hasFunction: (fn: string) => boolean): TreeSet {
  const items = lex(text, !hasFunction('break'), !hasFunction('continue'));
  const treeSet: TreeSet = new Map();
  const tree = new Tree(name, name, new Stream(items), treeSet, hasFunction);
  tree.add(tree.parse());
  return treeSet;
}
