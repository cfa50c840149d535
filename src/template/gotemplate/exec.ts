import { goQuote } from '../../eval/functions/gocty.js';
import {
  type AnyNode,
  type ArgNode,
  type BranchNode,
  type ChainNode,
  type CommandNode,
  type FieldNode,
  type IdentifierNode,
  type ListNode,
  type Node,
  type NumberNode,
  type PipeNode,
  type TemplateNode,
  type VariableNode,
  nodeString,
} from './ast.js';
import { GoTemplateError } from './errors.js';
import { sprint } from './fmt.js';
import type { GoFunc, ParamType } from './func-spec.js';
import { GoComplex, GoStruct, type GoValue, fromJS, isMap, isTrue, mapGet, mapKeys, typeName } from './values.js';

/*
 * Execution of a parsed template (Go's text/template exec.go): walks the
 * tree, evaluates pipelines against the data, calls functions with Go's
 * argument checking, and prints values with fmt's %v. Errors are thrown as
 * GoTemplateError with Go's wording and location
 * ("template: root:1:3: executing \"root\" at <.X>: ...").
 */

export interface ExecTemplate {
  /** Name of the top-level template, used in error locations. */
  readonly parseName: string;
  readonly text: string;
  readonly trees: ReadonlyMap<string, ListNode>;
}

export interface FuncTable {
  /** Functions given to the template (Packer's and plugins'); they shadow builtins. */
  readonly funcs: ReadonlyMap<string, GoFunc>;
  readonly builtins: ReadonlyMap<string, GoFunc>;
}

// Go's maxExecDepth.
const MAX_EXEC_DEPTH = 100000;

/** "No value passed along the pipeline" (Go's missingVal). */
const MISSING = Symbol('missing');
type Final = GoValue | typeof MISSING;

class BreakSignal {}
class ContinueSignal {}
const BREAK = new BreakSignal();
const CONTINUE = new ContinueSignal();

interface Variable {
  readonly name: string;
  value: GoValue;
}

class State {
  out = '';
  node: AnyNode | undefined;
  vars: Variable[];
  depth = 0;

  constructor(
    readonly tmpl: ExecTemplate,
    public name: string,
    readonly table: FuncTable,
    data: GoValue,
  ) {
    this.vars = [{ name: '$', value: data }];
  }

  at(node: AnyNode): void {
    this.node = node;
  }

  errorf(message: string): never {
    if (this.node === undefined) throw new GoTemplateError(`template: ${this.name}: ${message}`);
    const before = this.tmpl.text.slice(0, this.node.pos);
    const lastNewline = before.lastIndexOf('\n');
    const line = before.split('\n').length;
    const col = Buffer.byteLength(lastNewline < 0 ? before : before.slice(lastNewline + 1));
    const location = `${this.tmpl.parseName}:${line}:${col}`;
    throw new GoTemplateError(
      `template: ${location}: executing ${goQuote(this.name)} at <${nodeString(this.node)}>: ${message}`,
    );
  }

  mark(): number {
    return this.vars.length;
  }

  pop(mark: number): void {
    this.vars.length = mark;
  }

  setVar(name: string, value: GoValue): void {
    const v = this.vars.findLast((x) => x.name === name);
    if (!v) this.errorf(`undefined variable: ${name}`);
    v.value = value;
  }

  varValue(name: string): GoValue {
    const v = this.vars.findLast((x) => x.name === name);
    if (!v) this.errorf(`undefined variable: ${name}`);
    return v.value;
  }

  walk(dot: GoValue, node: Node): void {
    this.at(node);
    switch (node.type) {
      case 'action': {
        // Declared variables persist until {{end}}; a declaration prints nothing.
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
      case 'if':
      case 'with':
        return this.walkIfOrWith(dot, node);
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'range':
        return this.walkRange(dot, node);
      case 'template':
        return this.walkTemplate(dot, node);
      case 'text':
        this.out += node.text;
        return;
    }
  }

  walkIfOrWith(dot: GoValue, node: BranchNode): void {
    const mark = this.mark();
    try {
      const val = this.evalPipeline(dot, node.pipe);
      if (isTrue(val)) this.walk(node.type === 'with' ? val : dot, node.list);
      else if (node.elseList) this.walk(dot, node.elseList);
    } finally {
      this.pop(mark);
    }
  }

  walkRange(dot: GoValue, r: BranchNode): void {
    this.at(r);
    const outer = this.mark();
    try {
      const val = this.evalPipeline(dot, r.pipe);
      const mark = this.mark();
      const oneIteration = (index: GoValue, elem: GoValue): void => {
        // The last declared variable is the element; a first of two is the index.
        if (r.pipe.decl.length > 0) this.vars[this.vars.length - 1]!.value = elem;
        if (r.pipe.decl.length > 1) this.vars[this.vars.length - 2]!.value = index;
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (e !== CONTINUE) throw e;
        } finally {
          this.pop(mark);
        }
      };
      if (this.rangeOver(val, r, oneIteration)) return;
      if (r.elseList) this.walk(dot, r.elseList);
    } catch (e) {
      if (e !== BREAK) throw e;
    } finally {
      this.pop(outer);
    }
  }

  /** Runs the iterations; false when there were none (the else branch runs). */
  rangeOver(val: GoValue, r: BranchNode, each: (index: GoValue, elem: GoValue) => void): boolean {
    if (val === undefined || val === null) return false;
    if (Array.isArray(val)) {
      val.forEach((el: unknown, i) => each(BigInt(i), fromJS(el)));
      return val.length > 0;
    }
    if (typeof val === 'bigint') {
      // Go 1.22: range over an integer.
      if (r.pipe.decl.length > 1) this.errorf(`can't use ${sprint([val])} to iterate over more than one variable`);
      for (let i = 0n; i < val; i++) each(i, i);
      return val > 0n;
    }
    if (isMap(val)) {
      const keys = mapKeys(val);
      for (const key of keys) each(key, mapGet(val, key));
      return keys.length > 0;
    }
    this.errorf(`range can't iterate over ${sprint([val])}`);
  }

  walkTemplate(dot: GoValue, t: TemplateNode): void {
    this.at(t);
    const tree = this.tmpl.trees.get(t.name);
    if (!tree) this.errorf(`template ${goQuote(t.name)} not defined`);
    if (this.depth === MAX_EXEC_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
    const newDot = this.evalPipeline(dot, t.pipe);
    const saved = { vars: this.vars, name: this.name };
    // No dynamic scoping: the invoked template sees only $.
    this.vars = [{ name: '$', value: newDot }];
    this.name = t.name;
    this.depth++;
    try {
      this.walk(newDot, tree);
    } catch (e) {
      // JavaScript's stack is smaller than Go's: report its overflow as Go's depth limit.
      if (e instanceof RangeError) {
        this.at(t);
        this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
      }
      throw e;
    } finally {
      this.depth--;
      this.vars = saved.vars;
      this.name = saved.name;
    }
  }

  evalPipeline(dot: GoValue, pipe: PipeNode | undefined): GoValue {
    if (!pipe) return undefined;
    this.at(pipe);
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      // A nil interface{} result is no value at all (Go digs into interface{}).
      if (value === null) value = undefined;
    }
    const result = value === MISSING ? undefined : value;
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0]!, result);
      else this.vars.push({ name: v.ident[0]!, value: result });
    }
    return result;
  }

  notAFunction(args: readonly ArgNode[] | undefined, final: Final): void {
    if ((args && args.length > 1) || final !== MISSING) {
      this.errorf(`can't give argument to non-function ${nodeString(args![0]!)}`);
    }
  }

  evalCommand(dot: GoValue, cmd: CommandNode, final: Final): GoValue {
    const args = cmd.args;
    const first = args[0]!;
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, args, final);
      case 'chain':
        return this.evalChainNode(dot, first, args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, args, final);
      case 'pipe':
        this.notAFunction(args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(dot, first, args, final);
    }
    this.at(first);
    this.notAFunction(args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        return this.errorf('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.text;
    }
  }

  /** A number constant in a context without a type: its syntax decides. */
  idealConstant(c: NumberNode): GoValue {
    this.at(c);
    if (c.isComplex) return new GoComplex(c.complex.re, c.complex.im);
    const hexInt = /^0[xX]/.test(c.text) && !/[pP]/.test(c.text);
    if (c.isFloat && !hexInt && !c.text.startsWith("'") && /[.eEpP]/.test(c.text)) return c.float64;
    if (c.isInt) return c.int64;
    if (c.isUint) this.errorf(`${c.text} overflows int`);
    return undefined;
  }

  evalFieldNode(dot: GoValue, field: FieldNode, args: readonly ArgNode[] | undefined, final: Final): GoValue {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  evalChainNode(dot: GoValue, chain: ChainNode, args: readonly ArgNode[] | undefined, final: Final): GoValue {
    this.at(chain);
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const receiver = this.evalArg(dot, undefined, chain.node);
    return this.evalFieldChain(dot, receiver, chain, chain.field, args, final);
  }

  evalVariableNode(dot: GoValue, v: VariableNode, args: readonly ArgNode[] | undefined, final: Final): GoValue {
    this.at(v);
    const value = this.varValue(v.ident[0]!);
    if (v.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  evalFieldChain(
    dot: GoValue,
    receiver: GoValue,
    node: AnyNode,
    ident: readonly string[],
    args: readonly ArgNode[] | undefined,
    final: Final,
  ): GoValue {
    // A map entry's static type is interface {}, which Go names in errors.
    let boxed = false;
    for (const name of ident.slice(0, -1)) {
      const fromMap = isMap(receiver);
      receiver = this.evalField(name, undefined, MISSING, receiver, boxed);
      boxed = fromMap;
    }
    return this.evalField(ident[ident.length - 1]!, args, final, receiver, boxed);
  }

  evalField(
    name: string,
    args: readonly ArgNode[] | undefined,
    final: Final,
    receiver: GoValue,
    boxed: boolean,
  ): GoValue {
    if (receiver === undefined) return undefined;
    if (receiver === null) this.errorf(`nil pointer evaluating interface {}.${name}`);
    const hasArgs = (args !== undefined && args.length > 1) || final !== MISSING;
    if (receiver instanceof GoStruct) {
      if (Object.hasOwn(receiver.fields, name)) {
        if (hasArgs) this.errorf(`${name} has arguments but cannot be invoked as function`);
        return fromJS(receiver.fields[name]);
      }
    } else if (isMap(receiver)) {
      if (hasArgs) this.errorf(`${name} is not a method but has arguments`);
      return mapGet(receiver, name);
    }
    this.errorf(`can't evaluate field ${name} in type ${boxed ? 'interface {}' : typeName(receiver)}`);
  }

  evalFunction(
    dot: GoValue,
    node: IdentifierNode,
    cmd: AnyNode,
    args: readonly ArgNode[] | undefined,
    final: Final,
  ): GoValue {
    this.at(node);
    const name = node.ident;
    const fn = this.table.funcs.get(name) ?? this.table.builtins.get(name);
    if (!fn) this.errorf(`${goQuote(name)} is not a defined function`);
    const isBuiltin = !this.table.funcs.has(name);
    return this.evalCall(dot, fn, isBuiltin, cmd, name, args, final);
  }

  evalCall(
    dot: GoValue,
    fn: GoFunc,
    isBuiltin: boolean,
    node: AnyNode,
    name: string,
    allArgs: readonly ArgNode[] | undefined,
    final: Final,
  ): GoValue {
    const args = allArgs ? allArgs.slice(1) : [];
    const numIn = args.length + (final !== MISSING ? 1 : 0);
    let numFixed = args.length;
    if (fn.variadic) {
      numFixed = fn.params.length;
      if (numIn < numFixed)
        this.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${args.length}`);
    } else if (numIn !== fn.params.length) {
      this.errorf(`wrong number of args for ${name}: want ${fn.params.length} got ${numIn}`);
    }

    // and/or short-circuit: they return the first decisive argument unevaluated further.
    if (isBuiltin && (name === 'and' || name === 'or')) {
      let v: GoValue;
      for (const arg of args) {
        v = this.evalArg(dot, 'value', arg);
        if (isTrue(v) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = this.validateType(final, 'value');
      return v;
    }

    const argv: GoValue[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++) argv.push(this.evalArg(dot, fn.params[i], args[i]!));
    if (fn.variadic) for (; i < args.length; i++) argv.push(this.evalArg(dot, fn.variadic, args[i]!));
    if (final !== MISSING) {
      const t = fn.variadic && numIn - 1 >= numFixed ? fn.variadic : fn.params[numIn - 1];
      argv.push(this.validateType(final, t));
    }
    try {
      return fn.call(argv);
    } catch (e) {
      if (e instanceof GoTemplateError || !(e instanceof Error)) throw e;
      this.at(node);
      this.errorf(`error calling ${name}: ${e.message}`);
    }
  }

  /** Go's validateType: the value must be valid and of the parameter's type. */
  validateType(value: GoValue, type: ParamType | undefined): GoValue {
    if (value === undefined) {
      if (type === undefined || type === 'value') return undefined;
      if (type === 'any') return null;
      this.errorf(`invalid value; expected ${type}`);
    }
    if (type === undefined || type === 'value' || type === 'any') return value;
    const got = typeName(value);
    if (got !== type) this.errorf(`wrong type for value; expected ${type}; got ${got}`);
    return value;
  }

  evalArg(dot: GoValue, type: ParamType | undefined, n: ArgNode): GoValue {
    this.at(n);
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, type);
      case 'nil':
        if (type === 'value') return undefined;
        if (type === 'any' || type === undefined) return null;
        return this.errorf(`cannot assign nil to ${type}`);
      case 'field':
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), type);
      case 'variable':
        return this.validateType(this.evalVariableNode(dot, n, undefined, MISSING), type);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), type);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, undefined, MISSING), type);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, undefined, MISSING), type);
    }
    switch (type) {
      case 'bool':
        if (n.type === 'bool') return n.value;
        return this.errorf(`expected bool; found ${nodeString(n)}`);
      case 'string':
        if (n.type === 'string') return n.text;
        return this.errorf(`expected string; found ${nodeString(n)}`);
      case 'int':
        if (n.type === 'number' && n.isInt) return n.int64;
        return this.errorf(`expected integer; found ${nodeString(n)}`);
      case 'float64':
        if (n.type === 'number' && n.isFloat) return n.float64;
        this.errorf(`expected float; found ${nodeString(n)}`);
    }
    switch (n.type) {
      case 'bool':
        return n.value;
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return n.text;
    }
  }

  printValue(node: AnyNode, v: GoValue): void {
    this.at(node);
    this.out += v === undefined ? '<no value>' : sprint([v]);
  }
}

/** Executes the template named `name` with `data` as dot; returns the output. */
export function execute(tmpl: ExecTemplate, name: string, table: FuncTable, data: unknown): string {
  const state: State = new State(tmpl, name, table, fromJS(data));
  const root = tmpl.trees.get(name);
  if (!root) state.errorf(`${goQuote(name)} is an incomplete or empty template`);
  state.walk(state.vars[0]!.value, root);
  return state.out;
}
