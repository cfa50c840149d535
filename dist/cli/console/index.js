import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ // The require scope
/******/ var __nccwpck_require__ = {};
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ evaluateLine),
  R: () => (/* binding */ runConsole)
});

;// CONCATENATED MODULE: external "node:readline"
const external_node_readline_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline");
;// CONCATENATED MODULE: ./build/hcl/quote.js
/*
 * Go's strconv.Quote (fmt's %q), which hcl uses in diagnostic details and in the
 * block headers of rendered diagnostics, so Kiln's wording matches byte for byte.
 */
const PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u;
const SHORT_ESCAPES = {
    7: '\\a',
    8: '\\b',
    9: '\\t',
    10: '\\n',
    11: '\\v',
    12: '\\f',
    13: '\\r',
    34: '\\"',
    92: '\\\\',
};
function hex(n, width) {
    return n.toString(16).padStart(width, '0');
}
function goQuote(s) {
    let out = '"';
    for (const ch of s) {
        const c = ch.codePointAt(0) ?? 0;
        const short = SHORT_ESCAPES[c];
        if (short !== undefined)
            out += short;
        else if (c >= 0x20 && c < 0x7f)
            out += ch;
        else if (c < 0x80)
            out += `\\x${hex(c, 2)}`;
        else if (PRINTABLE.test(ch))
            out += ch;
        else if (c < 0x10000)
            out += `\\u${hex(c, 4)}`;
        else
            out += `\\U${hex(c, 8)}`;
    }
    return out + '"';
}

;// CONCATENATED MODULE: ./build/hcl/diagnostic-text.js

const DEFAULT_WIDTH = 80;
function diagnostic_text_formatDiagnostics(diags, files, opts = {}) {
    return diags.map((d) => formatDiagnostic(d, files, opts)).join('');
}
/** Diagnostics without their source files (Packer's fmt passes none): every snippet is "not available". */
function diagnosticsText(diags, width = DEFAULT_WIDTH) {
    return diagnostic_text_formatDiagnostics(diags, new Map(), { width });
}
function formatDiagnostic(diag, files, opts = {}) {
    const color = opts.color ?? false;
    const width = opts.width ?? DEFAULT_WIDTH;
    const colorCode = color ? (diag.severity === 'error' ? '\x1b[31m' : '\x1b[33m') : '';
    const reset = color ? '\x1b[0m' : '';
    const severity = diag.severity === 'error' ? 'Error' : 'Warning';
    let out = `${colorCode}${severity}${reset}: ${diag.summary}\n\n`;
    const subject = diag.subject;
    if (subject) {
        const file = files.get(subject.filename);
        if (file === undefined) {
            out += `  on ${subject.filename} line ${subject.start.line}:\n  (source code not available)\n\n`;
        }
        else {
            const context = contextString(file, subject.start.byte);
            out += `  on ${subject.filename} line ${subject.start.line}${context ? `, in ${context}` : ''}:\n`;
            let snip = [subject.start.byte, subject.end.byte];
            if (diag.context)
                snip = spanOver(snip, [diag.context.start.byte, diag.context.end.byte]);
            out += snippet(file.bytes, nonEmpty(snip), nonEmpty([subject.start.byte, subject.end.byte]), color);
            out += '\n';
        }
        out += valueLines(diag.valueContext ?? []);
    }
    if (diag.detail)
        out += `${width > 0 ? wrapString(diag.detail, width) : diag.detail}\n\n`;
    return out;
}
/** `with x as 1,` / `     y as 2.` and a blank line, as hcl writes the values of an expression's variables. */
function valueLines(statements) {
    const last = statements.length - 1;
    return statements.map((s, i) => `${i === 0 ? 'with ' : '     '}${s}${i === last ? '.\n\n' : ',\n'}`).join('');
}
/** An empty range cannot be shown, so it becomes one character wide. */
function nonEmpty(s) {
    return s[0] === s[1] ? [s[0], s[1] + 1] : s;
}
/** hcl.RangeOver: the span covering both, where an empty span counts for nothing. */
function spanOver(a, b) {
    if (a[0] === a[1])
        return b;
    if (b[0] === b[1])
        return a;
    return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}
function contains(s, offset) {
    return offset >= s[0] && offset < s[1];
}
/** hcl.Range.Overlaps, on byte offsets. */
function overlaps(a, b) {
    if (a[0] === a[1] || b[0] === b[1])
        return false;
    return contains(a, b[0]) || contains(a, b[1]) || contains(b, a[0]) || contains(b, a[1]);
}
/** The numbered source lines overlapping `snip`, with `highlight` underlined when colouring. */
function snippet(src, snip, highlight, color) {
    let out = '';
    let line = 1;
    let start = 0;
    // Lines starting after the snippet cannot overlap it.
    while (start < src.length && start <= snip[1]) {
        const nl = src.indexOf(10, start);
        const next = nl < 0 ? src.length : nl + 1;
        // bufio.ScanLines drops the newline and a carriage return before it.
        let end = nl < 0 ? src.length : nl;
        if (end > start && src[end - 1] === 13)
            end--;
        const lineSpan = [start, end];
        if (overlaps(lineSpan, snip)) {
            const text = src.toString('utf8', start, end);
            if (!color || !overlaps(lineSpan, highlight)) {
                out += `${String(line).padStart(4)}: ${text}\n`;
            }
            else {
                const hs = Math.max(start, highlight[0]);
                const he = Math.min(end, highlight[1]);
                out += `${String(line).padStart(4)}: ${src.toString('utf8', start, hs)}\x1b[1;4m${src.toString('utf8', hs, he)}\x1b[0m${src.toString('utf8', he, end)}\n`;
            }
        }
        start = next;
        line++;
    }
    return out;
}
/** The header of the top-level block containing the offset, as hclsyntax's navigation.ContextString. */
function contextString(file, offset) {
    const block = file.body?.blocks.find((b) => contains([b.range.start.byte, b.range.end.byte], offset));
    if (block === undefined)
        return '';
    return [block.type, ...block.labels.map(goQuote)].join(' ');
}
/* go-wordwrap's WrapString: breaks at whitespace only, so long words overflow. */
const SPACE = /[\t\n\v\f\r \u0085\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
function wrapString(s, limit) {
    let out = '';
    let current = 0;
    let word = '';
    let wordLen = 0;
    let space = '';
    let spaceLen = 0;
    for (const ch of s) {
        if (ch === '\n') {
            if (wordLen === 0) {
                if (current + spaceLen <= limit)
                    out += space;
            }
            else {
                out += space + word;
                word = '';
                wordLen = 0;
            }
            space = '';
            spaceLen = 0;
            out += ch;
            current = 0;
        }
        else if (SPACE.test(ch)) {
            if (spaceLen === 0 || wordLen > 0) {
                current += spaceLen + wordLen;
                out += space + word;
                space = '';
                spaceLen = 0;
                word = '';
                wordLen = 0;
            }
            space += ch;
            spaceLen++;
        }
        else {
            word += ch;
            wordLen++;
            if (current + wordLen + spaceLen > limit && wordLen < limit) {
                out += '\n';
                current = 0;
                space = '';
                spaceLen = 0;
            }
        }
    }
    if (wordLen === 0) {
        if (current + spaceLen <= limit)
            out += space;
    }
    else {
        out += space + word;
    }
    return out;
}

;// CONCATENATED MODULE: ./build/hcl/diagnostics.js
function diagnostics_errorDiag(summary, detail, subject, context) {
    return { severity: 'error', summary, detail, subject, context };
}
function warningDiag(summary, detail, subject, context) {
    return { severity: 'warning', summary, detail, subject, context };
}
function diagnostics_hasErrors(diags) {
    return diags.some((d) => d.severity === 'error');
}
/** Thrown only where a caller cannot continue after error diagnostics (e.g. CLI boundaries). */
class DiagnosticsError extends Error {
    diagnostics;
    constructor(diagnostics) {
        super(diagnostics.map((d) => `${d.summary}${d.detail ? `: ${d.detail}` : ''}`).join('\n'));
        this.diagnostics = diagnostics;
        this.name = 'DiagnosticsError';
    }
}

;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
;// CONCATENATED MODULE: ./build/hcl/scanner-tokens.js
/**
 * Token kinds of the native syntax, as hclsyntax's TokenType. Operators and
 * punctuation that HCL rejects (`&`, `;`, backtick ...) are still scanned so the
 * parser can explain them.
 */
var T;
(function (T) {
    T[T["OBrace"] = 0] = "OBrace";
    T[T["CBrace"] = 1] = "CBrace";
    T[T["OBrack"] = 2] = "OBrack";
    T[T["CBrack"] = 3] = "CBrack";
    T[T["OParen"] = 4] = "OParen";
    T[T["CParen"] = 5] = "CParen";
    T[T["OQuote"] = 6] = "OQuote";
    T[T["CQuote"] = 7] = "CQuote";
    T[T["OHeredoc"] = 8] = "OHeredoc";
    T[T["CHeredoc"] = 9] = "CHeredoc";
    T[T["Star"] = 10] = "Star";
    T[T["Slash"] = 11] = "Slash";
    T[T["Plus"] = 12] = "Plus";
    T[T["Minus"] = 13] = "Minus";
    T[T["Percent"] = 14] = "Percent";
    T[T["Equal"] = 15] = "Equal";
    T[T["EqualOp"] = 16] = "EqualOp";
    T[T["NotEqual"] = 17] = "NotEqual";
    T[T["LessThan"] = 18] = "LessThan";
    T[T["LessThanEq"] = 19] = "LessThanEq";
    T[T["GreaterThan"] = 20] = "GreaterThan";
    T[T["GreaterThanEq"] = 21] = "GreaterThanEq";
    T[T["And"] = 22] = "And";
    T[T["Or"] = 23] = "Or";
    T[T["Bang"] = 24] = "Bang";
    T[T["Dot"] = 25] = "Dot";
    T[T["Comma"] = 26] = "Comma";
    T[T["DoubleColon"] = 27] = "DoubleColon";
    T[T["Ellipsis"] = 28] = "Ellipsis";
    T[T["FatArrow"] = 29] = "FatArrow";
    T[T["Question"] = 30] = "Question";
    T[T["Colon"] = 31] = "Colon";
    T[T["TemplateInterp"] = 32] = "TemplateInterp";
    T[T["TemplateControl"] = 33] = "TemplateControl";
    T[T["TemplateSeqEnd"] = 34] = "TemplateSeqEnd";
    /** Literal text of a quoted string: may contain backslash escapes. */
    T[T["QuotedLit"] = 35] = "QuotedLit";
    /** Literal text of a heredoc or bare template: no backslash escapes. */
    T[T["StringLit"] = 36] = "StringLit";
    T[T["NumberLit"] = 37] = "NumberLit";
    T[T["Ident"] = 38] = "Ident";
    T[T["Comment"] = 39] = "Comment";
    T[T["Newline"] = 40] = "Newline";
    T[T["EOF"] = 41] = "EOF";
    T[T["BitwiseAnd"] = 42] = "BitwiseAnd";
    T[T["BitwiseOr"] = 43] = "BitwiseOr";
    T[T["BitwiseNot"] = 44] = "BitwiseNot";
    T[T["BitwiseXor"] = 45] = "BitwiseXor";
    T[T["Apostrophe"] = 46] = "Apostrophe";
    T[T["Backtick"] = 47] = "Backtick";
    T[T["Semicolon"] = 48] = "Semicolon";
    T[T["Invalid"] = 49] = "Invalid";
    T[T["BadUTF8"] = 50] = "BadUTF8";
    T[T["QuotedNewline"] = 51] = "QuotedNewline";
    /** Never scanned: stands for "no token" (e.g. the opposite of a non-bracket). */
    T[T["Nil"] = 52] = "Nil";
})(T || (T = {}));

;// CONCATENATED MODULE: ./build/hcl/parser.js


/*
 * The parser's cursor over the token list: hclsyntax's peeker (comments
 * skipped, newlines significant or not per a stack of contexts) plus its error
 * recovery helpers. The grammar lives in parser-structure.ts,
 * parser-expressions.ts and parser-templates.ts.
 */
/**
 * How deeply expressions and blocks may nest. hclsyntax has no limit (Go stacks
 * grow); JavaScript's does not, so deeper input is a diagnostic instead of a crash.
 */
const MAX_NESTING = 200;
class Parser {
    tokens;
    src;
    next = 0;
    depth = 0;
    newlines = [true];
    /**
     * Set once recovery has been attempted. Later "unexpected token" errors are
     * suppressed, since recovery may have left the cursor somewhere odd.
     */
    recovery = false;
    /** Every diagnostic found so far; sub-parsers compare its length to learn whether they failed. */
    diags = [];
    constructor(tokens, src) {
        this.tokens = tokens;
        this.src = src;
    }
    /** The source text of a token. */
    text(tok) {
        return this.src.slice(tok.start, tok.end);
    }
    peek() {
        return this.find(false);
    }
    read() {
        return this.find(true);
    }
    nextRange() {
        return this.peek().range;
    }
    prevRange() {
        if (this.next === 0)
            return this.nextRange();
        return this.tokens[this.next - 1].range;
    }
    /**
     * Enters one level of nesting; false (with one diagnostic per parse) when that
     * would exceed MAX_NESTING, in which case the caller must not recurse.
     */
    enter(at) {
        if (this.depth < MAX_NESTING) {
            this.depth++;
            return true;
        }
        if (!this.recovery) {
            this.diags.push(diagnostics_errorDiag('Nesting too deep', `Expressions and blocks may be nested at most ${MAX_NESTING} levels deep.`, at));
        }
        this.recovery = true;
        return false;
    }
    leave() {
        this.depth--;
    }
    pushNewlines(include) {
        this.newlines.push(include);
    }
    popNewlines() {
        this.newlines.pop();
    }
    find(consume) {
        const tokens = this.tokens;
        const includeNewlines = this.newlines[this.newlines.length - 1] === true;
        for (let i = this.next; i < tokens.length; i++) {
            const tok = tokens[i];
            if (tok.type === T.Comment) {
                // A line comment absorbs its newline; it still ends a body item.
                if (includeNewlines && this.src.charCodeAt(tok.end - 1) === 10) {
                    if (consume)
                        this.next = i + 1;
                    return { type: T.Newline, start: tok.end - 1, end: tok.end, range: tok.range };
                }
                continue;
            }
            if (tok.type === T.Newline && !includeNewlines)
                continue;
            if (consume)
                this.next = i + 1;
            return tok;
        }
        if (consume)
            this.next = tokens.length;
        return tokens[tokens.length - 1];
    }
    /**
     * Skips to the token `end` (balancing nested brackets of the same kind) and
     * returns it, leaving the cursor after it; stops at EOF.
     */
    recover(end) {
        const start = opposite(end);
        this.recovery = true;
        let nest = 0;
        for (;;) {
            const tok = this.read();
            let ty = tok.type;
            // Both kinds of template sequence end with the same token.
            if (end === T.TemplateSeqEnd && ty === T.TemplateControl)
                ty = T.TemplateInterp;
            if (ty === start)
                nest++;
            else if (ty === end) {
                if (nest < 1)
                    return tok;
                nest--;
            }
            else if (ty === T.EOF)
                return tok;
        }
    }
    /** Skips to the next `start` bracket and then past its matching closer. */
    recoverOver(start) {
        for (;;) {
            const ty = this.read().type;
            if (ty === start || ty === T.EOF)
                break;
        }
        this.recover(opposite(start));
    }
    /** Skips to the newline that ends the current body item, outside any brackets. */
    recoverAfterBodyItem() {
        this.recovery = true;
        const open = [];
        for (;;) {
            const tok = this.read();
            switch (tok.type) {
                case T.Newline:
                    if (open.length === 0)
                        return;
                    break;
                case T.EOF:
                    return;
                case T.OBrace:
                case T.OBrack:
                case T.OParen:
                case T.OQuote:
                case T.OHeredoc:
                case T.TemplateInterp:
                case T.TemplateControl:
                    open.push(tok.type);
                    break;
                case T.CBrace:
                case T.CBrack:
                case T.CParen:
                case T.CQuote:
                case T.CHeredoc: {
                    const opener = opposite(tok.type);
                    while (open.length > 0 && open[open.length - 1] !== opener)
                        open.pop();
                    open.pop();
                    break;
                }
                case T.TemplateSeqEnd:
                    while (open.length > 0 &&
                        open[open.length - 1] !== T.TemplateInterp &&
                        open[open.length - 1] !== T.TemplateControl) {
                        open.pop();
                    }
                    open.pop();
                    break;
            }
        }
    }
}
/** The other end of a bracketing token, or Nil for any other token. */
function opposite(ty) {
    switch (ty) {
        case T.OBrace:
            return T.CBrace;
        case T.OBrack:
            return T.CBrack;
        case T.OParen:
            return T.CParen;
        case T.OQuote:
            return T.CQuote;
        case T.OHeredoc:
            return T.CHeredoc;
        case T.CBrace:
            return T.OBrace;
        case T.CBrack:
            return T.OBrack;
        case T.CParen:
            return T.OParen;
        case T.CQuote:
            return T.OQuote;
        case T.CHeredoc:
            return T.OHeredoc;
        case T.TemplateControl:
        case T.TemplateInterp:
            return T.TemplateSeqEnd;
        case T.TemplateSeqEnd:
            return T.TemplateInterp;
        default:
            return T.Nil;
    }
}

;// CONCATENATED MODULE: ./build/hcl/range.js
function rangeBetween(from, to) {
    return { filename: from.filename, start: from.start, end: to.end };
}
/** A zero-width range at the given range's start. */
function rangeAtStart(r) {
    return { filename: r.filename, start: r.start, end: r.start };
}
function range_formatRange(r) {
    return `${r.filename}:${r.start.line},${r.start.column}-${r.end.line === r.start.line ? '' : `${r.end.line},`}${r.end.column}`;
}

;// CONCATENATED MODULE: ./build/hcl/parser-for.js





/* `[for v in coll : expr if cond]` and `{for k, v in coll : key => value... if cond}`. */
/** Parses a for expression whose opening bracket or brace `open` was just read. */
function parseForExpr(p, open) {
    p.pushNewlines(false);
    try {
        return finishFor(p, open);
    }
    finally {
        p.popNewlines();
    }
}
function finishFor(p, open) {
    p.read(); // "for"
    const makeObject = open.type === T.OBrace;
    const closeType = opposite(open.type);
    const fail = (detail) => {
        if (!p.recovery) {
            const at = p.peek().range;
            p.diags.push(diagnostics_errorDiag("Invalid 'for' expression", detail, at, rangeBetween(open.range, at)));
        }
        const close = p.recover(closeType);
        return placeholder(rangeBetween(open.range, close.range));
    };
    const bail = () => placeholder(rangeBetween(open.range, p.recover(closeType).range));
    if (p.peek().type !== T.Ident)
        return fail("For expression requires variable name after 'for'.");
    let valueVar = p.text(p.read());
    let keyVar;
    if (p.peek().type === T.Comma) {
        keyVar = valueVar;
        p.read();
        if (p.peek().type !== T.Ident)
            return fail('For expression requires value variable name after comma.');
        valueVar = p.text(p.read());
    }
    if (!isKeyword(p, p.peek(), 'in'))
        return fail("For expression requires the 'in' keyword after its name declarations.");
    p.read();
    let mark = p.diags.length;
    const collection = parseExpression(p);
    if (p.recovery && p.diags.length > mark)
        return bail();
    if (p.peek().type !== T.Colon)
        return fail('For expression requires a colon after the collection expression.');
    p.read();
    mark = p.diags.length;
    let keyExpr;
    let valueExpr = parseExpression(p);
    if (p.peek().type === T.FatArrow) {
        p.read();
        keyExpr = valueExpr;
        valueExpr = parseExpression(p);
    }
    if (p.recovery && p.diags.length > mark)
        return bail();
    let ellipsis;
    if (p.peek().type === T.Ellipsis)
        ellipsis = p.read();
    let condition;
    if (isKeyword(p, p.peek(), 'if')) {
        p.read();
        mark = p.diags.length;
        condition = parseExpression(p);
        if (p.recovery && p.diags.length > mark)
            return bail();
    }
    let close;
    if (p.peek().type === closeType) {
        close = p.read();
    }
    else {
        if (!p.recovery) {
            const at = p.peek().range;
            p.diags.push(diagnostics_errorDiag("Invalid 'for' expression", "Extra characters after the end of the 'for' expression.", at, rangeBetween(open.range, at)));
        }
        close = p.recover(closeType);
    }
    const whole = rangeBetween(open.range, close.range);
    if (!makeObject) {
        if (keyExpr) {
            p.diags.push(diagnostics_errorDiag("Invalid 'for' expression", 'Key expression is not valid when building a tuple.', keyExpr.range, whole));
        }
        if (ellipsis) {
            p.diags.push(diagnostics_errorDiag("Invalid 'for' expression", 'Grouping ellipsis (...) cannot be used when building a tuple.', ellipsis.range, whole));
        }
    }
    else if (!keyExpr) {
        p.diags.push(diagnostics_errorDiag("Invalid 'for' expression", 'Key expression is required when building an object.', valueExpr.range, whole));
    }
    return {
        kind: 'For',
        keyVar,
        valueVar,
        collection,
        keyExpr,
        valueExpr,
        condition,
        group: ellipsis !== undefined,
        openRange: open.range,
        closeRange: close.range,
        range: whole,
    };
}

;// CONCATENATED MODULE: ./build/hcl/parser-string-literal.js


/*
 * Decoding of literal template text, as hclsyntax's ParseStringLiteralToken:
 * backslash escapes (quoted strings only) and the `$${` / `%%{` escapes.
 */
function isHex(c) {
    return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}
/** The position after walking src[from, to) from pos, counting code points as columns. */
function advance(pos, src, from, to) {
    let { line, column, byte } = pos;
    for (let i = from; i < to; i++) {
        const c = src.charCodeAt(i);
        if (c === 10 || (c === 13 && src.charCodeAt(i + 1) !== 10)) {
            line++;
            column = 1;
            byte++;
        }
        else if (c === 13) {
            byte++;
        }
        else if (c < 0x80) {
            column++;
            byte++;
        }
        else if (c < 0x800) {
            column++;
            byte += 2;
        }
        else if (c >= 0xd800 && c <= 0xdbff) {
            column++;
            byte += 4;
            i++;
        }
        else {
            column++;
            byte += 3;
        }
    }
    return { line, column, byte };
}
function decodeStringLiteral(src, tok, quoted) {
    const { start, end } = tok;
    const diags = [];
    let out = '';
    let lit = start; // start of the pending run of plain text
    const sliceRange = (from, to) => {
        const s = advance(tok.range.start, src, start, from);
        return { filename: tok.range.filename, start: s, end: advance(s, src, from, to) };
    };
    let i = start;
    while (i < end) {
        const c = src.charCodeAt(i);
        if (c === 92 && quoted) {
            out += src.slice(lit, i);
            const sel = src.charCodeAt(i + 1);
            if (i + 1 >= end) {
                diags.push(diagnostics_errorDiag('Invalid escape sequence', 'Backslash must be followed by an escape sequence selector character.', sliceRange(i, i + 1)));
                out += '\\';
                lit = i = i + 1;
                continue;
            }
            const simple = sel === 110 ? '\n' : sel === 114 ? '\r' : sel === 116 ? '\t' : sel === 34 ? '"' : sel === 92 ? '\\' : undefined;
            if (simple !== undefined) {
                out += simple;
                lit = i = i + 2;
                continue;
            }
            if (sel === 117 || sel === 85) {
                const want = sel === 117 ? 4 : 8;
                let j = i + 2;
                while (j < end && j < i + 2 + want && isHex(src.charCodeAt(j)))
                    j++;
                const text = src.slice(i, j);
                const cp = parseInt(src.slice(i + 2, j), 16);
                if (j - i - 2 !== want) {
                    diags.push(diagnostics_errorDiag('Invalid escape sequence', sel === 117
                        ? 'The \\u escape sequence must be followed by four hexadecimal digits.'
                        : 'The \\U escape sequence must be followed by eight hexadecimal digits.', sliceRange(i, j)));
                    out += text;
                }
                else if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) {
                    diags.push(diagnostics_errorDiag('Invalid escape sequence', `Cannot encode character U+${cp.toString(16).padStart(4, '0')} in UTF-8.`, sliceRange(i, j)));
                    out += text;
                }
                else {
                    out += String.fromCodePoint(cp);
                }
                lit = i = j;
                continue;
            }
            const selLen = sel >= 0xd800 && sel <= 0xdbff ? 2 : 1;
            const selText = src.slice(i + 1, i + 1 + selLen);
            diags.push(diagnostics_errorDiag('Invalid escape sequence', `The symbol ${goQuote(selText)} is not a valid escape sequence selector.`, sliceRange(i, i + 1 + selLen)));
            out += selText;
            lit = i = i + 1 + selLen;
            continue;
        }
        if ((c === 36 || c === 37) && src.charCodeAt(i + 1) === c && src.charCodeAt(i + 2) === 123 && i + 2 < end) {
            out += src.slice(lit, i) + (c === 36 ? '${' : '%{');
            lit = i = i + 3;
            continue;
        }
        i++;
    }
    return { value: lit === start ? src.slice(start, end) : out + src.slice(lit, end), diags };
}

;// CONCATENATED MODULE: ./build/hcl/didyoumean.js
/**
 * The first suggestion within edit distance 2 of `given`, as hcl's nameSuggestion
 * (earlier suggestions win), or undefined.
 */
function nameSuggestion(given, suggestions) {
    return suggestions.find((s) => levenshtein(given, s) < 3);
}
/** Edit distance with unit costs, over code points. */
function levenshtein(a, b) {
    const x = [...a];
    const y = [...b];
    let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
    for (let i = 1; i <= x.length; i++) {
        const cur = [i];
        for (let j = 1; j <= y.length; j++) {
            const cost = x[i - 1] === y[j - 1] ? 0 : 1;
            cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
        }
        prev = cur;
    }
    return prev[y.length] ?? 0;
}

;// CONCATENATED MODULE: ./build/hcl/parser-templates.js








/* Go's unicode.IsSpace, which hclsyntax trims with (JS trim differs on U+0085 and U+FEFF). */
const LEADING_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
const TRAILING_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/;
/** A quoted string or heredoc whose opening token is next. */
function parseQuotedTemplate(p) {
    const open = p.read();
    const heredoc = open.type === T.OHeredoc;
    const flush = heredoc && p.src.charCodeAt(open.start + 2) === 45;
    const { exprs, passthru } = parseTemplateInner(p, opposite(open.type), flush, heredoc);
    const range = rangeBetween(open.range, p.prevRange());
    if (passthru && exprs[0])
        return { kind: 'TemplateWrap', wrapped: exprs[0], range };
    return { kind: 'Template', parts: exprs, heredoc, range };
}
/** A whole input as a bare template (no quotes), up to EOF. */
function parseBareTemplate(p) {
    const { exprs, passthru, range } = parseTemplateInner(p, T.EOF, false, false);
    if (passthru && exprs[0])
        return { kind: 'TemplateWrap', wrapped: exprs[0], range };
    return { kind: 'Template', parts: exprs, heredoc: false, range };
}
function parseTemplateInner(p, end, flush, heredoc) {
    const { parts, range } = parseTemplateParts(p, end);
    if (flush)
        flushHeredoc(parts);
    meldLiterals(parts);
    const exprs = new TreeBuilder(parts, p, heredoc).root();
    const passthru = parts.length === 2 && parts[0]?.kind === 'interp';
    return { exprs, passthru, range };
}
function parseTemplateParts(p, end) {
    const parts = [];
    const startRange = p.nextRange();
    let endRange;
    let ltrimNext = false;
    let nextCanTrimPrev = false;
    for (;;) {
        const next = p.read();
        if (next.type === end) {
            endRange = next.range;
            break;
        }
        const ltrim = ltrimNext;
        ltrimNext = false;
        const canTrimPrev = nextCanTrimPrev;
        nextCanTrimPrev = false;
        if (next.type === T.StringLit || next.type === T.QuotedLit) {
            const { value, diags } = decodeStringLiteral(p.src, next, next.type === T.QuotedLit);
            p.diags.push(...diags);
            parts.push({ kind: 'literal', value: ltrim ? value.replace(LEADING_SPACE, '') : value, range: next.range });
            nextCanTrimPrev = true;
            continue;
        }
        if (next.type !== T.TemplateInterp && next.type !== T.TemplateControl) {
            if (!p.recovery) {
                p.diags.push(diagnostics_errorDiag('Unterminated template string', 'No closing marker was found for the string.', next.range, rangeBetween(startRange, next.range)));
            }
            endRange = p.recover(end).range;
            break;
        }
        // `${~` and `%{~` strip trailing whitespace from the literal just before.
        const prev = parts[parts.length - 1];
        if (canTrimPrev && next.end - next.start === 3 && prev?.kind === 'literal') {
            prev.value = prev.value.replace(TRAILING_SPACE, '');
        }
        p.pushNewlines(false);
        const close = next.type === T.TemplateInterp
            ? parseInterpolation(p, next, parts, startRange, end)
            : parseDirective(p, next, parts, startRange);
        // `~}` strips leading whitespace from the literal just after.
        if (close !== undefined && close.end - close.start === 2)
            ltrimNext = true;
        p.popNewlines();
    }
    if (parts.length === 0) {
        // "" means an empty string.
        const at = startRange.end;
        parts.push({ kind: 'literal', value: '', range: { filename: startRange.filename, start: at, end: at } });
    }
    parts.push({ kind: 'end', range: endRange });
    return { parts, range: rangeBetween(startRange, endRange) };
}
/** Parses `${ expr }` after its opener; returns the closing token when well-formed. */
function parseInterpolation(p, opener, parts, startRange, end) {
    const expr = parseExpression(p);
    const close = p.peek();
    let result;
    if (close.type !== T.TemplateSeqEnd) {
        if (!p.recovery) {
            if (close.type === T.EOF) {
                p.diags.push(diagnostics_errorDiag('Unclosed template interpolation sequence', 'There is no closing brace for this interpolation sequence before the end of the file. This might be caused by incorrect nesting inside the given expression.', startRange));
            }
            else if (close.type === T.Colon) {
                p.diags.push(diagnostics_errorDiag('Extra characters after interpolation expression', 'Template interpolation doesn\'t expect a colon at this location. Did you intend this to be a literal sequence to be processed as part of another language? If so, you can escape it by starting with "$${" instead of just "${".', close.range, rangeBetween(startRange, close.range)));
            }
            else if ((close.type === T.CQuote || close.type === T.OQuote) && end === T.CQuote) {
                p.diags.push(diagnostics_errorDiag('Unclosed template interpolation sequence', 'There is no closing brace for this interpolation sequence before the end of the quoted template. This might be caused by incorrect nesting inside the given expression.', startRange));
            }
            else {
                p.diags.push(diagnostics_errorDiag('Extra characters after interpolation expression', 'Expected a closing brace to end the interpolation expression, but found extra characters.\n\nThis can happen when you include interpolation syntax for another language, such as shell scripting, but forget to escape the interpolation start token. If this is an embedded sequence for another language, escape it by starting with "$${" instead of just "${".', close.range, rangeBetween(startRange, close.range)));
            }
        }
        p.recover(T.TemplateSeqEnd);
    }
    else {
        result = p.read();
    }
    parts.push({ kind: 'interp', expr, range: rangeBetween(opener.range, close.range) });
    return result;
}
/** Parses `%{ keyword ... }` after its opener; returns the closing token when well-formed. */
function parseDirective(p, opener, parts, startRange) {
    const kw = p.peek();
    if (kw.type !== T.Ident) {
        if (!p.recovery) {
            p.diags.push(diagnostics_errorDiag('Invalid template directive', 'A template directive keyword ("if", "for", etc) is expected at the beginning of a %{ sequence.', kw.range, rangeBetween(opener.range, kw.range)));
        }
        p.recover(T.TemplateSeqEnd);
        return undefined;
    }
    p.read();
    const word = p.text(kw);
    switch (word) {
        case 'if': {
            const condition = parseExpression(p);
            parts.push({ kind: 'if', condition, range: rangeBetween(opener.range, p.nextRange()) });
            break;
        }
        case 'else':
        case 'endif':
        case 'endfor':
            parts.push({ kind: word, range: rangeBetween(opener.range, p.nextRange()) });
            break;
        case 'for': {
            const fail = (detail) => {
                if (!p.recovery)
                    p.diags.push(diagnostics_errorDiag("Invalid 'for' directive", detail, p.peek().range));
                p.recover(T.TemplateSeqEnd);
                return undefined;
            };
            if (p.peek().type !== T.Ident)
                return fail("For directive requires variable name after 'for'.");
            let valueVar = p.text(p.read());
            let keyVar;
            if (p.peek().type === T.Comma) {
                keyVar = valueVar;
                p.read();
                if (p.peek().type !== T.Ident)
                    return fail('For directive requires value variable name after comma.');
                valueVar = p.text(p.read());
            }
            if (!isKeyword(p, p.peek(), 'in'))
                return fail("For directive requires 'in' keyword after names.");
            p.read();
            const collection = parseExpression(p);
            parts.push({ kind: 'for', keyVar, valueVar, collection, range: rangeBetween(opener.range, p.nextRange()) });
            break;
        }
        default: {
            if (!p.recovery) {
                const suggestion = nameSuggestion(word, ['if', 'for', 'else', 'endif', 'endfor']);
                p.diags.push(diagnostics_errorDiag('Invalid template control keyword', `${goQuote(word)} is not a valid template control keyword.${suggestion ? ` Did you mean ${goQuote(suggestion)}?` : ''}`, kw.range, rangeBetween(opener.range, kw.range)));
            }
            p.recover(T.TemplateSeqEnd);
            return undefined;
        }
    }
    const close = p.peek();
    if (close.type !== T.TemplateSeqEnd) {
        if (!p.recovery) {
            p.diags.push(diagnostics_errorDiag(`Extra characters in ${word} marker`, 'Expected a closing brace to end the sequence, but found extra characters.', close.range, rangeBetween(startRange, close.range)));
        }
        p.recover(T.TemplateSeqEnd);
        return undefined;
    }
    return p.read();
}
/** Number of code points of leading whitespace, or Infinity for a blank line. */
function indentOf(lit) {
    const m = LEADING_SPACE.exec(lit.value);
    if (m === null)
        return 0;
    const spaces = m[0];
    if (spaces.length === lit.value.length && lit.value.endsWith('\n'))
        return Infinity;
    return Array.from(spaces).length;
}
/**
 * `<<-EOT`: removes the smallest indentation of the lines from every line.
 * Works on the literal parts that begin lines, so interpolated values cannot
 * change the indentation chosen.
 */
function flushHeredoc(parts) {
    let min = Infinity;
    let newline = true;
    const adjust = [];
    for (const part of parts) {
        if (newline) {
            newline = false;
            if (part.kind === 'end')
                break;
            if (part.kind === 'literal') {
                const spaces = indentOf(part);
                if (spaces !== Infinity)
                    adjust.push(part);
                min = Math.min(min, spaces);
            }
            else {
                min = 0;
            }
        }
        if (part.kind === 'literal' && part.value.endsWith('\n'))
            newline = true;
    }
    if (min === Infinity || min === 0)
        return;
    for (const lit of adjust) {
        let units = 0;
        for (let n = 0; n < min; n++)
            units += (lit.value.codePointAt(units) ?? 0) > 0xffff ? 2 : 1;
        const removed = lit.value.slice(0, units);
        lit.value = lit.value.slice(units);
        const start = lit.range.start;
        lit.range = {
            ...lit.range,
            start: { line: start.line, column: start.column + min, byte: start.byte + Buffer.byteLength(removed) },
        };
    }
}
/** Joins adjacent literal parts (after trimming) into one. */
function meldLiterals(parts) {
    let out = 1;
    for (let i = 1; i < parts.length; i++) {
        const prev = parts[out - 1];
        const cur = parts[i];
        if (prev?.kind === 'literal' && cur.kind === 'literal') {
            prev.value += cur.value;
            prev.range = { ...prev.range, end: cur.range.end };
        }
        else {
            parts[out++] = cur;
        }
    }
    parts.length = Math.min(out, parts.length);
}
/** Builds the expression tree from the flat parts, pairing directives. */
class TreeBuilder {
    parts;
    p;
    heredoc;
    pos = 0;
    constructor(parts, p, heredoc) {
        this.parts = parts;
        this.p = p;
        this.heredoc = heredoc;
    }
    peek() {
        return this.parts[this.pos];
    }
    read() {
        const part = this.peek();
        if (part.kind !== 'end')
            this.pos++;
        return part;
    }
    root() {
        const exprs = [];
        while (this.peek().kind !== 'end')
            exprs.push(this.expr());
        return exprs;
    }
    expr() {
        const part = this.read();
        switch (part.kind) {
            case 'literal':
                return { kind: 'Literal', type: 'string', value: part.value, range: part.range };
            case 'interp':
                return part.expr;
            case 'if':
                return this.ifDirective(part);
            case 'for':
                return this.forDirective(part);
            case 'end':
                this.p.diags.push(diagnostics_errorDiag('Unexpected end of template', 'The control directives within this template are unbalanced.', part.range));
                return placeholder(part.range);
            default:
                this.p.diags.push(diagnostics_errorDiag(`Unexpected ${part.kind} directive`, 'The control directives within this template are unbalanced.', part.range));
                return placeholder(part.range);
        }
    }
    template(exprs, emptyAt) {
        if (exprs.length === 0)
            exprs.push({ kind: 'Literal', type: 'string', value: '', range: emptyAt });
        const first = exprs[0];
        const last = exprs[exprs.length - 1];
        return { kind: 'Template', parts: exprs, heredoc: this.heredoc, range: rangeBetween(first.range, last.range) };
    }
    /** A directive the template ends inside of: hcl's "Unexpected end of template". */
    unclosed(directive, openRange, at) {
        this.p.diags.push(diagnostics_errorDiag('Unexpected end of template', `The ${directive} directive at ${range_formatRange(openRange)} is missing its corresponding end${directive} directive.`, at));
        return placeholder(at);
    }
    ifDirective(open) {
        const thenExprs = [];
        let elseExprs;
        for (;;) {
            const next = this.peek();
            if (next.kind === 'end')
                return this.unclosed('if', open.range, next.range);
            if (next.kind === 'else' || next.kind === 'endif' || next.kind === 'endfor') {
                this.read();
                if (next.kind === 'else' && elseExprs === undefined) {
                    elseExprs = [];
                    continue;
                }
                if (next.kind === 'endif') {
                    const thenT = this.template(thenExprs, { ...open.range, start: open.range.end });
                    const elseT = elseExprs && this.template(elseExprs, { ...next.range, end: next.range.start });
                    return {
                        kind: 'TemplateIf',
                        condition: open.condition,
                        then: thenT,
                        ...(elseT ? { else: elseT } : {}),
                        range: rangeBetween(open.range, next.range),
                    };
                }
                this.p.diags.push(next.kind === 'else'
                    ? diagnostics_errorDiag('Unexpected else directive', `Already in the else clause for the if started at ${range_formatRange(open.range)}.`, next.range)
                    : diagnostics_errorDiag(`Unexpected ${next.kind} directive`, `Expecting an endif directive for the if started at ${range_formatRange(open.range)}.`, next.range));
                return placeholder(next.range);
            }
            (elseExprs ?? thenExprs).push(this.expr());
        }
    }
    forDirective(open) {
        const body = [];
        for (;;) {
            const next = this.peek();
            if (next.kind === 'end')
                return this.unclosed('for', open.range, next.range);
            if (next.kind === 'else' || next.kind === 'endif' || next.kind === 'endfor') {
                this.read();
                if (next.kind === 'endfor') {
                    return {
                        kind: 'TemplateFor',
                        keyVar: open.keyVar,
                        valueVar: open.valueVar,
                        collection: open.collection,
                        body: this.template(body, { ...open.range, start: open.range.end }),
                        range: rangeBetween(open.range, next.range),
                    };
                }
                this.p.diags.push(next.kind === 'else'
                    ? diagnostics_errorDiag('Unexpected else directive', 'An else clause is not expected for a for directive.', next.range)
                    : diagnostics_errorDiag(`Unexpected ${next.kind} directive`, `Expecting an endfor directive corresponding to the for directive at ${range_formatRange(open.range)}.`, next.range));
                return placeholder(next.range);
            }
            body.push(this.expr());
        }
    }
}

;// CONCATENATED MODULE: ./build/hcl/parser-expressions.js





/* Expressions: hclsyntax's parser.go from ParseExpression down to terms and traversals. */
/** Binary operators by precedence, loosest first: the one table the parser climbs. */
const PRECEDENCE = [
    [[T.Or, '||']],
    [[T.And, '&&']],
    [
        [T.EqualOp, '=='],
        [T.NotEqual, '!='],
    ],
    [
        [T.GreaterThan, '>'],
        [T.GreaterThanEq, '>='],
        [T.LessThan, '<'],
        [T.LessThanEq, '<='],
    ],
    [
        [T.Plus, '+'],
        [T.Minus, '-'],
    ],
    [
        [T.Star, '*'],
        [T.Slash, '/'],
        [T.Percent, '%'],
    ],
];
const LEVELS = PRECEDENCE.map((level) => new Map(level));
const NUMBER = /^[0-9]+(\.[0-9]*)?([eE][+-]?[0-9]+)?$/;
/** A stand-in where an expression failed to parse, so the tree stays whole. */
function placeholder(range) {
    return { kind: 'Literal', type: 'null', range };
}
function parseExpression(p) {
    return parseConditional(p);
}
function failedSince(p, mark) {
    return p.diags.length > mark;
}
function parseConditional(p) {
    const startRange = p.nextRange();
    let mark = p.diags.length;
    const condition = parseBinary(p, 0);
    if (p.recovery && failedSince(p, mark))
        return condition;
    if (p.peek().type !== T.Question)
        return condition;
    p.read();
    mark = p.diags.length;
    const trueResult = parseExpression(p);
    if (p.recovery && failedSince(p, mark))
        return condition;
    const colon = p.peek();
    if (colon.type !== T.Colon) {
        p.diags.push(diagnostics_errorDiag('Missing false expression in conditional', 'The conditional operator (...?...:...) requires a false expression, delimited by a colon.', colon.range, rangeBetween(startRange, colon.range)));
        return condition;
    }
    p.read();
    mark = p.diags.length;
    const falseResult = parseExpression(p);
    if (p.recovery && failedSince(p, mark))
        return condition;
    return {
        kind: 'Conditional',
        condition,
        trueResult,
        falseResult,
        range: rangeBetween(startRange, falseResult.range),
    };
}
/** Left-associative operators of one precedence level, operands from the tighter levels. */
function parseBinary(p, level) {
    const ops = LEVELS[level];
    if (ops === undefined)
        return parseTermWithTraversals(p);
    let mark = p.diags.length;
    let lhs = parseBinary(p, level + 1);
    if (p.recovery && failedSince(p, mark))
        return lhs;
    for (;;) {
        const op = ops.get(p.peek().type);
        if (op === undefined)
            return lhs;
        p.read();
        mark = p.diags.length;
        const rhs = parseBinary(p, level + 1);
        // hclsyntax drops the pending operation when its right operand fails in recovery.
        if (p.recovery && failedSince(p, mark))
            return lhs;
        lhs = { kind: 'BinaryOp', op, lhs, rhs, range: rangeBetween(lhs.range, rhs.range) };
    }
}
function parseTermWithTraversals(p) {
    const at = p.nextRange();
    if (!p.enter(at))
        return placeholder(at);
    try {
        return parseTraversals(p, parseTerm(p));
    }
    finally {
        p.leave();
    }
}
/** Attribute access, indexing and splats after `from`; the built nodes' ranges start at `from`. */
function parseTraversals(p, from) {
    let ret = from;
    const startOf = from.range;
    for (;;) {
        const next = p.peek();
        if (next.type === T.Dot) {
            const dot = p.read();
            const attr = p.peek();
            if (attr.type === T.Ident) {
                p.read();
                const nameRange = rangeBetween(dot.range, attr.range);
                ret = { kind: 'GetAttr', source: ret, name: p.text(attr), nameRange, range: rangeBetween(startOf, nameRange) };
            }
            else if (attr.type === T.NumberLit) {
                p.read();
                ret = legacyIndex(p, ret, dot, attr, startOf, false);
            }
            else if (attr.type === T.Star) {
                ret = parseAttrSplat(p, ret, from, dot);
            }
            else {
                p.diags.push(diagnostics_errorDiag('Invalid attribute name', 'An attribute name is required after a dot.', attr.range));
                p.recovery = true;
                // hclsyntax returns an error placeholder covering the source and the dot.
                return placeholder(rangeBetween(from.range, dot.range));
            }
        }
        else if (next.type === T.OBrack) {
            const open = p.read();
            if (p.peek().type === T.Star) {
                ret = parseFullSplat(p, ret, from, open);
                continue;
            }
            p.pushNewlines(false);
            const mark = p.diags.length;
            const key = parseExpression(p);
            let close;
            if (p.recovery && failedSince(p, mark)) {
                close = p.recover(T.CBrack);
            }
            else {
                close = p.read();
                if (close.type !== T.CBrack && !p.recovery) {
                    close = p.recover(T.CBrack);
                    // hclsyntax's subject points at its `close` variable, which recovery has since moved on.
                    p.diags.push(diagnostics_errorDiag('Missing close bracket on index', 'The index operator must end with a closing bracket ("]").', close.range));
                }
            }
            p.popNewlines();
            const bracketRange = rangeBetween(open.range, close.range);
            ret = { kind: 'Index', collection: ret, key, bracketRange, range: rangeBetween(startOf, bracketRange) };
        }
        else {
            return ret;
        }
    }
}
/** The legacy `list.0` index, kept as an attribute step marked `legacyIndex`. */
function legacyIndex(p, source, dot, num, startOf, inSplat) {
    const text = p.text(num);
    const dotAt = text.indexOf('.');
    if (dotAt >= 0) {
        const pair = `[${text.slice(0, dotAt)}][${text.slice(dotAt + 1)}]`;
        p.diags.push(diagnostics_errorDiag('Invalid legacy index syntax', inSplat
            ? `When using the legacy index syntax, chaining two indexes together is not permitted. Use the proper index syntax with a full splat expression [*] instead, like ${pair}.`
            : `When using the legacy index syntax, chaining two indexes together is not permitted. Use the proper index syntax instead, like ${pair}.`, num.range));
    }
    else {
        checkNumber(p, num);
    }
    const nameRange = rangeBetween(dot.range, num.range);
    return { kind: 'GetAttr', source, name: text, nameRange, legacyIndex: true, range: rangeBetween(startOf, nameRange) };
}
/** `source.*.a.b`: only attribute (and legacy index) steps belong to the splat. */
function parseAttrSplat(p, source, from, dot) {
    const marker = p.read();
    const markerRange = rangeBetween(dot.range, marker.range);
    const item = { kind: 'AnonSymbol', range: markerRange };
    const firstRange = p.nextRange();
    let lastRange = marker.range;
    let each = item;
    while (p.peek().type === T.Dot) {
        const stepDot = p.read();
        const tok = p.peek();
        if (tok.type === T.NumberLit) {
            p.read();
            each = legacyIndex(p, each, stepDot, tok, firstRange, true);
            lastRange = tok.range;
            continue;
        }
        if (tok.type !== T.Ident) {
            if (!p.recovery) {
                p.diags.push(tok.type === T.Star
                    ? diagnostics_errorDiag('Nested splat expression not allowed', 'A splat expression (*) cannot be used inside another attribute-only splat expression.', tok.range)
                    : diagnostics_errorDiag('Invalid attribute name', 'An attribute name is required after a dot.', tok.range));
            }
            p.recovery = true;
            break;
        }
        p.read();
        const nameRange = rangeBetween(stepDot.range, tok.range);
        each = { kind: 'GetAttr', source: each, name: p.text(tok), nameRange, range: rangeBetween(firstRange, nameRange) };
        lastRange = tok.range;
    }
    const splat = {
        kind: 'Splat',
        splat: 'attr',
        source,
        each,
        markerRange,
        range: rangeBetween(from.range, lastRange),
    };
    return splat;
}
/** `source[*].rest`: every following traversal step applies to each element. */
function parseFullSplat(p, source, from, open) {
    p.read(); // the star
    let close = p.read();
    if (close.type !== T.CBrack && !p.recovery) {
        close = p.recover(T.CBrack);
        // As for a plain index, the subject ends up at the token recovery stopped on.
        p.diags.push(diagnostics_errorDiag('Missing close bracket on splat index', 'The star for a full splat operator must be immediately followed by a closing bracket ("]").', close.range));
    }
    const markerRange = rangeBetween(open.range, close.range);
    const item = { kind: 'AnonSymbol', range: markerRange };
    if (!p.enter(markerRange))
        return placeholder(markerRange);
    let each;
    try {
        each = parseTraversals(p, item);
    }
    finally {
        p.leave();
    }
    return { kind: 'Splat', splat: 'full', source, each, markerRange, range: rangeBetween(from.range, each.range) };
}
function checkNumber(p, tok) {
    if (!NUMBER.test(p.text(tok))) {
        p.diags.push(diagnostics_errorDiag('Invalid number literal', 'Failed to recognize the value of this number literal.', tok.range));
    }
}
function parseTerm(p) {
    const start = p.peek();
    switch (start.type) {
        case T.OParen:
            return parseParentheses(p);
        case T.NumberLit: {
            p.read();
            checkNumber(p, start);
            return { kind: 'Literal', type: 'number', text: p.text(start), range: start.range };
        }
        case T.Ident: {
            p.read();
            const afterName = p.peek().type;
            if (afterName === T.OParen || afterName === T.DoubleColon)
                return parseFunctionCall(p, start);
            const name = p.text(start);
            if (name === 'true' || name === 'false') {
                return { kind: 'Literal', type: 'bool', value: name === 'true', range: start.range };
            }
            if (name === 'null')
                return { kind: 'Literal', type: 'null', range: start.range };
            return { kind: 'Variable', name, range: start.range };
        }
        case T.OQuote:
        case T.OHeredoc:
            return parseQuotedTemplate(p);
        case T.Minus:
        case T.Bang: {
            p.read();
            // Only a term with its traversals: -46+5 is (-46)+5.
            const operand = parseTermWithTraversals(p);
            return {
                kind: 'UnaryOp',
                op: start.type === T.Minus ? '-' : '!',
                operand,
                symbolRange: start.range,
                range: rangeBetween(start.range, operand.range),
            };
        }
        case T.OBrack:
            return parseTuple(p);
        case T.OBrace:
            return parseObject(p);
        default:
            if (!p.recovery) {
                p.diags.push(start.type === T.EOF
                    ? diagnostics_errorDiag('Missing expression', 'Expected the start of an expression, but found the end of the file.', start.range)
                    : diagnostics_errorDiag('Invalid expression', 'Expected the start of an expression, but found an invalid expression token.', start.range));
            }
            p.recovery = true;
            return placeholder(start.range);
    }
}
function parseParentheses(p) {
    const open = p.read();
    p.pushNewlines(false);
    const mark = p.diags.length;
    const expression = parseExpression(p);
    if (failedSince(p, mark)) {
        p.recover(T.CParen);
        p.popNewlines();
        return expression;
    }
    const close = p.peek();
    if (close.type !== T.CParen) {
        p.diags.push(diagnostics_errorDiag('Unbalanced parentheses', 'Expected a closing parenthesis to terminate the expression.', close.range, rangeBetween(open.range, close.range)));
        p.recovery = true;
    }
    const cParen = p.read();
    p.popNewlines();
    return { kind: 'Parentheses', expression, range: rangeBetween(open.range, cParen.range) };
}
function parseFunctionCall(p, name) {
    let open = p.read();
    let nameText = p.text(name);
    let nameEnd = name.range.end;
    while (open.type === T.DoubleColon) {
        const part = p.read();
        if (part.type !== T.Ident) {
            p.diags.push(diagnostics_errorDiag('Missing function name', 'Function scope resolution symbol :: must be followed by a function name in this scope.', part.range, rangeBetween(name.range, part.range)));
            p.recoverOver(T.OParen);
            return placeholder(rangeBetween(name.range, part.range));
        }
        nameText += `::${p.text(part)}`;
        nameEnd = part.range.end;
        open = p.read();
    }
    const nameRange = { filename: name.range.filename, start: name.range.start, end: nameEnd };
    if (open.type !== T.OParen) {
        p.diags.push(diagnostics_errorDiag('Missing open parenthesis', 'Function selector must be followed by an open parenthesis to begin the function call.', open.range, rangeBetween(name.range, open.range)));
        p.recoverOver(T.OParen);
        return placeholder(rangeBetween(name.range, open.range));
    }
    const args = [];
    let expandFinal = false;
    // Without a closing parenthesis the call ends at its opening one, as hclsyntax's zero-value token would not.
    let close = open;
    p.pushNewlines(false);
    for (;;) {
        if (p.peek().type === T.CParen) {
            close = p.read();
            break;
        }
        const mark = p.diags.length;
        args.push(parseExpression(p));
        if (p.recovery && failedSince(p, mark)) {
            const recovered = p.recover(T.CParen);
            if (recovered.type === T.CParen)
                close = recovered;
            break;
        }
        const sep = p.read();
        if (sep.type === T.CParen) {
            close = sep;
            break;
        }
        if (sep.type === T.Ellipsis) {
            expandFinal = true;
            if (p.peek().type !== T.CParen) {
                if (!p.recovery) {
                    p.diags.push(diagnostics_errorDiag('Missing closing parenthesis', 'An expanded function argument (with ...) must be immediately followed by closing parentheses.', sep.range, rangeBetween(name.range, sep.range)));
                }
                close = p.recover(T.CParen);
            }
            else {
                close = p.read();
            }
            break;
        }
        if (sep.type !== T.Comma) {
            p.diags.push(sep.type === T.EOF
                ? diagnostics_errorDiag('Unterminated function call', 'There is no closing parenthesis for this function call before the end of the file. This may be caused by incorrect parenthesis nesting elsewhere in this file.', rangeBetween(name.range, open.range))
                : diagnostics_errorDiag('Missing argument separator', 'A comma is required to separate each function argument from the next.', sep.range, rangeBetween(name.range, sep.range)));
            close = p.recover(T.CParen);
            break;
        }
        if (p.peek().type === T.CParen) {
            close = p.read();
            break;
        }
    }
    p.popNewlines();
    const call = {
        kind: 'FunctionCall',
        name: nameText,
        nameRange,
        args,
        expandFinal,
        openParenRange: open.range,
        closeParenRange: close.range,
        range: rangeBetween(nameRange, close.range),
    };
    return call;
}
function isKeyword(p, tok, word) {
    return tok.type === T.Ident && tok.end - tok.start === word.length && p.text(tok) === word;
}
function parseTuple(p) {
    const open = p.read();
    p.pushNewlines(false);
    try {
        if (isKeyword(p, p.peek(), 'for'))
            return parseForExpr(p, open);
        const items = [];
        let close;
        for (;;) {
            if (p.peek().type === T.CBrack) {
                close = p.read();
                break;
            }
            const mark = p.diags.length;
            items.push(parseExpression(p));
            if (p.recovery && failedSince(p, mark)) {
                close = p.recover(T.CBrack);
                break;
            }
            const next = p.peek();
            if (next.type === T.CBrack) {
                close = p.read();
                break;
            }
            if (next.type !== T.Comma) {
                if (!p.recovery) {
                    p.diags.push(next.type === T.EOF
                        ? diagnostics_errorDiag('Unterminated tuple constructor expression', 'There is no corresponding closing bracket before the end of the file. This may be caused by incorrect bracket nesting elsewhere in this file.', open.range)
                        : diagnostics_errorDiag('Missing item separator', 'Expected a comma to mark the beginning of the next item.', next.range, rangeBetween(open.range, next.range)));
                }
                close = p.recover(T.CBrack);
                break;
            }
            p.read();
        }
        return { kind: 'Tuple', items, openRange: open.range, range: rangeBetween(open.range, close.range) };
    }
    finally {
        p.popNewlines();
    }
}
function parseObject(p) {
    const open = p.read();
    // `for` is looked for ignoring newlines: for expressions are not newline-sensitive.
    p.pushNewlines(false);
    const isFor = isKeyword(p, p.peek(), 'for');
    p.popNewlines();
    if (isFor)
        return parseForExpr(p, open);
    p.pushNewlines(true);
    const items = [];
    let close;
    for (;;) {
        const next = p.peek();
        if (next.type === T.Newline) {
            p.read();
            continue;
        }
        if (next.type === T.CBrace) {
            close = p.read();
            break;
        }
        const forceNonLiteral = next.type === T.OParen;
        let mark = p.diags.length;
        const keyExpr = parseExpression(p);
        if (p.recovery && failedSince(p, mark)) {
            close = p.recover(T.CBrace);
            break;
        }
        const key = { kind: 'ObjectKey', wrapped: keyExpr, forceNonLiteral, range: keyExpr.range };
        const sep = p.peek();
        if (sep.type !== T.Equal && sep.type !== T.Colon) {
            if (!p.recovery)
                p.diags.push(missingKeySeparator(sep, open));
            close = p.recover(T.CBrace);
            break;
        }
        p.read();
        mark = p.diags.length;
        const value = parseExpression(p);
        if (p.recovery && failedSince(p, mark)) {
            close = p.recover(T.CBrace);
            break;
        }
        items.push({ key, value });
        const after = p.peek();
        if (after.type === T.CBrace) {
            close = p.read();
            break;
        }
        if (after.type !== T.Comma && after.type !== T.Newline) {
            if (!p.recovery) {
                p.diags.push(after.type === T.EOF
                    ? unterminatedObject(open)
                    : diagnostics_errorDiag('Missing attribute separator', 'Expected a newline or comma to mark the beginning of the next attribute.', after.range, rangeBetween(open.range, after.range)));
            }
            close = p.recover(T.CBrace);
            break;
        }
        p.read();
    }
    p.popNewlines();
    return { kind: 'Object', items, openRange: open.range, range: rangeBetween(open.range, close.range) };
}
function unterminatedObject(open) {
    return diagnostics_errorDiag('Unterminated object constructor expression', 'There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.', open.range);
}
function missingKeySeparator(next, open) {
    const context = rangeBetween(open.range, next.range);
    switch (next.type) {
        case T.Newline:
        case T.Comma:
            return diagnostics_errorDiag('Missing attribute value', 'Expected an attribute value, introduced by an equals sign ("=").', next.range, context);
        case T.Ident:
            // Perhaps an HCL1-style name with a period and digits, like foo1.2_bar.
            return diagnostics_errorDiag('Missing key/value separator', 'Expected an equals sign ("=") to mark the beginning of the attribute value. If you intended to given an attribute name containing periods or spaces, write the name in quotes to create a string literal.', next.range, context);
        case T.EOF:
            return unterminatedObject(open);
        default:
            return diagnostics_errorDiag('Missing key/value separator', 'Expected an equals sign ("=") to mark the beginning of the attribute value.', next.range, context);
    }
}

;// CONCATENATED MODULE: ./build/hcl/parser-structure.js





/* Bodies, attributes and blocks: the structural half of hclsyntax's parser.go. */
const ITEM_REQUIRED = 'An argument or block definition is required here.';
function zeroWidthAt(r) {
    return { filename: r.filename, start: r.end, end: r.end };
}
/** Parses body items up to the token `end` (`}` for a block, EOF for a file). */
function parseBody(p, end) {
    const attributes = [];
    const blocks = [];
    const byName = new Map();
    const startRange = p.prevRange();
    let endRange;
    for (;;) {
        const next = p.peek();
        if (next.type === end) {
            endRange = next.range;
            p.read();
            break;
        }
        if (next.type === T.Newline) {
            p.read();
            continue;
        }
        if (next.type === T.Ident) {
            const item = parseBodyItem(p);
            if (item?.kind === 'Block') {
                blocks.push(item);
            }
            else if (item) {
                const existing = byName.get(item.name);
                if (existing) {
                    p.diags.push(diagnostics_errorDiag('Attribute redefined', `The argument "${item.name}" was already set at ${range_formatRange(existing.nameRange)}. Each argument may be set only once.`, item.nameRange));
                }
                else {
                    byName.set(item.name, item);
                    attributes.push(item);
                }
            }
            continue;
        }
        const bad = p.read();
        if (!p.recovery)
            p.diags.push(unexpectedInBody(bad, end, startRange));
        endRange = p.prevRange(); // somewhere inside the body, for better diagnostics
        p.recover(end);
        break;
    }
    return {
        kind: 'Body',
        attributes,
        blocks,
        range: rangeBetween(startRange, endRange),
        endRange: zeroWidthAt(endRange),
    };
}
function unexpectedInBody(bad, end, startRange) {
    if (bad.type === T.OQuote)
        return diagnostics_errorDiag('Invalid argument name', 'Argument names must not be quoted.', bad.range);
    if (bad.type !== T.EOF)
        return diagnostics_errorDiag('Argument or block definition required', ITEM_REQUIRED, bad.range);
    return end === T.CBrace
        ? diagnostics_errorDiag('Unclosed configuration block', 'There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.', startRange)
        : diagnostics_errorDiag('Unclosed configuration body', 'Found end of file before the end of this configuration body.', startRange);
}
function parseBodyItem(p) {
    const ident = p.read();
    const next = p.peek();
    if (next.type === T.Equal)
        return finishAttribute(p, ident, false);
    if (next.type === T.OQuote || next.type === T.OBrace || next.type === T.Ident) {
        if (!p.enter(ident.range)) {
            p.recoverAfterBodyItem();
            return undefined;
        }
        try {
            return finishBlock(p, ident);
        }
        finally {
            p.leave();
        }
    }
    p.recoverAfterBodyItem();
    p.diags.push(diagnostics_errorDiag('Argument or block definition required', `${ITEM_REQUIRED} To set an argument, use the equals sign "=" to introduce the argument value.`, ident.range));
    return undefined;
}
function finishAttribute(p, ident, singleLine) {
    const equals = p.read();
    const mark = p.diags.length;
    const expr = parseExpression(p);
    let endRange = p.prevRange();
    if (p.recovery && p.diags.length > mark) {
        // Recovery inside expressions can land anywhere: resynchronise on the next item.
        p.recoverAfterBodyItem();
    }
    else if (!singleLine) {
        const end = p.peek();
        if (end.type !== T.Newline && end.type !== T.EOF) {
            if (!p.recovery) {
                const comma = end.type === T.Comma;
                p.diags.push(diagnostics_errorDiag(comma ? 'Unexpected comma after argument' : 'Missing newline after argument', comma
                    ? 'Argument definitions must be separated by newlines, not commas. An argument definition must end with a newline.'
                    : 'An argument definition must end with a newline.', end.range, rangeBetween(ident.range, end.range)));
            }
            endRange = p.prevRange();
            p.recoverAfterBodyItem();
        }
        else {
            endRange = p.prevRange();
            p.read();
        }
    }
    return {
        kind: 'Attribute',
        name: p.text(ident),
        expr,
        nameRange: ident.range,
        equalsRange: equals.range,
        range: rangeBetween(ident.range, endRange),
    };
}
function finishBlock(p, ident) {
    const type = p.text(ident);
    const labels = [];
    const labelRanges = [];
    let open;
    while (open === undefined) {
        const tok = p.peek();
        if (tok.type === T.OBrace) {
            open = p.read();
        }
        else if (tok.type === T.OQuote) {
            const label = parseQuotedStringLiteral(p);
            labels.push(label.value);
            labelRanges.push(label.range);
        }
        else if (tok.type === T.Ident) {
            p.read();
            labels.push(p.text(tok));
            labelRanges.push(tok.range);
        }
        else {
            const context = rangeBetween(ident.range, tok.range);
            if (tok.type === T.Equal) {
                p.diags.push(diagnostics_errorDiag('Invalid block definition', 'The equals sign "=" indicates an argument definition, and must not be used when defining a block.', tok.range, context));
            }
            else if (tok.type === T.Newline) {
                p.diags.push(diagnostics_errorDiag('Invalid block definition', 'A block definition must have block content delimited by "{" and "}", starting on the same line as the block header.', tok.range, context));
            }
            else if (!p.recovery) {
                p.diags.push(diagnostics_errorDiag('Invalid block definition', 'Either a quoted string block label or an opening brace ("{") is expected here.', tok.range, context));
            }
            p.recoverAfterBodyItem();
            const r = ident.range;
            return {
                kind: 'Block',
                type,
                labels,
                labelRanges,
                body: { kind: 'Body', attributes: [], blocks: [], range: r, endRange: r },
                typeRange: r,
                openBraceRange: r,
                closeBraceRange: r,
                range: r,
            };
        }
    }
    let body;
    const first = p.peek().type;
    if (first === T.Newline || first === T.EOF || first === T.CBrace) {
        body = parseBody(p, T.CBrace);
    }
    else {
        body = parseSingleAttrBody(p);
        finishSingleLineBlock(p, ident, open);
    }
    const closeBraceRange = p.prevRange();
    const eol = p.peek();
    if (eol.type === T.Newline || eol.type === T.EOF) {
        p.read();
    }
    else {
        if (!p.recovery) {
            p.diags.push(diagnostics_errorDiag('Missing newline after block definition', 'A block definition must end with a newline.', eol.range, rangeBetween(ident.range, eol.range)));
        }
        p.recoverAfterBodyItem();
    }
    if (body === undefined) {
        const r = rangeBetween(open.range, closeBraceRange);
        body = { kind: 'Body', attributes: [], blocks: [], range: r, endRange: closeBraceRange };
    }
    return {
        kind: 'Block',
        type,
        labels,
        labelRanges,
        body,
        typeRange: ident.range,
        openBraceRange: open.range,
        closeBraceRange,
        range: rangeBetween(ident.range, closeBraceRange),
    };
}
/** After a one-line block's attribute: the closing brace must follow directly. */
function finishSingleLineBlock(p, ident, open) {
    const next = p.peek();
    switch (next.type) {
        case T.CBrace:
            p.read();
            return;
        case T.Comma:
            p.diags.push(diagnostics_errorDiag('Invalid single-argument block definition', 'Single-line block syntax can include only one argument definition. To define multiple arguments, use the multi-line block syntax with one argument definition per line.', next.range));
            break;
        case T.Newline:
            p.diags.push(diagnostics_errorDiag('Invalid single-argument block definition', "An argument definition on the same line as its containing block creates a single-line block definition, which must also be closed on the same line. Place the block's closing brace immediately after the argument definition.", next.range));
            break;
        default:
            if (!p.recovery) {
                p.diags.push(next.type === T.EOF
                    ? diagnostics_errorDiag('Unclosed configuration block', 'There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.', open.range, rangeBetween(ident.range, open.range))
                    : diagnostics_errorDiag('Invalid single-argument block definition', 'A single-line block definition must end with a closing brace immediately after its single argument definition.', next.range));
            }
    }
    p.recover(T.CBrace);
}
/** `block { name = value }`: exactly one attribute on the block's line. */
function parseSingleAttrBody(p) {
    const ident = p.read();
    if (ident.type !== T.Ident) {
        p.recoverAfterBodyItem();
        p.diags.push(diagnostics_errorDiag('Argument or block definition required', ITEM_REQUIRED, ident.range));
        return undefined;
    }
    const next = p.peek();
    if (next.type === T.Equal) {
        const attr = finishAttribute(p, ident, true);
        return { kind: 'Body', attributes: [attr], blocks: [], range: attr.range, endRange: zeroWidthAt(attr.range) };
    }
    p.recoverAfterBodyItem();
    p.diags.push(next.type === T.OQuote || next.type === T.OBrace || next.type === T.Ident
        ? diagnostics_errorDiag('Argument definition required', `A single-line block definition can contain only a single argument. If you meant to define argument "${p.text(ident)}", use an equals sign to assign it a value. To define a nested block, place it on a line of its own within its parent block.`, rangeBetween(ident.range, next.range))
        : diagnostics_errorDiag('Argument or block definition required', `${ITEM_REQUIRED} To set an argument, use the equals sign "=" to introduce the argument value.`, ident.range));
    return undefined;
}
/** A quoted string with no template sequences, such as a block label. */
function parseQuotedStringLiteral(p) {
    const open = p.read();
    let value = '';
    let endRange;
    for (;;) {
        const tok = p.read();
        if (tok.type === T.CQuote) {
            endRange = tok.range;
            break;
        }
        if (tok.type === T.QuotedLit) {
            const lit = decodeStringLiteral(p.src, tok, true);
            p.diags.push(...lit.diags);
            value += lit.value;
            continue;
        }
        if (tok.type === T.TemplateInterp || tok.type === T.TemplateControl) {
            const which = tok.type === T.TemplateControl ? '%' : '$';
            p.diags.push(diagnostics_errorDiag('Invalid string literal', `Template sequences are not allowed in this string. To include a literal "${which}", double it (as "${which}${which}") to escape it.`, tok.range, rangeBetween(open.range, tok.range)));
            // Marks the partial result as not what was written.
            value += `${which}{ ... }`;
            p.recover(T.TemplateSeqEnd);
            continue;
        }
        if (tok.type === T.EOF) {
            p.diags.push(diagnostics_errorDiag('Unterminated string literal', 'Unable to find the closing quote mark before the end of the file.', tok.range, rangeBetween(open.range, tok.range)));
            endRange = tok.range;
            break;
        }
        p.diags.push(diagnostics_errorDiag('Invalid string literal', 'This item is not valid in a string literal.', tok.range, rangeBetween(open.range, tok.range)));
        p.recover(T.CQuote);
        endRange = tok.range;
        break;
    }
    return { value, range: rangeBetween(open.range, endRange) };
}

;// CONCATENATED MODULE: ./build/hcl/scanner-check.js


/*
 * Diagnostics for tokens that never belong in HCL source, reported once up front
 * (as hclsyntax's checkInvalidTokens) so the parser need not special-case them.
 * Repeats of the same mistake are limited to keep the output readable.
 */
const BITWISE_HINT = {
    [T.BitwiseAnd]: ' Did you mean boolean AND ("&&")?',
    [T.BitwiseOr]: ' Did you mean boolean OR ("||")?',
    [T.BitwiseNot]: ' Did you mean boolean NOT ("!")?',
    [T.BitwiseXor]: '',
};
function checkInvalidTokens(tokens, src) {
    const diags = [];
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
                    diags.push(diagnostics_errorDiag('Unsupported operator', `Bitwise operators are not supported.${BITWISE_HINT[tok.type] ?? ''}`, r));
                    bitwise++;
                }
                break;
            case T.Backtick:
                // Only every other one, so a backtick-quoted string is reported once.
                if (backtick % 2 === 0) {
                    diags.push(diagnostics_errorDiag('Invalid character', 'The "`" character is not valid. To create a multi-line string, use the "heredoc" syntax, like "<<EOT".', r));
                }
                if (backtick <= 2)
                    backtick++;
                break;
            case T.Apostrophe:
                if (apostrophe % 2 === 0) {
                    diags.push(diagnostics_errorDiag('Invalid character', 'Single quotes are not valid. Use double quotes (") to enclose strings.', r));
                }
                if (apostrophe <= 2)
                    apostrophe++;
                break;
            case T.Semicolon:
                if (semicolon < 1) {
                    diags.push(diagnostics_errorDiag('Invalid character', 'The ";" character is not valid. Use newlines to separate arguments and blocks, and commas to separate items in collection values.', r));
                    semicolon++;
                }
                break;
            case T.BadUTF8:
                if (badUtf8 < 1) {
                    diags.push(diagnostics_errorDiag('Invalid character encoding', 'All input files must be UTF-8 encoded. Ensure that UTF-8 encoding is selected in your editor.', r));
                    badUtf8++;
                }
                break;
            case T.QuotedNewline:
                diags.push(diagnostics_errorDiag('Invalid multi-line string', 'Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n escape to represent a newline character or use the "heredoc" multi-line template syntax.', r));
                break;
            case T.Invalid: {
                const ch = src.slice(tok.start, tok.end);
                diags.push(ch === '\u201c' || ch === '\u201d'
                    ? diagnostics_errorDiag('Invalid character', '"Curly quotes" are not valid here. These can sometimes be inadvertently introduced when sharing code via documents or discussion forums. It might help to replace the character with a "straight quote".', r)
                    : diagnostics_errorDiag('Invalid character', 'This character is not used within the language.', r));
                break;
            }
        }
    }
    return diags;
}

;// CONCATENATED MODULE: ./build/hcl/scanner.js

var Mode;
(function (Mode) {
    Mode[Mode["Main"] = 0] = "Main";
    Mode[Mode["String"] = 1] = "String";
    Mode[Mode["Heredoc"] = 2] = "Heredoc";
    Mode[Mode["Bare"] = 3] = "Bare";
})(Mode || (Mode = {}));
const ID_START = /\p{ID_Start}/u;
const ID_CONTINUE = /\p{ID_Continue}/u;
function isAsciiIdStart(c) {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isAsciiIdContinue(c) {
    return isAsciiIdStart(c) || (c >= 48 && c <= 57) || c === 45;
}
function isDigit(c) {
    return c >= 48 && c <= 57;
}
/** Length in UTF-16 units of the code point at i (2 for a surrogate pair). */
function cpLen(src, i) {
    const c = src.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
        const d = src.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff)
            return 2;
    }
    return 1;
}
/** Converts UTF-16 offsets to positions; offsets must be asked for in non-decreasing order. */
class PosTracker {
    src;
    idx = 0;
    line;
    column;
    byte;
    last;
    constructor(src, start, idx) {
        this.src = src;
        this.idx = idx;
        this.line = start.line;
        this.column = start.column;
        this.byte = start.byte;
        this.last = start;
    }
    at(target) {
        if (target === this.idx)
            return this.last;
        const src = this.src;
        let { line, column, byte } = this;
        let i = this.idx;
        while (i < target) {
            const c = src.charCodeAt(i);
            if (c < 0x80) {
                byte++;
                if (c === 10) {
                    line++;
                    column = 1;
                }
                else if (c !== 13 || src.charCodeAt(i + 1) !== 10) {
                    // "\r\n" is one grapheme: the "\n" counts it.
                    column++;
                }
                i++;
            }
            else if (c < 0x800) {
                byte += 2;
                column++;
                i++;
            }
            else if (c >= 0xd800 && c <= 0xdbff && i + 1 < src.length) {
                const d = src.charCodeAt(i + 1);
                if (d >= 0xdc00 && d <= 0xdfff) {
                    byte += 4;
                    i += 2;
                }
                else {
                    byte += 3;
                    i++;
                }
                column++;
            }
            else {
                byte += 3;
                column++;
                i++;
            }
        }
        this.idx = i;
        this.line = line;
        this.column = column;
        this.byte = byte;
        this.last = { line, column, byte };
        return this.last;
    }
}
class Scanner {
    src;
    filename;
    badUtf8;
    tokens = [];
    pos;
    modes = [];
    braces = 0;
    retBraces = [];
    heredocs = [];
    /** The cursor: a UTF-16 offset into src. */
    i;
    constructor(src, filename, start, badUtf8) {
        this.src = src;
        this.filename = filename;
        this.badUtf8 = badUtf8;
        let i = 0;
        let begin = start;
        if (src.charCodeAt(0) === 0xfeff) {
            i = 1;
            begin = { line: start.line, column: start.column, byte: start.byte + 3 };
        }
        this.pos = new PosTracker(src, begin, i);
        this.i = i;
    }
    emit(type, start, end) {
        const range = { filename: this.filename, start: this.pos.at(start), end: this.pos.at(end) };
        this.tokens.push({ type, start, end, range });
    }
    run(mode) {
        const base = mode === 'template' ? Mode.Bare : Mode.Main;
        const n = this.src.length;
        while (this.i < n) {
            const m = this.modes.length > 0 ? this.modes[this.modes.length - 1] : base;
            if (m === Mode.Main)
                this.scanMain();
            else if (m === Mode.String)
                this.scanString();
            else if (m === Mode.Heredoc)
                this.scanHeredoc();
            else
                this.scanBare();
        }
        this.emit(T.EOF, n, n);
        return this.tokens;
    }
    push(m) {
        this.modes.push(m);
    }
    pop() {
        this.modes.pop();
    }
    /** `${` or `%{`, optionally followed by `~`: enter an expression. */
    beginSequence(type) {
        const start = this.i;
        this.i += this.src.charCodeAt(start + 2) === 126 ? 3 : 2;
        this.emit(type, start, this.i);
        this.braces++;
        this.retBraces.push(this.braces);
        const doc = this.heredocs[this.heredocs.length - 1];
        if (doc)
            doc.startOfLine = false;
        this.push(Mode.Main);
    }
    /** `}` or `~}`: ends a template sequence when the brace depth matches one. */
    closeBrace(len) {
        const start = this.i;
        this.i += len;
        const top = this.retBraces[this.retBraces.length - 1];
        if (top !== undefined && top === this.braces) {
            this.emit(T.TemplateSeqEnd, start, this.i);
            this.braces--;
            this.retBraces.pop();
            this.pop();
        }
        else {
            // hclsyntax yields a sequence end for a stray `~}` too, so the parser reports it.
            this.emit(len === 2 ? T.TemplateSeqEnd : T.CBrace, start, this.i);
            this.braces--;
        }
    }
    single(type, len = 1) {
        const start = this.i;
        this.i += len;
        this.emit(type, start, this.i);
    }
    scanMain() {
        const src = this.src;
        const c = src.charCodeAt(this.i);
        const next = src.charCodeAt(this.i + 1);
        if (c === 32 || c === 9) {
            let i = this.i + 1;
            for (let d = src.charCodeAt(i); d === 32 || d === 9; d = src.charCodeAt(++i))
                ;
            this.i = i;
            return;
        }
        if (isDigit(c))
            return this.scanNumber();
        if (isAsciiIdStart(c) || (c >= 0x80 && ID_START.test(String.fromCodePoint(src.codePointAt(this.i) ?? c)))) {
            const start = this.i;
            this.i = this.identEnd(start);
            this.emit(T.Ident, start, this.i);
            return;
        }
        switch (c) {
            case 10:
                return this.single(T.Newline);
            case 13:
                return next === 10 ? this.single(T.Newline, 2) : this.single(T.Invalid);
            case 35: // #
                return this.lineComment();
            case 47: // /
                if (next === 47)
                    return this.lineComment();
                if (next === 42)
                    return this.blockComment();
                return this.single(T.Slash);
            case 61: // =
                return next === 61
                    ? this.single(T.EqualOp, 2)
                    : next === 62
                        ? this.single(T.FatArrow, 2)
                        : this.single(T.Equal);
            case 33: // !
                return next === 61 ? this.single(T.NotEqual, 2) : this.single(T.Bang);
            case 62: // >
                return next === 61 ? this.single(T.GreaterThanEq, 2) : this.single(T.GreaterThan);
            case 60: // <
                if (next === 61)
                    return this.single(T.LessThanEq, 2);
                if (next === 60 && this.heredocIntro())
                    return;
                return this.single(T.LessThan);
            case 38: // &
                return next === 38 ? this.single(T.And, 2) : this.single(T.BitwiseAnd);
            case 124: // |
                return next === 124 ? this.single(T.Or, 2) : this.single(T.BitwiseOr);
            case 58: // :
                return next === 58 ? this.single(T.DoubleColon, 2) : this.single(T.Colon);
            case 46: // .
                return next === 46 && src.charCodeAt(this.i + 2) === 46 ? this.single(T.Ellipsis, 3) : this.single(T.Dot);
            case 123: // {
                this.braces++;
                return this.single(T.OBrace);
            case 125: // }
                return this.closeBrace(1);
            case 126: // ~
                return next === 125 ? this.closeBrace(2) : this.single(T.BitwiseNot);
            case 34: // "
                this.single(T.OQuote);
                return this.push(Mode.String);
            case 91:
                return this.single(T.OBrack);
            case 93:
                return this.single(T.CBrack);
            case 40:
                return this.single(T.OParen);
            case 41:
                return this.single(T.CParen);
            case 44:
                return this.single(T.Comma);
            case 42:
                return this.single(T.Star);
            case 37:
                return this.single(T.Percent);
            case 43:
                return this.single(T.Plus);
            case 45:
                return this.single(T.Minus);
            case 63:
                return this.single(T.Question);
            case 94:
                return this.single(T.BitwiseXor);
            case 59:
                return this.single(T.Semicolon);
            case 96:
                return this.single(T.Backtick);
            case 39:
                return this.single(T.Apostrophe);
            default:
                return this.single(c === 0xfffd && this.badUtf8 ? T.BadUTF8 : T.Invalid, cpLen(src, this.i));
        }
    }
    identEnd(start) {
        const src = this.src;
        let i = start + cpLen(src, start);
        for (;;) {
            const c = src.charCodeAt(i);
            if (isAsciiIdContinue(c)) {
                i++;
            }
            else if (c >= 0x80 && ID_CONTINUE.test(String.fromCodePoint(src.codePointAt(i) ?? c))) {
                i += cpLen(src, i);
            }
            else {
                return i;
            }
        }
    }
    /** digit (digit | '.' | [eE][+-]?digit)*, not ending in '.', as scan_tokens.rl's NumberLit. */
    scanNumber() {
        const src = this.src;
        const start = this.i;
        let i = start + 1;
        let end = i;
        for (;;) {
            const c = src.charCodeAt(i);
            if (isDigit(c)) {
                end = ++i;
            }
            else if (c === 46) {
                i++;
            }
            else if (c === 101 || c === 69) {
                const s = src.charCodeAt(i + 1);
                if (isDigit(s))
                    end = i += 2;
                else if ((s === 43 || s === 45) && isDigit(src.charCodeAt(i + 2)))
                    end = i += 3;
                else
                    break;
            }
            else {
                break;
            }
        }
        this.i = end;
        this.emit(T.NumberLit, start, end);
    }
    /** `#` or `//` comments take their terminating newline with them. */
    lineComment() {
        const start = this.i;
        const nl = this.src.indexOf('\n', start);
        this.i = nl < 0 ? this.src.length : nl + 1;
        this.emit(T.Comment, start, this.i);
    }
    blockComment() {
        const close = this.src.indexOf('*/', this.i + 2);
        if (close < 0)
            return this.single(T.Slash);
        const start = this.i;
        this.i = close + 2;
        this.emit(T.Comment, start, this.i);
    }
    /** `<<EOT` or `<<-EOT` directly followed by a newline; false if this is not one. */
    heredocIntro() {
        const src = this.src;
        const start = this.i;
        let i = start + 2;
        if (src.charCodeAt(i) === 45)
            i++;
        const c = src.charCodeAt(i);
        if (!(isAsciiIdStart(c) || (c >= 0x80 && ID_START.test(String.fromCodePoint(src.codePointAt(i) ?? c))))) {
            return false;
        }
        const markerStart = i;
        i = this.identEnd(i);
        const markerEnd = i;
        if (src.charCodeAt(i) === 13)
            i++;
        if (src.charCodeAt(i) !== 10)
            return false;
        this.i = i + 1;
        this.emit(T.OHeredoc, start, this.i);
        this.heredocs.push({ marker: src.slice(markerStart, markerEnd), startOfLine: true });
        this.push(Mode.Heredoc);
        return true;
    }
    /** True at `${` or `%{` (an unescaped template sequence). */
    atSequence(i) {
        const c = this.src.charCodeAt(i);
        return (c === 36 || c === 37) && this.src.charCodeAt(i + 1) === 123;
    }
    /** Handles `${`/`%{` at the cursor; true if one was found. */
    sequence() {
        const c = this.src.charCodeAt(this.i);
        if (this.src.charCodeAt(this.i + 1) !== 123)
            return false;
        if (c === 36)
            this.beginSequence(T.TemplateInterp);
        else if (c === 37)
            this.beginSequence(T.TemplateControl);
        else
            return false;
        return true;
    }
    /** Skips a `$${` or `%%{` escape at i, returning the index after it, or i. */
    escapeEnd(i) {
        const src = this.src;
        const c = src.charCodeAt(i);
        if ((c === 36 || c === 37) && src.charCodeAt(i + 1) === c && src.charCodeAt(i + 2) === 123)
            return i + 3;
        return i;
    }
    scanString() {
        const src = this.src;
        const c = src.charCodeAt(this.i);
        if (this.sequence())
            return;
        if (c === 34) {
            this.single(T.CQuote);
            return this.pop();
        }
        if (c === 10 || c === 13) {
            const start = this.i;
            let i = start + 1;
            for (let d = src.charCodeAt(i); d === 10 || d === 13; d = src.charCodeAt(++i))
                ;
            this.i = i;
            return this.emit(T.QuotedNewline, start, i);
        }
        const start = this.i;
        let i = start;
        const n = src.length;
        while (i < n) {
            const d = src.charCodeAt(i);
            if (d === 34 || d === 10 || d === 13)
                break;
            if (d === 92) {
                const e = src.charCodeAt(i + 1);
                if (i + 1 >= n || e === 10 || e === 13)
                    break;
                i += 1 + cpLen(src, i + 1);
                continue;
            }
            if (d === 36 || d === 37) {
                const after = this.escapeEnd(i);
                if (after > i) {
                    i = after;
                    continue;
                }
                if (src.charCodeAt(i + 1) === 123)
                    break;
            }
            i++;
        }
        if (i === start) {
            // A backslash before a newline or the end: not a valid string character.
            return this.single(T.Invalid);
        }
        this.i = i;
        this.emit(T.QuotedLit, start, i);
    }
    /** Literal text up to and including a newline, or up to a template sequence. */
    literalRunEnd() {
        const src = this.src;
        const n = src.length;
        let i = this.i;
        while (i < n) {
            const d = src.charCodeAt(i);
            if (d === 10)
                return i + 1;
            if (d === 36 || d === 37) {
                const after = this.escapeEnd(i);
                if (after > i) {
                    i = after;
                    continue;
                }
                if (this.atSequence(i))
                    return i;
            }
            i++;
        }
        return i;
    }
    scanHeredoc() {
        if (this.sequence())
            return;
        const doc = this.heredocs[this.heredocs.length - 1];
        const start = this.i;
        const end = this.literalRunEnd();
        this.i = end;
        if (this.src.charCodeAt(end - 1) !== 10) {
            doc.startOfLine = false;
            return this.emit(T.StringLit, start, end);
        }
        if (doc.startOfLine && this.src.slice(start, end).trim() === doc.marker) {
            // The closing marker and its newline are separate tokens, so the newline still ends the attribute.
            const nl = this.src.charCodeAt(end - 2) === 13 ? end - 2 : end - 1;
            this.emit(T.CHeredoc, start, nl);
            this.emit(T.Newline, nl, end);
            this.heredocs.pop();
            return this.pop();
        }
        doc.startOfLine = true;
        this.emit(T.StringLit, start, end);
    }
    scanBare() {
        if (this.sequence())
            return;
        const start = this.i;
        this.i = this.literalRunEnd();
        this.emit(T.StringLit, start, this.i);
    }
}
/**
 * Scans src into tokens, always ending with an EOF token. `badUtf8` marks that
 * U+FFFD characters stand for undecodable bytes of the original file.
 */
function scanTokens(src, filename, start, mode, badUtf8 = false) {
    return new Scanner(src, filename, start, badUtf8).run(mode);
}

;// CONCATENATED MODULE: ./build/hcl/parse.js








/*
 * Public entry points of the native-syntax parser, as hclsyntax's ParseConfig,
 * ParseExpression and ParseTemplate. They never throw: every problem is a
 * diagnostic, and the returned tree is whole (with placeholders) even on errors.
 */
const FILE_START = { line: 1, column: 1, byte: 0 };
function parserFor(src, filename, start, mode, badUtf8 = false) {
    const tokens = scanTokens(src, filename, start, mode, badUtf8);
    return { p: new Parser(tokens, src), scanDiags: checkInvalidTokens(tokens, src) };
}
/** Parses a whole .pkr.hcl file. */
function parseConfig(src, filename) {
    const bytes = typeof src === 'string' ? Buffer.from(src, 'utf8') : src;
    const text = typeof src === 'string' ? src : src.toString('utf8');
    const badUtf8 = typeof src !== 'string' && !(0,external_node_buffer_namespaceObject.isUtf8)(src);
    const { p, scanDiags } = parserFor(text, filename, FILE_START, 'normal', badUtf8);
    const body = parseBody(p, T.EOF);
    return { file: { filename, body, bytes }, diags: [...scanDiags, ...p.diags] };
}
/** Parses one expression; anything after it is an error. Newlines inside are insignificant. */
function parse_parseExpression(src, filename, start = FILE_START) {
    const { p, scanDiags } = parserFor(src, filename, start, 'normal');
    p.pushNewlines(false);
    const expr = parseExpression(p);
    const next = p.peek();
    if (next.type !== T.EOF && !p.recovery) {
        p.diags.push({
            severity: 'error',
            summary: 'Extra characters after expression',
            detail: 'An expression was successfully parsed, but extra characters were found after it.',
            subject: next.range,
        });
    }
    p.popNewlines();
    return { expr, diags: [...scanDiags, ...p.diags] };
}
/**
 * Parses a bare template (the content of a JSON string): a template that is only
 * one interpolation gives a TemplateWrap, anything else a Template.
 */
function parseTemplate(src, filename, start = FILE_START) {
    const { p, scanDiags } = parserFor(src, filename, start, 'template');
    const expr = parseBareTemplate(p);
    return { expr, diags: [...scanDiags, ...p.diags] };
}

;// CONCATENATED MODULE: ./build/hcl/source-file.js
/**
 * Source text that has no native-syntax body (a JSON file, a console line) as a
 * File, so diagnostics can still quote its lines.
 */
function sourceOnlyFile(filename, bytes) {
    const start = { line: 1, column: 1, byte: 0 };
    const range = { filename, start, end: start };
    return { filename, bytes, body: { kind: 'Body', attributes: [], blocks: [], range, endRange: range } };
}

;// CONCATENATED MODULE: ./build/eval/context.js
const NoFunctions = new Map();
/** A scope holding `variables` over `parent`; functions are inherited. */
function childContext(parent, variables) {
    return { variables, functions: parent?.functions ?? NoFunctions, parent };
}
/** The value of a variable in the nearest scope that defines it. */
function lookupVariable(ctx, name) {
    for (let c = ctx; c; c = c.parent) {
        const v = c.variables.get(name);
        if (v)
            return v;
    }
    return undefined;
}
/** Every variable name visible from ctx, innermost scope first (for did-you-mean suggestions). */
function visibleVariableNames(ctx) {
    const names = [];
    for (let c = ctx; c; c = c.parent)
        names.push(...c.variables.keys());
    return names;
}

;// CONCATENATED MODULE: ./build/eval/types.js
/*
 * cty-like types. Types are plain immutable objects compared structurally with
 * typeEquals; `dynamic` is cty.DynamicPseudoType (any type, used for unknowns and
 * for type constraints).
 */
const StringType = { kind: 'string' };
const NumberType = { kind: 'number' };
const types_BoolType = { kind: 'bool' };
const DynamicPseudoType = { kind: 'dynamic' };
function listOf(element) {
    return { kind: 'list', element };
}
function setOf(element) {
    return { kind: 'set', element };
}
function mapOf(element) {
    return { kind: 'map', element };
}
function tupleOf(elements) {
    return { kind: 'tuple', elements };
}
function objectOf(attributes, optional = []) {
    const entries = attributes instanceof Map ? [...attributes] : Object.entries(attributes);
    entries.sort(([a], [b]) => compareStrings(a, b));
    return { kind: 'object', attributes: new Map(entries), optional: new Set(optional) };
}
const EmptyObjectType = objectOf({});
const EmptyTupleType = tupleOf([]);
/** Byte-wise (code unit) ordering, as Go's sort.Strings orders cty's keys. */
function compareStrings(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function isPrimitive(t) {
    return t.kind === 'string' || t.kind === 'number' || t.kind === 'bool';
}
function isCollection(t) {
    return t.kind === 'list' || t.kind === 'set' || t.kind === 'map';
}
function isStructural(t) {
    return t.kind === 'tuple' || t.kind === 'object';
}
function typeEquals(a, b) {
    if (a === b)
        return true;
    switch (a.kind) {
        case 'string':
        case 'number':
        case 'bool':
        case 'dynamic':
            return a.kind === b.kind;
        case 'list':
        case 'set':
        case 'map':
            return b.kind === a.kind && typeEquals(a.element, b.element);
        case 'tuple':
            return (b.kind === 'tuple' &&
                a.elements.length === b.elements.length &&
                a.elements.every((t, i) => typeEquals(t, b.elements[i])));
        case 'object': {
            if (b.kind !== 'object' || a.attributes.size !== b.attributes.size)
                return false;
            for (const [name, t] of a.attributes) {
                const other = b.attributes.get(name);
                if (!other || !typeEquals(t, other))
                    return false;
            }
            if (a.optional.size !== b.optional.size)
                return false;
            for (const name of a.optional)
                if (!b.optional.has(name))
                    return false;
            return true;
        }
    }
}
/** True when the type is or contains DynamicPseudoType. */
function hasDynamicTypes(t) {
    switch (t.kind) {
        case 'dynamic':
            return true;
        case 'list':
        case 'set':
        case 'map':
            return hasDynamicTypes(t.element);
        case 'tuple':
            return t.elements.some(hasDynamicTypes);
        case 'object':
            return [...t.attributes.values()].some(hasDynamicTypes);
        default:
            return false;
    }
}
/** cty's Type.FriendlyName: the wording used in error messages ("list of string"). */
function friendlyName(t) {
    switch (t.kind) {
        case 'list':
        case 'set':
        case 'map':
            return `${t.kind} of ${friendlyName(t.element)}`;
        default:
            return t.kind;
    }
}
/** cty's Type.FriendlyNameForConstraint: how a type constraint is described ("any type"). */
function friendlyNameForConstraint(t) {
    switch (t.kind) {
        case 'dynamic':
            return 'any type';
        case 'list':
        case 'set':
        case 'map':
            return t.element.kind === 'dynamic'
                ? `${t.kind} of any single type`
                : `${t.kind} of ${friendlyNameForConstraint(t.element)}`;
        default:
            return t.kind;
    }
}
/** The HCL type-expression syntax for a type, as typeexpr.TypeString writes it. */
function typeString(t) {
    switch (t.kind) {
        case 'dynamic':
            return 'any';
        case 'list':
        case 'set':
        case 'map':
            return `${t.kind}(${typeString(t.element)})`;
        case 'tuple':
            return `tuple([${t.elements.map(typeString).join(', ')}])`;
        case 'object': {
            const attrs = [...t.attributes].map(([name, at]) => {
                const inner = typeString(at);
                return `${name}=${t.optional.has(name) ? `optional(${inner})` : inner}`;
            });
            return `object({${attrs.join(', ')}})`;
        }
        default:
            return t.kind;
    }
}

;// CONCATENATED MODULE: ./build/eval/convert-mismatch.js


/*
 * cty convert.MismatchMessage: why a value of type `got` does not convert to
 * `want`, in the words users see after "Invalid value for ... parameter:".
 */
function mismatchMessage(got, want) {
    if (got.kind === 'object' && want.kind === 'object')
        return mismatchObjects(got, want);
    const dynamicElement = isCollection(want) && want.element.kind === 'dynamic';
    if (got.kind === 'tuple' && want.kind === 'list' && dynamicElement)
        return 'all list elements must have the same type';
    if (got.kind === 'tuple' && want.kind === 'set' && dynamicElement)
        return 'all set elements must have the same type';
    if (got.kind === 'object' && want.kind === 'map' && dynamicElement)
        return 'all map elements must have the same type';
    if ((got.kind === 'tuple' || got.kind === 'object') && isCollection(want)) {
        return mismatchCollectionFromStructural(got, want);
    }
    if (isCollection(got) && isCollection(want))
        return mismatchCollections(got, want);
    // Packer pins go-cty v1.13.3, which predates the "X required, but have Y" wording.
    return `${friendlyNameForConstraint(want)} required`;
}
const quote = (s) => JSON.stringify(s);
function mismatchObjects(got, want) {
    // Missing attributes first, then at most one attribute that cannot convert,
    // preferring one that cannot convert even unsafely.
    const missing = [];
    let unsafeMismatch = '';
    let safeMismatch = '';
    for (const [name, wantT] of want.attributes) {
        const gotT = got.attributes.get(name);
        if (!gotT) {
            if (!want.optional.has(name))
                missing.push(name);
            continue;
        }
        if (typeEquals(gotT, wantT) || unsafeMismatch)
            continue;
        if (!getPathConversion(gotT, wantT, true)) {
            unsafeMismatch = `attribute ${quote(name)}: ${mismatchMessage(gotT, wantT)}`;
        }
        if (!safeMismatch && !getPathConversion(gotT, wantT, false)) {
            safeMismatch = `attribute ${quote(name)}: ${mismatchMessage(gotT, wantT)}`;
        }
    }
    if (missing.length === 1)
        return `attribute ${quote(missing[0])} is required`;
    if (missing.length === 2)
        return `attributes ${quote(missing[0])} and ${quote(missing[1])} are required`;
    if (missing.length > 2) {
        const last = missing.pop();
        return `attributes ${missing.map((m) => `${quote(m)}, `).join('')}and ${quote(last)} are required`;
    }
    return unsafeMismatch || safeMismatch || 'incorrect object attributes';
}
function mismatchCollectionFromStructural(got, want) {
    if ((want.kind === 'list' || want.kind === 'set') && got.kind !== 'tuple') {
        return `${friendlyNameForConstraint(want)} required`;
    }
    if (want.kind === 'map' && got.kind !== 'object')
        return `${friendlyNameForConstraint(want)} required`;
    const wantEty = want.element;
    const members = got.kind === 'tuple'
        ? got.elements.map((t, i) => [String(i), t])
        : got.kind === 'object'
            ? [...got.attributes].map(([k, t]) => [quote(k), t])
            : [];
    for (const [label, t] of members) {
        if (typeEquals(t, wantEty) || getPathConversion(t, wantEty, true))
            continue;
        return `element ${label}: ${mismatchMessage(t, wantEty)}`;
    }
    return `all elements must be ${friendlyNameForConstraint(wantEty)}`;
}
function mismatchCollections(got, want) {
    const listLike = got.kind === 'list' || got.kind === 'set';
    if ((want.kind === 'list' || want.kind === 'set') && !listLike)
        return `${friendlyNameForConstraint(want)} required`;
    if (want.kind === 'map' && got.kind !== 'map')
        return `${friendlyNameForConstraint(want)} required`;
    return `incorrect ${want.kind} element type: ${mismatchMessage(got.element, want.element)}`;
}

;// CONCATENATED MODULE: ./node_modules/decimal.js/decimal.mjs
/*!
 *  decimal.js v10.6.0
 *  An arbitrary-precision Decimal type for JavaScript.
 *  https://github.com/MikeMcl/decimal.js
 *  Copyright (c) 2025 Michael Mclaughlin <M8ch88l@gmail.com>
 *  MIT Licence
 */


// -----------------------------------  EDITABLE DEFAULTS  ------------------------------------ //


  // The maximum exponent magnitude.
  // The limit on the value of `toExpNeg`, `toExpPos`, `minE` and `maxE`.
var EXP_LIMIT = 9e15,                      // 0 to 9e15

  // The limit on the value of `precision`, and on the value of the first argument to
  // `toDecimalPlaces`, `toExponential`, `toFixed`, `toPrecision` and `toSignificantDigits`.
  MAX_DIGITS = 1e9,                        // 0 to 1e9

  // Base conversion alphabet.
  NUMERALS = '0123456789abcdef',

  // The natural logarithm of 10 (1025 digits).
  LN10 = '2.3025850929940456840179914546843642076011014886287729760333279009675726096773524802359972050895982983419677840422862486334095254650828067566662873690987816894829072083255546808437998948262331985283935053089653777326288461633662222876982198867465436674744042432743651550489343149393914796194044002221051017141748003688084012647080685567743216228355220114804663715659121373450747856947683463616792101806445070648000277502684916746550586856935673420670581136429224554405758925724208241314695689016758940256776311356919292033376587141660230105703089634572075440370847469940168269282808481184289314848524948644871927809676271275775397027668605952496716674183485704422507197965004714951050492214776567636938662976979522110718264549734772662425709429322582798502585509785265383207606726317164309505995087807523710333101197857547331541421808427543863591778117054309827482385045648019095610299291824318237525357709750539565187697510374970888692180205189339507238539205144634197265287286965110862571492198849978748873771345686209167058',

  // Pi (1025 digits).
  PI = '3.1415926535897932384626433832795028841971693993751058209749445923078164062862089986280348253421170679821480865132823066470938446095505822317253594081284811174502841027019385211055596446229489549303819644288109756659334461284756482337867831652712019091456485669234603486104543266482133936072602491412737245870066063155881748815209209628292540917153643678925903600113305305488204665213841469519415116094330572703657595919530921861173819326117931051185480744623799627495673518857527248912279381830119491298336733624406566430860213949463952247371907021798609437027705392171762931767523846748184676694051320005681271452635608277857713427577896091736371787214684409012249534301465495853710507922796892589235420199561121290219608640344181598136297747713099605187072113499999983729780499510597317328160963185950244594553469083026425223082533446850352619311881710100031378387528865875332083814206171776691473035982534904287554687311595628638823537875937519577818577805321712268066130019278766111959092164201989380952572010654858632789',


  // The initial configuration properties of the Decimal constructor.
  DEFAULTS = {

    // These values must be integers within the stated ranges (inclusive).
    // Most of these values can be changed at run-time using the `Decimal.config` method.

    // The maximum number of significant digits of the result of a calculation or base conversion.
    // E.g. `Decimal.config({ precision: 20 });`
    precision: 20,                         // 1 to MAX_DIGITS

    // The rounding mode used when rounding to `precision`.
    //
    // ROUND_UP         0 Away from zero.
    // ROUND_DOWN       1 Towards zero.
    // ROUND_CEIL       2 Towards +Infinity.
    // ROUND_FLOOR      3 Towards -Infinity.
    // ROUND_HALF_UP    4 Towards nearest neighbour. If equidistant, up.
    // ROUND_HALF_DOWN  5 Towards nearest neighbour. If equidistant, down.
    // ROUND_HALF_EVEN  6 Towards nearest neighbour. If equidistant, towards even neighbour.
    // ROUND_HALF_CEIL  7 Towards nearest neighbour. If equidistant, towards +Infinity.
    // ROUND_HALF_FLOOR 8 Towards nearest neighbour. If equidistant, towards -Infinity.
    //
    // E.g.
    // `Decimal.rounding = 4;`
    // `Decimal.rounding = Decimal.ROUND_HALF_UP;`
    rounding: 4,                           // 0 to 8

    // The modulo mode used when calculating the modulus: a mod n.
    // The quotient (q = a / n) is calculated according to the corresponding rounding mode.
    // The remainder (r) is calculated as: r = a - n * q.
    //
    // UP         0 The remainder is positive if the dividend is negative, else is negative.
    // DOWN       1 The remainder has the same sign as the dividend (JavaScript %).
    // FLOOR      3 The remainder has the same sign as the divisor (Python %).
    // HALF_EVEN  6 The IEEE 754 remainder function.
    // EUCLID     9 Euclidian division. q = sign(n) * floor(a / abs(n)). Always positive.
    //
    // Truncated division (1), floored division (3), the IEEE 754 remainder (6), and Euclidian
    // division (9) are commonly used for the modulus operation. The other rounding modes can also
    // be used, but they may not give useful results.
    modulo: 1,                             // 0 to 9

    // The exponent value at and beneath which `toString` returns exponential notation.
    // JavaScript numbers: -7
    toExpNeg: -7,                          // 0 to -EXP_LIMIT

    // The exponent value at and above which `toString` returns exponential notation.
    // JavaScript numbers: 21
    toExpPos:  21,                         // 0 to EXP_LIMIT

    // The minimum exponent value, beneath which underflow to zero occurs.
    // JavaScript numbers: -324  (5e-324)
    minE: -EXP_LIMIT,                      // -1 to -EXP_LIMIT

    // The maximum exponent value, above which overflow to Infinity occurs.
    // JavaScript numbers: 308  (1.7976931348623157e+308)
    maxE: EXP_LIMIT,                       // 1 to EXP_LIMIT

    // Whether to use cryptographically-secure random number generation, if available.
    crypto: false                          // true/false
  },


// ----------------------------------- END OF EDITABLE DEFAULTS ------------------------------- //


  inexact, quadrant,
  external = true,

  decimalError = '[DecimalError] ',
  invalidArgument = decimalError + 'Invalid argument: ',
  precisionLimitExceeded = decimalError + 'Precision limit exceeded',
  cryptoUnavailable = decimalError + 'crypto unavailable',
  tag = '[object Decimal]',

  mathfloor = Math.floor,
  mathpow = Math.pow,

  isBinary = /^0b([01]+(\.[01]*)?|\.[01]+)(p[+-]?\d+)?$/i,
  decimal_isHex = /^0x([0-9a-f]+(\.[0-9a-f]*)?|\.[0-9a-f]+)(p[+-]?\d+)?$/i,
  isOctal = /^0o([0-7]+(\.[0-7]*)?|\.[0-7]+)(p[+-]?\d+)?$/i,
  isDecimal = /^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i,

  BASE = 1e7,
  LOG_BASE = 7,
  MAX_SAFE_INTEGER = 9007199254740991,

  LN10_PRECISION = LN10.length - 1,
  PI_PRECISION = PI.length - 1,

  // Decimal.prototype object
  P = { toStringTag: tag };


// Decimal prototype methods


/*
 *  absoluteValue             abs
 *  ceil
 *  clampedTo                 clamp
 *  comparedTo                cmp
 *  cosine                    cos
 *  cubeRoot                  cbrt
 *  decimalPlaces             dp
 *  dividedBy                 div
 *  dividedToIntegerBy        divToInt
 *  equals                    eq
 *  floor
 *  greaterThan               gt
 *  greaterThanOrEqualTo      gte
 *  hyperbolicCosine          cosh
 *  hyperbolicSine            sinh
 *  hyperbolicTangent         tanh
 *  inverseCosine             acos
 *  inverseHyperbolicCosine   acosh
 *  inverseHyperbolicSine     asinh
 *  inverseHyperbolicTangent  atanh
 *  inverseSine               asin
 *  inverseTangent            atan
 *  isFinite
 *  isInteger                 isInt
 *  isNaN
 *  isNegative                isNeg
 *  isPositive                isPos
 *  isZero
 *  lessThan                  lt
 *  lessThanOrEqualTo         lte
 *  logarithm                 log
 *  [maximum]                 [max]
 *  [minimum]                 [min]
 *  minus                     sub
 *  modulo                    mod
 *  naturalExponential        exp
 *  naturalLogarithm          ln
 *  negated                   neg
 *  plus                      add
 *  precision                 sd
 *  round
 *  sine                      sin
 *  squareRoot                sqrt
 *  tangent                   tan
 *  times                     mul
 *  toBinary
 *  toDecimalPlaces           toDP
 *  toExponential
 *  toFixed
 *  toFraction
 *  toHexadecimal             toHex
 *  toNearest
 *  toNumber
 *  toOctal
 *  toPower                   pow
 *  toPrecision
 *  toSignificantDigits       toSD
 *  toString
 *  truncated                 trunc
 *  valueOf                   toJSON
 */


/*
 * Return a new Decimal whose value is the absolute value of this Decimal.
 *
 */
P.absoluteValue = P.abs = function () {
  var x = new this.constructor(this);
  if (x.s < 0) x.s = 1;
  return finalise(x);
};


/*
 * Return a new Decimal whose value is the value of this Decimal rounded to a whole number in the
 * direction of positive Infinity.
 *
 */
P.ceil = function () {
  return finalise(new this.constructor(this), this.e + 1, 2);
};


/*
 * Return a new Decimal whose value is the value of this Decimal clamped to the range
 * delineated by `min` and `max`.
 *
 * min {number|string|bigint|Decimal}
 * max {number|string|bigint|Decimal}
 *
 */
P.clampedTo = P.clamp = function (min, max) {
  var k,
    x = this,
    Ctor = x.constructor;
  min = new Ctor(min);
  max = new Ctor(max);
  if (!min.s || !max.s) return new Ctor(NaN);
  if (min.gt(max)) throw Error(invalidArgument + max);
  k = x.cmp(min);
  return k < 0 ? min : x.cmp(max) > 0 ? max : new Ctor(x);
};


/*
 * Return
 *   1    if the value of this Decimal is greater than the value of `y`,
 *  -1    if the value of this Decimal is less than the value of `y`,
 *   0    if they have the same value,
 *   NaN  if the value of either Decimal is NaN.
 *
 */
P.comparedTo = P.cmp = function (y) {
  var i, j, xdL, ydL,
    x = this,
    xd = x.d,
    yd = (y = new x.constructor(y)).d,
    xs = x.s,
    ys = y.s;

  // Either NaN or ±Infinity?
  if (!xd || !yd) {
    return !xs || !ys ? NaN : xs !== ys ? xs : xd === yd ? 0 : !xd ^ xs < 0 ? 1 : -1;
  }

  // Either zero?
  if (!xd[0] || !yd[0]) return xd[0] ? xs : yd[0] ? -ys : 0;

  // Signs differ?
  if (xs !== ys) return xs;

  // Compare exponents.
  if (x.e !== y.e) return x.e > y.e ^ xs < 0 ? 1 : -1;

  xdL = xd.length;
  ydL = yd.length;

  // Compare digit by digit.
  for (i = 0, j = xdL < ydL ? xdL : ydL; i < j; ++i) {
    if (xd[i] !== yd[i]) return xd[i] > yd[i] ^ xs < 0 ? 1 : -1;
  }

  // Compare lengths.
  return xdL === ydL ? 0 : xdL > ydL ^ xs < 0 ? 1 : -1;
};


/*
 * Return a new Decimal whose value is the cosine of the value in radians of this Decimal.
 *
 * Domain: [-Infinity, Infinity]
 * Range: [-1, 1]
 *
 * cos(0)         = 1
 * cos(-0)        = 1
 * cos(Infinity)  = NaN
 * cos(-Infinity) = NaN
 * cos(NaN)       = NaN
 *
 */
P.cosine = P.cos = function () {
  var pr, rm,
    x = this,
    Ctor = x.constructor;

  if (!x.d) return new Ctor(NaN);

  // cos(0) = cos(-0) = 1
  if (!x.d[0]) return new Ctor(1);

  pr = Ctor.precision;
  rm = Ctor.rounding;
  Ctor.precision = pr + Math.max(x.e, x.sd()) + LOG_BASE;
  Ctor.rounding = 1;

  x = cosine(Ctor, toLessThanHalfPi(Ctor, x));

  Ctor.precision = pr;
  Ctor.rounding = rm;

  return finalise(quadrant == 2 || quadrant == 3 ? x.neg() : x, pr, rm, true);
};


/*
 *
 * Return a new Decimal whose value is the cube root of the value of this Decimal, rounded to
 * `precision` significant digits using rounding mode `rounding`.
 *
 *  cbrt(0)  =  0
 *  cbrt(-0) = -0
 *  cbrt(1)  =  1
 *  cbrt(-1) = -1
 *  cbrt(N)  =  N
 *  cbrt(-I) = -I
 *  cbrt(I)  =  I
 *
 * Math.cbrt(x) = (x < 0 ? -Math.pow(-x, 1/3) : Math.pow(x, 1/3))
 *
 */
P.cubeRoot = P.cbrt = function () {
  var e, m, n, r, rep, s, sd, t, t3, t3plusx,
    x = this,
    Ctor = x.constructor;

  if (!x.isFinite() || x.isZero()) return new Ctor(x);
  external = false;

  // Initial estimate.
  s = x.s * mathpow(x.s * x, 1 / 3);

   // Math.cbrt underflow/overflow?
   // Pass x to Math.pow as integer, then adjust the exponent of the result.
  if (!s || Math.abs(s) == 1 / 0) {
    n = digitsToString(x.d);
    e = x.e;

    // Adjust n exponent so it is a multiple of 3 away from x exponent.
    if (s = (e - n.length + 1) % 3) n += (s == 1 || s == -2 ? '0' : '00');
    s = mathpow(n, 1 / 3);

    // Rarely, e may be one less than the result exponent value.
    e = mathfloor((e + 1) / 3) - (e % 3 == (e < 0 ? -1 : 2));

    if (s == 1 / 0) {
      n = '5e' + e;
    } else {
      n = s.toExponential();
      n = n.slice(0, n.indexOf('e') + 1) + e;
    }

    r = new Ctor(n);
    r.s = x.s;
  } else {
    r = new Ctor(s.toString());
  }

  sd = (e = Ctor.precision) + 3;

  // Halley's method.
  // TODO? Compare Newton's method.
  for (;;) {
    t = r;
    t3 = t.times(t).times(t);
    t3plusx = t3.plus(x);
    r = divide(t3plusx.plus(x).times(t), t3plusx.plus(t3), sd + 2, 1);

    // TODO? Replace with for-loop and checkRoundingDigits.
    if (digitsToString(t.d).slice(0, sd) === (n = digitsToString(r.d)).slice(0, sd)) {
      n = n.slice(sd - 3, sd + 1);

      // The 4th rounding digit may be in error by -1 so if the 4 rounding digits are 9999 or 4999
      // , i.e. approaching a rounding boundary, continue the iteration.
      if (n == '9999' || !rep && n == '4999') {

        // On the first iteration only, check to see if rounding up gives the exact result as the
        // nines may infinitely repeat.
        if (!rep) {
          finalise(t, e + 1, 0);

          if (t.times(t).times(t).eq(x)) {
            r = t;
            break;
          }
        }

        sd += 4;
        rep = 1;
      } else {

        // If the rounding digits are null, 0{0,4} or 50{0,3}, check for an exact result.
        // If not, then there are further digits and m will be truthy.
        if (!+n || !+n.slice(1) && n.charAt(0) == '5') {

          // Truncate to the first rounding digit.
          finalise(r, e + 1, 1);
          m = !r.times(r).times(r).eq(x);
        }

        break;
      }
    }
  }

  external = true;

  return finalise(r, e, Ctor.rounding, m);
};


/*
 * Return the number of decimal places of the value of this Decimal.
 *
 */
P.decimalPlaces = P.dp = function () {
  var w,
    d = this.d,
    n = NaN;

  if (d) {
    w = d.length - 1;
    n = (w - mathfloor(this.e / LOG_BASE)) * LOG_BASE;

    // Subtract the number of trailing zeros of the last word.
    w = d[w];
    if (w) for (; w % 10 == 0; w /= 10) n--;
    if (n < 0) n = 0;
  }

  return n;
};


/*
 *  n / 0 = I
 *  n / N = N
 *  n / I = 0
 *  0 / n = 0
 *  0 / 0 = N
 *  0 / N = N
 *  0 / I = 0
 *  N / n = N
 *  N / 0 = N
 *  N / N = N
 *  N / I = N
 *  I / n = I
 *  I / 0 = I
 *  I / N = N
 *  I / I = N
 *
 * Return a new Decimal whose value is the value of this Decimal divided by `y`, rounded to
 * `precision` significant digits using rounding mode `rounding`.
 *
 */
P.dividedBy = P.div = function (y) {
  return divide(this, new this.constructor(y));
};


/*
 * Return a new Decimal whose value is the integer part of dividing the value of this Decimal
 * by the value of `y`, rounded to `precision` significant digits using rounding mode `rounding`.
 *
 */
P.dividedToIntegerBy = P.divToInt = function (y) {
  var x = this,
    Ctor = x.constructor;
  return finalise(divide(x, new Ctor(y), 0, 1, 1), Ctor.precision, Ctor.rounding);
};


/*
 * Return true if the value of this Decimal is equal to the value of `y`, otherwise return false.
 *
 */
P.equals = P.eq = function (y) {
  return this.cmp(y) === 0;
};


/*
 * Return a new Decimal whose value is the value of this Decimal rounded to a whole number in the
 * direction of negative Infinity.
 *
 */
P.floor = function () {
  return finalise(new this.constructor(this), this.e + 1, 3);
};


/*
 * Return true if the value of this Decimal is greater than the value of `y`, otherwise return
 * false.
 *
 */
P.greaterThan = P.gt = function (y) {
  return this.cmp(y) > 0;
};


/*
 * Return true if the value of this Decimal is greater than or equal to the value of `y`,
 * otherwise return false.
 *
 */
P.greaterThanOrEqualTo = P.gte = function (y) {
  var k = this.cmp(y);
  return k == 1 || k === 0;
};


/*
 * Return a new Decimal whose value is the hyperbolic cosine of the value in radians of this
 * Decimal.
 *
 * Domain: [-Infinity, Infinity]
 * Range: [1, Infinity]
 *
 * cosh(x) = 1 + x^2/2! + x^4/4! + x^6/6! + ...
 *
 * cosh(0)         = 1
 * cosh(-0)        = 1
 * cosh(Infinity)  = Infinity
 * cosh(-Infinity) = Infinity
 * cosh(NaN)       = NaN
 *
 *  x        time taken (ms)   result
 * 1000      9                 9.8503555700852349694e+433
 * 10000     25                4.4034091128314607936e+4342
 * 100000    171               1.4033316802130615897e+43429
 * 1000000   3817              1.5166076984010437725e+434294
 * 10000000  abandoned after 2 minute wait
 *
 * TODO? Compare performance of cosh(x) = 0.5 * (exp(x) + exp(-x))
 *
 */
P.hyperbolicCosine = P.cosh = function () {
  var k, n, pr, rm, len,
    x = this,
    Ctor = x.constructor,
    one = new Ctor(1);

  if (!x.isFinite()) return new Ctor(x.s ? 1 / 0 : NaN);
  if (x.isZero()) return one;

  pr = Ctor.precision;
  rm = Ctor.rounding;
  Ctor.precision = pr + Math.max(x.e, x.sd()) + 4;
  Ctor.rounding = 1;
  len = x.d.length;

  // Argument reduction: cos(4x) = 1 - 8cos^2(x) + 8cos^4(x) + 1
  // i.e. cos(x) = 1 - cos^2(x/4)(8 - 8cos^2(x/4))

  // Estimate the optimum number of times to use the argument reduction.
  // TODO? Estimation reused from cosine() and may not be optimal here.
  if (len < 32) {
    k = Math.ceil(len / 3);
    n = (1 / tinyPow(4, k)).toString();
  } else {
    k = 16;
    n = '2.3283064365386962890625e-10';
  }

  x = taylorSeries(Ctor, 1, x.times(n), new Ctor(1), true);

  // Reverse argument reduction
  var cosh2_x,
    i = k,
    d8 = new Ctor(8);
  for (; i--;) {
    cosh2_x = x.times(x);
    x = one.minus(cosh2_x.times(d8.minus(cosh2_x.times(d8))));
  }

  return finalise(x, Ctor.precision = pr, Ctor.rounding = rm, true);
};


/*
 * Return a new Decimal whose value is the hyperbolic sine of the value in radians of this
 * Decimal.
 *
 * Domain: [-Infinity, Infinity]
 * Range: [-Infinity, Infinity]
 *
 * sinh(x) = x + x^3/3! + x^5/5! + x^7/7! + ...
 *
 * sinh(0)         = 0
 * sinh(-0)        = -0
 * sinh(Infinity)  = Infinity
 * sinh(-Infinity) = -Infinity
 * sinh(NaN)       = NaN
 *
 * x        time taken (ms)
 * 10       2 ms
 * 100      5 ms
 * 1000     14 ms
 * 10000    82 ms
 * 100000   886 ms            1.4033316802130615897e+43429
 * 200000   2613 ms
 * 300000   5407 ms
 * 400000   8824 ms
 * 500000   13026 ms          8.7080643612718084129e+217146
 * 1000000  48543 ms
 *
 * TODO? Compare performance of sinh(x) = 0.5 * (exp(x) - exp(-x))
 *
 */
P.hyperbolicSine = P.sinh = function () {
  var k, pr, rm, len,
    x = this,
    Ctor = x.constructor;

  if (!x.isFinite() || x.isZero()) return new Ctor(x);

  pr = Ctor.precision;
  rm = Ctor.rounding;
  Ctor.precision = pr + Math.max(x.e, x.sd()) + 4;
  Ctor.rounding = 1;
  len = x.d.length;

  if (len < 3) {
    x = taylorSeries(Ctor, 2, x, x, true);
  } else {

    // Alternative argument reduction: sinh(3x) = sinh(x)(3 + 4sinh^2(x))
    // i.e. sinh(x) = sinh(x/3)(3 + 4sinh^2(x/3))
    // 3 multiplications and 1 addition

    // Argument reduction: sinh(5x) = sinh(x)(5 + sinh^2(x)(20 + 16sinh^2(x)))
    // i.e. sinh(x) = sinh(x/5)(5 + sinh^2(x/5)(20 + 16sinh^2(x/5)))
    // 4 multiplications and 2 additions

    // Estimate the optimum number of times to use the argument reduction.
    k = 1.4 * Math.sqrt(len);
    k = k > 16 ? 16 : k | 0;

    x = x.times(1 / tinyPow(5, k));
    x = taylorSeries(Ctor, 2, x, x, true);

    // Reverse argument reduction
    var sinh2_x,
      d5 = new Ctor(5),
      d16 = new Ctor(16),
      d20 = new Ctor(20);
    for (; k--;) {
      sinh2_x = x.times(x);
      x = x.times(d5.plus(sinh2_x.times(d16.times(sinh2_x).plus(d20))));
    }
  }

  Ctor.precision = pr;
  Ctor.rounding = rm;

  return finalise(x, pr, rm, true);
};


/*
 * Return a new Decimal whose value is the hyperbolic tangent of the value in radians of this
 * Decimal.
 *
 * Domain: [-Infinity, Infinity]
 * Range: [-1, 1]
 *
 * tanh(x) = sinh(x) / cosh(x)
 *
 * tanh(0)         = 0
 * tanh(-0)        = -0
 * tanh(Infinity)  = 1
 * tanh(-Infinity) = -1
 * tanh(NaN)       = NaN
 *
 */
P.hyperbolicTangent = P.tanh = function () {
  var pr, rm,
    x = this,
    Ctor = x.constructor;

  if (!x.isFinite()) return new Ctor(x.s);
  if (x.isZero()) return new Ctor(x);

  pr = Ctor.precision;
  rm = Ctor.rounding;
  Ctor.precision = pr + 7;
  Ctor.rounding = 1;

  return divide(x.sinh(), x.cosh(), Ctor.precision = pr, Ctor.rounding = rm);
};


/*
 * Return a new Decimal whose value is the arccosine (inverse cosine) in radians of the value of
 * this Decimal.
 *
 * Domain: [-1, 1]
 * Range: [0, pi]
 *
 * acos(x) = pi/2 - asin(x)
 *
 * acos(0)       = pi/2
 * acos(-0)      = pi/2
 * acos(1)       = 0
 * acos(-1)      = pi
 * acos(1/2)     = pi/3
 * acos(-1/2)    = 2*pi/3
 * acos(|x| > 1) = NaN
 * acos(NaN)     = NaN
 *
 */
P.inverseCosine = P.acos = function () {
  var x = this,
    Ctor = x.constructor,
    k = x.abs().cmp(1),
    pr = Ctor.precision,
    rm = Ctor.rounding;

  if (k !== -1) {
    return k === 0
      // |x| is 1
      ? x.isNeg() ? getPi(Ctor, pr, rm) : new Ctor(0)
      // |x| > 1 or x is NaN
      : new Ctor(NaN);
  }

  if (x.isZero()) return getPi(Ctor, pr + 4, rm).times(0.5);

  // TODO? Special case acos(0.5) = pi/3 and acos(-0.5) = 2*pi/3

  Ctor.precision = pr + 6;
  Ctor.rounding = 1;

  // See https://github.com/MikeMcl/decimal.js/pull/217
  x = new Ctor(1).minus(x).div(x.plus(1)).sqrt().atan();

  Ctor.precision = pr;
  Ctor.rounding = rm;

  return x.times(2);
};


/*
 * Return a new Decimal whose value is the inverse of the hyperbolic cosine in radians of the
 * value of this Decimal.
 *
 * Domain: [1, Infinity]
 * Range: [0, Infinity]
 *
 * acosh(x) = ln(x + sqrt(x^2 - 1))
 *
 * acosh(x < 1)     = NaN
 * acosh(NaN)       = NaN
 * acosh(Infinity)  = Infinity
 * acosh(-Infinity) = NaN
 * acosh(0)         = NaN
 * acosh(-0)        = NaN
 * acosh(1)         = 0
 * acosh(-1)        = NaN
 *
 */
P.inverseHyperbolicCosine = P.acosh = function () {
  var pr, rm,
    x = this,
    Ctor = x.constructor;

  if (x.lte(1)) return new Ctor(x.eq(1) ? 0 : NaN);
  if (!x.isFinite()) return new Ctor(x);

  pr = Ctor.precision;
  rm = Ctor.rounding;
  Ctor.precision = pr + Math.max(Math.abs(x.e), x.sd()) + 4;
  Ctor.rounding = 1;
  external = false;

  x = x.times(x).minus(1).sqrt().plus(x);

  external = true;
  Ctor.precision = pr;
  Ctor.rounding = rm;

  return x.ln();
};


/*
 * Return a new Decimal whose value is the inverse of the hyperbolic sine in radians of the value
 * of this Decimal.
 *
 * Domain: [-Infinity, Infinity]
 * Range: [-Infinity, Infinity]
 *
 * asinh(x) = ln(x + sqrt(x^2 + 1))
 *
 * asinh(NaN)       = NaN
 * asinh(Infinity)  = Infinity
 * asinh(-Infinity) = -Infinity
 * asinh(0)         = 0
 * asinh(-0)        = -0
 *
 */
P.inverseHyperbolicSine = P.asinh = function () {
  var pr, rm,
    x = this,
    Ctor = x.constructor;

  if (!x.isFinite() || x.isZero()) return new Ctor(x);

  pr = Ctor.precision;
  rm = Ctor.rounding;
  Ctor.precision = pr + 2 * Math.max(Math.abs(x.e), x.sd()) + 6;
  Ctor.rounding = 1;
  external = false;

  x = x.times(x).plus(1).sqrt().plus(x);

  external = true;
  Ctor.precision = pr;
  Ctor.rounding = rm;

  return x.ln();
};


/*
 * Return a new Decimal whose value is the inverse of the hyperbolic tangent in radians of the
 * value of this Decimal.
 *
 * Domain: [-1, 1]
 * Range: [-Infinity, Infinity]
 *
 * atanh(x) = 0.5 * ln((1 + x) / (1 - x))
 *
 * atanh(|x| > 1)   = NaN
 * atanh(NaN)       = NaN
 * atanh(Infinity)  = NaN
 * atanh(-Infinity) = NaN
 * atanh(0)         = 0
 * atanh(-0)        = -0
 * atanh(1)         = Infinity
 * atanh(-1)        = -Infinity
 *
 */
P.inverseHyperbolicTangent = P.atanh = function () {
  var pr, rm, wpr, xsd,
    x = this,
    Ctor = x.constructor;

  if (!x.isFinite()) return new Ctor(NaN);
  if (x.e >= 0) return new Ctor(x.abs().eq(1) ? x.s / 0 : x.isZero() ? x : NaN);

  pr = Ctor.precision;
  rm = Ctor.rounding;
  xsd = x.sd();

  if (Math.max(xsd, pr) < 2 * -x.e - 1) return finalise(new Ctor(x), pr, rm, true);

  Ctor.precision = wpr = xsd - x.e;

  x = divide(x.plus(1), new Ctor(1).minus(x), wpr + pr, 1);

  Ctor.precision = pr + 4;
  Ctor.rounding = 1;

  x = x.ln();

  Ctor.precision = pr;
  Ctor.rounding = rm;

  return x.times(0.5);
};


/*
 * Return a new Decimal whose value is the arcsine (inverse sine) in radians of the value of this
 * Decimal.
 *
 * Domain: [-Infinity, Infinity]
 * Range: [-pi/2, pi/2]
 *
 * asin(x) = 2*atan(x/(1 + sqrt(1 - x^2)))
 *
 * asin(0)       = 0
 * asin(-0)      = -0
 * asin(1/2)     = pi/6
 * asin(-1/2)    = -pi/6
 * asin(1)       = pi/2
 * asin(-1)      = -pi/2
 * asin(|x| > 1) = NaN
 * asin(NaN)     = NaN
 *
 * TODO? Compare performance of Taylor series.
 *
 */
P.inverseSine = P.asin = function () {
  var halfPi, k,
    pr, rm,
    x = this,
    Ctor = x.constructor;

  if (x.isZero()) return new Ctor(x);

  k = x.abs().cmp(1);
  pr = Ctor.precision;
  rm = Ctor.rounding;

  if (k !== -1) {

    // |x| is 1
    if (k === 0) {
      halfPi = getPi(Ctor, pr + 4, rm).times(0.5);
      halfPi.s = x.s;
      return halfPi;
    }

    // |x| > 1 or x is NaN
    return new Ctor(NaN);
  }

  // TODO? Special case asin(1/2) = pi/6 and asin(-1/2) = -pi/6

  Ctor.precision = pr + 6;
  Ctor.rounding = 1;

  x = x.div(new Ctor(1).minus(x.times(x)).sqrt().plus(1)).atan();

  Ctor.precision = pr;
  Ctor.rounding = rm;

  return x.times(2);
};


/*
 * Return a new Decimal whose value is the arctangent (inverse tangent) in radians of the value
 * of this Decimal.
 *
 * Domain: [-Infinity, Infinity]
 * Range: [-pi/2, pi/2]
 *
 * atan(x) = x - x^3/3 + x^5/5 - x^7/7 + ...
 *
 * atan(0)         = 0
 * atan(-0)        = -0
 * atan(1)         = pi/4
 * atan(-1)        = -pi/4
 * atan(Infinity)  = pi/2
 * atan(-Infinity) = -pi/2
 * atan(NaN)       = NaN
 *
 */
P.inverseTangent = P.atan = function () {
  var i, j, k, n, px, t, r, wpr, x2,
    x = this,
    Ctor = x.constructor,
    pr = Ctor.precision,
    rm = Ctor.rounding;

  if (!x.isFinite()) {
    if (!x.s) return new Ctor(NaN);
    if (pr + 4 <= PI_PRECISION) {
      r = getPi(Ctor, pr + 4, rm).times(0.5);
      r.s = x.s;
      return r;
    }
  } else if (x.isZero()) {
    return new Ctor(x);
  } else if (x.abs().eq(1) && pr + 4 <= PI_PRECISION) {
    r = getPi(Ctor, pr + 4, rm).times(0.25);
    r.s = x.s;
    return r;
  }

  Ctor.precision = wpr = pr + 10;
  Ctor.rounding = 1;

  // TODO? if (x >= 1 && pr <= PI_PRECISION) atan(x) = halfPi * x.s - atan(1 / x);

  // Argument reduction
  // Ensure |x| < 0.42
  // atan(x) = 2 * atan(x / (1 + sqrt(1 + x^2)))

  k = Math.min(28, wpr / LOG_BASE + 2 | 0);

  for (i = k; i; --i) x = x.div(x.times(x).plus(1).sqrt().plus(1));

  external = false;

  j = Math.ceil(wpr / LOG_BASE);
  n = 1;
  x2 = x.times(x);
  r = new Ctor(x);
  px = x;

  // atan(x) = x - x^3/3 + x^5/5 - x^7/7 + ...
  for (; i !== -1;) {
    px = px.times(x2);
    t = r.minus(px.div(n += 2));

    px = px.times(x2);
    r = t.plus(px.div(n += 2));

    if (r.d[j] !== void 0) for (i = j; r.d[i] === t.d[i] && i--;);
  }

  if (k) r = r.times(2 << (k - 1));

  external = true;

  return finalise(r, Ctor.precision = pr, Ctor.rounding = rm, true);
};


/*
 * Return true if the value of this Decimal is a finite number, otherwise return false.
 *
 */
P.isFinite = function () {
  return !!this.d;
};


/*
 * Return true if the value of this Decimal is an integer, otherwise return false.
 *
 */
P.isInteger = P.isInt = function () {
  return !!this.d && mathfloor(this.e / LOG_BASE) > this.d.length - 2;
};


/*
 * Return true if the value of this Decimal is NaN, otherwise return false.
 *
 */
P.isNaN = function () {
  return !this.s;
};


/*
 * Return true if the value of this Decimal is negative, otherwise return false.
 *
 */
P.isNegative = P.isNeg = function () {
  return this.s < 0;
};


/*
 * Return true if the value of this Decimal is positive, otherwise return false.
 *
 */
P.isPositive = P.isPos = function () {
  return this.s > 0;
};


/*
 * Return true if the value of this Decimal is 0 or -0, otherwise return false.
 *
 */
P.isZero = function () {
  return !!this.d && this.d[0] === 0;
};


/*
 * Return true if the value of this Decimal is less than `y`, otherwise return false.
 *
 */
P.lessThan = P.lt = function (y) {
  return this.cmp(y) < 0;
};


/*
 * Return true if the value of this Decimal is less than or equal to `y`, otherwise return false.
 *
 */
P.lessThanOrEqualTo = P.lte = function (y) {
  return this.cmp(y) < 1;
};


/*
 * Return the logarithm of the value of this Decimal to the specified base, rounded to `precision`
 * significant digits using rounding mode `rounding`.
 *
 * If no base is specified, return log[10](arg).
 *
 * log[base](arg) = ln(arg) / ln(base)
 *
 * The result will always be correctly rounded if the base of the log is 10, and 'almost always'
 * otherwise:
 *
 * Depending on the rounding mode, the result may be incorrectly rounded if the first fifteen
 * rounding digits are [49]99999999999999 or [50]00000000000000. In that case, the maximum error
 * between the result and the correctly rounded result will be one ulp (unit in the last place).
 *
 * log[-b](a)       = NaN
 * log[0](a)        = NaN
 * log[1](a)        = NaN
 * log[NaN](a)      = NaN
 * log[Infinity](a) = NaN
 * log[b](0)        = -Infinity
 * log[b](-0)       = -Infinity
 * log[b](-a)       = NaN
 * log[b](1)        = 0
 * log[b](Infinity) = Infinity
 * log[b](NaN)      = NaN
 *
 * [base] {number|string|bigint|Decimal} The base of the logarithm.
 *
 */
P.logarithm = P.log = function (base) {
  var isBase10, d, denominator, k, inf, num, sd, r,
    arg = this,
    Ctor = arg.constructor,
    pr = Ctor.precision,
    rm = Ctor.rounding,
    guard = 5;

  // Default base is 10.
  if (base == null) {
    base = new Ctor(10);
    isBase10 = true;
  } else {
    base = new Ctor(base);
    d = base.d;

    // Return NaN if base is negative, or non-finite, or is 0 or 1.
    if (base.s < 0 || !d || !d[0] || base.eq(1)) return new Ctor(NaN);

    isBase10 = base.eq(10);
  }

  d = arg.d;

  // Is arg negative, non-finite, 0 or 1?
  if (arg.s < 0 || !d || !d[0] || arg.eq(1)) {
    return new Ctor(d && !d[0] ? -1 / 0 : arg.s != 1 ? NaN : d ? 0 : 1 / 0);
  }

  // The result will have a non-terminating decimal expansion if base is 10 and arg is not an
  // integer power of 10.
  if (isBase10) {
    if (d.length > 1) {
      inf = true;
    } else {
      for (k = d[0]; k % 10 === 0;) k /= 10;
      inf = k !== 1;
    }
  }

  external = false;
  sd = pr + guard;
  num = naturalLogarithm(arg, sd);
  denominator = isBase10 ? getLn10(Ctor, sd + 10) : naturalLogarithm(base, sd);

  // The result will have 5 rounding digits.
  r = divide(num, denominator, sd, 1);

  // If at a rounding boundary, i.e. the result's rounding digits are [49]9999 or [50]0000,
  // calculate 10 further digits.
  //
  // If the result is known to have an infinite decimal expansion, repeat this until it is clear
  // that the result is above or below the boundary. Otherwise, if after calculating the 10
  // further digits, the last 14 are nines, round up and assume the result is exact.
  // Also assume the result is exact if the last 14 are zero.
  //
  // Example of a result that will be incorrectly rounded:
  // log[1048576](4503599627370502) = 2.60000000000000009610279511444746...
  // The above result correctly rounded using ROUND_CEIL to 1 decimal place should be 2.7, but it
  // will be given as 2.6 as there are 15 zeros immediately after the requested decimal place, so
  // the exact result would be assumed to be 2.6, which rounded using ROUND_CEIL to 1 decimal
  // place is still 2.6.
  if (checkRoundingDigits(r.d, k = pr, rm)) {

    do {
      sd += 10;
      num = naturalLogarithm(arg, sd);
      denominator = isBase10 ? getLn10(Ctor, sd + 10) : naturalLogarithm(base, sd);
      r = divide(num, denominator, sd, 1);

      if (!inf) {

        // Check for 14 nines from the 2nd rounding digit, as the first may be 4.
        if (+digitsToString(r.d).slice(k + 1, k + 15) + 1 == 1e14) {
          r = finalise(r, pr + 1, 0);
        }

        break;
      }
    } while (checkRoundingDigits(r.d, k += 10, rm));
  }

  external = true;

  return finalise(r, pr, rm);
};


/*
 * Return a new Decimal whose value is the maximum of the arguments and the value of this Decimal.
 *
 * arguments {number|string|bigint|Decimal}
 *
P.max = function () {
  Array.prototype.push.call(arguments, this);
  return maxOrMin(this.constructor, arguments, -1);
};
 */


/*
 * Return a new Decimal whose value is the minimum of the arguments and the value of this Decimal.
 *
 * arguments {number|string|bigint|Decimal}
 *
P.min = function () {
  Array.prototype.push.call(arguments, this);
  return maxOrMin(this.constructor, arguments, 1);
};
 */


/*
 *  n - 0 = n
 *  n - N = N
 *  n - I = -I
 *  0 - n = -n
 *  0 - 0 = 0
 *  0 - N = N
 *  0 - I = -I
 *  N - n = N
 *  N - 0 = N
 *  N - N = N
 *  N - I = N
 *  I - n = I
 *  I - 0 = I
 *  I - N = N
 *  I - I = N
 *
 * Return a new Decimal whose value is the value of this Decimal minus `y`, rounded to `precision`
 * significant digits using rounding mode `rounding`.
 *
 */
P.minus = P.sub = function (y) {
  var d, e, i, j, k, len, pr, rm, xd, xe, xLTy, yd,
    x = this,
    Ctor = x.constructor;

  y = new Ctor(y);

  // If either is not finite...
  if (!x.d || !y.d) {

    // Return NaN if either is NaN.
    if (!x.s || !y.s) y = new Ctor(NaN);

    // Return y negated if x is finite and y is ±Infinity.
    else if (x.d) y.s = -y.s;

    // Return x if y is finite and x is ±Infinity.
    // Return x if both are ±Infinity with different signs.
    // Return NaN if both are ±Infinity with the same sign.
    else y = new Ctor(y.d || x.s !== y.s ? x : NaN);

    return y;
  }

  // If signs differ...
  if (x.s != y.s) {
    y.s = -y.s;
    return x.plus(y);
  }

  xd = x.d;
  yd = y.d;
  pr = Ctor.precision;
  rm = Ctor.rounding;

  // If either is zero...
  if (!xd[0] || !yd[0]) {

    // Return y negated if x is zero and y is non-zero.
    if (yd[0]) y.s = -y.s;

    // Return x if y is zero and x is non-zero.
    else if (xd[0]) y = new Ctor(x);

    // Return zero if both are zero.
    // From IEEE 754 (2008) 6.3: 0 - 0 = -0 - -0 = -0 when rounding to -Infinity.
    else return new Ctor(rm === 3 ? -0 : 0);

    return external ? finalise(y, pr, rm) : y;
  }

  // x and y are finite, non-zero numbers with the same sign.

  // Calculate base 1e7 exponents.
  e = mathfloor(y.e / LOG_BASE);
  xe = mathfloor(x.e / LOG_BASE);

  xd = xd.slice();
  k = xe - e;

  // If base 1e7 exponents differ...
  if (k) {
    xLTy = k < 0;

    if (xLTy) {
      d = xd;
      k = -k;
      len = yd.length;
    } else {
      d = yd;
      e = xe;
      len = xd.length;
    }

    // Numbers with massively different exponents would result in a very high number of
    // zeros needing to be prepended, but this can be avoided while still ensuring correct
    // rounding by limiting the number of zeros to `Math.ceil(pr / LOG_BASE) + 2`.
    i = Math.max(Math.ceil(pr / LOG_BASE), len) + 2;

    if (k > i) {
      k = i;
      d.length = 1;
    }

    // Prepend zeros to equalise exponents.
    d.reverse();
    for (i = k; i--;) d.push(0);
    d.reverse();

  // Base 1e7 exponents equal.
  } else {

    // Check digits to determine which is the bigger number.

    i = xd.length;
    len = yd.length;
    xLTy = i < len;
    if (xLTy) len = i;

    for (i = 0; i < len; i++) {
      if (xd[i] != yd[i]) {
        xLTy = xd[i] < yd[i];
        break;
      }
    }

    k = 0;
  }

  if (xLTy) {
    d = xd;
    xd = yd;
    yd = d;
    y.s = -y.s;
  }

  len = xd.length;

  // Append zeros to `xd` if shorter.
  // Don't add zeros to `yd` if shorter as subtraction only needs to start at `yd` length.
  for (i = yd.length - len; i > 0; --i) xd[len++] = 0;

  // Subtract yd from xd.
  for (i = yd.length; i > k;) {

    if (xd[--i] < yd[i]) {
      for (j = i; j && xd[--j] === 0;) xd[j] = BASE - 1;
      --xd[j];
      xd[i] += BASE;
    }

    xd[i] -= yd[i];
  }

  // Remove trailing zeros.
  for (; xd[--len] === 0;) xd.pop();

  // Remove leading zeros and adjust exponent accordingly.
  for (; xd[0] === 0; xd.shift()) --e;

  // Zero?
  if (!xd[0]) return new Ctor(rm === 3 ? -0 : 0);

  y.d = xd;
  y.e = getBase10Exponent(xd, e);

  return external ? finalise(y, pr, rm) : y;
};


/*
 *   n % 0 =  N
 *   n % N =  N
 *   n % I =  n
 *   0 % n =  0
 *  -0 % n = -0
 *   0 % 0 =  N
 *   0 % N =  N
 *   0 % I =  0
 *   N % n =  N
 *   N % 0 =  N
 *   N % N =  N
 *   N % I =  N
 *   I % n =  N
 *   I % 0 =  N
 *   I % N =  N
 *   I % I =  N
 *
 * Return a new Decimal whose value is the value of this Decimal modulo `y`, rounded to
 * `precision` significant digits using rounding mode `rounding`.
 *
 * The result depends on the modulo mode.
 *
 */
P.modulo = P.mod = function (y) {
  var q,
    x = this,
    Ctor = x.constructor;

  y = new Ctor(y);

  // Return NaN if x is ±Infinity or NaN, or y is NaN or ±0.
  if (!x.d || !y.s || y.d && !y.d[0]) return new Ctor(NaN);

  // Return x if y is ±Infinity or x is ±0.
  if (!y.d || x.d && !x.d[0]) {
    return finalise(new Ctor(x), Ctor.precision, Ctor.rounding);
  }

  // Prevent rounding of intermediate calculations.
  external = false;

  if (Ctor.modulo == 9) {

    // Euclidian division: q = sign(y) * floor(x / abs(y))
    // result = x - q * y    where  0 <= result < abs(y)
    q = divide(x, y.abs(), 0, 3, 1);
    q.s *= y.s;
  } else {
    q = divide(x, y, 0, Ctor.modulo, 1);
  }

  q = q.times(y);

  external = true;

  return x.minus(q);
};


/*
 * Return a new Decimal whose value is the natural exponential of the value of this Decimal,
 * i.e. the base e raised to the power the value of this Decimal, rounded to `precision`
 * significant digits using rounding mode `rounding`.
 *
 */
P.naturalExponential = P.exp = function () {
  return naturalExponential(this);
};


/*
 * Return a new Decimal whose value is the natural logarithm of the value of this Decimal,
 * rounded to `precision` significant digits using rounding mode `rounding`.
 *
 */
P.naturalLogarithm = P.ln = function () {
  return naturalLogarithm(this);
};


/*
 * Return a new Decimal whose value is the value of this Decimal negated, i.e. as if multiplied by
 * -1.
 *
 */
P.negated = P.neg = function () {
  var x = new this.constructor(this);
  x.s = -x.s;
  return finalise(x);
};


/*
 *  n + 0 = n
 *  n + N = N
 *  n + I = I
 *  0 + n = n
 *  0 + 0 = 0
 *  0 + N = N
 *  0 + I = I
 *  N + n = N
 *  N + 0 = N
 *  N + N = N
 *  N + I = N
 *  I + n = I
 *  I + 0 = I
 *  I + N = N
 *  I + I = I
 *
 * Return a new Decimal whose value is the value of this Decimal plus `y`, rounded to `precision`
 * significant digits using rounding mode `rounding`.
 *
 */
P.plus = P.add = function (y) {
  var carry, d, e, i, k, len, pr, rm, xd, yd,
    x = this,
    Ctor = x.constructor;

  y = new Ctor(y);

  // If either is not finite...
  if (!x.d || !y.d) {

    // Return NaN if either is NaN.
    if (!x.s || !y.s) y = new Ctor(NaN);

    // Return x if y is finite and x is ±Infinity.
    // Return x if both are ±Infinity with the same sign.
    // Return NaN if both are ±Infinity with different signs.
    // Return y if x is finite and y is ±Infinity.
    else if (!x.d) y = new Ctor(y.d || x.s === y.s ? x : NaN);

    return y;
  }

   // If signs differ...
  if (x.s != y.s) {
    y.s = -y.s;
    return x.minus(y);
  }

  xd = x.d;
  yd = y.d;
  pr = Ctor.precision;
  rm = Ctor.rounding;

  // If either is zero...
  if (!xd[0] || !yd[0]) {

    // Return x if y is zero.
    // Return y if y is non-zero.
    if (!yd[0]) y = new Ctor(x);

    return external ? finalise(y, pr, rm) : y;
  }

  // x and y are finite, non-zero numbers with the same sign.

  // Calculate base 1e7 exponents.
  k = mathfloor(x.e / LOG_BASE);
  e = mathfloor(y.e / LOG_BASE);

  xd = xd.slice();
  i = k - e;

  // If base 1e7 exponents differ...
  if (i) {

    if (i < 0) {
      d = xd;
      i = -i;
      len = yd.length;
    } else {
      d = yd;
      e = k;
      len = xd.length;
    }

    // Limit number of zeros prepended to max(ceil(pr / LOG_BASE), len) + 1.
    k = Math.ceil(pr / LOG_BASE);
    len = k > len ? k + 1 : len + 1;

    if (i > len) {
      i = len;
      d.length = 1;
    }

    // Prepend zeros to equalise exponents. Note: Faster to use reverse then do unshifts.
    d.reverse();
    for (; i--;) d.push(0);
    d.reverse();
  }

  len = xd.length;
  i = yd.length;

  // If yd is longer than xd, swap xd and yd so xd points to the longer array.
  if (len - i < 0) {
    i = len;
    d = yd;
    yd = xd;
    xd = d;
  }

  // Only start adding at yd.length - 1 as the further digits of xd can be left as they are.
  for (carry = 0; i;) {
    carry = (xd[--i] = xd[i] + yd[i] + carry) / BASE | 0;
    xd[i] %= BASE;
  }

  if (carry) {
    xd.unshift(carry);
    ++e;
  }

  // Remove trailing zeros.
  // No need to check for zero, as +x + +y != 0 && -x + -y != 0
  for (len = xd.length; xd[--len] == 0;) xd.pop();

  y.d = xd;
  y.e = getBase10Exponent(xd, e);

  return external ? finalise(y, pr, rm) : y;
};


/*
 * Return the number of significant digits of the value of this Decimal.
 *
 * [z] {boolean|number} Whether to count integer-part trailing zeros: true, false, 1 or 0.
 *
 */
P.precision = P.sd = function (z) {
  var k,
    x = this;

  if (z !== void 0 && z !== !!z && z !== 1 && z !== 0) throw Error(invalidArgument + z);

  if (x.d) {
    k = getPrecision(x.d);
    if (z && x.e + 1 > k) k = x.e + 1;
  } else {
    k = NaN;
  }

  return k;
};


/*
 * Return a new Decimal whose value is the value of this Decimal rounded to a whole number using
 * rounding mode `rounding`.
 *
 */
P.round = function () {
  var x = this,
    Ctor = x.constructor;

  return finalise(new Ctor(x), x.e + 1, Ctor.rounding);
};


/*
 * Return a new Decimal whose value is the sine of the value in radians of this Decimal.
 *
 * Domain: [-Infinity, Infinity]
 * Range: [-1, 1]
 *
 * sin(x) = x - x^3/3! + x^5/5! - ...
 *
 * sin(0)         = 0
 * sin(-0)        = -0
 * sin(Infinity)  = NaN
 * sin(-Infinity) = NaN
 * sin(NaN)       = NaN
 *
 */
P.sine = P.sin = function () {
  var pr, rm,
    x = this,
    Ctor = x.constructor;

  if (!x.isFinite()) return new Ctor(NaN);
  if (x.isZero()) return new Ctor(x);

  pr = Ctor.precision;
  rm = Ctor.rounding;
  Ctor.precision = pr + Math.max(x.e, x.sd()) + LOG_BASE;
  Ctor.rounding = 1;

  x = sine(Ctor, toLessThanHalfPi(Ctor, x));

  Ctor.precision = pr;
  Ctor.rounding = rm;

  return finalise(quadrant > 2 ? x.neg() : x, pr, rm, true);
};


/*
 * Return a new Decimal whose value is the square root of this Decimal, rounded to `precision`
 * significant digits using rounding mode `rounding`.
 *
 *  sqrt(-n) =  N
 *  sqrt(N)  =  N
 *  sqrt(-I) =  N
 *  sqrt(I)  =  I
 *  sqrt(0)  =  0
 *  sqrt(-0) = -0
 *
 */
P.squareRoot = P.sqrt = function () {
  var m, n, sd, r, rep, t,
    x = this,
    d = x.d,
    e = x.e,
    s = x.s,
    Ctor = x.constructor;

  // Negative/NaN/Infinity/zero?
  if (s !== 1 || !d || !d[0]) {
    return new Ctor(!s || s < 0 && (!d || d[0]) ? NaN : d ? x : 1 / 0);
  }

  external = false;

  // Initial estimate.
  s = Math.sqrt(+x);

  // Math.sqrt underflow/overflow?
  // Pass x to Math.sqrt as integer, then adjust the exponent of the result.
  if (s == 0 || s == 1 / 0) {
    n = digitsToString(d);

    if ((n.length + e) % 2 == 0) n += '0';
    s = Math.sqrt(n);
    e = mathfloor((e + 1) / 2) - (e < 0 || e % 2);

    if (s == 1 / 0) {
      n = '5e' + e;
    } else {
      n = s.toExponential();
      n = n.slice(0, n.indexOf('e') + 1) + e;
    }

    r = new Ctor(n);
  } else {
    r = new Ctor(s.toString());
  }

  sd = (e = Ctor.precision) + 3;

  // Newton-Raphson iteration.
  for (;;) {
    t = r;
    r = t.plus(divide(x, t, sd + 2, 1)).times(0.5);

    // TODO? Replace with for-loop and checkRoundingDigits.
    if (digitsToString(t.d).slice(0, sd) === (n = digitsToString(r.d)).slice(0, sd)) {
      n = n.slice(sd - 3, sd + 1);

      // The 4th rounding digit may be in error by -1 so if the 4 rounding digits are 9999 or
      // 4999, i.e. approaching a rounding boundary, continue the iteration.
      if (n == '9999' || !rep && n == '4999') {

        // On the first iteration only, check to see if rounding up gives the exact result as the
        // nines may infinitely repeat.
        if (!rep) {
          finalise(t, e + 1, 0);

          if (t.times(t).eq(x)) {
            r = t;
            break;
          }
        }

        sd += 4;
        rep = 1;
      } else {

        // If the rounding digits are null, 0{0,4} or 50{0,3}, check for an exact result.
        // If not, then there are further digits and m will be truthy.
        if (!+n || !+n.slice(1) && n.charAt(0) == '5') {

          // Truncate to the first rounding digit.
          finalise(r, e + 1, 1);
          m = !r.times(r).eq(x);
        }

        break;
      }
    }
  }

  external = true;

  return finalise(r, e, Ctor.rounding, m);
};


/*
 * Return a new Decimal whose value is the tangent of the value in radians of this Decimal.
 *
 * Domain: [-Infinity, Infinity]
 * Range: [-Infinity, Infinity]
 *
 * tan(0)         = 0
 * tan(-0)        = -0
 * tan(Infinity)  = NaN
 * tan(-Infinity) = NaN
 * tan(NaN)       = NaN
 *
 */
P.tangent = P.tan = function () {
  var pr, rm,
    x = this,
    Ctor = x.constructor;

  if (!x.isFinite()) return new Ctor(NaN);
  if (x.isZero()) return new Ctor(x);

  pr = Ctor.precision;
  rm = Ctor.rounding;
  Ctor.precision = pr + 10;
  Ctor.rounding = 1;

  x = x.sin();
  x.s = 1;
  x = divide(x, new Ctor(1).minus(x.times(x)).sqrt(), pr + 10, 0);

  Ctor.precision = pr;
  Ctor.rounding = rm;

  return finalise(quadrant == 2 || quadrant == 4 ? x.neg() : x, pr, rm, true);
};


/*
 *  n * 0 = 0
 *  n * N = N
 *  n * I = I
 *  0 * n = 0
 *  0 * 0 = 0
 *  0 * N = N
 *  0 * I = N
 *  N * n = N
 *  N * 0 = N
 *  N * N = N
 *  N * I = N
 *  I * n = I
 *  I * 0 = N
 *  I * N = N
 *  I * I = I
 *
 * Return a new Decimal whose value is this Decimal times `y`, rounded to `precision` significant
 * digits using rounding mode `rounding`.
 *
 */
P.times = P.mul = function (y) {
  var carry, e, i, k, r, rL, t, xdL, ydL,
    x = this,
    Ctor = x.constructor,
    xd = x.d,
    yd = (y = new Ctor(y)).d;

  y.s *= x.s;

   // If either is NaN, ±Infinity or ±0...
  if (!xd || !xd[0] || !yd || !yd[0]) {

    return new Ctor(!y.s || xd && !xd[0] && !yd || yd && !yd[0] && !xd

      // Return NaN if either is NaN.
      // Return NaN if x is ±0 and y is ±Infinity, or y is ±0 and x is ±Infinity.
      ? NaN

      // Return ±Infinity if either is ±Infinity.
      // Return ±0 if either is ±0.
      : !xd || !yd ? y.s / 0 : y.s * 0);
  }

  e = mathfloor(x.e / LOG_BASE) + mathfloor(y.e / LOG_BASE);
  xdL = xd.length;
  ydL = yd.length;

  // Ensure xd points to the longer array.
  if (xdL < ydL) {
    r = xd;
    xd = yd;
    yd = r;
    rL = xdL;
    xdL = ydL;
    ydL = rL;
  }

  // Initialise the result array with zeros.
  r = [];
  rL = xdL + ydL;
  for (i = rL; i--;) r.push(0);

  // Multiply!
  for (i = ydL; --i >= 0;) {
    carry = 0;
    for (k = xdL + i; k > i;) {
      t = r[k] + yd[i] * xd[k - i - 1] + carry;
      r[k--] = t % BASE | 0;
      carry = t / BASE | 0;
    }

    r[k] = (r[k] + carry) % BASE | 0;
  }

  // Remove trailing zeros.
  for (; !r[--rL];) r.pop();

  if (carry) ++e;
  else r.shift();

  y.d = r;
  y.e = getBase10Exponent(r, e);

  return external ? finalise(y, Ctor.precision, Ctor.rounding) : y;
};


/*
 * Return a string representing the value of this Decimal in base 2, round to `sd` significant
 * digits using rounding mode `rm`.
 *
 * If the optional `sd` argument is present then return binary exponential notation.
 *
 * [sd] {number} Significant digits. Integer, 1 to MAX_DIGITS inclusive.
 * [rm] {number} Rounding mode. Integer, 0 to 8 inclusive.
 *
 */
P.toBinary = function (sd, rm) {
  return toStringBinary(this, 2, sd, rm);
};


/*
 * Return a new Decimal whose value is the value of this Decimal rounded to a maximum of `dp`
 * decimal places using rounding mode `rm` or `rounding` if `rm` is omitted.
 *
 * If `dp` is omitted, return a new Decimal whose value is the value of this Decimal.
 *
 * [dp] {number} Decimal places. Integer, 0 to MAX_DIGITS inclusive.
 * [rm] {number} Rounding mode. Integer, 0 to 8 inclusive.
 *
 */
P.toDecimalPlaces = P.toDP = function (dp, rm) {
  var x = this,
    Ctor = x.constructor;

  x = new Ctor(x);
  if (dp === void 0) return x;

  checkInt32(dp, 0, MAX_DIGITS);

  if (rm === void 0) rm = Ctor.rounding;
  else checkInt32(rm, 0, 8);

  return finalise(x, dp + x.e + 1, rm);
};


/*
 * Return a string representing the value of this Decimal in exponential notation rounded to
 * `dp` fixed decimal places using rounding mode `rounding`.
 *
 * [dp] {number} Decimal places. Integer, 0 to MAX_DIGITS inclusive.
 * [rm] {number} Rounding mode. Integer, 0 to 8 inclusive.
 *
 */
P.toExponential = function (dp, rm) {
  var str,
    x = this,
    Ctor = x.constructor;

  if (dp === void 0) {
    str = finiteToString(x, true);
  } else {
    checkInt32(dp, 0, MAX_DIGITS);

    if (rm === void 0) rm = Ctor.rounding;
    else checkInt32(rm, 0, 8);

    x = finalise(new Ctor(x), dp + 1, rm);
    str = finiteToString(x, true, dp + 1);
  }

  return x.isNeg() && !x.isZero() ? '-' + str : str;
};


/*
 * Return a string representing the value of this Decimal in normal (fixed-point) notation to
 * `dp` fixed decimal places and rounded using rounding mode `rm` or `rounding` if `rm` is
 * omitted.
 *
 * As with JavaScript numbers, (-0).toFixed(0) is '0', but e.g. (-0.00001).toFixed(0) is '-0'.
 *
 * [dp] {number} Decimal places. Integer, 0 to MAX_DIGITS inclusive.
 * [rm] {number} Rounding mode. Integer, 0 to 8 inclusive.
 *
 * (-0).toFixed(0) is '0', but (-0.1).toFixed(0) is '-0'.
 * (-0).toFixed(1) is '0.0', but (-0.01).toFixed(1) is '-0.0'.
 * (-0).toFixed(3) is '0.000'.
 * (-0.5).toFixed(0) is '-0'.
 *
 */
P.toFixed = function (dp, rm) {
  var str, y,
    x = this,
    Ctor = x.constructor;

  if (dp === void 0) {
    str = finiteToString(x);
  } else {
    checkInt32(dp, 0, MAX_DIGITS);

    if (rm === void 0) rm = Ctor.rounding;
    else checkInt32(rm, 0, 8);

    y = finalise(new Ctor(x), dp + x.e + 1, rm);
    str = finiteToString(y, false, dp + y.e + 1);
  }

  // To determine whether to add the minus sign look at the value before it was rounded,
  // i.e. look at `x` rather than `y`.
  return x.isNeg() && !x.isZero() ? '-' + str : str;
};


/*
 * Return an array representing the value of this Decimal as a simple fraction with an integer
 * numerator and an integer denominator.
 *
 * The denominator will be a positive non-zero value less than or equal to the specified maximum
 * denominator. If a maximum denominator is not specified, the denominator will be the lowest
 * value necessary to represent the number exactly.
 *
 * [maxD] {number|string|bigint|Decimal} Maximum denominator. Integer >= 1 and < Infinity.
 *
 */
P.toFraction = function (maxD) {
  var d, d0, d1, d2, e, k, n, n0, n1, pr, q, r,
    x = this,
    xd = x.d,
    Ctor = x.constructor;

  if (!xd) return new Ctor(x);

  n1 = d0 = new Ctor(1);
  d1 = n0 = new Ctor(0);

  d = new Ctor(d1);
  e = d.e = getPrecision(xd) - x.e - 1;
  k = e % LOG_BASE;
  d.d[0] = mathpow(10, k < 0 ? LOG_BASE + k : k);

  if (maxD == null) {

    // d is 10**e, the minimum max-denominator needed.
    maxD = e > 0 ? d : n1;
  } else {
    n = new Ctor(maxD);
    if (!n.isInt() || n.lt(n1)) throw Error(invalidArgument + n);
    maxD = n.gt(d) ? (e > 0 ? d : n1) : n;
  }

  external = false;
  n = new Ctor(digitsToString(xd));
  pr = Ctor.precision;
  Ctor.precision = e = xd.length * LOG_BASE * 2;

  for (;;)  {
    q = divide(n, d, 0, 1, 1);
    d2 = d0.plus(q.times(d1));
    if (d2.cmp(maxD) == 1) break;
    d0 = d1;
    d1 = d2;
    d2 = n1;
    n1 = n0.plus(q.times(d2));
    n0 = d2;
    d2 = d;
    d = n.minus(q.times(d2));
    n = d2;
  }

  d2 = divide(maxD.minus(d0), d1, 0, 1, 1);
  n0 = n0.plus(d2.times(n1));
  d0 = d0.plus(d2.times(d1));
  n0.s = n1.s = x.s;

  // Determine which fraction is closer to x, n0/d0 or n1/d1?
  r = divide(n1, d1, e, 1).minus(x).abs().cmp(divide(n0, d0, e, 1).minus(x).abs()) < 1
      ? [n1, d1] : [n0, d0];

  Ctor.precision = pr;
  external = true;

  return r;
};


/*
 * Return a string representing the value of this Decimal in base 16, round to `sd` significant
 * digits using rounding mode `rm`.
 *
 * If the optional `sd` argument is present then return binary exponential notation.
 *
 * [sd] {number} Significant digits. Integer, 1 to MAX_DIGITS inclusive.
 * [rm] {number} Rounding mode. Integer, 0 to 8 inclusive.
 *
 */
P.toHexadecimal = P.toHex = function (sd, rm) {
  return toStringBinary(this, 16, sd, rm);
};


/*
 * Returns a new Decimal whose value is the nearest multiple of `y` in the direction of rounding
 * mode `rm`, or `Decimal.rounding` if `rm` is omitted, to the value of this Decimal.
 *
 * The return value will always have the same sign as this Decimal, unless either this Decimal
 * or `y` is NaN, in which case the return value will be also be NaN.
 *
 * The return value is not affected by the value of `precision`.
 *
 * y {number|string|bigint|Decimal} The magnitude to round to a multiple of.
 * [rm] {number} Rounding mode. Integer, 0 to 8 inclusive.
 *
 * 'toNearest() rounding mode not an integer: {rm}'
 * 'toNearest() rounding mode out of range: {rm}'
 *
 */
P.toNearest = function (y, rm) {
  var x = this,
    Ctor = x.constructor;

  x = new Ctor(x);

  if (y == null) {

    // If x is not finite, return x.
    if (!x.d) return x;

    y = new Ctor(1);
    rm = Ctor.rounding;
  } else {
    y = new Ctor(y);
    if (rm === void 0) {
      rm = Ctor.rounding;
    } else {
      checkInt32(rm, 0, 8);
    }

    // If x is not finite, return x if y is not NaN, else NaN.
    if (!x.d) return y.s ? x : y;

    // If y is not finite, return Infinity with the sign of x if y is Infinity, else NaN.
    if (!y.d) {
      if (y.s) y.s = x.s;
      return y;
    }
  }

  // If y is not zero, calculate the nearest multiple of y to x.
  if (y.d[0]) {
    external = false;
    x = divide(x, y, 0, rm, 1).times(y);
    external = true;
    finalise(x);

  // If y is zero, return zero with the sign of x.
  } else {
    y.s = x.s;
    x = y;
  }

  return x;
};


/*
 * Return the value of this Decimal converted to a number primitive.
 * Zero keeps its sign.
 *
 */
P.toNumber = function () {
  return +this;
};


/*
 * Return a string representing the value of this Decimal in base 8, round to `sd` significant
 * digits using rounding mode `rm`.
 *
 * If the optional `sd` argument is present then return binary exponential notation.
 *
 * [sd] {number} Significant digits. Integer, 1 to MAX_DIGITS inclusive.
 * [rm] {number} Rounding mode. Integer, 0 to 8 inclusive.
 *
 */
P.toOctal = function (sd, rm) {
  return toStringBinary(this, 8, sd, rm);
};


/*
 * Return a new Decimal whose value is the value of this Decimal raised to the power `y`, rounded
 * to `precision` significant digits using rounding mode `rounding`.
 *
 * ECMAScript compliant.
 *
 *   pow(x, NaN)                           = NaN
 *   pow(x, ±0)                            = 1

 *   pow(NaN, non-zero)                    = NaN
 *   pow(abs(x) > 1, +Infinity)            = +Infinity
 *   pow(abs(x) > 1, -Infinity)            = +0
 *   pow(abs(x) == 1, ±Infinity)           = NaN
 *   pow(abs(x) < 1, +Infinity)            = +0
 *   pow(abs(x) < 1, -Infinity)            = +Infinity
 *   pow(+Infinity, y > 0)                 = +Infinity
 *   pow(+Infinity, y < 0)                 = +0
 *   pow(-Infinity, odd integer > 0)       = -Infinity
 *   pow(-Infinity, even integer > 0)      = +Infinity
 *   pow(-Infinity, odd integer < 0)       = -0
 *   pow(-Infinity, even integer < 0)      = +0
 *   pow(+0, y > 0)                        = +0
 *   pow(+0, y < 0)                        = +Infinity
 *   pow(-0, odd integer > 0)              = -0
 *   pow(-0, even integer > 0)             = +0
 *   pow(-0, odd integer < 0)              = -Infinity
 *   pow(-0, even integer < 0)             = +Infinity
 *   pow(finite x < 0, finite non-integer) = NaN
 *
 * For non-integer or very large exponents pow(x, y) is calculated using
 *
 *   x^y = exp(y*ln(x))
 *
 * Assuming the first 15 rounding digits are each equally likely to be any digit 0-9, the
 * probability of an incorrectly rounded result
 * P([49]9{14} | [50]0{14}) = 2 * 0.2 * 10^-14 = 4e-15 = 1/2.5e+14
 * i.e. 1 in 250,000,000,000,000
 *
 * If a result is incorrectly rounded the maximum error will be 1 ulp (unit in last place).
 *
 * y {number|string|bigint|Decimal} The power to which to raise this Decimal.
 *
 */
P.toPower = P.pow = function (y) {
  var e, k, pr, r, rm, s,
    x = this,
    Ctor = x.constructor,
    yn = +(y = new Ctor(y));

  // Either ±Infinity, NaN or ±0?
  if (!x.d || !y.d || !x.d[0] || !y.d[0]) return new Ctor(mathpow(+x, yn));

  x = new Ctor(x);

  if (x.eq(1)) return x;

  pr = Ctor.precision;
  rm = Ctor.rounding;

  if (y.eq(1)) return finalise(x, pr, rm);

  // y exponent
  e = mathfloor(y.e / LOG_BASE);

  // If y is a small integer use the 'exponentiation by squaring' algorithm.
  if (e >= y.d.length - 1 && (k = yn < 0 ? -yn : yn) <= MAX_SAFE_INTEGER) {
    r = intPow(Ctor, x, k, pr);
    return y.s < 0 ? new Ctor(1).div(r) : finalise(r, pr, rm);
  }

  s = x.s;

  // if x is negative
  if (s < 0) {

    // if y is not an integer
    if (e < y.d.length - 1) return new Ctor(NaN);

    // Result is positive if x is negative and the last digit of integer y is even.
    if ((y.d[e] & 1) == 0) s = 1;

    // if x.eq(-1)
    if (x.e == 0 && x.d[0] == 1 && x.d.length == 1) {
      x.s = s;
      return x;
    }
  }

  // Estimate result exponent.
  // x^y = 10^e,  where e = y * log10(x)
  // log10(x) = log10(x_significand) + x_exponent
  // log10(x_significand) = ln(x_significand) / ln(10)
  k = mathpow(+x, yn);
  e = k == 0 || !isFinite(k)
    ? mathfloor(yn * (Math.log('0.' + digitsToString(x.d)) / Math.LN10 + x.e + 1))
    : new Ctor(k + '').e;

  // Exponent estimate may be incorrect e.g. x: 0.999999999999999999, y: 2.29, e: 0, r.e: -1.

  // Overflow/underflow?
  if (e > Ctor.maxE + 1 || e < Ctor.minE - 1) return new Ctor(e > 0 ? s / 0 : 0);

  external = false;
  Ctor.rounding = x.s = 1;

  // Estimate the extra guard digits needed to ensure five correct rounding digits from
  // naturalLogarithm(x). Example of failure without these extra digits (precision: 10):
  // new Decimal(2.32456).pow('2087987436534566.46411')
  // should be 1.162377823e+764914905173815, but is 1.162355823e+764914905173815
  k = Math.min(12, (e + '').length);

  // r = x^y = exp(y*ln(x))
  r = naturalExponential(y.times(naturalLogarithm(x, pr + k)), pr);

  // r may be Infinity, e.g. (0.9999999999999999).pow(-1e+40)
  if (r.d) {

    // Truncate to the required precision plus five rounding digits.
    r = finalise(r, pr + 5, 1);

    // If the rounding digits are [49]9999 or [50]0000 increase the precision by 10 and recalculate
    // the result.
    if (checkRoundingDigits(r.d, pr, rm)) {
      e = pr + 10;

      // Truncate to the increased precision plus five rounding digits.
      r = finalise(naturalExponential(y.times(naturalLogarithm(x, e + k)), e), e + 5, 1);

      // Check for 14 nines from the 2nd rounding digit (the first rounding digit may be 4 or 9).
      if (+digitsToString(r.d).slice(pr + 1, pr + 15) + 1 == 1e14) {
        r = finalise(r, pr + 1, 0);
      }
    }
  }

  r.s = s;
  external = true;
  Ctor.rounding = rm;

  return finalise(r, pr, rm);
};


/*
 * Return a string representing the value of this Decimal rounded to `sd` significant digits
 * using rounding mode `rounding`.
 *
 * Return exponential notation if `sd` is less than the number of digits necessary to represent
 * the integer part of the value in normal notation.
 *
 * [sd] {number} Significant digits. Integer, 1 to MAX_DIGITS inclusive.
 * [rm] {number} Rounding mode. Integer, 0 to 8 inclusive.
 *
 */
P.toPrecision = function (sd, rm) {
  var str,
    x = this,
    Ctor = x.constructor;

  if (sd === void 0) {
    str = finiteToString(x, x.e <= Ctor.toExpNeg || x.e >= Ctor.toExpPos);
  } else {
    checkInt32(sd, 1, MAX_DIGITS);

    if (rm === void 0) rm = Ctor.rounding;
    else checkInt32(rm, 0, 8);

    x = finalise(new Ctor(x), sd, rm);
    str = finiteToString(x, sd <= x.e || x.e <= Ctor.toExpNeg, sd);
  }

  return x.isNeg() && !x.isZero() ? '-' + str : str;
};


/*
 * Return a new Decimal whose value is the value of this Decimal rounded to a maximum of `sd`
 * significant digits using rounding mode `rm`, or to `precision` and `rounding` respectively if
 * omitted.
 *
 * [sd] {number} Significant digits. Integer, 1 to MAX_DIGITS inclusive.
 * [rm] {number} Rounding mode. Integer, 0 to 8 inclusive.
 *
 * 'toSD() digits out of range: {sd}'
 * 'toSD() digits not an integer: {sd}'
 * 'toSD() rounding mode not an integer: {rm}'
 * 'toSD() rounding mode out of range: {rm}'
 *
 */
P.toSignificantDigits = P.toSD = function (sd, rm) {
  var x = this,
    Ctor = x.constructor;

  if (sd === void 0) {
    sd = Ctor.precision;
    rm = Ctor.rounding;
  } else {
    checkInt32(sd, 1, MAX_DIGITS);

    if (rm === void 0) rm = Ctor.rounding;
    else checkInt32(rm, 0, 8);
  }

  return finalise(new Ctor(x), sd, rm);
};


/*
 * Return a string representing the value of this Decimal.
 *
 * Return exponential notation if this Decimal has a positive exponent equal to or greater than
 * `toExpPos`, or a negative exponent equal to or less than `toExpNeg`.
 *
 */
P.toString = function () {
  var x = this,
    Ctor = x.constructor,
    str = finiteToString(x, x.e <= Ctor.toExpNeg || x.e >= Ctor.toExpPos);

  return x.isNeg() && !x.isZero() ? '-' + str : str;
};


/*
 * Return a new Decimal whose value is the value of this Decimal truncated to a whole number.
 *
 */
P.truncated = P.trunc = function () {
  return finalise(new this.constructor(this), this.e + 1, 1);
};


/*
 * Return a string representing the value of this Decimal.
 * Unlike `toString`, negative zero will include the minus sign.
 *
 */
P.valueOf = P.toJSON = function () {
  var x = this,
    Ctor = x.constructor,
    str = finiteToString(x, x.e <= Ctor.toExpNeg || x.e >= Ctor.toExpPos);

  return x.isNeg() ? '-' + str : str;
};


// Helper functions for Decimal.prototype (P) and/or Decimal methods, and their callers.


/*
 *  digitsToString           P.cubeRoot, P.logarithm, P.squareRoot, P.toFraction, P.toPower,
 *                           finiteToString, naturalExponential, naturalLogarithm
 *  checkInt32               P.toDecimalPlaces, P.toExponential, P.toFixed, P.toNearest,
 *                           P.toPrecision, P.toSignificantDigits, toStringBinary, random
 *  checkRoundingDigits      P.logarithm, P.toPower, naturalExponential, naturalLogarithm
 *  convertBase              toStringBinary, parseOther
 *  cos                      P.cos
 *  divide                   P.atanh, P.cubeRoot, P.dividedBy, P.dividedToIntegerBy,
 *                           P.logarithm, P.modulo, P.squareRoot, P.tan, P.tanh, P.toFraction,
 *                           P.toNearest, toStringBinary, naturalExponential, naturalLogarithm,
 *                           taylorSeries, atan2, parseOther
 *  finalise                 P.absoluteValue, P.atan, P.atanh, P.ceil, P.cos, P.cosh,
 *                           P.cubeRoot, P.dividedToIntegerBy, P.floor, P.logarithm, P.minus,
 *                           P.modulo, P.negated, P.plus, P.round, P.sin, P.sinh, P.squareRoot,
 *                           P.tan, P.times, P.toDecimalPlaces, P.toExponential, P.toFixed,
 *                           P.toNearest, P.toPower, P.toPrecision, P.toSignificantDigits,
 *                           P.truncated, divide, getLn10, getPi, naturalExponential,
 *                           naturalLogarithm, ceil, floor, round, trunc
 *  finiteToString           P.toExponential, P.toFixed, P.toPrecision, P.toString, P.valueOf,
 *                           toStringBinary
 *  getBase10Exponent        P.minus, P.plus, P.times, parseOther
 *  getLn10                  P.logarithm, naturalLogarithm
 *  getPi                    P.acos, P.asin, P.atan, toLessThanHalfPi, atan2
 *  getPrecision             P.precision, P.toFraction
 *  getZeroString            digitsToString, finiteToString
 *  intPow                   P.toPower, parseOther
 *  isOdd                    toLessThanHalfPi
 *  maxOrMin                 max, min
 *  naturalExponential       P.naturalExponential, P.toPower
 *  naturalLogarithm         P.acosh, P.asinh, P.atanh, P.logarithm, P.naturalLogarithm,
 *                           P.toPower, naturalExponential
 *  nonFiniteToString        finiteToString, toStringBinary
 *  parseDecimal             Decimal
 *  parseOther               Decimal
 *  sin                      P.sin
 *  taylorSeries             P.cosh, P.sinh, cos, sin
 *  toLessThanHalfPi         P.cos, P.sin
 *  toStringBinary           P.toBinary, P.toHexadecimal, P.toOctal
 *  truncate                 intPow
 *
 *  Throws:                  P.logarithm, P.precision, P.toFraction, checkInt32, getLn10, getPi,
 *                           naturalLogarithm, config, parseOther, random, Decimal
 */


function digitsToString(d) {
  var i, k, ws,
    indexOfLastWord = d.length - 1,
    str = '',
    w = d[0];

  if (indexOfLastWord > 0) {
    str += w;
    for (i = 1; i < indexOfLastWord; i++) {
      ws = d[i] + '';
      k = LOG_BASE - ws.length;
      if (k) str += getZeroString(k);
      str += ws;
    }

    w = d[i];
    ws = w + '';
    k = LOG_BASE - ws.length;
    if (k) str += getZeroString(k);
  } else if (w === 0) {
    return '0';
  }

  // Remove trailing zeros of last w.
  for (; w % 10 === 0;) w /= 10;

  return str + w;
}


function checkInt32(i, min, max) {
  if (i !== ~~i || i < min || i > max) {
    throw Error(invalidArgument + i);
  }
}


/*
 * Check 5 rounding digits if `repeating` is null, 4 otherwise.
 * `repeating == null` if caller is `log` or `pow`,
 * `repeating != null` if caller is `naturalLogarithm` or `naturalExponential`.
 */
function checkRoundingDigits(d, i, rm, repeating) {
  var di, k, r, rd;

  // Get the length of the first word of the array d.
  for (k = d[0]; k >= 10; k /= 10) --i;

  // Is the rounding digit in the first word of d?
  if (--i < 0) {
    i += LOG_BASE;
    di = 0;
  } else {
    di = Math.ceil((i + 1) / LOG_BASE);
    i %= LOG_BASE;
  }

  // i is the index (0 - 6) of the rounding digit.
  // E.g. if within the word 3487563 the first rounding digit is 5,
  // then i = 4, k = 1000, rd = 3487563 % 1000 = 563
  k = mathpow(10, LOG_BASE - i);
  rd = d[di] % k | 0;

  if (repeating == null) {
    if (i < 3) {
      if (i == 0) rd = rd / 100 | 0;
      else if (i == 1) rd = rd / 10 | 0;
      r = rm < 4 && rd == 99999 || rm > 3 && rd == 49999 || rd == 50000 || rd == 0;
    } else {
      r = (rm < 4 && rd + 1 == k || rm > 3 && rd + 1 == k / 2) &&
        (d[di + 1] / k / 100 | 0) == mathpow(10, i - 2) - 1 ||
          (rd == k / 2 || rd == 0) && (d[di + 1] / k / 100 | 0) == 0;
    }
  } else {
    if (i < 4) {
      if (i == 0) rd = rd / 1000 | 0;
      else if (i == 1) rd = rd / 100 | 0;
      else if (i == 2) rd = rd / 10 | 0;
      r = (repeating || rm < 4) && rd == 9999 || !repeating && rm > 3 && rd == 4999;
    } else {
      r = ((repeating || rm < 4) && rd + 1 == k ||
      (!repeating && rm > 3) && rd + 1 == k / 2) &&
        (d[di + 1] / k / 1000 | 0) == mathpow(10, i - 3) - 1;
    }
  }

  return r;
}


// Convert string of `baseIn` to an array of numbers of `baseOut`.
// Eg. convertBase('255', 10, 16) returns [15, 15].
// Eg. convertBase('ff', 16, 10) returns [2, 5, 5].
function convertBase(str, baseIn, baseOut) {
  var j,
    arr = [0],
    arrL,
    i = 0,
    strL = str.length;

  for (; i < strL;) {
    for (arrL = arr.length; arrL--;) arr[arrL] *= baseIn;
    arr[0] += NUMERALS.indexOf(str.charAt(i++));
    for (j = 0; j < arr.length; j++) {
      if (arr[j] > baseOut - 1) {
        if (arr[j + 1] === void 0) arr[j + 1] = 0;
        arr[j + 1] += arr[j] / baseOut | 0;
        arr[j] %= baseOut;
      }
    }
  }

  return arr.reverse();
}


/*
 * cos(x) = 1 - x^2/2! + x^4/4! - ...
 * |x| < pi/2
 *
 */
function cosine(Ctor, x) {
  var k, len, y;

  if (x.isZero()) return x;

  // Argument reduction: cos(4x) = 8*(cos^4(x) - cos^2(x)) + 1
  // i.e. cos(x) = 8*(cos^4(x/4) - cos^2(x/4)) + 1

  // Estimate the optimum number of times to use the argument reduction.
  len = x.d.length;
  if (len < 32) {
    k = Math.ceil(len / 3);
    y = (1 / tinyPow(4, k)).toString();
  } else {
    k = 16;
    y = '2.3283064365386962890625e-10';
  }

  Ctor.precision += k;

  x = taylorSeries(Ctor, 1, x.times(y), new Ctor(1));

  // Reverse argument reduction
  for (var i = k; i--;) {
    var cos2x = x.times(x);
    x = cos2x.times(cos2x).minus(cos2x).times(8).plus(1);
  }

  Ctor.precision -= k;

  return x;
}


/*
 * Perform division in the specified base.
 */
var divide = (function () {

  // Assumes non-zero x and k, and hence non-zero result.
  function multiplyInteger(x, k, base) {
    var temp,
      carry = 0,
      i = x.length;

    for (x = x.slice(); i--;) {
      temp = x[i] * k + carry;
      x[i] = temp % base | 0;
      carry = temp / base | 0;
    }

    if (carry) x.unshift(carry);

    return x;
  }

  function compare(a, b, aL, bL) {
    var i, r;

    if (aL != bL) {
      r = aL > bL ? 1 : -1;
    } else {
      for (i = r = 0; i < aL; i++) {
        if (a[i] != b[i]) {
          r = a[i] > b[i] ? 1 : -1;
          break;
        }
      }
    }

    return r;
  }

  function subtract(a, b, aL, base) {
    var i = 0;

    // Subtract b from a.
    for (; aL--;) {
      a[aL] -= i;
      i = a[aL] < b[aL] ? 1 : 0;
      a[aL] = i * base + a[aL] - b[aL];
    }

    // Remove leading zeros.
    for (; !a[0] && a.length > 1;) a.shift();
  }

  return function (x, y, pr, rm, dp, base) {
    var cmp, e, i, k, logBase, more, prod, prodL, q, qd, rem, remL, rem0, sd, t, xi, xL, yd0,
      yL, yz,
      Ctor = x.constructor,
      sign = x.s == y.s ? 1 : -1,
      xd = x.d,
      yd = y.d;

    // Either NaN, Infinity or 0?
    if (!xd || !xd[0] || !yd || !yd[0]) {

      return new Ctor(// Return NaN if either NaN, or both Infinity or 0.
        !x.s || !y.s || (xd ? yd && xd[0] == yd[0] : !yd) ? NaN :

        // Return ±0 if x is 0 or y is ±Infinity, or return ±Infinity as y is 0.
        xd && xd[0] == 0 || !yd ? sign * 0 : sign / 0);
    }

    if (base) {
      logBase = 1;
      e = x.e - y.e;
    } else {
      base = BASE;
      logBase = LOG_BASE;
      e = mathfloor(x.e / logBase) - mathfloor(y.e / logBase);
    }

    yL = yd.length;
    xL = xd.length;
    q = new Ctor(sign);
    qd = q.d = [];

    // Result exponent may be one less than e.
    // The digit array of a Decimal from toStringBinary may have trailing zeros.
    for (i = 0; yd[i] == (xd[i] || 0); i++);

    if (yd[i] > (xd[i] || 0)) e--;

    if (pr == null) {
      sd = pr = Ctor.precision;
      rm = Ctor.rounding;
    } else if (dp) {
      sd = pr + (x.e - y.e) + 1;
    } else {
      sd = pr;
    }

    if (sd < 0) {
      qd.push(1);
      more = true;
    } else {

      // Convert precision in number of base 10 digits to base 1e7 digits.
      sd = sd / logBase + 2 | 0;
      i = 0;

      // divisor < 1e7
      if (yL == 1) {
        k = 0;
        yd = yd[0];
        sd++;

        // k is the carry.
        for (; (i < xL || k) && sd--; i++) {
          t = k * base + (xd[i] || 0);
          qd[i] = t / yd | 0;
          k = t % yd | 0;
        }

        more = k || i < xL;

      // divisor >= 1e7
      } else {

        // Normalise xd and yd so highest order digit of yd is >= base/2
        k = base / (yd[0] + 1) | 0;

        if (k > 1) {
          yd = multiplyInteger(yd, k, base);
          xd = multiplyInteger(xd, k, base);
          yL = yd.length;
          xL = xd.length;
        }

        xi = yL;
        rem = xd.slice(0, yL);
        remL = rem.length;

        // Add zeros to make remainder as long as divisor.
        for (; remL < yL;) rem[remL++] = 0;

        yz = yd.slice();
        yz.unshift(0);
        yd0 = yd[0];

        if (yd[1] >= base / 2) ++yd0;

        do {
          k = 0;

          // Compare divisor and remainder.
          cmp = compare(yd, rem, yL, remL);

          // If divisor < remainder.
          if (cmp < 0) {

            // Calculate trial digit, k.
            rem0 = rem[0];
            if (yL != remL) rem0 = rem0 * base + (rem[1] || 0);

            // k will be how many times the divisor goes into the current remainder.
            k = rem0 / yd0 | 0;

            //  Algorithm:
            //  1. product = divisor * trial digit (k)
            //  2. if product > remainder: product -= divisor, k--
            //  3. remainder -= product
            //  4. if product was < remainder at 2:
            //    5. compare new remainder and divisor
            //    6. If remainder > divisor: remainder -= divisor, k++

            if (k > 1) {
              if (k >= base) k = base - 1;

              // product = divisor * trial digit.
              prod = multiplyInteger(yd, k, base);
              prodL = prod.length;
              remL = rem.length;

              // Compare product and remainder.
              cmp = compare(prod, rem, prodL, remL);

              // product > remainder.
              if (cmp == 1) {
                k--;

                // Subtract divisor from product.
                subtract(prod, yL < prodL ? yz : yd, prodL, base);
              }
            } else {

              // cmp is -1.
              // If k is 0, there is no need to compare yd and rem again below, so change cmp to 1
              // to avoid it. If k is 1 there is a need to compare yd and rem again below.
              if (k == 0) cmp = k = 1;
              prod = yd.slice();
            }

            prodL = prod.length;
            if (prodL < remL) prod.unshift(0);

            // Subtract product from remainder.
            subtract(rem, prod, remL, base);

            // If product was < previous remainder.
            if (cmp == -1) {
              remL = rem.length;

              // Compare divisor and new remainder.
              cmp = compare(yd, rem, yL, remL);

              // If divisor < new remainder, subtract divisor from remainder.
              if (cmp < 1) {
                k++;

                // Subtract divisor from remainder.
                subtract(rem, yL < remL ? yz : yd, remL, base);
              }
            }

            remL = rem.length;
          } else if (cmp === 0) {
            k++;
            rem = [0];
          }    // if cmp === 1, k will be 0

          // Add the next digit, k, to the result array.
          qd[i++] = k;

          // Update the remainder.
          if (cmp && rem[0]) {
            rem[remL++] = xd[xi] || 0;
          } else {
            rem = [xd[xi]];
            remL = 1;
          }

        } while ((xi++ < xL || rem[0] !== void 0) && sd--);

        more = rem[0] !== void 0;
      }

      // Leading zero?
      if (!qd[0]) qd.shift();
    }

    // logBase is 1 when divide is being used for base conversion.
    if (logBase == 1) {
      q.e = e;
      inexact = more;
    } else {

      // To calculate q.e, first get the number of digits of qd[0].
      for (i = 1, k = qd[0]; k >= 10; k /= 10) i++;
      q.e = i + e * logBase - 1;

      finalise(q, dp ? pr + q.e + 1 : pr, rm, more);
    }

    return q;
  };
})();


/*
 * Round `x` to `sd` significant digits using rounding mode `rm`.
 * Check for over/under-flow.
 */
 function finalise(x, sd, rm, isTruncated) {
  var digits, i, j, k, rd, roundUp, w, xd, xdi,
    Ctor = x.constructor;

  // Don't round if sd is null or undefined.
  out: if (sd != null) {
    xd = x.d;

    // Infinity/NaN.
    if (!xd) return x;

    // rd: the rounding digit, i.e. the digit after the digit that may be rounded up.
    // w: the word of xd containing rd, a base 1e7 number.
    // xdi: the index of w within xd.
    // digits: the number of digits of w.
    // i: what would be the index of rd within w if all the numbers were 7 digits long (i.e. if
    // they had leading zeros)
    // j: if > 0, the actual index of rd within w (if < 0, rd is a leading zero).

    // Get the length of the first word of the digits array xd.
    for (digits = 1, k = xd[0]; k >= 10; k /= 10) digits++;
    i = sd - digits;

    // Is the rounding digit in the first word of xd?
    if (i < 0) {
      i += LOG_BASE;
      j = sd;
      w = xd[xdi = 0];

      // Get the rounding digit at index j of w.
      rd = w / mathpow(10, digits - j - 1) % 10 | 0;
    } else {
      xdi = Math.ceil((i + 1) / LOG_BASE);
      k = xd.length;
      if (xdi >= k) {
        if (isTruncated) {

          // Needed by `naturalExponential`, `naturalLogarithm` and `squareRoot`.
          for (; k++ <= xdi;) xd.push(0);
          w = rd = 0;
          digits = 1;
          i %= LOG_BASE;
          j = i - LOG_BASE + 1;
        } else {
          break out;
        }
      } else {
        w = k = xd[xdi];

        // Get the number of digits of w.
        for (digits = 1; k >= 10; k /= 10) digits++;

        // Get the index of rd within w.
        i %= LOG_BASE;

        // Get the index of rd within w, adjusted for leading zeros.
        // The number of leading zeros of w is given by LOG_BASE - digits.
        j = i - LOG_BASE + digits;

        // Get the rounding digit at index j of w.
        rd = j < 0 ? 0 : w / mathpow(10, digits - j - 1) % 10 | 0;
      }
    }

    // Are there any non-zero digits after the rounding digit?
    isTruncated = isTruncated || sd < 0 ||
      xd[xdi + 1] !== void 0 || (j < 0 ? w : w % mathpow(10, digits - j - 1));

    // The expression `w % mathpow(10, digits - j - 1)` returns all the digits of w to the right
    // of the digit at (left-to-right) index j, e.g. if w is 908714 and j is 2, the expression
    // will give 714.

    roundUp = rm < 4
      ? (rd || isTruncated) && (rm == 0 || rm == (x.s < 0 ? 3 : 2))
      : rd > 5 || rd == 5 && (rm == 4 || isTruncated || rm == 6 &&

        // Check whether the digit to the left of the rounding digit is odd.
        ((i > 0 ? j > 0 ? w / mathpow(10, digits - j) : 0 : xd[xdi - 1]) % 10) & 1 ||
          rm == (x.s < 0 ? 8 : 7));

    if (sd < 1 || !xd[0]) {
      xd.length = 0;
      if (roundUp) {

        // Convert sd to decimal places.
        sd -= x.e + 1;

        // 1, 0.1, 0.01, 0.001, 0.0001 etc.
        xd[0] = mathpow(10, (LOG_BASE - sd % LOG_BASE) % LOG_BASE);
        x.e = -sd || 0;
      } else {

        // Zero.
        xd[0] = x.e = 0;
      }

      return x;
    }

    // Remove excess digits.
    if (i == 0) {
      xd.length = xdi;
      k = 1;
      xdi--;
    } else {
      xd.length = xdi + 1;
      k = mathpow(10, LOG_BASE - i);

      // E.g. 56700 becomes 56000 if 7 is the rounding digit.
      // j > 0 means i > number of leading zeros of w.
      xd[xdi] = j > 0 ? (w / mathpow(10, digits - j) % mathpow(10, j) | 0) * k : 0;
    }

    if (roundUp) {
      for (;;) {

        // Is the digit to be rounded up in the first word of xd?
        if (xdi == 0) {

          // i will be the length of xd[0] before k is added.
          for (i = 1, j = xd[0]; j >= 10; j /= 10) i++;
          j = xd[0] += k;
          for (k = 1; j >= 10; j /= 10) k++;

          // if i != k the length has increased.
          if (i != k) {
            x.e++;
            if (xd[0] == BASE) xd[0] = 1;
          }

          break;
        } else {
          xd[xdi] += k;
          if (xd[xdi] != BASE) break;
          xd[xdi--] = 0;
          k = 1;
        }
      }
    }

    // Remove trailing zeros.
    for (i = xd.length; xd[--i] === 0;) xd.pop();
  }

  if (external) {

    // Overflow?
    if (x.e > Ctor.maxE) {

      // Infinity.
      x.d = null;
      x.e = NaN;

    // Underflow?
    } else if (x.e < Ctor.minE) {

      // Zero.
      x.e = 0;
      x.d = [0];
      // Ctor.underflow = true;
    } // else Ctor.underflow = false;
  }

  return x;
}


function finiteToString(x, isExp, sd) {
  if (!x.isFinite()) return nonFiniteToString(x);
  var k,
    e = x.e,
    str = digitsToString(x.d),
    len = str.length;

  if (isExp) {
    if (sd && (k = sd - len) > 0) {
      str = str.charAt(0) + '.' + str.slice(1) + getZeroString(k);
    } else if (len > 1) {
      str = str.charAt(0) + '.' + str.slice(1);
    }

    str = str + (x.e < 0 ? 'e' : 'e+') + x.e;
  } else if (e < 0) {
    str = '0.' + getZeroString(-e - 1) + str;
    if (sd && (k = sd - len) > 0) str += getZeroString(k);
  } else if (e >= len) {
    str += getZeroString(e + 1 - len);
    if (sd && (k = sd - e - 1) > 0) str = str + '.' + getZeroString(k);
  } else {
    if ((k = e + 1) < len) str = str.slice(0, k) + '.' + str.slice(k);
    if (sd && (k = sd - len) > 0) {
      if (e + 1 === len) str += '.';
      str += getZeroString(k);
    }
  }

  return str;
}


// Calculate the base 10 exponent from the base 1e7 exponent.
function getBase10Exponent(digits, e) {
  var w = digits[0];

  // Add the number of digits of the first word of the digits array.
  for ( e *= LOG_BASE; w >= 10; w /= 10) e++;
  return e;
}


function getLn10(Ctor, sd, pr) {
  if (sd > LN10_PRECISION) {

    // Reset global state in case the exception is caught.
    external = true;
    if (pr) Ctor.precision = pr;
    throw Error(precisionLimitExceeded);
  }
  return finalise(new Ctor(LN10), sd, 1, true);
}


function getPi(Ctor, sd, rm) {
  if (sd > PI_PRECISION) throw Error(precisionLimitExceeded);
  return finalise(new Ctor(PI), sd, rm, true);
}


function getPrecision(digits) {
  var w = digits.length - 1,
    len = w * LOG_BASE + 1;

  w = digits[w];

  // If non-zero...
  if (w) {

    // Subtract the number of trailing zeros of the last word.
    for (; w % 10 == 0; w /= 10) len--;

    // Add the number of digits of the first word.
    for (w = digits[0]; w >= 10; w /= 10) len++;
  }

  return len;
}


function getZeroString(k) {
  var zs = '';
  for (; k--;) zs += '0';
  return zs;
}


/*
 * Return a new Decimal whose value is the value of Decimal `x` to the power `n`, where `n` is an
 * integer of type number.
 *
 * Implements 'exponentiation by squaring'. Called by `pow` and `parseOther`.
 *
 */
function intPow(Ctor, x, n, pr) {
  var isTruncated,
    r = new Ctor(1),

    // Max n of 9007199254740991 takes 53 loop iterations.
    // Maximum digits array length; leaves [28, 34] guard digits.
    k = Math.ceil(pr / LOG_BASE + 4);

  external = false;

  for (;;) {
    if (n % 2) {
      r = r.times(x);
      if (truncate(r.d, k)) isTruncated = true;
    }

    n = mathfloor(n / 2);
    if (n === 0) {

      // To ensure correct rounding when r.d is truncated, increment the last word if it is zero.
      n = r.d.length - 1;
      if (isTruncated && r.d[n] === 0) ++r.d[n];
      break;
    }

    x = x.times(x);
    truncate(x.d, k);
  }

  external = true;

  return r;
}


function isOdd(n) {
  return n.d[n.d.length - 1] & 1;
}


/*
 * Handle `max` (`n` is -1) and `min` (`n` is 1).
 */
function maxOrMin(Ctor, args, n) {
  var k, y,
    x = new Ctor(args[0]),
    i = 0;

  for (; ++i < args.length;) {
    y = new Ctor(args[i]);

    // NaN?
    if (!y.s) {
      x = y;
      break;
    }

    k = x.cmp(y);

    if (k === n || k === 0 && x.s === n) {
      x = y;
    }
  }

  return x;
}


/*
 * Return a new Decimal whose value is the natural exponential of `x` rounded to `sd` significant
 * digits.
 *
 * Taylor/Maclaurin series.
 *
 * exp(x) = x^0/0! + x^1/1! + x^2/2! + x^3/3! + ...
 *
 * Argument reduction:
 *   Repeat x = x / 32, k += 5, until |x| < 0.1
 *   exp(x) = exp(x / 2^k)^(2^k)
 *
 * Previously, the argument was initially reduced by
 * exp(x) = exp(r) * 10^k  where r = x - k * ln10, k = floor(x / ln10)
 * to first put r in the range [0, ln10], before dividing by 32 until |x| < 0.1, but this was
 * found to be slower than just dividing repeatedly by 32 as above.
 *
 * Max integer argument: exp('20723265836946413') = 6.3e+9000000000000000
 * Min integer argument: exp('-20723265836946411') = 1.2e-9000000000000000
 * (Math object integer min/max: Math.exp(709) = 8.2e+307, Math.exp(-745) = 5e-324)
 *
 *  exp(Infinity)  = Infinity
 *  exp(-Infinity) = 0
 *  exp(NaN)       = NaN
 *  exp(±0)        = 1
 *
 *  exp(x) is non-terminating for any finite, non-zero x.
 *
 *  The result will always be correctly rounded.
 *
 */
function naturalExponential(x, sd) {
  var denominator, guard, j, pow, sum, t, wpr,
    rep = 0,
    i = 0,
    k = 0,
    Ctor = x.constructor,
    rm = Ctor.rounding,
    pr = Ctor.precision;

  // 0/NaN/Infinity?
  if (!x.d || !x.d[0] || x.e > 17) {

    return new Ctor(x.d
      ? !x.d[0] ? 1 : x.s < 0 ? 0 : 1 / 0
      : x.s ? x.s < 0 ? 0 : x : 0 / 0);
  }

  if (sd == null) {
    external = false;
    wpr = pr;
  } else {
    wpr = sd;
  }

  t = new Ctor(0.03125);

  // while abs(x) >= 0.1
  while (x.e > -2) {

    // x = x / 2^5
    x = x.times(t);
    k += 5;
  }

  // Use 2 * log10(2^k) + 5 (empirically derived) to estimate the increase in precision
  // necessary to ensure the first 4 rounding digits are correct.
  guard = Math.log(mathpow(2, k)) / Math.LN10 * 2 + 5 | 0;
  wpr += guard;
  denominator = pow = sum = new Ctor(1);
  Ctor.precision = wpr;

  for (;;) {
    pow = finalise(pow.times(x), wpr, 1);
    denominator = denominator.times(++i);
    t = sum.plus(divide(pow, denominator, wpr, 1));

    if (digitsToString(t.d).slice(0, wpr) === digitsToString(sum.d).slice(0, wpr)) {
      j = k;
      while (j--) sum = finalise(sum.times(sum), wpr, 1);

      // Check to see if the first 4 rounding digits are [49]999.
      // If so, repeat the summation with a higher precision, otherwise
      // e.g. with precision: 18, rounding: 1
      // exp(18.404272462595034083567793919843761) = 98372560.1229999999 (should be 98372560.123)
      // `wpr - guard` is the index of first rounding digit.
      if (sd == null) {

        if (rep < 3 && checkRoundingDigits(sum.d, wpr - guard, rm, rep)) {
          Ctor.precision = wpr += 10;
          denominator = pow = t = new Ctor(1);
          i = 0;
          rep++;
        } else {
          return finalise(sum, Ctor.precision = pr, rm, external = true);
        }
      } else {
        Ctor.precision = pr;
        return sum;
      }
    }

    sum = t;
  }
}


/*
 * Return a new Decimal whose value is the natural logarithm of `x` rounded to `sd` significant
 * digits.
 *
 *  ln(-n)        = NaN
 *  ln(0)         = -Infinity
 *  ln(-0)        = -Infinity
 *  ln(1)         = 0
 *  ln(Infinity)  = Infinity
 *  ln(-Infinity) = NaN
 *  ln(NaN)       = NaN
 *
 *  ln(n) (n != 1) is non-terminating.
 *
 */
function naturalLogarithm(y, sd) {
  var c, c0, denominator, e, numerator, rep, sum, t, wpr, x1, x2,
    n = 1,
    guard = 10,
    x = y,
    xd = x.d,
    Ctor = x.constructor,
    rm = Ctor.rounding,
    pr = Ctor.precision;

  // Is x negative or Infinity, NaN, 0 or 1?
  if (x.s < 0 || !xd || !xd[0] || !x.e && xd[0] == 1 && xd.length == 1) {
    return new Ctor(xd && !xd[0] ? -1 / 0 : x.s != 1 ? NaN : xd ? 0 : x);
  }

  if (sd == null) {
    external = false;
    wpr = pr;
  } else {
    wpr = sd;
  }

  Ctor.precision = wpr += guard;
  c = digitsToString(xd);
  c0 = c.charAt(0);

  if (Math.abs(e = x.e) < 1.5e15) {

    // Argument reduction.
    // The series converges faster the closer the argument is to 1, so using
    // ln(a^b) = b * ln(a),   ln(a) = ln(a^b) / b
    // multiply the argument by itself until the leading digits of the significand are 7, 8, 9,
    // 10, 11, 12 or 13, recording the number of multiplications so the sum of the series can
    // later be divided by this number, then separate out the power of 10 using
    // ln(a*10^b) = ln(a) + b*ln(10).

    // max n is 21 (gives 0.9, 1.0 or 1.1) (9e15 / 21 = 4.2e14).
    //while (c0 < 9 && c0 != 1 || c0 == 1 && c.charAt(1) > 1) {
    // max n is 6 (gives 0.7 - 1.3)
    while (c0 < 7 && c0 != 1 || c0 == 1 && c.charAt(1) > 3) {
      x = x.times(y);
      c = digitsToString(x.d);
      c0 = c.charAt(0);
      n++;
    }

    e = x.e;

    if (c0 > 1) {
      x = new Ctor('0.' + c);
      e++;
    } else {
      x = new Ctor(c0 + '.' + c.slice(1));
    }
  } else {

    // The argument reduction method above may result in overflow if the argument y is a massive
    // number with exponent >= 1500000000000000 (9e15 / 6 = 1.5e15), so instead recall this
    // function using ln(x*10^e) = ln(x) + e*ln(10).
    t = getLn10(Ctor, wpr + 2, pr).times(e + '');
    x = naturalLogarithm(new Ctor(c0 + '.' + c.slice(1)), wpr - guard).plus(t);
    Ctor.precision = pr;

    return sd == null ? finalise(x, pr, rm, external = true) : x;
  }

  // x1 is x reduced to a value near 1.
  x1 = x;

  // Taylor series.
  // ln(y) = ln((1 + x)/(1 - x)) = 2(x + x^3/3 + x^5/5 + x^7/7 + ...)
  // where x = (y - 1)/(y + 1)    (|x| < 1)
  sum = numerator = x = divide(x.minus(1), x.plus(1), wpr, 1);
  x2 = finalise(x.times(x), wpr, 1);
  denominator = 3;

  for (;;) {
    numerator = finalise(numerator.times(x2), wpr, 1);
    t = sum.plus(divide(numerator, new Ctor(denominator), wpr, 1));

    if (digitsToString(t.d).slice(0, wpr) === digitsToString(sum.d).slice(0, wpr)) {
      sum = sum.times(2);

      // Reverse the argument reduction. Check that e is not 0 because, besides preventing an
      // unnecessary calculation, -0 + 0 = +0 and to ensure correct rounding -0 needs to stay -0.
      if (e !== 0) sum = sum.plus(getLn10(Ctor, wpr + 2, pr).times(e + ''));
      sum = divide(sum, new Ctor(n), wpr, 1);

      // Is rm > 3 and the first 4 rounding digits 4999, or rm < 4 (or the summation has
      // been repeated previously) and the first 4 rounding digits 9999?
      // If so, restart the summation with a higher precision, otherwise
      // e.g. with precision: 12, rounding: 1
      // ln(135520028.6126091714265381533) = 18.7246299999 when it should be 18.72463.
      // `wpr - guard` is the index of first rounding digit.
      if (sd == null) {
        if (checkRoundingDigits(sum.d, wpr - guard, rm, rep)) {
          Ctor.precision = wpr += guard;
          t = numerator = x = divide(x1.minus(1), x1.plus(1), wpr, 1);
          x2 = finalise(x.times(x), wpr, 1);
          denominator = rep = 1;
        } else {
          return finalise(sum, Ctor.precision = pr, rm, external = true);
        }
      } else {
        Ctor.precision = pr;
        return sum;
      }
    }

    sum = t;
    denominator += 2;
  }
}


// ±Infinity, NaN.
function nonFiniteToString(x) {
  // Unsigned.
  return String(x.s * x.s / 0);
}


/*
 * Parse the value of a new Decimal `x` from string `str`.
 */
function parseDecimal(x, str) {
  var e, i, len;

  // TODO BigInt str: no need to check for decimal point, exponential form or leading zeros.
  // Decimal point?
  if ((e = str.indexOf('.')) > -1) str = str.replace('.', '');

  // Exponential form?
  if ((i = str.search(/e/i)) > 0) {

    // Determine exponent.
    if (e < 0) e = i;
    e += +str.slice(i + 1);
    str = str.substring(0, i);
  } else if (e < 0) {

    // Integer.
    e = str.length;
  }

  // Determine leading zeros.
  for (i = 0; str.charCodeAt(i) === 48; i++);

  // Determine trailing zeros.
  for (len = str.length; str.charCodeAt(len - 1) === 48; --len);
  str = str.slice(i, len);

  if (str) {
    len -= i;
    x.e = e = e - i - 1;
    x.d = [];

    // Transform base

    // e is the base 10 exponent.
    // i is where to slice str to get the first word of the digits array.
    i = (e + 1) % LOG_BASE;
    if (e < 0) i += LOG_BASE;

    if (i < len) {
      if (i) x.d.push(+str.slice(0, i));
      for (len -= LOG_BASE; i < len;) x.d.push(+str.slice(i, i += LOG_BASE));
      str = str.slice(i);
      i = LOG_BASE - str.length;
    } else {
      i -= len;
    }

    for (; i--;) str += '0';
    x.d.push(+str);

    if (external) {

      // Overflow?
      if (x.e > x.constructor.maxE) {

        // Infinity.
        x.d = null;
        x.e = NaN;

      // Underflow?
      } else if (x.e < x.constructor.minE) {

        // Zero.
        x.e = 0;
        x.d = [0];
        // x.constructor.underflow = true;
      } // else x.constructor.underflow = false;
    }
  } else {

    // Zero.
    x.e = 0;
    x.d = [0];
  }

  return x;
}


/*
 * Parse the value of a new Decimal `x` from a string `str`, which is not a decimal value.
 */
function parseOther(x, str) {
  var base, Ctor, divisor, i, isFloat, len, p, xd, xe;

  if (str.indexOf('_') > -1) {
    str = str.replace(/(\d)_(?=\d)/g, '$1');
    if (isDecimal.test(str)) return parseDecimal(x, str);
  } else if (str === 'Infinity' || str === 'NaN') {
    if (!+str) x.s = NaN;
    x.e = NaN;
    x.d = null;
    return x;
  }

  if (decimal_isHex.test(str))  {
    base = 16;
    str = str.toLowerCase();
  } else if (isBinary.test(str))  {
    base = 2;
  } else if (isOctal.test(str))  {
    base = 8;
  } else {
    throw Error(invalidArgument + str);
  }

  // Is there a binary exponent part?
  i = str.search(/p/i);

  if (i > 0) {
    p = +str.slice(i + 1);
    str = str.substring(2, i);
  } else {
    str = str.slice(2);
  }

  // Convert `str` as an integer then divide the result by `base` raised to a power such that the
  // fraction part will be restored.
  i = str.indexOf('.');
  isFloat = i >= 0;
  Ctor = x.constructor;

  if (isFloat) {
    str = str.replace('.', '');
    len = str.length;
    i = len - i;

    // log[10](16) = 1.2041... , log[10](88) = 1.9444....
    divisor = intPow(Ctor, new Ctor(base), i, i * 2);
  }

  xd = convertBase(str, base, BASE);
  xe = xd.length - 1;

  // Remove trailing zeros.
  for (i = xe; xd[i] === 0; --i) xd.pop();
  if (i < 0) return new Ctor(x.s * 0);
  x.e = getBase10Exponent(xd, xe);
  x.d = xd;
  external = false;

  // At what precision to perform the division to ensure exact conversion?
  // maxDecimalIntegerPartDigitCount = ceil(log[10](b) * otherBaseIntegerPartDigitCount)
  // log[10](2) = 0.30103, log[10](8) = 0.90309, log[10](16) = 1.20412
  // E.g. ceil(1.2 * 3) = 4, so up to 4 decimal digits are needed to represent 3 hex int digits.
  // maxDecimalFractionPartDigitCount = {Hex:4|Oct:3|Bin:1} * otherBaseFractionPartDigitCount
  // Therefore using 4 * the number of digits of str will always be enough.
  if (isFloat) x = divide(x, divisor, len * 4);

  // Multiply by the binary exponent part if present.
  if (p) x = x.times(Math.abs(p) < 54 ? mathpow(2, p) : Decimal.pow(2, p));
  external = true;

  return x;
}


/*
 * sin(x) = x - x^3/3! + x^5/5! - ...
 * |x| < pi/2
 *
 */
function sine(Ctor, x) {
  var k,
    len = x.d.length;

  if (len < 3) {
    return x.isZero() ? x : taylorSeries(Ctor, 2, x, x);
  }

  // Argument reduction: sin(5x) = 16*sin^5(x) - 20*sin^3(x) + 5*sin(x)
  // i.e. sin(x) = 16*sin^5(x/5) - 20*sin^3(x/5) + 5*sin(x/5)
  // and  sin(x) = sin(x/5)(5 + sin^2(x/5)(16sin^2(x/5) - 20))

  // Estimate the optimum number of times to use the argument reduction.
  k = 1.4 * Math.sqrt(len);
  k = k > 16 ? 16 : k | 0;

  x = x.times(1 / tinyPow(5, k));
  x = taylorSeries(Ctor, 2, x, x);

  // Reverse argument reduction
  var sin2_x,
    d5 = new Ctor(5),
    d16 = new Ctor(16),
    d20 = new Ctor(20);
  for (; k--;) {
    sin2_x = x.times(x);
    x = x.times(d5.plus(sin2_x.times(d16.times(sin2_x).minus(d20))));
  }

  return x;
}


// Calculate Taylor series for `cos`, `cosh`, `sin` and `sinh`.
function taylorSeries(Ctor, n, x, y, isHyperbolic) {
  var j, t, u, x2,
    i = 1,
    pr = Ctor.precision,
    k = Math.ceil(pr / LOG_BASE);

  external = false;
  x2 = x.times(x);
  u = new Ctor(y);

  for (;;) {
    t = divide(u.times(x2), new Ctor(n++ * n++), pr, 1);
    u = isHyperbolic ? y.plus(t) : y.minus(t);
    y = divide(t.times(x2), new Ctor(n++ * n++), pr, 1);
    t = u.plus(y);

    if (t.d[k] !== void 0) {
      for (j = k; t.d[j] === u.d[j] && j--;);
      if (j == -1) break;
    }

    j = u;
    u = y;
    y = t;
    t = j;
    i++;
  }

  external = true;
  t.d.length = k + 1;

  return t;
}


// Exponent e must be positive and non-zero.
function tinyPow(b, e) {
  var n = b;
  while (--e) n *= b;
  return n;
}


// Return the absolute value of `x` reduced to less than or equal to half pi.
function toLessThanHalfPi(Ctor, x) {
  var t,
    isNeg = x.s < 0,
    pi = getPi(Ctor, Ctor.precision, 1),
    halfPi = pi.times(0.5);

  x = x.abs();

  if (x.lte(halfPi)) {
    quadrant = isNeg ? 4 : 1;
    return x;
  }

  t = x.divToInt(pi);

  if (t.isZero()) {
    quadrant = isNeg ? 3 : 2;
  } else {
    x = x.minus(t.times(pi));

    // 0 <= x < pi
    if (x.lte(halfPi)) {
      quadrant = isOdd(t) ? (isNeg ? 2 : 3) : (isNeg ? 4 : 1);
      return x;
    }

    quadrant = isOdd(t) ? (isNeg ? 1 : 4) : (isNeg ? 3 : 2);
  }

  return x.minus(pi).abs();
}


/*
 * Return the value of Decimal `x` as a string in base `baseOut`.
 *
 * If the optional `sd` argument is present include a binary exponent suffix.
 */
function toStringBinary(x, baseOut, sd, rm) {
  var base, e, i, k, len, roundUp, str, xd, y,
    Ctor = x.constructor,
    isExp = sd !== void 0;

  if (isExp) {
    checkInt32(sd, 1, MAX_DIGITS);
    if (rm === void 0) rm = Ctor.rounding;
    else checkInt32(rm, 0, 8);
  } else {
    sd = Ctor.precision;
    rm = Ctor.rounding;
  }

  if (!x.isFinite()) {
    str = nonFiniteToString(x);
  } else {
    str = finiteToString(x);
    i = str.indexOf('.');

    // Use exponential notation according to `toExpPos` and `toExpNeg`? No, but if required:
    // maxBinaryExponent = floor((decimalExponent + 1) * log[2](10))
    // minBinaryExponent = floor(decimalExponent * log[2](10))
    // log[2](10) = 3.321928094887362347870319429489390175864

    if (isExp) {
      base = 2;
      if (baseOut == 16) {
        sd = sd * 4 - 3;
      } else if (baseOut == 8) {
        sd = sd * 3 - 2;
      }
    } else {
      base = baseOut;
    }

    // Convert the number as an integer then divide the result by its base raised to a power such
    // that the fraction part will be restored.

    // Non-integer.
    if (i >= 0) {
      str = str.replace('.', '');
      y = new Ctor(1);
      y.e = str.length - i;
      y.d = convertBase(finiteToString(y), 10, base);
      y.e = y.d.length;
    }

    xd = convertBase(str, 10, base);
    e = len = xd.length;

    // Remove trailing zeros.
    for (; xd[--len] == 0;) xd.pop();

    if (!xd[0]) {
      str = isExp ? '0p+0' : '0';
    } else {
      if (i < 0) {
        e--;
      } else {
        x = new Ctor(x);
        x.d = xd;
        x.e = e;
        x = divide(x, y, sd, rm, 0, base);
        xd = x.d;
        e = x.e;
        roundUp = inexact;
      }

      // The rounding digit, i.e. the digit after the digit that may be rounded up.
      i = xd[sd];
      k = base / 2;
      roundUp = roundUp || xd[sd + 1] !== void 0;

      roundUp = rm < 4
        ? (i !== void 0 || roundUp) && (rm === 0 || rm === (x.s < 0 ? 3 : 2))
        : i > k || i === k && (rm === 4 || roundUp || rm === 6 && xd[sd - 1] & 1 ||
          rm === (x.s < 0 ? 8 : 7));

      xd.length = sd;

      if (roundUp) {

        // Rounding up may mean the previous digit has to be rounded up and so on.
        for (; ++xd[--sd] > base - 1;) {
          xd[sd] = 0;
          if (!sd) {
            ++e;
            xd.unshift(1);
          }
        }
      }

      // Determine trailing zeros.
      for (len = xd.length; !xd[len - 1]; --len);

      // E.g. [4, 11, 15] becomes 4bf.
      for (i = 0, str = ''; i < len; i++) str += NUMERALS.charAt(xd[i]);

      // Add binary exponent suffix?
      if (isExp) {
        if (len > 1) {
          if (baseOut == 16 || baseOut == 8) {
            i = baseOut == 16 ? 4 : 3;
            for (--len; len % i; len++) str += '0';
            xd = convertBase(str, base, baseOut);
            for (len = xd.length; !xd[len - 1]; --len);

            // xd[0] will always be be 1
            for (i = 1, str = '1.'; i < len; i++) str += NUMERALS.charAt(xd[i]);
          } else {
            str = str.charAt(0) + '.' + str.slice(1);
          }
        }

        str =  str + (e < 0 ? 'p' : 'p+') + e;
      } else if (e < 0) {
        for (; ++e;) str = '0' + str;
        str = '0.' + str;
      } else {
        if (++e > len) for (e -= len; e-- ;) str += '0';
        else if (e < len) str = str.slice(0, e) + '.' + str.slice(e);
      }
    }

    str = (baseOut == 16 ? '0x' : baseOut == 2 ? '0b' : baseOut == 8 ? '0o' : '') + str;
  }

  return x.s < 0 ? '-' + str : str;
}


// Does not strip trailing zeros.
function truncate(arr, len) {
  if (arr.length > len) {
    arr.length = len;
    return true;
  }
}


// Decimal methods


/*
 *  abs
 *  acos
 *  acosh
 *  add
 *  asin
 *  asinh
 *  atan
 *  atanh
 *  atan2
 *  cbrt
 *  ceil
 *  clamp
 *  clone
 *  config
 *  cos
 *  cosh
 *  div
 *  exp
 *  floor
 *  hypot
 *  ln
 *  log
 *  log2
 *  log10
 *  max
 *  min
 *  mod
 *  mul
 *  pow
 *  random
 *  round
 *  set
 *  sign
 *  sin
 *  sinh
 *  sqrt
 *  sub
 *  sum
 *  tan
 *  tanh
 *  trunc
 */


/*
 * Return a new Decimal whose value is the absolute value of `x`.
 *
 * x {number|string|bigint|Decimal}
 *
 */
function abs(x) {
  return new this(x).abs();
}


/*
 * Return a new Decimal whose value is the arccosine in radians of `x`.
 *
 * x {number|string|bigint|Decimal}
 *
 */
function acos(x) {
  return new this(x).acos();
}


/*
 * Return a new Decimal whose value is the inverse of the hyperbolic cosine of `x`, rounded to
 * `precision` significant digits using rounding mode `rounding`.
 *
 * x {number|string|bigint|Decimal} A value in radians.
 *
 */
function acosh(x) {
  return new this(x).acosh();
}


/*
 * Return a new Decimal whose value is the sum of `x` and `y`, rounded to `precision` significant
 * digits using rounding mode `rounding`.
 *
 * x {number|string|bigint|Decimal}
 * y {number|string|bigint|Decimal}
 *
 */
function add(x, y) {
  return new this(x).plus(y);
}


/*
 * Return a new Decimal whose value is the arcsine in radians of `x`, rounded to `precision`
 * significant digits using rounding mode `rounding`.
 *
 * x {number|string|bigint|Decimal}
 *
 */
function asin(x) {
  return new this(x).asin();
}


/*
 * Return a new Decimal whose value is the inverse of the hyperbolic sine of `x`, rounded to
 * `precision` significant digits using rounding mode `rounding`.
 *
 * x {number|string|bigint|Decimal} A value in radians.
 *
 */
function asinh(x) {
  return new this(x).asinh();
}


/*
 * Return a new Decimal whose value is the arctangent in radians of `x`, rounded to `precision`
 * significant digits using rounding mode `rounding`.
 *
 * x {number|string|bigint|Decimal}
 *
 */
function atan(x) {
  return new this(x).atan();
}


/*
 * Return a new Decimal whose value is the inverse of the hyperbolic tangent of `x`, rounded to
 * `precision` significant digits using rounding mode `rounding`.
 *
 * x {number|string|bigint|Decimal} A value in radians.
 *
 */
function atanh(x) {
  return new this(x).atanh();
}


/*
 * Return a new Decimal whose value is the arctangent in radians of `y/x` in the range -pi to pi
 * (inclusive), rounded to `precision` significant digits using rounding mode `rounding`.
 *
 * Domain: [-Infinity, Infinity]
 * Range: [-pi, pi]
 *
 * y {number|string|bigint|Decimal} The y-coordinate.
 * x {number|string|bigint|Decimal} The x-coordinate.
 *
 * atan2(±0, -0)               = ±pi
 * atan2(±0, +0)               = ±0
 * atan2(±0, -x)               = ±pi for x > 0
 * atan2(±0, x)                = ±0 for x > 0
 * atan2(-y, ±0)               = -pi/2 for y > 0
 * atan2(y, ±0)                = pi/2 for y > 0
 * atan2(±y, -Infinity)        = ±pi for finite y > 0
 * atan2(±y, +Infinity)        = ±0 for finite y > 0
 * atan2(±Infinity, x)         = ±pi/2 for finite x
 * atan2(±Infinity, -Infinity) = ±3*pi/4
 * atan2(±Infinity, +Infinity) = ±pi/4
 * atan2(NaN, x) = NaN
 * atan2(y, NaN) = NaN
 *
 */
function atan2(y, x) {
  y = new this(y);
  x = new this(x);
  var r,
    pr = this.precision,
    rm = this.rounding,
    wpr = pr + 4;

  // Either NaN
  if (!y.s || !x.s) {
    r = new this(NaN);

  // Both ±Infinity
  } else if (!y.d && !x.d) {
    r = getPi(this, wpr, 1).times(x.s > 0 ? 0.25 : 0.75);
    r.s = y.s;

  // x is ±Infinity or y is ±0
  } else if (!x.d || y.isZero()) {
    r = x.s < 0 ? getPi(this, pr, rm) : new this(0);
    r.s = y.s;

  // y is ±Infinity or x is ±0
  } else if (!y.d || x.isZero()) {
    r = getPi(this, wpr, 1).times(0.5);
    r.s = y.s;

  // Both non-zero and finite
  } else if (x.s < 0) {
    this.precision = wpr;
    this.rounding = 1;
    r = this.atan(divide(y, x, wpr, 1));
    x = getPi(this, wpr, 1);
    this.precision = pr;
    this.rounding = rm;
    r = y.s < 0 ? r.minus(x) : r.plus(x);
  } else {
    r = this.atan(divide(y, x, wpr, 1));
  }

  return r;
}


/*
 * Return a new Decimal whose value is the cube root of `x`, rounded to `precision` significant
 * digits using rounding mode `rounding`.
 *
 * x {number|string|bigint|Decimal}
 *
 */
function cbrt(x) {
  return new this(x).cbrt();
}


/*
 * Return a new Decimal whose value is `x` rounded to an integer using `ROUND_CEIL`.
 *
 * x {number|string|bigint|Decimal}
 *
 */
function ceil(x) {
  return finalise(x = new this(x), x.e + 1, 2);
}


/*
 * Return a new Decimal whose value is `x` clamped to the range delineated by `min` and `max`.
 *
 * x {number|string|bigint|Decimal}
 * min {number|string|bigint|Decimal}
 * max {number|string|bigint|Decimal}
 *
 */
function clamp(x, min, max) {
  return new this(x).clamp(min, max);
}


/*
 * Configure global settings for a Decimal constructor.
 *
 * `obj` is an object with one or more of the following properties,
 *
 *   precision  {number}
 *   rounding   {number}
 *   toExpNeg   {number}
 *   toExpPos   {number}
 *   maxE       {number}
 *   minE       {number}
 *   modulo     {number}
 *   crypto     {boolean|number}
 *   defaults   {true}
 *
 * E.g. Decimal.config({ precision: 20, rounding: 4 })
 *
 */
function config(obj) {
  if (!obj || typeof obj !== 'object') throw Error(decimalError + 'Object expected');
  var i, p, v,
    useDefaults = obj.defaults === true,
    ps = [
      'precision', 1, MAX_DIGITS,
      'rounding', 0, 8,
      'toExpNeg', -EXP_LIMIT, 0,
      'toExpPos', 0, EXP_LIMIT,
      'maxE', 0, EXP_LIMIT,
      'minE', -EXP_LIMIT, 0,
      'modulo', 0, 9
    ];

  for (i = 0; i < ps.length; i += 3) {
    if (p = ps[i], useDefaults) this[p] = DEFAULTS[p];
    if ((v = obj[p]) !== void 0) {
      if (mathfloor(v) === v && v >= ps[i + 1] && v <= ps[i + 2]) this[p] = v;
      else throw Error(invalidArgument + p + ': ' + v);
    }
  }

  if (p = 'crypto', useDefaults) this[p] = DEFAULTS[p];
  if ((v = obj[p]) !== void 0) {
    if (v === true || v === false || v === 0 || v === 1) {
      if (v) {
        if (typeof crypto != 'undefined' && crypto &&
          (crypto.getRandomValues || crypto.randomBytes)) {
          this[p] = true;
        } else {
          throw Error(cryptoUnavailable);
        }
      } else {
        this[p] = false;
      }
    } else {
      throw Error(invalidArgument + p + ': ' + v);
    }
  }

  return this;
}


/*
 * Return a new Decimal whose value is the cosine of `x`, rounded to `precision` significant
 * digits using rounding mode `rounding`.
 *
 * x {number|string|bigint|Decimal} A value in radians.
 *
 */
function cos(x) {
  return new this(x).cos();
}


/*
 * Return a new Decimal whose value is the hyperbolic cosine of `x`, rounded to precision
 * significant digits using rounding mode `rounding`.
 *
 * x {number|string|bigint|Decimal} A value in radians.
 *
 */
function cosh(x) {
  return new this(x).cosh();
}


/*
 * Create and return a Decimal constructor with the same configuration properties as this Decimal
 * constructor.
 *
 */
function clone(obj) {
  var i, p, ps;

  /*
   * The Decimal constructor and exported function.
   * Return a new Decimal instance.
   *
   * v {number|string|bigint|Decimal} A numeric value.
   *
   */
  function Decimal(v) {
    var e, i, t,
      x = this;

    // Decimal called without new.
    if (!(x instanceof Decimal)) return new Decimal(v);

    // Retain a reference to this Decimal constructor, and shadow Decimal.prototype.constructor
    // which points to Object.
    x.constructor = Decimal;

    if (isDecimalInstance(v)) {
      x.s = v.s;

      if (external) {
        if (!v.d || v.e > Decimal.maxE) {

          // Infinity.
          x.e = NaN;
          x.d = null;
        } else if (v.e < Decimal.minE) {

          // Zero.
          x.e = 0;
          x.d = [0];
        } else {
          x.e = v.e;
          x.d = v.d.slice();
        }
      } else {
        x.e = v.e;
        x.d = v.d ? v.d.slice() : v.d;
      }

      return;
    }

    t = typeof v;

    if (t === 'number') {
      if (v === 0) {
        x.s = 1 / v < 0 ? -1 : 1;
        x.e = 0;
        x.d = [0];
        return;
      }

      if (v < 0) {
        v = -v;
        x.s = -1;
      } else {
        x.s = 1;
      }

      // Fast path for small integers.
      if (v === ~~v && v < 1e7) {
        for (e = 0, i = v; i >= 10; i /= 10) e++;

        if (external) {
          if (e > Decimal.maxE) {
            x.e = NaN;
            x.d = null;
          } else if (e < Decimal.minE) {
            x.e = 0;
            x.d = [0];
          } else {
            x.e = e;
            x.d = [v];
          }
        } else {
          x.e = e;
          x.d = [v];
        }

        return;
      }

      // Infinity or NaN?
      if (v * 0 !== 0) {
        if (!v) x.s = NaN;
        x.e = NaN;
        x.d = null;
        return;
      }

      return parseDecimal(x, v.toString());
    }

    if (t === 'string') {
      if ((i = v.charCodeAt(0)) === 45) {  // minus sign
        v = v.slice(1);
        x.s = -1;
      } else {
        if (i === 43) v = v.slice(1);  // plus sign
        x.s = 1;
      }

      return isDecimal.test(v) ? parseDecimal(x, v) : parseOther(x, v);
    }

    if (t === 'bigint') {
      if (v < 0) {
        v = -v;
        x.s = -1;
      } else {
        x.s = 1;
      }

      return parseDecimal(x, v.toString());
    }

    throw Error(invalidArgument + v);
  }

  Decimal.prototype = P;

  Decimal.ROUND_UP = 0;
  Decimal.ROUND_DOWN = 1;
  Decimal.ROUND_CEIL = 2;
  Decimal.ROUND_FLOOR = 3;
  Decimal.ROUND_HALF_UP = 4;
  Decimal.ROUND_HALF_DOWN = 5;
  Decimal.ROUND_HALF_EVEN = 6;
  Decimal.ROUND_HALF_CEIL = 7;
  Decimal.ROUND_HALF_FLOOR = 8;
  Decimal.EUCLID = 9;

  Decimal.config = Decimal.set = config;
  Decimal.clone = clone;
  Decimal.isDecimal = isDecimalInstance;

  Decimal.abs = abs;
  Decimal.acos = acos;
  Decimal.acosh = acosh;        // ES6
  Decimal.add = add;
  Decimal.asin = asin;
  Decimal.asinh = asinh;        // ES6
  Decimal.atan = atan;
  Decimal.atanh = atanh;        // ES6
  Decimal.atan2 = atan2;
  Decimal.cbrt = cbrt;          // ES6
  Decimal.ceil = ceil;
  Decimal.clamp = clamp;
  Decimal.cos = cos;
  Decimal.cosh = cosh;          // ES6
  Decimal.div = div;
  Decimal.exp = exp;
  Decimal.floor = floor;
  Decimal.hypot = hypot;        // ES6
  Decimal.ln = ln;
  Decimal.log = log;
  Decimal.log10 = log10;        // ES6
  Decimal.log2 = log2;          // ES6
  Decimal.max = max;
  Decimal.min = min;
  Decimal.mod = mod;
  Decimal.mul = mul;
  Decimal.pow = pow;
  Decimal.random = random;
  Decimal.round = round;
  Decimal.sign = sign;          // ES6
  Decimal.sin = sin;
  Decimal.sinh = sinh;          // ES6
  Decimal.sqrt = sqrt;
  Decimal.sub = sub;
  Decimal.sum = sum;
  Decimal.tan = tan;
  Decimal.tanh = tanh;          // ES6
  Decimal.trunc = trunc;        // ES6

  if (obj === void 0) obj = {};
  if (obj) {
    if (obj.defaults !== true) {
      ps = ['precision', 'rounding', 'toExpNeg', 'toExpPos', 'maxE', 'minE', 'modulo', 'crypto'];
      for (i = 0; i < ps.length;) if (!obj.hasOwnProperty(p = ps[i++])) obj[p] = this[p];
    }
  }

  Decimal.config(obj);

  return Decimal;
}


/*
 * Return a new Decimal whose value is `x` divided by `y`, rounded to `precision` significant
 * digits using rounding mode `rounding`.
 *
 * x {number|string|bigint|Decimal}
 * y {number|string|bigint|Decimal}
 *
 */
function div(x, y) {
  return new this(x).div(y);
}


/*
 * Return a new Decimal whose value is the natural exponential of `x`, rounded to `precision`
 * significant digits using rounding mode `rounding`.
 *
 * x {number|string|bigint|Decimal} The power to which to raise the base of the natural log.
 *
 */
function exp(x) {
  return new this(x).exp();
}


/*
 * Return a new Decimal whose value is `x` round to an integer using `ROUND_FLOOR`.
 *
 * x {number|string|bigint|Decimal}
 *
 */
function floor(x) {
  return finalise(x = new this(x), x.e + 1, 3);
}


/*
 * Return a new Decimal whose value is the square root of the sum of the squares of the arguments,
 * rounded to `precision` significant digits using rounding mode `rounding`.
 *
 * hypot(a, b, ...) = sqrt(a^2 + b^2 + ...)
 *
 * arguments {number|string|bigint|Decimal}
 *
 */
function hypot() {
  var i, n,
    t = new this(0);

  external = false;

  for (i = 0; i < arguments.length;) {
    n = new this(arguments[i++]);
    if (!n.d) {
      if (n.s) {
        external = true;
        return new this(1 / 0);
      }
      t = n;
    } else if (t.d) {
      t = t.plus(n.times(n));
    }
  }

  external = true;

  return t.sqrt();
}


/*
 * Return true if object is a Decimal instance (where Decimal is any Decimal constructor),
 * otherwise return false.
 *
 */
function isDecimalInstance(obj) {
  return obj instanceof Decimal || obj && obj.toStringTag === tag || false;
}


/*
 * Return a new Decimal whose value is the natural logarithm of `x`, rounded to `precision`
 * significant digits using rounding mode `rounding`.
 *
 * x {number|string|bigint|Decimal}
 *
 */
function ln(x) {
  return new this(x).ln();
}


/*
 * Return a new Decimal whose value is the log of `x` to the base `y`, or to base 10 if no base
 * is specified, rounded to `precision` significant digits using rounding mode `rounding`.
 *
 * log[y](x)
 *
 * x {number|string|bigint|Decimal} The argument of the logarithm.
 * y {number|string|bigint|Decimal} The base of the logarithm.
 *
 */
function log(x, y) {
  return new this(x).log(y);
}


/*
 * Return a new Decimal whose value is the base 2 logarithm of `x`, rounded to `precision`
 * significant digits using rounding mode `rounding`.
 *
 * x {number|string|bigint|Decimal}
 *
 */
function log2(x) {
  return new this(x).log(2);
}


/*
 * Return a new Decimal whose value is the base 10 logarithm of `x`, rounded to `precision`
 * significant digits using rounding mode `rounding`.
 *
 * x {number|string|bigint|Decimal}
 *
 */
function log10(x) {
  return new this(x).log(10);
}


/*
 * Return a new Decimal whose value is the maximum of the arguments.
 *
 * arguments {number|string|bigint|Decimal}
 *
 */
function max() {
  return maxOrMin(this, arguments, -1);
}


/*
 * Return a new Decimal whose value is the minimum of the arguments.
 *
 * arguments {number|string|bigint|Decimal}
 *
 */
function min() {
  return maxOrMin(this, arguments, 1);
}


/*
 * Return a new Decimal whose value is `x` modulo `y`, rounded to `precision` significant digits
 * using rounding mode `rounding`.
 *
 * x {number|string|bigint|Decimal}
 * y {number|string|bigint|Decimal}
 *
 */
function mod(x, y) {
  return new this(x).mod(y);
}


/*
 * Return a new Decimal whose value is `x` multiplied by `y`, rounded to `precision` significant
 * digits using rounding mode `rounding`.
 *
 * x {number|string|bigint|Decimal}
 * y {number|string|bigint|Decimal}
 *
 */
function mul(x, y) {
  return new this(x).mul(y);
}


/*
 * Return a new Decimal whose value is `x` raised to the power `y`, rounded to precision
 * significant digits using rounding mode `rounding`.
 *
 * x {number|string|bigint|Decimal} The base.
 * y {number|string|bigint|Decimal} The exponent.
 *
 */
function pow(x, y) {
  return new this(x).pow(y);
}


/*
 * Returns a new Decimal with a random value equal to or greater than 0 and less than 1, and with
 * `sd`, or `Decimal.precision` if `sd` is omitted, significant digits (or less if trailing zeros
 * are produced).
 *
 * [sd] {number} Significant digits. Integer, 0 to MAX_DIGITS inclusive.
 *
 */
function random(sd) {
  var d, e, k, n,
    i = 0,
    r = new this(1),
    rd = [];

  if (sd === void 0) sd = this.precision;
  else checkInt32(sd, 1, MAX_DIGITS);

  k = Math.ceil(sd / LOG_BASE);

  if (!this.crypto) {
    for (; i < k;) rd[i++] = Math.random() * 1e7 | 0;

  // Browsers supporting crypto.getRandomValues.
  } else if (crypto.getRandomValues) {
    d = crypto.getRandomValues(new Uint32Array(k));

    for (; i < k;) {
      n = d[i];

      // 0 <= n < 4294967296
      // Probability n >= 4.29e9, is 4967296 / 4294967296 = 0.00116 (1 in 865).
      if (n >= 4.29e9) {
        d[i] = crypto.getRandomValues(new Uint32Array(1))[0];
      } else {

        // 0 <= n <= 4289999999
        // 0 <= (n % 1e7) <= 9999999
        rd[i++] = n % 1e7;
      }
    }

  // Node.js supporting crypto.randomBytes.
  } else if (crypto.randomBytes) {

    // buffer
    d = crypto.randomBytes(k *= 4);

    for (; i < k;) {

      // 0 <= n < 2147483648
      n = d[i] + (d[i + 1] << 8) + (d[i + 2] << 16) + ((d[i + 3] & 0x7f) << 24);

      // Probability n >= 2.14e9, is 7483648 / 2147483648 = 0.0035 (1 in 286).
      if (n >= 2.14e9) {
        crypto.randomBytes(4).copy(d, i);
      } else {

        // 0 <= n <= 2139999999
        // 0 <= (n % 1e7) <= 9999999
        rd.push(n % 1e7);
        i += 4;
      }
    }

    i = k / 4;
  } else {
    throw Error(cryptoUnavailable);
  }

  k = rd[--i];
  sd %= LOG_BASE;

  // Convert trailing digits to zeros according to sd.
  if (k && sd) {
    n = mathpow(10, LOG_BASE - sd);
    rd[i] = (k / n | 0) * n;
  }

  // Remove trailing words which are zero.
  for (; rd[i] === 0; i--) rd.pop();

  // Zero?
  if (i < 0) {
    e = 0;
    rd = [0];
  } else {
    e = -1;

    // Remove leading words which are zero and adjust exponent accordingly.
    for (; rd[0] === 0; e -= LOG_BASE) rd.shift();

    // Count the digits of the first word of rd to determine leading zeros.
    for (k = 1, n = rd[0]; n >= 10; n /= 10) k++;

    // Adjust the exponent for leading zeros of the first word of rd.
    if (k < LOG_BASE) e -= LOG_BASE - k;
  }

  r.e = e;
  r.d = rd;

  return r;
}


/*
 * Return a new Decimal whose value is `x` rounded to an integer using rounding mode `rounding`.
 *
 * To emulate `Math.round`, set rounding to 7 (ROUND_HALF_CEIL).
 *
 * x {number|string|bigint|Decimal}
 *
 */
function round(x) {
  return finalise(x = new this(x), x.e + 1, this.rounding);
}


/*
 * Return
 *   1    if x > 0,
 *  -1    if x < 0,
 *   0    if x is 0,
 *  -0    if x is -0,
 *   NaN  otherwise
 *
 * x {number|string|bigint|Decimal}
 *
 */
function sign(x) {
  x = new this(x);
  return x.d ? (x.d[0] ? x.s : 0 * x.s) : x.s || NaN;
}


/*
 * Return a new Decimal whose value is the sine of `x`, rounded to `precision` significant digits
 * using rounding mode `rounding`.
 *
 * x {number|string|bigint|Decimal} A value in radians.
 *
 */
function sin(x) {
  return new this(x).sin();
}


/*
 * Return a new Decimal whose value is the hyperbolic sine of `x`, rounded to `precision`
 * significant digits using rounding mode `rounding`.
 *
 * x {number|string|bigint|Decimal} A value in radians.
 *
 */
function sinh(x) {
  return new this(x).sinh();
}


/*
 * Return a new Decimal whose value is the square root of `x`, rounded to `precision` significant
 * digits using rounding mode `rounding`.
 *
 * x {number|string|bigint|Decimal}
 *
 */
function sqrt(x) {
  return new this(x).sqrt();
}


/*
 * Return a new Decimal whose value is `x` minus `y`, rounded to `precision` significant digits
 * using rounding mode `rounding`.
 *
 * x {number|string|bigint|Decimal}
 * y {number|string|bigint|Decimal}
 *
 */
function sub(x, y) {
  return new this(x).sub(y);
}


/*
 * Return a new Decimal whose value is the sum of the arguments, rounded to `precision`
 * significant digits using rounding mode `rounding`.
 *
 * Only the result is rounded, not the intermediate calculations.
 *
 * arguments {number|string|bigint|Decimal}
 *
 */
function sum() {
  var i = 0,
    args = arguments,
    x = new this(args[i]);

  external = false;
  for (; x.s && ++i < args.length;) x = x.plus(args[i]);
  external = true;

  return finalise(x, this.precision, this.rounding);
}


/*
 * Return a new Decimal whose value is the tangent of `x`, rounded to `precision` significant
 * digits using rounding mode `rounding`.
 *
 * x {number|string|bigint|Decimal} A value in radians.
 *
 */
function tan(x) {
  return new this(x).tan();
}


/*
 * Return a new Decimal whose value is the hyperbolic tangent of `x`, rounded to `precision`
 * significant digits using rounding mode `rounding`.
 *
 * x {number|string|bigint|Decimal} A value in radians.
 *
 */
function tanh(x) {
  return new this(x).tanh();
}


/*
 * Return a new Decimal whose value is `x` truncated to an integer.
 *
 * x {number|string|bigint|Decimal}
 *
 */
function trunc(x) {
  return finalise(x = new this(x), x.e + 1, 1);
}


P[Symbol.for('nodejs.util.inspect.custom')] = P.toString;
P[Symbol.toStringTag] = 'Decimal';

// Create and configure initial Decimal constructor.
var Decimal = P.constructor = clone(DEFAULTS);

// Create the internal constants from their string values.
LN10 = new Decimal(LN10);
PI = new Decimal(PI);

/* harmony default export */ const decimal = ((/* unused pure expression or super */ null && (Decimal)));

;// CONCATENATED MODULE: ./build/eval/number.js

/**
 * Numbers are arbitrary precision like cty's big.Float (512-bit mantissa, about
 * 154 decimal digits), so integers beyond 2^53 stay exact. A private Decimal
 * class keeps our settings away from any other user of decimal.js.
 */
const Num = Decimal.clone({ precision: 155, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -200, toExpPos: 200 });
function num(n) {
    return new Num(n);
}

;// CONCATENATED MODULE: ./build/eval/number-text.js

/*
 * Numbers as text, the way cty does it: strings parse with Go's
 * big.ParseFloat(s, 10, 512, ToNearestEven) grammar, and numbers print as
 * big.Float.Text('f', -1) of a 512-bit binary float (the shortest decimal that
 * rounds back to the same binary value, in plain notation).
 */
const PRECISION = 512;
/** Go's base-10 float syntax: sign, digits with one optional point, optional e/p exponent. */
const NUMBER_SYNTAX = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:([eEpP])([+-]?\d+))?$/;
const INFINITY_SYNTAX = /^[+-]?[Ii]nf$/;
/** cty.ParseNumberVal: the number a string denotes, or null when it is not a number. */
function parseNumber(s) {
    if (INFINITY_SYNTAX.test(s)) {
        return new Num(s.startsWith('-') ? '-Infinity' : 'Infinity');
    }
    const m = NUMBER_SYNTAX.exec(s);
    if (!m)
        return null;
    const [, marker, exponent] = m;
    if (marker === 'p' || marker === 'P') {
        // A binary exponent: the mantissa times 2**exponent.
        const mantissa = s.slice(0, s.length - marker.length - exponent.length);
        return new Num(mantissa).mul(new Num(2).pow(Number(exponent)));
    }
    return new Num(s);
}
/** big.Float.Text('f', -1) of the number rounded to cty's 512-bit mantissa. */
function formatNumber(n) {
    if (!n.isFinite()) {
        if (n.isNaN())
            return 'NaN';
        return n.isNeg() ? '-Inf' : '+Inf';
    }
    if (n.isZero())
        return n.isNeg() ? '-0' : '0';
    // Up to ~150 significant digits a decimal is its own shortest 512-bit
    // representation: no shorter decimal lies within half an ulp of it.
    if (n.sd() <= 150)
        return n.toFixed();
    const sign = n.isNeg() ? '-' : '';
    const [mant, exp2] = toBinary(n.abs());
    const d = shortestDecimal(mant, exp2);
    return sign + fixedNotation(d);
}
function bitLength(n) {
    return n === 0n ? 0 : n.toString(2).length;
}
/** Rounds a positive finite number to mant × 2^exp2 with a 512-bit mantissa, ties to even. */
function toBinary(n) {
    const [coefficient, exponentText] = n.toExponential().split('e');
    const digits = coefficient.replace('.', '');
    const e10 = Number(exponentText) - (digits.length - 1);
    let num = BigInt(digits);
    let den = 1n;
    if (e10 >= 0)
        num *= 10n ** BigInt(e10);
    else
        den = 10n ** BigInt(-e10);
    const shift = PRECISION + 1 + bitLength(den) - bitLength(num);
    let q;
    let r;
    if (shift >= 0) {
        q = (num << BigInt(shift)) / den;
        r = (num << BigInt(shift)) % den;
    }
    else {
        const d = den << BigInt(-shift);
        q = num / d;
        r = num % d;
    }
    const extra = BigInt(bitLength(q) - PRECISION);
    let mant = q >> extra;
    const low = q & ((1n << extra) - 1n);
    const half = 1n << (extra - 1n);
    let exp2 = Number(extra) - shift;
    if (low > half || (low === half && (r !== 0n || (mant & 1n) === 1n))) {
        mant += 1n;
        if (bitLength(mant) > PRECISION) {
            mant >>= 1n;
            exp2 += 1;
        }
    }
    return [mant, exp2];
}
/** The exact decimal of m × 2^e, trailing zeros trimmed (Go's decimal.init). */
function exactDecimal(m, e) {
    const text = e >= 0 ? (m << BigInt(e)).toString() : (m * 5n ** BigInt(-e)).toString();
    const exp = e >= 0 ? text.length : text.length + e;
    return { digits: text.replace(/0+$/, ''), exp };
}
/** Go's math/big roundShortest for a 512-bit mantissa. */
function shortestDecimal(mant, exp2) {
    const d = exactDecimal(mant, exp2);
    // Mantissa with one more bit, so that its lsb is half an ulp.
    const doubled = mant << 1n;
    const lower = exactDecimal(doubled - 1n, exp2 - 1);
    const upper = exactDecimal(doubled + 1n, exp2 - 1);
    const inclusive = (mant & 1n) === 0n;
    const at = (x, i) => x.digits[i] ?? '0';
    for (let i = 0; i < d.digits.length; i++) {
        const m = d.digits[i];
        const l = at(lower, i);
        const u = at(upper, i);
        const okDown = l !== m || (inclusive && i + 1 === lower.digits.length);
        const okUp = m !== u && (inclusive || m.charCodeAt(0) + 1 < u.charCodeAt(0) || i + 1 < upper.digits.length);
        if (okDown && okUp)
            return roundNearest(d, i + 1);
        if (okDown)
            return roundDown(d, i + 1);
        if (okUp)
            return roundUp(d, i + 1);
    }
    return d;
}
function roundNearest(d, n) {
    if (n >= d.digits.length)
        return d;
    const digit = d.digits[n];
    const up = digit === '5' && n + 1 === d.digits.length ? n > 0 && (d.digits.charCodeAt(n - 1) - 48) % 2 !== 0 : digit >= '5';
    return up ? roundUp(d, n) : roundDown(d, n);
}
function roundDown(d, n) {
    if (n >= d.digits.length)
        return d;
    const digits = d.digits.slice(0, n).replace(/0+$/, '');
    return { digits, exp: digits ? d.exp : 0 };
}
function roundUp(d, n) {
    if (n >= d.digits.length)
        return d;
    let k = n;
    while (k > 0 && d.digits[k - 1] === '9')
        k--;
    if (k === 0)
        return { digits: '1', exp: d.exp + 1 };
    const last = String.fromCharCode(d.digits.charCodeAt(k - 1) + 1);
    return { digits: d.digits.slice(0, k - 1) + last, exp: d.exp };
}
/** Go's fmtF with the precision the shortest digits need. */
function fixedNotation(d) {
    const intPart = d.exp > 0 ? d.digits.slice(0, d.exp).padEnd(d.exp, '0') : '0';
    const fracDigits = Math.max(d.digits.length - d.exp, 0);
    if (fracDigits === 0)
        return intPart;
    let frac = '';
    for (let i = 0; i < fracDigits; i++)
        frac += d.digits[d.exp + i] ?? '0';
    return `${intPart}.${frac}`;
}

;// CONCATENATED MODULE: ./build/eval/value.js


/*
 * cty-like values: immutable, typed, possibly null or unknown, possibly marked
 * (e.g. "sensitive"). Collections keep marks on their elements; operations that
 * read a marked value must carry its marks onto their result (see withMarksOf).
 */
const Sensitive = 'sensitive';
const NoMarks = new Set();
class value_Value {
    type;
    payload;
    state;
    marks;
    constructor(type, payload, state, marks) {
        this.type = type;
        this.payload = payload;
        this.state = state;
        this.marks = marks;
    }
    /* ---- constructors ---- */
    static string(s) {
        return new value_Value(StringType, s.normalize('NFC'), 'known', NoMarks);
    }
    static number(n) {
        return new value_Value(NumberType, num(n), 'known', NoMarks);
    }
    static bool(b) {
        return new value_Value(types_BoolType, b, 'known', NoMarks);
    }
    /** A list; all elements must have the same type (conversion is the caller's job). */
    static list(elements, elementType) {
        const et = collectionElementType('list', elements, elementType);
        return new value_Value(listOf(et), [...elements], 'known', NoMarks);
    }
    static set(elements, elementType) {
        const et = collectionElementType('set', elements, elementType);
        return new value_Value(setOf(et), normaliseSet(elements), 'known', NoMarks);
    }
    static map(entries, elementType) {
        const sorted = sortedEntries(entries);
        const et = collectionElementType('map', sorted.map(([, v]) => v), elementType);
        return new value_Value(mapOf(et), new Map(sorted), 'known', NoMarks);
    }
    static tuple(elements) {
        return new value_Value(tupleOf(elements.map((e) => e.type)), [...elements], 'known', NoMarks);
    }
    static object(attributes) {
        const sorted = sortedEntries(attributes);
        const type = objectOf(new Map(sorted.map(([k, v]) => [k, v.type])));
        return new value_Value(type, new Map(sorted), 'known', NoMarks);
    }
    static null(type) {
        return new value_Value(type, undefined, 'null', NoMarks);
    }
    static unknown(type) {
        return new value_Value(type, undefined, 'unknown', NoMarks);
    }
    /* ---- state ---- */
    isNull() {
        return this.state === 'null';
    }
    isKnown() {
        return this.state !== 'unknown';
    }
    /** Known all the way down (cty IsWhollyKnown). */
    isWhollyKnown() {
        if (this.state === 'unknown')
            return false;
        if (this.state === 'null')
            return true;
        if (Array.isArray(this.payload))
            return this.payload.every((v) => v.isWhollyKnown());
        if (this.payload instanceof Map)
            return [...this.payload.values()].every((v) => v.isWhollyKnown());
        return true;
    }
    /* ---- marks ---- */
    isMarked() {
        return this.marks.size > 0;
    }
    hasMark(mark) {
        return this.marks.has(mark);
    }
    mark(mark) {
        if (this.marks.has(mark))
            return this;
        return new value_Value(this.type, this.payload, this.state, new Set([...this.marks, mark]));
    }
    withMarks(marks) {
        const merged = new Set([...this.marks, ...marks]);
        if (merged.size === this.marks.size)
            return this;
        return new value_Value(this.type, this.payload, this.state, merged);
    }
    /** The value without its own marks, and those marks. Nested marks stay. */
    unmark() {
        if (this.marks.size === 0)
            return [this, NoMarks];
        return [new value_Value(this.type, this.payload, this.state, NoMarks), this.marks];
    }
    /** The value without any marks at any depth, and all marks found. */
    unmarkDeep() {
        const found = new Set();
        const strip = (v) => {
            for (const m of v.marks)
                found.add(m);
            let payload = v.payload;
            if (v.state === 'known' && Array.isArray(payload))
                payload = payload.map(strip);
            else if (v.state === 'known' && payload instanceof Map)
                payload = new Map([...payload].map(([k, e]) => [k, strip(e)]));
            return new value_Value(v.type, payload, v.state, NoMarks);
        };
        const stripped = strip(this);
        return [stripped, found];
    }
    /** True when this value or anything inside it carries the mark. */
    hasMarkDeep(mark) {
        if (this.marks.has(mark))
            return true;
        if (this.state !== 'known')
            return false;
        if (Array.isArray(this.payload))
            return this.payload.some((v) => v.hasMarkDeep(mark));
        if (this.payload instanceof Map)
            return [...this.payload.values()].some((v) => v.hasMarkDeep(mark));
        return false;
    }
    /* ---- access (known, non-null values only; misuse is a programmer error) ---- */
    asString() {
        return this.known('string');
    }
    asNumber() {
        return this.known('number');
    }
    asBool() {
        return this.known('bool');
    }
    /** Elements of a list, set or tuple, in order (sets in cty's canonical order). */
    elements() {
        const p = this.knownPayload();
        if (!Array.isArray(p))
            throw new Error(`elements() on ${friendlyName(this.type)}`);
        return p;
    }
    /** Entries of a map or object, sorted by key. */
    entries() {
        const p = this.knownPayload();
        if (!(p instanceof Map))
            throw new Error(`entries() on ${friendlyName(this.type)}`);
        return p;
    }
    /** Number of elements/entries of a known collection or structure. */
    length() {
        const p = this.knownPayload();
        if (Array.isArray(p))
            return p.length;
        if (p instanceof Map)
            return p.size;
        throw new Error(`length() on ${friendlyName(this.type)}`);
    }
    /** Attribute of a known object, or undefined if absent. */
    attr(name) {
        return this.entries().get(name);
    }
    known(kind) {
        if (this.type.kind !== kind)
            throw new Error(`expected ${kind}, have ${friendlyName(this.type)}`);
        return this.knownPayload();
    }
    knownPayload() {
        if (this.state !== 'known')
            throw new Error(`value is ${this.state}`);
        return this.payload;
    }
    /** Debug rendering for test failure messages; not a user-facing format. */
    toString() {
        const marks = this.marks.size ? `.mark(${[...this.marks].join(',')})` : '';
        if (this.state === 'null')
            return `null(${friendlyName(this.type)})${marks}`;
        if (this.state === 'unknown')
            return `unknown(${friendlyName(this.type)})${marks}`;
        const p = this.payload;
        let body;
        if (typeof p === 'string')
            body = JSON.stringify(p);
        else if (typeof p === 'boolean')
            body = String(p);
        else if (Array.isArray(p))
            body = `${this.type.kind}[${p.join(', ')}]`;
        else if (p instanceof Map)
            body = `${this.type.kind}{${[...p].map(([k, v]) => `${k}: ${v}`).join(', ')}}`;
        else
            body = p.toString();
        return body + marks;
    }
}
const DynamicVal = value_Value.unknown(DynamicPseudoType);
const EmptyObject = value_Value.object({});
const EmptyTuple = value_Value.tuple([]);
function collectionElementType(kind, elements, declared) {
    if (elements.length === 0) {
        if (!declared)
            throw new Error(`empty ${kind} needs an element type`);
        return declared;
    }
    const first = declared ?? elements[0].type;
    for (const e of elements) {
        if (!typeEquals(e.type, first))
            throw new Error(`inconsistent ${kind} element types: ${friendlyName(first)} vs ${friendlyName(e.type)}`);
    }
    return first;
}
function sortedEntries(entries) {
    const list = entries instanceof Map ? [...entries] : Object.entries(entries);
    return list.sort(([a], [b]) => compareStrings(a, b));
}
/**
 * Sets hold distinct values in cty's canonical order: numbers ascending, strings
 * lexically, false before true, other values by their canonical key.
 */
function normaliseSet(elements) {
    const byKey = new Map();
    for (const e of elements) {
        const key = canonicalKey(e);
        if (!byKey.has(key) || !e.isKnown())
            byKey.set(e.isKnown() ? key : `${key}#${byKey.size}`, e);
    }
    return [...byKey.values()].sort(compareSetElements);
}
function compareSetElements(a, b) {
    if (!a.isKnown() || !b.isKnown() || a.isNull() || b.isNull())
        return 0;
    if (a.type.kind === 'number' && b.type.kind === 'number')
        return a.asNumber().cmp(b.asNumber());
    if (a.type.kind === 'string' && b.type.kind === 'string')
        return compareStrings(a.asString(), b.asString());
    if (a.type.kind === 'bool' && b.type.kind === 'bool')
        return Number(a.asBool()) - Number(b.asBool());
    return compareStrings(canonicalKey(a), canonicalKey(b));
}
/** A string identifying a value's content (type-aware, marks excluded), for set identity. */
function canonicalKey(v) {
    if (v.isNull())
        return 'null';
    if (!v.isKnown())
        return '?';
    switch (v.type.kind) {
        case 'string':
            return JSON.stringify(v.asString());
        case 'number':
            return `n${v.asNumber().toString()}`;
        case 'bool':
            return v.asBool() ? 'true' : 'false';
        case 'list':
        case 'set':
        case 'tuple':
            return `[${v.elements().map(canonicalKey).join(',')}]`;
        default:
            return `{${[...v.entries()].map(([k, e]) => `${JSON.stringify(k)}:${canonicalKey(e)}`).join(',')}}`;
    }
}
/** Structural identity including type, null/unknown state and marks (cty RawEquals). */
function rawEquals(a, b) {
    if (!typeEquals(a.type, b.type))
        return false;
    if (a.isNull() !== b.isNull() || a.isKnown() !== b.isKnown())
        return false;
    if (a.marks.size !== b.marks.size || [...a.marks].some((m) => !b.marks.has(m)))
        return false;
    if (a.isNull() || !a.isKnown())
        return true;
    switch (a.type.kind) {
        case 'string':
            return a.asString() === b.asString();
        case 'number':
            return a.asNumber().eq(b.asNumber());
        case 'bool':
            return a.asBool() === b.asBool();
        case 'list':
        case 'set':
        case 'tuple': {
            const ae = a.elements();
            const be = b.elements();
            return ae.length === be.length && ae.every((e, i) => rawEquals(e, be[i]));
        }
        default: {
            const ae = a.entries();
            const be = b.entries();
            if (ae.size !== be.size)
                return false;
            for (const [k, e] of ae) {
                const other = be.get(k);
                if (!other || !rawEquals(e, other))
                    return false;
            }
            return true;
        }
    }
}
/** Returns `result` carrying the marks of every operand (marks propagate through operations). */
function withMarksOf(result, ...operands) {
    let out = result;
    for (const o of operands)
        if (o.marks.size)
            out = out.withMarks(o.marks);
    return out;
}

;// CONCATENATED MODULE: ./build/eval/unify.js



/** cty convert.Unify: the type all given types can safely convert to, or null. */
function unify(types) {
    return unifyTypes(types, false);
}
/** cty convert.UnifyUnsafe: as unify, allowing unsafe conversions. */
function unifyUnsafe(types) {
    return unifyTypes(types, true);
}
function unifyTypes(types, unsafe) {
    if (types.length === 0)
        return null;
    // Types of one structural kind may unify to a new type that none of them is.
    const count = { map: 0, list: 0, set: 0, object: 0, tuple: 0, dynamic: 0 };
    for (const t of types)
        if (t.kind in count)
            count[t.kind]++;
    const n = types.length;
    if (count.map > 0 && count.map + count.dynamic === n)
        return unifyCollections(mapOf, types, unsafe, count.dynamic);
    if (count.map > 0 && count.map + count.object + count.dynamic === n) {
        const u = unifyObjectsAsMaps(types, unsafe);
        if (u)
            return u;
    }
    else if (count.list > 0 && count.list + count.dynamic === n) {
        return unifyCollections(listOf, types, unsafe, count.dynamic);
    }
    else if (count.list > 0 && count.list + count.tuple + count.dynamic === n) {
        const u = unifyTuplesAsList(types, unsafe);
        if (u)
            return u;
    }
    else if (count.set > 0 && count.set + count.dynamic === n) {
        return unifyCollections(setOf, types, unsafe, count.dynamic);
    }
    else if (count.object > 0 && count.object + count.dynamic === n) {
        return count.dynamic > 0 ? allAsDynamic(types) : unifyObjects(types, unsafe);
    }
    else if (count.tuple > 0 && count.tuple + count.dynamic === n) {
        return count.dynamic > 0 ? allAsDynamic(types) : unifyTuples(types, unsafe);
    }
    else if (count.object > 0 && count.tuple > 0) {
        return null;
    }
    // Otherwise the first type, in order of preference, that all others convert to.
    for (const wantIdx of sortTypes(types)) {
        const want = types[wantIdx];
        const conversions = convertAllTo(types, want, unsafe);
        if (conversions)
            return { type: want, conversions };
    }
    return null;
}
/** Conversions of every type to `want` (undefined where equal), or null if one is impossible. */
function convertAllTo(types, want, unsafe) {
    const conversions = [];
    for (const t of types) {
        if (typeEquals(t, want)) {
            conversions.push(undefined);
            continue;
        }
        const conv = getConversion(t, want, unsafe);
        if (!conv)
            return null;
        conversions.push(conv);
    }
    return conversions;
}
function withConversions(type, types, unsafe) {
    const conversions = convertAllTo(types, type, unsafe);
    return conversions && { type, conversions };
}
function allAsDynamic(types) {
    return { type: DynamicPseudoType, conversions: types.map(() => () => DynamicVal) };
}
function unifyCollections(make, types, unsafe, dynamicCount) {
    // Dynamic inputs could become anything, so the result can only be dynamic.
    if (dynamicCount > 0)
        return allAsDynamic(types);
    const element = unifyTypes(types.map((t) => t.element), unsafe);
    return element && withConversions(make(element.type), types, unsafe);
}
function unifyObjects(types, unsafe) {
    // Objects with the same attribute names unify attribute by attribute; others only as a map.
    const first = types[0].attributes;
    const sameNames = types.every((t) => t.attributes.size === first.size && [...t.attributes.keys()].every((k) => first.has(k)));
    if (!sameNames)
        return unifyObjectsToMap(types, unsafe);
    const attrs = new Map();
    for (const name of first.keys()) {
        const u = unifyTypes(types.map((t) => t.attributes.get(name)), unsafe);
        if (!u)
            return null;
        attrs.set(name, u.type);
    }
    return withConversions(objectOf(attrs), types, unsafe) ?? unifyObjectsToMap(types, unsafe);
}
function unifyObjectsToMap(types, unsafe) {
    const element = unifyTypes(types.flatMap((t) => [...t.attributes.values()]), unsafe);
    return element && withConversions(mapOf(element.type), types, unsafe);
}
function unifyTuples(types, unsafe) {
    const length = types[0].elements.length;
    if (types.some((t) => t.elements.length !== length))
        return unifyTuplesToList(types, unsafe);
    const elements = [];
    for (let i = 0; i < length; i++) {
        const u = unifyTypes(types.map((t) => t.elements[i]), unsafe);
        if (!u)
            return null;
        elements.push(u.type);
    }
    return withConversions(tupleOf(elements), types, unsafe) ?? unifyTuplesToList(types, unsafe);
}
function unifyTuplesToList(types, unsafe) {
    const element = unifyTypes(types.flatMap((t) => t.elements), unsafe);
    return element && withConversions(listOf(element.type), types, unsafe);
}
/** Unifies the tuples among the types as a list first, then everything with that list. */
function unifyTuplesAsList(types, unsafe) {
    return unifyPartAs(types, 'tuple', 'list', (part) => unifyTuplesToList(part, unsafe), unsafe);
}
/** Unifies the objects among the types as a map first, then everything with that map. */
function unifyObjectsAsMaps(types, unsafe) {
    return unifyPartAs(types, 'object', 'map', (part) => unifyObjectsToMap(part, unsafe), unsafe);
}
function unifyPartAs(types, partKind, resultKind, unifyPart, unsafe) {
    const idxs = types.flatMap((t, i) => (t.kind === partKind ? [i] : []));
    const part = unifyPart(idxs.map((i) => types[i]));
    if (!part || part.type.kind !== resultKind)
        return null;
    const replaced = types.map((t) => (t.kind === partKind ? part.type : t));
    const whole = unifyTypes(replaced, unsafe);
    if (!whole || whole.type.kind !== resultKind)
        return null;
    const conversions = [...whole.conversions];
    idxs.forEach((typeIdx, partIdx) => {
        const first = part.conversions[partIdx];
        const second = conversions[typeIdx];
        conversions[typeIdx] = !first ? second : !second ? first : (v) => second(first(v));
    });
    return { type: whole.type, conversions };
}
/** cty sortTypes: indices of the types, most general first (a topological sort). */
function sortTypes(types) {
    const n = types.length;
    const edges = types.map(() => []);
    for (let i = 0; i < n - 1; i++) {
        for (let j = i + 1; j < n; j++) {
            const cmp = compareTypes(types[i], types[j]);
            if (cmp < 0)
                edges[i].push(j);
            else if (cmp > 0)
                edges[j].push(i);
        }
    }
    const inDegree = new Array(n).fill(0);
    for (const outs of edges)
        for (const j of outs)
            inDegree[j]++;
    const queue = inDegree.flatMap((d, i) => (d === 0 ? [i] : []));
    for (let q = 0; q < queue.length; q++) {
        for (const j of edges[queue[q]]) {
            if (--inDegree[j] === 0)
                queue.push(j);
        }
    }
    return queue;
}
/** cty compareTypes: negative when a is more general than b, positive when b is. */
function compareTypes(a, b) {
    if (a.kind === 'dynamic' || b.kind === 'dynamic') {
        if (a.kind !== 'dynamic')
            return -1;
        if (b.kind !== 'dynamic')
            return 1;
        return 0;
    }
    // String is the supertype of the primitives: every primitive can be written as one.
    if (isPrimitive(a) && isPrimitive(b) && (a.kind === 'string' || b.kind === 'string')) {
        if (a.kind !== 'string')
            return 1;
        if (b.kind !== 'string')
            return -1;
        return 0;
    }
    if ((a.kind === 'list' || a.kind === 'set' || a.kind === 'map') && b.kind === a.kind) {
        return compareTypes(a.element, b.element);
    }
    let [x, y, swap] = [a, b, 1];
    if ((a.kind === 'tuple' && b.kind === 'list') ||
        (a.kind === 'object' && b.kind === 'map') ||
        (a.kind === 'set' && b.kind === 'tuple') ||
        (a.kind === 'set' && b.kind === 'list')) {
        [x, y, swap] = [b, a, -1];
    }
    if (y.kind === 'set' && (x.kind === 'tuple' || x.kind === 'list'))
        return -swap;
    if (x.kind === 'list' && y.kind === 'tuple')
        return -swap;
    if (x.kind === 'map' && y.kind === 'object')
        return -swap;
    if (x.kind === 'object' && y.kind === 'object') {
        if (x.attributes.size !== y.attributes.size)
            return 0;
        const pairs = [];
        for (const [k, t] of x.attributes) {
            const other = y.attributes.get(k);
            if (!other)
                return 0;
            pairs.push([t, other]);
        }
        return compareMembers(pairs) * swap;
    }
    if (x.kind === 'tuple' && y.kind === 'tuple') {
        if (x.elements.length !== y.elements.length)
            return 0;
        return compareMembers(x.elements.map((t, i) => [t, y.elements[i]])) * swap;
    }
    return 0;
}
function compareMembers(pairs) {
    let aSuper = false;
    let bSuper = false;
    for (const [a, b] of pairs) {
        const cmp = compareTypes(a, b);
        if (cmp < 0)
            aSuper = true;
        else if (cmp > 0)
            bSuper = true;
    }
    if (aSuper && bSuper)
        return 0;
    if (aSuper)
        return -1;
    if (bSuper)
        return 1;
    return 0;
}

;// CONCATENATED MODULE: ./build/eval/convert-structural.js





/*
 * Conversions between collection and structural types (cty
 * conversion_collection.go, conversion_object.go, conversion_tuple.go).
 */
const indexStep = (i) => ({ kind: 'index', key: value_Value.number(i) });
const keyStep = (k) => ({ kind: 'index', key: value_Value.string(k) });
const attrStep = (name) => ({ kind: 'attr', name });
/** A null converted inside a collection carries no optional-attribute markers. */
function stripNull(v) {
    return v.isNull() ? value_Value.null(withoutOptionalAttributesDeep(v.type)) : v;
}
/** cty CanListVal: the one element type of the values (dynamic ones aside), or null. */
function commonType(values) {
    let t = DynamicPseudoType;
    for (const v of values) {
        if (t.kind === 'dynamic')
            t = v.type;
        else if (v.type.kind !== 'dynamic' && !typeEquals(t, v.type))
            return null;
    }
    return t;
}
/** Dynamically-typed unknowns among typed elements stand for unknowns of that type. */
function settle(values, t) {
    return values.map((v) => v.type.kind === 'dynamic' && t.kind !== 'dynamic' ? value_Value.unknown(t).withMarks(v.marks) : v);
}
function listValue(values, path) {
    const t = commonType(values);
    if (!t)
        throw conversionFailure(path, 'element types must all match for conversion to list');
    return value_Value.list(settle(values, t), t);
}
/** cty SetVal: set elements carry no marks; their marks move to the set. */
function setValue(values, elementType) {
    const marks = new Set();
    const unmarked = values.map((v) => {
        const [u, m] = v.unmarkDeep();
        for (const mark of m)
            marks.add(mark);
        return u;
    });
    return value_Value.set(settle(unmarked, elementType), elementType).withMarks(marks);
}
function setValueChecked(values, path) {
    const t = commonType(values.map((v) => v.unmarkDeep()[0]));
    if (!t)
        throw conversionFailure(path, 'element types must all match for conversion to set');
    return setValue(values, t);
}
function mapValue(entries, path, what) {
    const t = commonType([...entries.values()]);
    if (!t)
        throw conversionFailure(path, `${what} types must all match for conversion to map`);
    const settled = settle([...entries.values()], t);
    return value_Value.map(new Map([...entries.keys()].map((k, i) => [k, settled[i]])), t);
}
/** cty Value.Length().IsKnown() for a known list or set. */
function lengthKnown(v) {
    return v.type.kind !== 'set' || v.length() === 1 || v.isWhollyKnown();
}
function conversionCollectionToList(ety, conv) {
    return (val, path) => {
        const inEty = val.type.element;
        if (!lengthKnown(val))
            return value_Value.unknown({ kind: 'list', element: inEty });
        const elems = val.elements().map((e, i) => stripNull(conv ? conv(e, [...path, indexStep(i)]) : e));
        if (elems.length === 0)
            return value_Value.list([], ety.kind === 'dynamic' ? inEty : withoutOptionalAttributesDeep(ety));
        return listValue(elems, path);
    };
}
function conversionCollectionToSet(ety, conv) {
    return (val, path) => {
        const inEty = val.type.element;
        const elems = val.elements().map((e, i) => stripNull(conv ? conv(e, [...path, indexStep(i)]) : e));
        if (elems.length === 0)
            return value_Value.set([], ety.kind === 'dynamic' ? inEty : withoutOptionalAttributesDeep(ety));
        return setValueChecked(elems, path);
    };
}
function conversionCollectionToMap(ety, conv) {
    return (val, path) => {
        const inEty = val.type.element;
        let elems = new Map();
        for (const [k, e] of val.entries())
            elems.set(k, conv(e, [...path, keyStep(k)]));
        if (elems.size === 0)
            return value_Value.map({}, ety.kind === 'dynamic' ? inEty : withoutOptionalAttributesDeep(ety));
        if (ety.kind === 'list' || ety.kind === 'set' || ety.kind === 'map' || ety.kind === 'object') {
            elems = unifyMapElements(elems, path, false);
        }
        return mapValue(elems, path, 'element');
    };
}
/** The tuple's element conversions to one element type (unified when that is dynamic), or null. */
function tupleElementConversions(tuple, ety, unsafe) {
    let want = ety;
    if (want.kind === 'dynamic') {
        const unified = unifyTypes(tuple.elements, unsafe);
        if (!unified)
            return null;
        want = unified.type;
        // Only a tuple of dynamic values can make a collection of dynamic elements.
        if (want.kind === 'dynamic' && tuple.elements.some((t) => t.kind !== 'dynamic'))
            return null;
    }
    const convs = [];
    for (const t of tuple.elements) {
        if (typeEquals(t, want)) {
            convs.push(null);
            continue;
        }
        const conv = getPathConversion(t, want, unsafe);
        if (!conv)
            return null;
        convs.push(conv);
    }
    return { ety: want, convs };
}
function conversionTupleToSet(tuple, ety, unsafe) {
    if (tuple.elements.length === 0)
        return () => value_Value.set([], withoutOptionalAttributesDeep(ety));
    const plan = tupleElementConversions(tuple, ety, unsafe);
    if (!plan)
        return null;
    return (val, path) => {
        const elems = val.elements().map((e, i) => {
            const conv = plan.convs[i];
            return stripNull(conv ? conv(e, [...path, indexStep(i)]) : e);
        });
        return setValueChecked(elems, path);
    };
}
function conversionTupleToList(tuple, ety, unsafe) {
    if (tuple.elements.length === 0)
        return () => value_Value.list([], withoutOptionalAttributesDeep(ety));
    const plan = tupleElementConversions(tuple, ety, unsafe);
    if (!plan)
        return null;
    return (val, path) => {
        const elems = val.elements().map((e, i) => {
            const conv = plan.convs[i];
            return conv ? conv(e, [...path, indexStep(i)]) : e;
        });
        // cty passes the last element's path here, so errors carry an extra step.
        const elemPath = [...path, indexStep(elems.length - 1)];
        return listValue(unifyListElements(elems, elemPath, unsafe), path);
    };
}
function conversionObjectToMap(object, ety, unsafe) {
    if (object.attributes.size === 0)
        return () => value_Value.map({}, withoutOptionalAttributesDeep(ety));
    let want = ety;
    if (want.kind === 'dynamic') {
        const unified = unifyTypes([...object.attributes.values()], unsafe);
        if (!unified)
            return null;
        want = unified.type;
    }
    const convs = new Map();
    for (const [name, t] of object.attributes) {
        if (typeEquals(t, want))
            continue;
        const conv = getPathConversion(t, want, unsafe);
        if (!conv)
            return null;
        convs.set(name, conv);
    }
    return (val, path) => {
        let elems = new Map();
        for (const [name, e] of val.entries()) {
            const conv = convs.get(name);
            elems.set(name, conv ? conv(e, [...path, keyStep(name)]) : e);
        }
        if (want.kind === 'list' || want.kind === 'set' || want.kind === 'map' || want.kind === 'object') {
            elems = unifyMapElements(elems, path, unsafe);
        }
        return mapValue(elems, path, 'attribute');
    };
}
function conversionMapToObject(map, object, unsafe) {
    // undefined: no conversion needed; null: only possible while the optional attribute is absent.
    const convs = new Map();
    for (const [name, t] of object.attributes) {
        if (typeEquals(t, map.element))
            continue;
        const conv = getPathConversion(map.element, t, unsafe);
        if (!conv && !(object.optional.has(name) && unsafe))
            return null;
        convs.set(name, conv);
    }
    return (val, path) => {
        const attrs = new Map();
        for (const [name, e] of val.entries()) {
            if (!object.attributes.has(name))
                continue;
            let v = e;
            const conv = convs.get(name);
            if (conv)
                v = conv(e, [...path, keyStep(name)]);
            else if (conv === null) {
                const detail = mismatchMessage(e.type, object.attributes.get(name));
                throw conversionFailure(path, `map element type is incompatible with attribute "${name}": ${detail}`);
            }
            attrs.set(name, stripNull(v));
        }
        for (const [name, t] of object.attributes) {
            if (attrs.has(name))
                continue;
            if (!object.optional.has(name))
                throw conversionFailure(path, `map has no element for required attribute "${name}"`);
            attrs.set(name, value_Value.null(t));
        }
        return value_Value.object(attrs);
    };
}
function conversionObjectToObject(from, to, unsafe) {
    const convs = new Map();
    for (const [name, outT] of to.attributes) {
        const inT = from.attributes.get(name);
        if (!inT) {
            if (to.optional.has(name))
                continue;
            return null;
        }
        if (typeEquals(inT, outT)) {
            convs.set(name, null);
            continue;
        }
        const conv = getPathConversion(inT, outT, unsafe);
        if (!conv)
            return null;
        convs.set(name, conv);
    }
    return (val, path) => {
        const attrs = new Map();
        for (const [name, e] of val.entries()) {
            const conv = convs.get(name);
            if (conv === undefined)
                continue;
            attrs.set(name, stripNull(conv ? conv(e, [...path, attrStep(name)]) : e));
        }
        for (const name of to.optional) {
            if (!attrs.has(name))
                attrs.set(name, value_Value.null(withoutOptionalAttributesDeep(to.attributes.get(name))));
        }
        return value_Value.object(attrs);
    };
}
function conversionTupleToTuple(from, to, unsafe) {
    if (from.elements.length !== to.elements.length)
        return null;
    const convs = [];
    for (const [i, outT] of to.elements.entries()) {
        const inT = from.elements[i];
        if (typeEquals(inT, outT)) {
            convs.push(null);
            continue;
        }
        const conv = getPathConversion(inT, outT, unsafe);
        if (!conv)
            return null;
        convs.push(conv);
    }
    return (val, path) => value_Value.tuple(val.elements().map((e, i) => {
        const conv = convs[i];
        return conv ? conv(e, [...path, indexStep(i)]) : e;
    }));
}
/** cty conversionUnifyCollectionElements: map elements converted to one unified type. */
function unifyMapElements(elems, path, unsafe) {
    const unified = unifyTypes([...elems.values()].map((e) => e.type), unsafe);
    if (!unified)
        throw conversionFailure(path, 'cannot find a common base type for all elements');
    const out = new Map();
    for (const [k, e] of elems) {
        if (typeEquals(e.type, unified.type))
            out.set(k, e);
        else
            out.set(k, getPathConversion(e.type, unified.type, unsafe)(e, [...path, keyStep(k)]));
    }
    return out;
}
/** cty conversionUnifyListElements: list elements converted to one unified type. */
function unifyListElements(elems, path, unsafe) {
    const unified = unifyTypes(elems.map((e) => e.type), unsafe);
    if (!unified)
        throw conversionFailure(path, 'cannot find a common base type for all elements');
    return elems.map((e, i) => typeEquals(e.type, unified.type) ? e : getPathConversion(e.type, unified.type, unsafe)(e, [...path, indexStep(i)]));
}

;// CONCATENATED MODULE: ./build/eval/convert.js






/** A failed conversion with cty's message; `path` leads to the offending part of the value. */
class convert_ConversionError extends Error {
    path;
    constructor(message, path = []) {
        super(message);
        this.path = path;
        this.name = 'ConversionError';
    }
}
function conversionFailure(path, message) {
    return new convert_ConversionError(message, [...path]);
}
/**
 * cty GetConversion / GetConversionUnsafe: a conversion between the types, or
 * null if there is none. Unlike cty, equal types give the identity conversion.
 */
function getConversion(from, to, unsafe = false) {
    if (typeEquals(from, withoutOptionalAttributesDeep(to)))
        return (v) => v;
    const conv = getPathConversion(from, to, unsafe);
    return conv && ((v) => conv(v, []));
}
/** True when some value of type `from` may convert to `to` (safely or not). */
function canConvert(from, to) {
    return getConversion(from, to, true) !== null;
}
/** cty convert.Convert: the value as type `want`, or a ConversionError. */
function convert_convert(value, want) {
    if (typeEquals(value.type, withoutOptionalAttributesDeep(want)))
        return value;
    const conv = getPathConversion(value.type, want, true);
    if (!conv)
        throw new convert_ConversionError(mismatchMessage(value.type, want));
    return conv(value, []);
}
/** cty getConversion: the shape-specific conversion wrapped in the checks all conversions share. */
function getPathConversion(from, to, unsafe) {
    const conv = getConversionKnown(from, to, unsafe);
    if (!conv)
        return null;
    const wrapped = (v, path) => {
        if (v.isMarked()) {
            const [unmarked, marks] = v.unmark();
            return wrapped(unmarked, path).withMarks(marks);
        }
        if (to.kind === 'dynamic')
            return v;
        if (!v.isKnown())
            return value_Value.unknown(dynamicReplace(v.type, withoutOptionalAttributesDeep(to)));
        if (v.isNull())
            return value_Value.null(dynamicReplace(v.type, withoutOptionalAttributesDeep(to)));
        return conv(v, path);
    };
    return wrapped;
}
function getConversionKnown(from, to, unsafe) {
    if (to.kind === 'dynamic')
        return (v) => v;
    if (unsafe && from.kind === 'dynamic')
        return dynamicFixup(to);
    if (isPrimitive(from) && isPrimitive(to))
        return primitiveConversion(from.kind, to.kind, unsafe);
    if (to.kind === 'object' && from.kind === 'object')
        return conversionObjectToObject(from, to, unsafe);
    if (to.kind === 'tuple' && from.kind === 'tuple')
        return conversionTupleToTuple(from, to, unsafe);
    if (to.kind === 'list' && (from.kind === 'list' || from.kind === 'set')) {
        if (typeEquals(from.element, to.element))
            return conversionCollectionToList(to.element, null);
        const convEty = getPathConversion(from.element, to.element, unsafe);
        return convEty && conversionCollectionToList(to.element, convEty);
    }
    if (to.kind === 'set' && (from.kind === 'list' || from.kind === 'set')) {
        // A list to a set loses order and duplicates, so it is unsafe.
        if (from.kind === 'list' && !unsafe)
            return null;
        if (typeEquals(from.element, to.element))
            return conversionCollectionToSet(to.element, null);
        const convEty = getPathConversion(from.element, to.element, unsafe);
        return convEty && conversionCollectionToSet(to.element, convEty);
    }
    if (to.kind === 'map' && from.kind === 'map') {
        const convEty = getPathConversion(from.element, to.element, unsafe);
        return convEty && conversionCollectionToMap(to.element, convEty);
    }
    if (to.kind === 'list' && from.kind === 'tuple')
        return conversionTupleToList(from, to.element, unsafe);
    if (to.kind === 'set' && from.kind === 'tuple')
        return conversionTupleToSet(from, to.element, unsafe);
    if (to.kind === 'map' && from.kind === 'object')
        return conversionObjectToMap(from, to.element, unsafe);
    // A map may lack an attribute the object needs, so this is unsafe.
    if (to.kind === 'object' && from.kind === 'map')
        return unsafe ? conversionMapToObject(from, to, unsafe) : null;
    return null;
}
function primitiveConversion(from, to, unsafe) {
    if (from === 'number' && to === 'string')
        return (v) => value_Value.string(formatNumber(v.asNumber()));
    if (from === 'bool' && to === 'string')
        return (v) => value_Value.string(v.asBool() ? 'true' : 'false');
    if (!unsafe || from !== 'string')
        return null;
    if (to === 'number') {
        return (v, path) => {
            const n = parseNumber(v.asString());
            if (n === null)
                throw conversionFailure(path, 'a number is required');
            return value_Value.number(n);
        };
    }
    if (to === 'bool')
        return stringToBool;
    return null;
}
const stringToBool = (v, path) => {
    const s = v.asString();
    if (s === 'true' || s === '1')
        return value_Value.bool(true);
    if (s === 'false' || s === '0')
        return value_Value.bool(false);
    const lower = s.toLowerCase();
    if (lower === 'true' || lower === 'false') {
        throw conversionFailure(path, `a bool is required; to convert from string, use lowercase "${lower}"`);
    }
    throw conversionFailure(path, 'a bool is required');
};
/** Late conversion of a value whose type was only known to be dynamic. */
function dynamicFixup(want) {
    return (v, path) => {
        try {
            return convert_convert(v, want);
        }
        catch (e) {
            if (e instanceof convert_ConversionError)
                throw new convert_ConversionError(e.message, [...path, ...e.path]);
            throw e;
        }
    };
}
/** cty Type.WithoutOptionalAttributesDeep: the type with no attribute marked optional. */
function withoutOptionalAttributesDeep(t) {
    switch (t.kind) {
        case 'list':
            return listOf(withoutOptionalAttributesDeep(t.element));
        case 'set':
            return setOf(withoutOptionalAttributesDeep(t.element));
        case 'map':
            return mapOf(withoutOptionalAttributesDeep(t.element));
        case 'tuple':
            return tupleOf(t.elements.map(withoutOptionalAttributesDeep));
        case 'object':
            return objectOf(new Map([...t.attributes].map(([k, at]) => [k, withoutOptionalAttributesDeep(at)])));
        default:
            return t;
    }
}
/**
 * cty dynamicReplace: the target type with any dynamic parts replaced by the
 * corresponding parts of the source type (the type of a converted null or unknown).
 */
function dynamicReplace(from, to) {
    if (from.kind === 'dynamic')
        return to;
    switch (to.kind) {
        case 'dynamic':
            return from;
        case 'map':
            if (from.kind === 'map')
                return mapOf(dynamicReplace(from.element, to.element));
            if (from.kind === 'object') {
                const unified = unifyUnsafe([...from.attributes.values()]);
                return mapOf(unified ? dynamicReplace(unified.type, to.element) : to.element);
            }
            return to;
        case 'object': {
            const attrs = new Map();
            for (const [name, at] of to.attributes) {
                if (from.kind === 'map')
                    attrs.set(name, dynamicReplace(from.element, at));
                else if (from.kind === 'object') {
                    const fromAt = from.attributes.get(name);
                    attrs.set(name, fromAt ? dynamicReplace(fromAt, at) : at);
                }
            }
            return objectOf(attrs);
        }
        case 'set':
        case 'list': {
            const make = to.kind === 'set' ? setOf : listOf;
            if (from.kind === 'set' || from.kind === 'list')
                return make(dynamicReplace(from.element, to.element));
            if (from.kind === 'tuple') {
                const unified = unifyUnsafe(from.elements);
                return make(unified ? dynamicReplace(unified.type, to.element) : to.element);
            }
            return to;
        }
        case 'tuple':
            return tupleOf(to.elements.map((et, i) => from.kind === 'tuple' && from.elements[i] ? dynamicReplace(from.elements[i], et) : et));
        default:
            return to;
    }
}

;// CONCATENATED MODULE: ./build/eval/evaluate-index.js





const InvalidIndex = 'Invalid index';
const NoElement = 'The given key does not identify an element in this collection value';
const UnsupportedAttribute = 'Unsupported attribute';
function fail(summary, detail, subject) {
    return { value: DynamicVal, diags: [diagnostics_errorDiag(summary, detail, subject)] };
}
/** `collection[key]` with hcl.Index's rules; `subject` is the bracket range. */
function indexValue(collection, key, subject) {
    if (collection.isNull()) {
        return fail('Attempt to index null value', 'This value is null, so it does not have any indices.', subject);
    }
    if (key.isNull())
        return fail(InvalidIndex, "Can't use a null value as an indexing key.", subject);
    const ty = collection.type;
    if (key.type.kind === 'dynamic' || ty.kind === 'dynamic')
        return ok(DynamicVal.withMarks(collection.marks));
    switch (ty.kind) {
        case 'list':
        case 'tuple':
        case 'map':
            return indexSequenceOrMap(collection, key, subject);
        case 'object':
            return indexObject(collection, key, subject);
        case 'set':
            return fail(InvalidIndex, "Elements of a set are identified only by their value and don't have any separate index or key to select with, so it's only possible to perform operations across all elements of the set.", subject);
        default:
            return fail(InvalidIndex, 'This value does not have any indices.', subject);
    }
}
function indexSequenceOrMap(collection, rawKey, subject) {
    const ty = collection.type;
    const converted = tryConvert(rawKey, ty.kind === 'map' ? StringType : NumberType);
    if (converted instanceof convert_ConversionError)
        return fail(InvalidIndex, `${NoElement}: ${converted.message}.`, subject);
    const [key, keyMarks] = converted.unmark();
    const [coll, collMarks] = collection.unmark();
    const has = hasIndex(coll, key);
    if (has === undefined) {
        const value = ty.kind === 'tuple' ? DynamicVal : value_Value.unknown(elementType(ty));
        return ok(value.withMarks(collMarks));
    }
    if (!has)
        return fail(InvalidIndex, missingIndexDetail(collection, key), subject);
    return ok(elementAt(coll, key).withMarks(collMarks).withMarks(keyMarks));
}
/** hcl.Index's explanation of why a known key selects nothing. */
function missingIndexDetail(collection, key) {
    if (collection.type.kind === 'map' || !key.isKnown())
        return `${NoElement}.`;
    const n = key.asNumber();
    if (!n.isInteger()) {
        return `${NoElement}: indexing a sequence requires a whole number, but the given index has a fractional part.`;
    }
    if (n.isNegative())
        return `${NoElement}: a negative number is not a valid index for a sequence.`;
    const length = knownLength(collection);
    // As hcl, the specific message only covers index == length (index - length < 1).
    if (length !== undefined && n.minus(length).lessThan(1)) {
        return length === 0
            ? `${NoElement}: the collection has no elements.`
            : `${NoElement}: the given index is greater than or equal to the length of the collection.`;
    }
    return `${NoElement}.`;
}
function knownLength(collection) {
    if (collection.isMarked())
        return undefined;
    if (collection.type.kind === 'tuple')
        return collection.type.elements.length;
    return collection.isKnown() ? collection.length() : undefined;
}
/** cty HasIndex on unmarked values: true/false, or undefined when unknown. */
function hasIndex(coll, key) {
    if (!key.isKnown())
        return undefined;
    if (coll.type.kind === 'map')
        return coll.isKnown() ? coll.entries().has(key.asString()) : undefined;
    const n = key.asNumber();
    if (!n.isInteger() || n.isNegative())
        return false;
    if (coll.type.kind === 'tuple')
        return n.lessThan(coll.type.elements.length);
    if (!coll.isKnown())
        return undefined;
    return n.lessThan(coll.length());
}
function elementAt(coll, key) {
    const ty = coll.type;
    if (ty.kind === 'map')
        return coll.isKnown() ? coll.entries().get(key.asString()) : value_Value.unknown(ty.element);
    const i = key.asNumber().toNumber();
    if (coll.isKnown())
        return coll.elements()[i];
    return value_Value.unknown(ty.kind === 'tuple' ? ty.elements[i] : elementType(ty));
}
function elementType(ty) {
    if (ty.kind === 'list' || ty.kind === 'map' || ty.kind === 'set')
        return ty.element;
    throw new Error(`no element type for ${friendlyName(ty)}`);
}
function indexObject(collection, rawKey, subject) {
    const wasNumber = rawKey.type.kind === 'number';
    const converted = tryConvert(rawKey, StringType);
    if (converted instanceof convert_ConversionError)
        return fail(InvalidIndex, `${NoElement}: ${converted.message}.`, subject);
    if (!converted.isKnown())
        return ok(DynamicVal.withMarks(collection.marks));
    const name = converted.unmark()[0].asString();
    const ty = collection.type;
    if (ty.kind !== 'object' || !ty.attributes.has(name)) {
        const hint = wasNumber ? ' An object only supports looking up attributes by name, not by numeric index.' : '';
        return fail(InvalidIndex, `${NoElement}.${hint}`, subject);
    }
    return ok(objectAttribute(collection, name));
}
/** `object.name` with hcl.GetAttr's rules; `subject` is the `.name` range. */
function getAttrValue(obj, name, subject) {
    if (obj.isNull()) {
        return fail('Attempt to get attribute from null value', 'This value is null, so it does not have any attributes.', subject);
    }
    const ty = obj.type;
    switch (ty.kind) {
        case 'object':
            if (!ty.attributes.has(name)) {
                return fail(UnsupportedAttribute, `This object does not have an attribute named ${goQuote(name)}.`, subject);
            }
            return ok(objectAttribute(obj, name));
        case 'map': {
            if (!obj.isKnown())
                return ok(value_Value.unknown(ty.element).withMarks(obj.marks));
            const element = obj.unmark()[0].entries().get(name);
            if (!element) {
                return fail('Missing map element', `This map does not have an element with the key ${goQuote(name)}.`, subject);
            }
            return ok(element.withMarks(obj.marks));
        }
        case 'dynamic':
            return ok(DynamicVal.withMarks(obj.marks));
        case 'list':
            if (ty.element.kind === 'object') {
                const detail = ty.element.attributes.has(name)
                    ? `Can't access attributes on a list of objects. Did you mean to access attribute ${goQuote(name)} for a specific element of the list, or across all elements of the list?`
                    : "Can't access attributes on a list of objects. Did you mean to access an attribute for a specific element of the list, or across all elements of the list?";
                return fail(UnsupportedAttribute, detail, subject);
            }
            break;
        case 'set':
            if (ty.element.kind === 'object') {
                return fail(UnsupportedAttribute, "Can't access attributes on a set of objects. Did you mean to access an attribute across all elements of the set?", subject);
            }
            break;
        case 'string':
        case 'number':
        case 'bool':
            return fail(UnsupportedAttribute, `Can't access attributes on a primitive-typed value (${friendlyName(ty)}).`, subject);
    }
    return fail(UnsupportedAttribute, 'This value does not have any attributes.', subject);
}
/** An attribute the object type is known to have, keeping the object's marks. */
function objectAttribute(obj, name) {
    const ty = obj.type;
    if (ty.kind !== 'object')
        throw new Error('objectAttribute on a non-object');
    if (!obj.isKnown())
        return value_Value.unknown(ty.attributes.get(name)).withMarks(obj.marks);
    return obj.unmark()[0].entries().get(name).withMarks(obj.marks);
}
function ok(value) {
    return { value, diags: [] };
}
/** A conversion result, or the error explaining why it is impossible. */
function tryConvert(value, want) {
    try {
        return convert_convert(value, want);
    }
    catch (e) {
        if (e instanceof convert_ConversionError)
            return e;
        throw e;
    }
}

;// CONCATENATED MODULE: ./build/eval/literal.js



/**
 * The value of a literal node. A malformed number literal (already reported by
 * the parser) is an unknown number, as in hcl, so evaluation can go on.
 */
function literalValue(expr) {
    switch (expr.type) {
        case 'number': {
            const n = parseNumber(expr.text);
            return n ? value_Value.number(n) : value_Value.unknown(NumberType);
        }
        case 'bool':
            return value_Value.bool(expr.value);
        case 'string':
            return value_Value.string(expr.value);
        case 'null':
            return value_Value.null(DynamicPseudoType);
    }
}

;// CONCATENATED MODULE: ./build/eval/variables.js


/** Every traversal from the root scope in expr, in source order. */
function variables(expr) {
    const found = [];
    walk(expr, [], found);
    return found;
}
/** The whole source range a traversal covers. */
function traversalRange(t) {
    const last = t[t.length - 1];
    return { filename: t[0].range.filename, start: t[0].range.start, end: last.range.end };
}
/**
 * The expression as a traversal when it is a name followed only by attribute
 * accesses and literal indexes (what hcl parses as a ScopeTraversalExpr).
 */
function asTraversal(expr) {
    switch (expr.kind) {
        case 'Variable':
            return [{ kind: 'root', name: expr.name, range: expr.range }];
        case 'GetAttr': {
            const source = asTraversal(expr.source);
            if (!source)
                return undefined;
            const range = expr.nameRange;
            const step = expr.legacyIndex
                ? { kind: 'index', key: value_Value.number(expr.name), range }
                : { kind: 'attr', name: expr.name, range };
            return [...source, step];
        }
        case 'Index': {
            const key = literalKey(expr.key);
            const source = key && asTraversal(expr.collection);
            if (!key || !source)
                return undefined;
            return [...source, { kind: 'index', key, range: expr.bracketRange }];
        }
        default:
            return undefined;
    }
}
/** A constant index key: a literal, or a quoted string without interpolations. */
function literalKey(expr) {
    if (expr.kind === 'Template') {
        const only = expr.parts.length === 1 ? expr.parts[0] : undefined;
        return only?.kind === 'Literal' && only.type === 'string' ? value_Value.string(only.value) : undefined;
    }
    return expr.kind === 'Literal' ? literalValue(expr) : undefined;
}
function walk(expr, locals, found) {
    const traversal = asTraversal(expr);
    if (traversal) {
        const root = traversal[0].name;
        if (!locals.some((names) => names.has(root)))
            found.push(traversal);
        return;
    }
    const visit = (e) => walk(e, locals, found);
    switch (expr.kind) {
        case 'Literal':
        case 'AnonSymbol':
        case 'Variable':
            return;
        case 'Parentheses':
            return visit(expr.expression);
        case 'Template':
            return expr.parts.forEach(visit);
        case 'TemplateWrap':
            return visit(expr.wrapped);
        case 'TemplateIf':
            visit(expr.condition);
            visit(expr.then);
            if (expr.else)
                visit(expr.else);
            return;
        case 'TemplateFor': {
            visit(expr.collection);
            walk(expr.body, [...locals, forNames(expr.keyVar, expr.valueVar)], found);
            return;
        }
        case 'GetAttr':
            return visit(expr.source);
        case 'Index':
            visit(expr.collection);
            visit(expr.key);
            return;
        case 'Splat':
            visit(expr.source);
            visit(expr.each);
            return;
        case 'FunctionCall':
            return expr.args.forEach(visit);
        case 'Conditional':
            visit(expr.condition);
            visit(expr.trueResult);
            visit(expr.falseResult);
            return;
        case 'BinaryOp':
            visit(expr.lhs);
            visit(expr.rhs);
            return;
        case 'UnaryOp':
            return visit(expr.operand);
        case 'Tuple':
            return expr.items.forEach(visit);
        case 'Object':
            for (const item of expr.items) {
                walkObjectKey(item.key, visit);
                visit(item.value);
            }
            return;
        case 'For': {
            visit(expr.collection);
            const inner = [...locals, forNames(expr.keyVar, expr.valueVar)];
            for (const e of [expr.keyExpr, expr.valueExpr, expr.condition])
                if (e)
                    walk(e, inner, found);
            return;
        }
    }
}
/** A bare-name key is a literal string, not a reference. */
function walkObjectKey(key, visit) {
    const literal = !key.forceNonLiteral && (key.wrapped.kind === 'Variable' || key.wrapped.kind === 'Literal');
    if (!literal)
        visit(key.wrapped);
}
function forNames(keyVar, valueVar) {
    return new Set(keyVar === undefined ? [valueVar] : [keyVar, valueVar]);
}

;// CONCATENATED MODULE: ./build/eval/diagnostic-values.js






/*
 * The "with x as 1" lines of an expression diagnostic. hcl attaches the failing
 * expression and its EvalContext to a diagnostic, and its text writer prints the
 * value of every variable that expression references, which tells the user which
 * iteration of a for expression failed. Kiln renders those statements when the
 * diagnostic is made (values are immutable, so nothing changes before printing)
 * and keeps them as Diagnostic.valueContext, so the hcl layer need not know values.
 */
/** diag carrying the values of expr's variables in ctx, when there are any to show. */
function diagnostic_values_withValues(diag, expr, ctx) {
    const statements = valueStatements(expr, ctx);
    return statements.length === 0 ? diag : { ...diag, valueContext: statements };
}
/**
 * As hcl's diagnosticTextWriter: one statement per distinct traversal that
 * resolves without errors to a known value; null is "set to null", marked
 * (sensitive) values are left out; sorted.
 */
function valueStatements(expr, ctx) {
    if (!ctx)
        return [];
    const statements = [];
    const seen = new Set();
    for (const traversal of variables(expr)) {
        const value = diagnostic_values_resolve(traversal, ctx);
        if (value === undefined)
            continue;
        const name = traversalString(traversal);
        if (seen.has(name) || !value.isKnown())
            continue;
        if (value.isNull())
            statements.push(`${name} set to null`);
        else if (value.isMarked())
            continue;
        else
            statements.push(`${name} as ${valueString(value)}`);
        seen.add(name);
    }
    return statements.sort(compareStrings);
}
/** hcl.Traversal.TraverseAbs: the value, or undefined where it fails. */
function diagnostic_values_resolve(traversal, ctx) {
    const [root, ...steps] = traversal;
    let value = lookupVariable(ctx, root.name);
    for (const step of steps) {
        if (value === undefined)
            return undefined;
        const r = step.kind === 'attr' ? getAttrValue(value, step.name) : indexValue(value, step.key);
        value = diagnostics_hasErrors(r.diags) ? undefined : r.value;
    }
    return value;
}
/** `var.list[0]`; a non-primitive index key is shown as `...`. */
function traversalString(traversal) {
    const [root, ...steps] = traversal;
    let out = root.name;
    for (const step of steps) {
        if (step.kind === 'attr')
            out += `.${step.name}`;
        else
            out += isPrimitive(step.key.type) ? `[${valueString(step.key)}]` : '[...]';
    }
    return out;
}
/** hcl's concise description of a value for diagnostics: `1`, `"a"`, `list of string with 2 elements`. */
function valueString(value) {
    if (value.isNull())
        return 'null';
    if (!value.isKnown())
        return '(not yet known)';
    const [v] = value.unmark();
    const ty = v.type;
    switch (ty.kind) {
        case 'bool':
            return String(v.asBool());
        case 'number':
            return numberG10(v.asNumber());
        case 'string':
            return goQuote(v.asString());
        case 'list':
        case 'set':
        case 'map':
        case 'tuple': {
            const n = v.length();
            if (n === 0)
                return `empty ${friendlyName(ty)}`;
            return `${friendlyName(ty)} with ${n} ${n === 1 ? 'element' : 'elements'}`;
        }
        case 'object': {
            const names = [...ty.attributes.keys()];
            if (names.length === 0)
                return 'object with no attributes';
            if (names.length === 1)
                return `object with 1 attribute ${goQuote(names[0])}`;
            return `object with ${names.length} attributes`;
        }
        default:
            return friendlyName(ty);
    }
}
const G_PRECISION = 10;
/**
 * Go's big.Float.Text('g', 10): ten significant digits without trailing zeros,
 * in exponent form (`1e+10`, `1.5e-05`) when the exponent is below -4 or at
 * least the number of digits shown.
 */
function numberG10(n) {
    const sign = n.isNegative() ? '-' : '';
    if (!n.isFinite())
        return `${sign || '+'}Inf`;
    // The decimal 0.<digits> × 10^exp, as math/big's decimal type after rounding.
    let digits = '';
    let exp = 0;
    if (!n.isZero()) {
        const [coefficient, e] = n.abs().toSignificantDigits(G_PRECISION).toExponential().split('e');
        digits = coefficient.replace('.', '').replace(/0+$/, '');
        exp = Number(e) + 1;
    }
    let eprec = G_PRECISION;
    if (eprec > digits.length && digits.length >= exp)
        eprec = digits.length;
    const x = exp - 1;
    if (x < -4 || x >= eprec) {
        // Only reached for non-zero numbers, so there is a first digit.
        const fraction = digits.slice(1, G_PRECISION);
        const mantissa = digits.charAt(0) + (fraction ? `.${fraction}` : '');
        return `${sign}${mantissa}e${x < 0 ? '-' : '+'}${String(Math.abs(x)).padStart(2, '0')}`;
    }
    const prec = G_PRECISION > exp ? digits.length : G_PRECISION;
    const integer = exp > 0 ? digits.slice(0, exp).padEnd(exp, '0') : '0';
    const fractionDigits = Math.max(prec - exp, 0);
    let fraction = '';
    for (let i = 0; i < fractionDigits; i++)
        fraction += digits[exp + i] ?? '0';
    return `${sign}${integer}${fraction ? `.${fraction}` : ''}`;
}

;// CONCATENATED MODULE: ./build/eval/functions/function.js
/** An error blamed on one argument: "Invalid value for "<param>" parameter: <message>". */
class FunctionArgError extends Error {
    argIndex;
    constructor(argIndex, message) {
        super(message);
        this.argIndex = argIndex;
        this.name = 'FunctionArgError';
    }
}
/** An error of the call as a whole: "Call to function "<name>" failed: <message>". */
class FunctionCallError extends Error {
    constructor(message) {
        super(message);
        this.name = 'FunctionCallError';
    }
}

;// CONCATENATED MODULE: ./build/eval/functions/call.js





function callSiteOf(expr) {
    return {
        range: expr.range,
        startRange: rangeBetween(expr.nameRange, expr.openParenRange),
        closeParenRange: expr.closeParenRange,
    };
}
/** Calls a function. `argRanges[i]` is startRange() of the i-th argument expression. */
function callFunction(name, spec, args, argRanges, call) {
    const site = 'range' in call ? call : { range: call, startRange: call, closeParenRange: call };
    const params = spec.params;
    const paramAt = (i) => params[i] ?? spec.varParam;
    const fail = (diag) => ({ value: DynamicVal, diags: [diag] });
    if (args.length < params.length) {
        const qual = spec.varParam ? ' at least' : '';
        const detail = `Function "${name}" expects${qual} ${params.length} argument(s). Missing value for "${params[args.length].name}".`;
        return fail(diagnostics_errorDiag('Not enough function arguments', detail, site.closeParenRange, site.range));
    }
    if (!spec.varParam && args.length > params.length) {
        const detail = `Function "${name}" expects only ${params.length} argument(s).`;
        return fail(diagnostics_errorDiag('Too many function arguments', detail, argRanges[params.length] ?? site.range, site.range));
    }
    const diags = [];
    const argDiag = (i, message) => diagnostics_errorDiag('Invalid function argument', `Invalid value for "${paramAt(i).name}" parameter: ${message}.`, argRanges[i] ?? site.range, site.range);
    const converted = args.map((arg, i) => {
        try {
            return convert_convert(arg, paramAt(i).type);
        }
        catch (e) {
            if (!(e instanceof convert_ConversionError))
                throw e;
            diags.push(argDiag(i, e.message));
            return arg;
        }
    });
    if (diags.length)
        return { value: DynamicVal, diags };
    try {
        return { value: invoke(spec, converted), diags };
    }
    catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        if (e instanceof FunctionArgError) {
            const param = paramAt(e.argIndex);
            if (param && e.argIndex < args.length)
                return fail(argDiag(e.argIndex, message));
            if (param) {
                const detail = `Invalid value for "${param.name}" parameter: ${message}.`;
                return fail(diagnostics_errorDiag('Invalid function argument', detail, site.range));
            }
        }
        const detail = `Call to function "${name}" failed: ${message}.`;
        return fail(diagnostics_errorDiag('Error in function call', detail, site.startRange, site.range));
    }
}
/** cty function.Call on arguments already converted to their parameter types. */
function invoke(spec, args) {
    const paramAt = (i) => (spec.params[i] ?? spec.varParam);
    // Type check: implementations see deep-unmarked values unless they opt in.
    const plain = args.map((arg, i) => (paramAt(i).allowMarked ? arg : arg.unmarkDeep()[0]));
    let returnType;
    for (const [i, arg] of args.entries()) {
        const param = paramAt(i);
        if (arg.isNull() && !param.allowNull)
            throw new FunctionArgError(i, 'argument must not be null');
        if (arg.type.kind === 'dynamic' && !param.allowDynamicType) {
            // An argument of unknown type: the result is unknown, of unknown type.
            returnType = arg.type;
            break;
        }
    }
    const dynamicArgs = returnType !== undefined;
    returnType ??= spec.returnType(plain);
    const marks = new Set();
    let unknown = dynamicArgs;
    for (const [i, arg] of args.entries()) {
        const param = paramAt(i);
        if (!param.allowMarked)
            for (const m of arg.unmarkDeep()[1])
                marks.add(m);
        if (!arg.isKnown() && !param.allowUnknown)
            unknown = true;
    }
    if (unknown)
        return value_Value.unknown(returnType).withMarks(marks);
    return spec.impl(plain, returnType).withMarks(marks);
}

;// CONCATENATED MODULE: ./build/eval/typeexpr-literal.js





const typeexpr_literal_ok = (value) => ({ value, diags: [] });
const failed = (diag) => ({ value: DynamicVal, diags: [diag] });
function literalDefault(expr) {
    switch (expr.kind) {
        case 'Literal':
            if (expr.type === 'number')
                return typeexpr_literal_ok(value_Value.number(parseNumber(expr.text) ?? expr.text));
            if (expr.type === 'bool')
                return typeexpr_literal_ok(value_Value.bool(expr.value));
            if (expr.type === 'string')
                return typeexpr_literal_ok(value_Value.string(expr.value));
            return typeexpr_literal_ok(value_Value.null(DynamicPseudoType));
        case 'Parentheses':
            return literalDefault(expr.expression);
        case 'TemplateWrap':
            return literalDefault(expr.wrapped);
        case 'Template': {
            if (expr.parts.every((p) => p.kind === 'Literal' && p.type === 'string')) {
                return typeexpr_literal_ok(value_Value.string(expr.parts.map((p) => (p.kind === 'Literal' && p.type === 'string' ? p.value : '')).join('')));
            }
            break;
        }
        case 'UnaryOp': {
            const operand = literalDefault(expr.operand);
            const v = operand.value;
            if (expr.op === '-' && v.type.kind === 'number' && v.isKnown() && !v.isNull())
                return typeexpr_literal_ok(value_Value.number(v.asNumber().neg()));
            if (expr.op === '!' && v.type.kind === 'bool' && v.isKnown() && !v.isNull())
                return typeexpr_literal_ok(value_Value.bool(!v.asBool()));
            break;
        }
        case 'Tuple':
            return collect(expr.items.map(literalDefault), (values) => value_Value.tuple(values));
        case 'Object':
            return objectValue(expr);
        case 'Variable':
        case 'GetAttr':
        case 'Index':
            return failed(diagnostics_errorDiag('Variables not allowed', 'Variables may not be used here.', expr.range));
        case 'FunctionCall':
            return failed(diagnostics_errorDiag('Function calls not allowed', 'Functions may not be called here.', expr.range));
    }
    return failed(diagnostics_errorDiag('Unsupported default value', 'An optional() default here must be a constant value.', expr.range));
}
function collect(results, build) {
    const diags = results.flatMap((r) => r.diags);
    if (diags.length)
        return { value: DynamicVal, diags };
    return typeexpr_literal_ok(build(results.map((r) => r.value)));
}
function objectValue(expr) {
    const diags = [];
    const attrs = new Map();
    for (const item of expr.items) {
        const wrapped = item.key.wrapped;
        let key;
        if (!item.key.forceNonLiteral && wrapped.kind === 'Variable')
            key = wrapped.name;
        else {
            const k = literalDefault(wrapped);
            diags.push(...k.diags);
            try {
                if (!k.diags.length)
                    key = convert_convert(k.value, StringType).asString();
            }
            catch (e) {
                if (!(e instanceof convert_ConversionError))
                    throw e;
                diags.push(diagnostics_errorDiag('Incorrect key type', `Can't use this value as a key: ${e.message}.`, wrapped.range));
            }
        }
        const v = literalDefault(item.value);
        diags.push(...v.diags);
        if (key !== undefined)
            attrs.set(key, v.value);
    }
    return diags.length ? { value: DynamicVal, diags } : typeexpr_literal_ok(value_Value.object(attrs));
}

;// CONCATENATED MODULE: ./build/eval/typeexpr-defaults.js




/*
 * hcl typeexpr Defaults.Apply: fills missing or null optional attributes with
 * their defaults, at any depth. Permissive: where the value does not fit the
 * defaults' shape it is left alone for the later conversion to report.
 */
function applyDefaults(value, defaults) {
    if (!defaults)
        return value;
    // Null and unknown values are left as they are (but null attributes inside get defaults).
    if (!value.isKnown() || value.isNull())
        return value;
    if (defaults.defaultValues.size === 0 && defaults.children.size === 0)
        return value;
    const [v, marks] = value.unmark();
    const kind = v.type.kind;
    let result = v;
    if (kind === 'set' || kind === 'list' || kind === 'tuple') {
        const values = v.elements().map((e, i) => applyDefaults(e, child(defaults, i)));
        result = rebuildSequence(v, values);
    }
    else if (kind === 'object' || kind === 'map') {
        const values = new Map();
        for (const [k, e] of v.entries())
            values.set(k, applyDefaults(e, child(defaults, k)));
        for (const [k, dflt] of defaults.defaultValues) {
            const current = values.get(k);
            if (!current || current.isNull())
                values.set(k, applyDefaults(dflt, defaults.children.get(k)));
        }
        result = rebuildMapping(v, values);
    }
    return result.withMarks(marks);
}
/** hcl Defaults.getChild: by index for tuples, by name for objects, "" for collections. */
function child(defaults, key) {
    if (typeof key === 'number' && defaults.type.kind === 'tuple')
        return defaults.children.get(String(key));
    if (typeof key === 'string' && defaults.type.kind === 'object')
        return defaults.children.get(key);
    return defaults.children.get('');
}
function rebuildSequence(original, values) {
    const kind = original.type.kind;
    if (kind === 'set' || kind === 'list') {
        const element = original.type.element;
        if (values.length === 0)
            return kind === 'set' ? value_Value.set([], element) : value_Value.list([], element);
        const unified = unifySlice(values);
        if (unified) {
            const type = unified[0].type;
            return kind === 'set' ? setValue(unified, type) : value_Value.list(unified, type);
        }
    }
    return value_Value.tuple(values);
}
function rebuildMapping(original, values) {
    if (original.type.kind === 'map') {
        if (values.size === 0)
            return value_Value.map({}, original.type.element);
        const keys = [...values.keys()].sort();
        const unified = unifySlice(keys.map((k) => values.get(k)));
        if (unified)
            return value_Value.map(new Map(keys.map((k, i) => [k, unified[i]])), unified[0].type);
    }
    return value_Value.object(values);
}
/** Values converted to their unsafe unification, or undefined when that fails. */
function unifySlice(values) {
    const unified = unifyUnsafe(values.map((v) => v.type));
    if (!unified)
        return undefined;
    try {
        return values.map((v, i) => unified.conversions[i]?.(v) ?? v);
    }
    catch (e) {
        if (e instanceof convert_ConversionError)
            return undefined;
        throw e;
    }
}

;// CONCATENATED MODULE: ./build/eval/typeexpr.js





/*
 * Type constraints written as HCL expressions (`list(string)`,
 * `object({name = string, port = optional(number, 22)})`), as hcl's
 * ext/typeexpr TypeConstraintWithDefaults, with its diagnostics.
 */

const INVALID = 'Invalid type specification';
/** hcl typeexpr.TypeConstraintWithDefaults: the type (and defaults) an expression denotes. */
function typeConstraint(expr, evalDefault = literalDefault) {
    return getType(expr, evalDefault);
}
/** hcl.ExprAsKeyword: a bare name (or the keywords null/true/false), else "". */
function keyword(expr) {
    if (expr.kind === 'Variable')
        return expr.name;
    if (expr.kind === 'Literal' && expr.type === 'null')
        return 'null';
    if (expr.kind === 'Literal' && expr.type === 'bool')
        return String(expr.value);
    return '';
}
const invalid = (detail, subject, context) => ({
    type: DynamicPseudoType,
    diags: [diagnostics_errorDiag(INVALID, detail, subject, context)],
});
const argsRange = (call) => rangeBetween(call.openParenRange, call.closeParenRange);
function constructorDetail(name) {
    switch (name) {
        case 'list':
        case 'map':
        case 'set':
            return `The ${name} type constructor requires one argument specifying the element type.`;
        case 'object':
            return 'The object type constructor requires one argument specifying the attribute types and values as a map.';
        case 'tuple':
            return 'The tuple type constructor requires one argument specifying the element types as a list.';
        default:
            return undefined;
    }
}
function getType(expr, evalDefault) {
    const kw = keyword(expr);
    switch (kw) {
        case 'bool':
            return { type: types_BoolType, diags: [] };
        case 'string':
            return { type: StringType, diags: [] };
        case 'number':
            return { type: NumberType, diags: [] };
        case 'any':
            return { type: DynamicPseudoType, diags: [] };
        case '':
            break;
        default:
            return invalid(constructorDetail(kw) ?? `The keyword "${kw}" is not a valid type specification.`, expr.range);
    }
    if (expr.kind !== 'FunctionCall') {
        return invalid('A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string).', expr.range);
    }
    const call = expr;
    switch (call.name) {
        case 'bool':
        case 'string':
        case 'number':
            return invalid(`Primitive type keyword "${call.name}" does not expect arguments.`, argsRange(call));
        case 'any':
            return invalid(`Type constraint keyword "${call.name}" does not expect arguments.`, argsRange(call));
    }
    const ctorDetail = constructorDetail(call.name);
    if (call.args.length !== 1 && ctorDetail) {
        const context = argsRange(call);
        const subject = call.args.length > 1 ? rangeBetween(call.args[1].range, call.args.at(-1).range) : context;
        return invalid(ctorDetail, subject, context);
    }
    switch (call.name) {
        case 'list':
        case 'set':
        case 'map': {
            const make = call.name === 'list' ? listOf : call.name === 'set' ? setOf : mapOf;
            const inner = getType(call.args[0], evalDefault);
            const type = make(inner.type);
            const defaults = inner.defaults && { type, defaultValues: new Map(), children: new Map([['', inner.defaults]]) };
            return { type, defaults, diags: inner.diags };
        }
        case 'object':
            return objectType(call, evalDefault);
        case 'tuple':
            return tupleType(call, evalDefault);
        case 'optional':
            return invalid(`Keyword "optional" is valid only as a modifier for object type attributes.`, call.nameRange);
        default:
            return invalid(`Keyword "${call.name}" is not a valid type constructor.`, expr.range);
    }
}
function tupleType(call, evalDefault) {
    const arg = call.args[0];
    if (arg.kind !== 'Tuple')
        return invalid('Tuple type constructor requires a list of element types.', arg.range, call.range);
    const diags = [];
    const children = new Map();
    const elements = arg.items.map((item, i) => {
        const el = getType(item, evalDefault);
        diags.push(...el.diags);
        if (el.defaults)
            children.set(String(i), el.defaults);
        return el.type;
    });
    const type = tupleOf(elements);
    return { type, defaults: structuredDefaults(type, new Map(), children), diags };
}
function objectType(call, evalDefault) {
    const arg = call.args[0];
    if (arg.kind !== 'Object') {
        return invalid('Object type constructor requires a map whose keys are attribute names and whose values are the corresponding attribute types.', arg.range, call.range);
    }
    const diags = [];
    const attrs = new Map();
    const optional = [];
    const defaultValues = new Map();
    const children = new Map();
    for (const item of arg.items) {
        const name = item.key.forceNonLiteral ? '' : keyword(item.key.wrapped);
        if (!name) {
            diags.push(diagnostics_errorDiag(INVALID, 'Object constructor map keys must be attribute names.', item.key.range, call.range));
            continue;
        }
        if (attrs.has(name)) {
            diags.push(diagnostics_errorDiag(INVALID, 'Object constructor map keys must be unique.', item.key.range, call.range));
            continue;
        }
        const attr = attributeType(item, evalDefault);
        if (!attr) {
            diags.push(diagnostics_errorDiag(INVALID, 'Optional attribute modifier requires the attribute type as its argument.', argsRange(item.value), item.value.range));
            continue;
        }
        diags.push(...attr.diags);
        if (attr.optional)
            optional.push(name);
        if (attr.default) {
            try {
                defaultValues.set(name, convert_convert(attr.default.value, attr.type));
            }
            catch (e) {
                if (!(e instanceof convert_ConversionError))
                    throw e;
                diags.push(diagnostics_errorDiag('Invalid default value for optional attribute', `This default value is not compatible with the attribute's type constraint: ${e.message}.`, attr.default.expr.range));
            }
        }
        attrs.set(name, attr.type);
        if (attr.defaults)
            children.set(name, attr.defaults);
    }
    const type = objectOf(attrs, optional);
    return { type, defaults: structuredDefaults(type, defaultValues, children), diags };
}
/** An object attribute's type, unwrapping optional(T) / optional(T, default); undefined for a bare optional(). */
function attributeType(item, evalDefault) {
    const expr = item.value;
    if (expr.kind !== 'FunctionCall' || expr.name !== 'optional') {
        return { ...getType(expr, evalDefault), optional: false };
    }
    if (expr.args.length < 1)
        return undefined;
    const diags = [];
    let optional = false;
    let dflt;
    if (expr.args.length === 2) {
        const defaultExpr = expr.args[1];
        const evaluated = evalDefault(defaultExpr);
        diags.push(...evaluated.diags);
        if (!diagnostics_hasErrors(evaluated.diags)) {
            optional = true;
            dflt = { value: evaluated.value, expr: defaultExpr };
        }
    }
    else if (expr.args.length === 1) {
        optional = true;
    }
    else {
        diags.push(diagnostics_errorDiag(INVALID, 'Optional attribute modifier expects at most two arguments: the attribute type, and a default value.', argsRange(expr), expr.range));
    }
    const inner = getType(expr.args[0], evalDefault);
    return { ...inner, diags: [...diags, ...inner.diags], optional, default: dflt };
}
function structuredDefaults(type, defaultValues, children) {
    if (defaultValues.size === 0 && children.size === 0)
        return undefined;
    return { type, defaultValues, children };
}

;// CONCATENATED MODULE: ./build/eval/functions/special.js







const impls = new WeakMap();
/** The closure-taking implementation of spec, if it is an expression function. */
function expressionImpl(spec) {
    return impls.get(spec);
}
function expressionFunction(spec, impl) {
    const full = {
        ...spec,
        returnType: () => DynamicPseudoType,
        impl: () => {
            throw new FunctionCallError('this function can only be called from an HCL expression');
        },
    };
    impls.set(full, impl);
    return full;
}
const tryFunction = expressionFunction({
    description: 'Evaluates all of its argument expressions in turn and returns the result of the first one that does not produce any errors.',
    params: [],
    varParam: { name: 'expressions', type: DynamicPseudoType },
}, (args) => {
    if (args.length === 0)
        throw new FunctionCallError('at least one argument is required');
    const diags = [];
    for (const arg of args) {
        const r = arg.value();
        diags.push(...r.diags);
        if (diagnostics_hasErrors(r.diags))
            continue;
        // A partly-unknown result could still fail once known, and so change which argument wins.
        if (!r.value.isWhollyKnown())
            return { value: DynamicVal, diags: [] };
        return { value: r.value, diags: [] };
    }
    let message = 'no expression succeeded:\n';
    for (const d of diags) {
        message += d.subject
            ? `- ${d.summary} (at ${range_formatRange(d.subject)})\n  ${d.detail ?? ''}\n`
            : `- ${d.summary}\n  ${d.detail ?? ''}\n`;
    }
    message += '\nAt least one expression must produce a successful result';
    throw new FunctionCallError(message);
});
const canFunction = expressionFunction({
    description: 'Tries to evaluate the expression given in its first argument and returns whether it succeeded without errors.',
    params: [{ name: 'expression', type: DynamicPseudoType }],
}, ([arg]) => {
    const r = arg.value();
    if (diagnostics_hasErrors(r.diags))
        return { value: value_Value.bool(false), diags: [] };
    return { value: r.value.isWhollyKnown() ? value_Value.bool(true) : value_Value.unknown(types_BoolType), diags: [] };
});
const convertFunction = expressionFunction({
    description: 'Converts a value to the given type constraint, or fails if it cannot be converted.',
    params: [
        { name: 'value', type: DynamicPseudoType, allowNull: true, allowDynamicType: true },
        { name: 'type', type: DynamicPseudoType },
    ],
}, ([valueArg, typeArg]) => {
    const wanted = typeConstraint(typeArg.expr);
    const arg = valueArg.value();
    const diags = [...arg.diags, ...wanted.diags];
    if (diagnostics_hasErrors(diags))
        return { value: DynamicVal, diags };
    // As cty's function.Call: marks at any depth come off the argument and go onto the result.
    const [value, marks] = arg.value.unmarkDeep();
    try {
        return { value: convert_convert(value, wanted.type).withMarks(marks), diags };
    }
    catch (e) {
        if (e instanceof convert_ConversionError)
            throw new FunctionArgError(0, e.message);
        throw e;
    }
});
/** The expression functions Packer registers, by name. */
const expressionFunctions = {
    can: canFunction,
    convert: convertFunction,
    try: tryFunction,
};

;// CONCATENATED MODULE: ./build/eval/evaluate-call.js











function evalFunctionCall(expr, scope) {
    // As hcl, errors about the call show the values of all its arguments' variables.
    const callValues = (diag) => diagnostic_values_withValues(diag, expr, scope.ctx);
    const found = lookupFunction(expr, scope.ctx);
    if ('diags' in found)
        return { value: found.value, diags: found.diags.map(callValues) };
    const { spec } = found;
    const expanded = expandArgs(expr, scope);
    if (!('args' in expanded))
        return expanded;
    const { args, diags } = expanded;
    const arity = checkArity(expr, spec, args);
    if (arity)
        return { value: DynamicVal, diags: [callValues(arity)] };
    const special = expressionImpl(spec);
    if (special) {
        const closures = args.map((arg) => 'expr' in arg
            ? { expr: arg.expr, value: () => evalIn(arg.expr, scope) }
            : {
                expr: { kind: 'Literal', type: 'null', range: arg.range },
                value: () => ({ value: arg.value, diags: [] }),
            });
        try {
            const r = special(closures);
            diags.push(...r.diags);
            return { value: diagnostics_hasErrors(r.diags) ? DynamicVal : r.value, diags };
        }
        catch (e) {
            diags.push(withArgValues(functionErrorDiag(e, expr, spec, args), expr, args, scope.ctx));
            return { value: DynamicVal, diags };
        }
    }
    const values = args.map((arg) => {
        if (!('expr' in arg))
            return arg.value;
        const r = evalIn(arg.expr, scope);
        diags.push(...r.diags);
        return r.value;
    });
    // As hcl, don't call the function with broken arguments: its errors would only confuse.
    if (diagnostics_hasErrors(diags))
        return { value: DynamicVal, diags };
    const call = callFunction(expr.name, spec, values, args.map(argStartRange), callSiteOf(expr));
    const callDiags = call.diags.map((d) => withArgValues(d, expr, args, scope.ctx));
    return { value: call.value, diags: [...diags, ...callDiags] };
}
function lookupFunction(expr, ctx) {
    const available = new Set();
    for (let c = ctx; c; c = c.parent) {
        const spec = c.functions.get(expr.name);
        if (spec)
            return { spec };
        for (const name of c.functions.keys())
            available.add(name);
    }
    const fail = (summary, detail, subject, context) => ({
        value: DynamicVal,
        diags: [diagnostics_errorDiag(summary, detail, subject, context)],
    });
    if (available.size === 0)
        return fail('Function calls not allowed', 'Functions may not be called here.', expr.range);
    const sep = expr.name.lastIndexOf('::');
    if (sep !== -1) {
        const namespace = expr.name.slice(0, sep + 2);
        const name = expr.name.slice(sep + 2);
        const inNamespace = [...available].filter((n) => n.startsWith(namespace));
        if (inNamespace.length === 0) {
            return fail('Call to unknown function', `There are no functions in namespace ${goQuote(namespace)}.`, expr.nameRange, expr.range);
        }
        const suggestion = nameSuggestion(name, inNamespace.map((n) => n.slice(namespace.length)));
        const didYouMean = suggestion === undefined ? '' : ` Did you mean ${namespace}${suggestion}?`;
        return fail('Call to unknown function', `There is no function named ${goQuote(name)} in namespace ${namespace}.${didYouMean}`, expr.nameRange, expr.range);
    }
    const suggestion = nameSuggestion(expr.name, [...available]);
    const didYouMean = suggestion === undefined ? '' : ` Did you mean ${goQuote(suggestion)}?`;
    return fail('Call to unknown function', `There is no function named ${goQuote(expr.name)}.${didYouMean}`, expr.nameRange, expr.range);
}
/** The call's arguments with a final `list...` spread into one argument per element. */
function expandArgs(expr, scope) {
    const args = expr.args.map((e) => ({ expr: e }));
    const last = expr.args[expr.args.length - 1];
    if (!expr.expandFinal || !last)
        return { args, diags: [] };
    const r = evalIn(last, scope);
    const diags = [...r.diags];
    if (diagnostics_hasErrors(diags))
        return { value: DynamicVal, diags };
    const invalid = (detail) => {
        const diag = diagnostics_errorDiag('Invalid expanding argument value', detail, last.range, expr.range);
        diags.push(diagnostic_values_withValues(diag, last, scope.ctx));
        return { value: DynamicVal, diags };
    };
    const kind = r.value.type.kind;
    if (kind !== 'dynamic' && kind !== 'tuple' && kind !== 'list' && kind !== 'set') {
        return invalid('The expanding argument (indicated by ...) must be of a tuple, list, or set type.');
    }
    if (r.value.isNull())
        return invalid('The expanding argument (indicated by ...) must not be null.');
    if (kind === 'dynamic' || !r.value.isKnown())
        return { value: DynamicVal, diags };
    // The collection's own marks move onto each element, so they reach the function.
    const [list, marks] = r.value.unmark();
    args.pop();
    for (const element of list.elements())
        args.push({ value: element.withMarks(marks), range: last.range });
    return { args, diags };
}
function checkArity(expr, spec, args) {
    const params = spec.params;
    if (args.length < params.length) {
        const qualifier = spec.varParam ? ' at least' : '';
        return diagnostics_errorDiag('Not enough function arguments', `Function ${goQuote(expr.name)} expects${qualifier} ${params.length} argument(s). Missing value for ${goQuote(params[args.length].name)}.`, expr.closeParenRange, expr.range);
    }
    if (!spec.varParam && args.length > params.length) {
        return diagnostics_errorDiag('Too many function arguments', `Function ${goQuote(expr.name)} expects only ${params.length} argument(s).`, argStartRange(args[params.length]), expr.range);
    }
    return undefined;
}
/** hcl's diagnostic for an error returned by a function implementation. */
function functionErrorDiag(e, expr, spec, args) {
    const callStart = rangeBetween(expr.nameRange, expr.openParenRange);
    if (e instanceof FunctionArgError) {
        const param = spec.params[e.argIndex] ?? spec.varParam;
        const arg = args[e.argIndex];
        if (param) {
            const detail = `Invalid value for ${goQuote(param.name)} parameter: ${e.message}.`;
            return arg
                ? diagnostics_errorDiag('Invalid function argument', detail, argStartRange(arg), expr.range)
                : diagnostics_errorDiag('Invalid function argument', detail, expr.range);
        }
    }
    else if (!(e instanceof FunctionCallError)) {
        throw e;
    }
    return diagnostics_errorDiag('Error in function call', `Call to function ${goQuote(expr.name)} failed: ${e.message}.`, callStart, expr.range);
}
/**
 * hcl attaches an argument's error to the argument expression (an element
 * expanded from `list...` is a literal, without variables) and any other
 * error to the call. The argument is found by the range the error points at.
 */
function withArgValues(diag, expr, args, ctx) {
    const at = diag.subject;
    const arg = diag.summary === 'Invalid function argument' && at ? args.find((a) => sameRange(argStartRange(a), at)) : undefined;
    if (arg === undefined)
        return diagnostic_values_withValues(diag, expr, ctx);
    return 'expr' in arg ? diagnostic_values_withValues(diag, arg.expr, ctx) : diag;
}
function sameRange(a, b) {
    return a.filename === b.filename && a.start.byte === b.start.byte && a.end.byte === b.end.byte;
}
function argStartRange(arg) {
    return 'expr' in arg ? startRange(arg.expr) : arg.range;
}
/** hclsyntax's Expression.StartRange: where diagnostics about an argument point. */
function startRange(expr) {
    switch (expr.kind) {
        case 'Parentheses':
            return startRange(expr.expression);
        case 'FunctionCall':
            return rangeBetween(expr.nameRange, expr.openParenRange);
        case 'Conditional':
            return startRange(expr.condition);
        case 'BinaryOp':
            return startRange(expr.lhs);
        case 'UnaryOp':
            return expr.symbolRange;
        case 'Tuple':
        case 'Object':
        case 'For':
            return expr.openRange;
        case 'Splat':
            return expr.markerRange;
        case 'Template':
            return expr.parts[0] ? startRange(expr.parts[0]) : expr.range;
        case 'TemplateIf':
            return startRange(expr.condition);
        case 'Index': {
            // A literal index is part of a traversal; any other is an IndexExpr, which starts at its bracket.
            if (asTraversal(expr) || isLiteralIndex(expr.key))
                return expr.range;
            const { start } = expr.bracketRange;
            return {
                filename: expr.range.filename,
                start,
                end: { line: start.line, column: start.column + 1, byte: start.byte + 1 },
            };
        }
        default:
            return expr.range;
    }
}
function isLiteralIndex(key) {
    if (key.kind === 'Literal')
        return true;
    return key.kind === 'Template' && key.parts.length === 1 && key.parts[0].kind === 'Literal';
}

;// CONCATENATED MODULE: ./build/eval/evaluate-constructors.js











/* Tuple and object constructors and the conditional operator. */
function evalTuple(expr, scope) {
    const diags = [];
    const values = expr.items.map((item) => {
        const r = evalIn(item, scope);
        diags.push(...r.diags);
        return r.value;
    });
    return { value: value_Value.tuple(values), diags };
}
/**
 * `{ key = value, ... }`. Keys must convert to known strings; if any key cannot
 * be produced the object's shape is unknown, so the result is DynamicVal.
 * A repeated key keeps its last value, as in hcl.
 */
function evalObject(expr, scope) {
    const diags = [];
    const attrs = new Map();
    const marks = [];
    let known = true;
    for (const item of expr.items) {
        const key = evalObjectKey(item.key, scope);
        diags.push(...key.diags);
        const value = evalIn(item.value, scope);
        diags.push(...value.diags);
        if (diagnostics_hasErrors(key.diags)) {
            known = false;
            continue;
        }
        if (key.value.isNull()) {
            const diag = diagnostics_errorDiag('Null value as key', "Can't use a null value as a key.", item.value.range);
            diags.push(diagnostic_values_withValues(diag, item.key.wrapped, scope.ctx));
            known = false;
            continue;
        }
        const [rawKey, keyMarks] = key.value.unmark();
        marks.push(keyMarks);
        const converted = tryConvert(rawKey, StringType);
        if (converted instanceof convert_ConversionError) {
            const diag = diagnostics_errorDiag('Incorrect key type', `Can't use this value as a key: ${converted.message}.`, item.key.range);
            diags.push(diagnostic_values_withValues(diag, item.key.wrapped, scope.ctx));
            known = false;
            continue;
        }
        if (!converted.isKnown()) {
            known = false;
            continue;
        }
        attrs.set(converted.unmark()[0].asString(), value.value);
    }
    if (!known)
        return { value: DynamicVal, diags };
    let value = value_Value.object(attrs);
    for (const m of marks)
        value = value.withMarks(m);
    return { value, diags };
}
/** A bare name (or true/false/null) is a literal key; a dotted name is ambiguous unless parenthesised. */
function evalObjectKey(key, scope) {
    if (!key.forceNonLiteral) {
        const traversal = asTraversal(key.wrapped);
        if (traversal && traversal.length > 1) {
            return {
                value: DynamicVal,
                diags: [
                    diagnostics_errorDiag('Ambiguous attribute key', "If this expression is intended to be a reference, wrap it in parentheses. If it's instead intended as a literal name containing periods, wrap it in quotes to create a string literal.", key.wrapped.range),
                ],
            };
        }
        const keyword = keywordName(key.wrapped);
        if (keyword !== undefined)
            return { value: value_Value.string(keyword), diags: [] };
    }
    return evalIn(key.wrapped, scope);
}
/** hcl.ExprAsKeyword: the name a single identifier (or the keyword true/false/null) was written as. */
function keywordName(expr) {
    if (expr.kind === 'Variable')
        return expr.name;
    if (expr.kind !== 'Literal')
        return undefined;
    if (expr.type === 'null')
        return 'null';
    if (expr.type === 'bool')
        return String(expr.value);
    return undefined;
}
function evalConditional(expr, scope) {
    return conditional(expr, expr.condition, expr.trueResult, expr.falseResult, scope);
}
const NullDynamic = value_Value.null(DynamicPseudoType);
/**
 * `cond ? a : b`, as hclsyntax.ConditionalExpr: both results are evaluated and
 * unified to one type; only the chosen side's diagnostics are reported, and
 * marks of the condition and both results go onto the result. `whole` is the
 * expression as written (a conditional or a template `%{ if }`).
 */
function conditional(whole, condition, trueExpr, falseExpr, scope) {
    const range = whole.range;
    const withScopeValues = (diag, expr) => diagnostic_values_withValues(diag, expr, scope.ctx);
    const t = evalIn(trueExpr, scope);
    const f = evalIn(falseExpr, scope);
    let resultType = DynamicPseudoType;
    let conversions = [];
    if (rawEquals(t.value, NullDynamic)) {
        // A literal null converts to whatever the other side is.
        resultType = f.value.type;
        conversions = [getConversion(DynamicPseudoType, resultType, true), undefined];
    }
    else if (rawEquals(f.value, NullDynamic)) {
        resultType = t.value.type;
        conversions = [undefined, getConversion(DynamicPseudoType, resultType, true)];
    }
    else if (t.value.type.kind !== 'dynamic' && f.value.type.kind !== 'dynamic') {
        const unified = unifyUnsafe([t.value.type, f.value.type]);
        if (!unified) {
            const mismatch = describeTypeMismatch(t.value.type, f.value.type);
            return {
                value: DynamicVal,
                diags: [
                    withScopeValues(diagnostics_errorDiag('Inconsistent conditional result types', `The true and false result expressions must have consistent types. ${mismatch}.`, rangeBetween(trueExpr.range, falseExpr.range), range), whole),
                ],
            };
        }
        resultType = unified.type;
        conversions = unified.conversions;
    }
    const cond = evalIn(condition, scope);
    const diags = [...cond.diags];
    if (cond.value.isNull()) {
        const detail = 'The condition value is null. Conditions must either be true or false.';
        diags.push(withScopeValues(diagnostics_errorDiag('Null condition', detail, condition.range, range), condition));
        return { value: value_Value.unknown(resultType), diags };
    }
    const [c, condMarks] = cond.value.unmark();
    const [tv, trueMarks] = t.value.unmark();
    const [fv, falseMarks] = f.value.unmark();
    const marked = (v) => v.withMarks(condMarks).withMarks(trueMarks).withMarks(falseMarks);
    if (!c.isKnown()) {
        const placeholder = tv.isNull() && fv.isNull() ? value_Value.null(resultType) : value_Value.unknown(resultType);
        return { value: marked(placeholder), diags };
    }
    const b = tryConvert(c, types_BoolType);
    if (b instanceof convert_ConversionError) {
        const detail = 'The condition expression must be of type bool.';
        diags.push(withScopeValues(diagnostics_errorDiag('Incorrect condition type', detail, condition.range, range), condition));
        return { value: value_Value.unknown(resultType), diags };
    }
    const chosen = b.asBool()
        ? { side: 'true', value: tv, diags: t.diags, conversion: conversions[0], expr: trueExpr }
        : { side: 'false', value: fv, diags: f.diags, conversion: conversions[1], expr: falseExpr };
    diags.push(...chosen.diags);
    let value = chosen.value;
    if (chosen.conversion) {
        try {
            value = chosen.conversion(value);
        }
        catch (e) {
            if (!(e instanceof convert_ConversionError))
                throw e;
            const detail = `The ${chosen.side} result value has the wrong type: ${e.message}.`;
            const diag = diagnostics_errorDiag('Inconsistent conditional result types', detail, chosen.expr.range, range);
            diags.push(withScopeValues(diag, chosen.expr));
            value = value_Value.unknown(resultType);
        }
    }
    return { value: marked(value), diags };
}
/** hcl's describeConditionalTypeMismatch, for two types that do not unify. */
function describeTypeMismatch(trueTy, falseTy) {
    if (trueTy.kind === 'object' && falseTy.kind === 'object') {
        const trueAttrs = [...trueTy.attributes.keys()].sort(compareStrings);
        for (const name of trueAttrs) {
            const falseAty = falseTy.attributes.get(name);
            if (!falseAty) {
                return `The 'true' value includes object attribute ${goQuote(name)}, which is absent in the 'false' value`;
            }
            const trueAty = trueTy.attributes.get(name);
            if (!typeEquals(trueAty, falseAty)) {
                return `Type mismatch for object attribute ${goQuote(name)}: ${describeTypeMismatch(trueAty, falseAty)}`;
            }
        }
        for (const name of [...falseTy.attributes.keys()].sort(compareStrings)) {
            if (!trueTy.attributes.has(name)) {
                return `The 'false' value includes object attribute ${goQuote(name)}, which is absent in the 'true' value`;
            }
        }
    }
    else if (trueTy.kind === 'tuple' && falseTy.kind === 'tuple') {
        if (trueTy.elements.length !== falseTy.elements.length) {
            return `The 'true' tuple has length ${trueTy.elements.length}, but the 'false' tuple has length ${falseTy.elements.length}`;
        }
        for (let i = 0; i < trueTy.elements.length; i++) {
            const a = trueTy.elements[i];
            const b = falseTy.elements[i];
            if (!typeEquals(a, b))
                return `Type mismatch for tuple element ${i}: ${describeTypeMismatch(a, b)}`;
        }
    }
    else if ((trueTy.kind === 'list' || trueTy.kind === 'set' || trueTy.kind === 'map') &&
        trueTy.kind === falseTy.kind) {
        const a = trueTy.element;
        const b = falseTy.element;
        if ((a.kind === 'object' && b.kind === 'object') || (a.kind === 'tuple' && b.kind === 'tuple')) {
            return `Mismatched ${trueTy.kind} element types: ${describeTypeMismatch(a, b)}`;
        }
    }
    const trueName = friendlyName(trueTy);
    const falseName = friendlyName(falseTy);
    if (trueName === falseName) {
        return "At least one deeply-nested attribute or element is not compatible across both the 'true' and the 'false' value";
    }
    return `The 'true' value is ${trueName}, but the 'false' value is ${falseName}`;
}

;// CONCATENATED MODULE: ./build/eval/element-iterator.js

/*
 * cty's ElementIterator, shared by `for` expressions and `dynamic` blocks:
 * [key, value] pairs of a known collection or structural value.
 */
/** Positions for lists and tuples, keys for maps and objects; a set element is its own key. */
function elementPairs(collection) {
    switch (collection.type.kind) {
        case 'map':
        case 'object':
            return [...collection.entries()].map(([k, v]) => [value_Value.string(k), v]);
        case 'set':
            return collection.elements().map((v) => [v, v]);
        default:
            return collection.elements().map((v, i) => [value_Value.number(i), v]);
    }
}

;// CONCATENATED MODULE: ./build/eval/evaluate-for.js










function evalFor(expr, scope) {
    return evalForParts(expr, scope);
}
function evalForParts(e, scope) {
    const diags = [];
    const coll = evalIn(e.collection, scope);
    diags.push(...coll.diags);
    // Errors before iteration show the values of the enclosing scope, as hcl's.
    const fail = (summary, detail, subject) => {
        diags.push(diagnostic_values_withValues(diagnostics_errorDiag(summary, detail, subject.range, e.range), subject, scope.ctx));
        return { value: DynamicVal, diags };
    };
    if (coll.value.isNull()) {
        return fail('Iteration over null value', "A null value cannot be used as the collection in a 'for' expression.", e.collection);
    }
    if (coll.value.type.kind === 'dynamic')
        return { value: DynamicVal, diags };
    const [collection, collMarks] = coll.value.unmark();
    if (!['list', 'set', 'tuple', 'map', 'object'].includes(collection.type.kind)) {
        return fail('Iteration over non-iterable value', `A value of type ${friendlyName(collection.type)} cannot be used as the collection in a 'for' expression.`, e.collection);
    }
    const marks = [collMarks];
    const scopeFor = (key, value) => {
        const vars = new Map();
        if (e.keyVar !== undefined)
            vars.set(e.keyVar, key);
        vars.set(e.valueVar, value);
        return { ctx: childContext(scope.ctx, vars), splatItem: scope.splatItem };
    };
    // An early check of the condition over unknown elements catches a wrongly-typed
    // condition once, instead of once per element.
    if (e.condition) {
        const r = evalIn(e.condition, scopeFor(DynamicVal, DynamicVal));
        diags.push(...r.diags);
        if (r.value.isNull())
            return fail('Condition is null', "The value of the 'if' clause must not be null.", e.condition);
        const converted = tryConvert(r.value, types_BoolType);
        if (converted instanceof convert_ConversionError) {
            return fail("Invalid 'for' condition", `The 'if' clause value is invalid: ${converted.message}.`, e.condition);
        }
        if (diagnostics_hasErrors(r.diags))
            return { value: DynamicVal, diags };
        if (!collection.isKnown())
            return { value: DynamicVal.withMarks(collMarks).withMarks(r.value.marks), diags };
    }
    if (!collection.isKnown())
        return { value: DynamicVal.withMarks(collMarks), diags };
    let known = true;
    /** Whether the element passes the `if` clause; undefined when that cannot be decided. */
    const include = (elementScope) => {
        const condition = e.condition;
        if (!condition)
            return true;
        const r = evalIn(condition, elementScope);
        diags.push(...r.diags);
        const report = (detail) => {
            if (known) {
                const diag = diagnostics_errorDiag("Invalid 'for' condition", detail, condition.range, e.range);
                diags.push(diagnostic_values_withValues(diag, condition, elementScope.ctx));
            }
            return undefined;
        };
        if (r.value.isNull())
            return report("The value of the 'if' clause must not be null.");
        marks.push(r.value.marks);
        const converted = tryConvert(r.value, types_BoolType);
        if (converted instanceof convert_ConversionError)
            return report(`The 'if' clause value is invalid: ${converted.message}.`);
        if (!converted.isKnown())
            return undefined;
        return converted.unmark()[0].asBool();
    };
    const withMarks = (v) => marks.reduce((acc, m) => acc.withMarks(m), v);
    const elements = elementPairs(collection);
    if (!e.keyExpr) {
        const values = [];
        for (const [k, v] of elements) {
            const elementScope = scopeFor(k, v);
            const inc = include(elementScope);
            if (inc === undefined)
                known = false;
            if (!inc)
                continue;
            const r = evalIn(e.valueExpr, elementScope);
            diags.push(...r.diags);
            values.push(r.value);
        }
        return { value: withMarks(known ? value_Value.tuple(values) : DynamicVal), diags };
    }
    const keyExpr = e.keyExpr;
    const attrs = new Map();
    const groups = new Map();
    for (const [k, v] of elements) {
        const elementScope = scopeFor(k, v);
        const inc = include(elementScope);
        if (inc === undefined)
            known = false;
        if (!inc)
            continue;
        const keyResult = evalIn(keyExpr, elementScope);
        diags.push(...keyResult.diags);
        const reportKey = (detail) => {
            if (known) {
                diags.push(diagnostic_values_withValues(diagnostics_errorDiag('Invalid object key', detail, keyExpr.range, e.range), keyExpr, elementScope.ctx));
            }
            known = false;
        };
        if (keyResult.value.isNull()) {
            reportKey("Key expression in 'for' expression must not produce a null value.");
            continue;
        }
        marks.push(keyResult.value.marks);
        if (!keyResult.value.isKnown()) {
            known = false;
            continue;
        }
        const key = tryConvert(keyResult.value, StringType);
        if (key instanceof convert_ConversionError) {
            reportKey(`The key expression produced an invalid result: ${key.message}.`);
            continue;
        }
        const name = key.unmark()[0].asString();
        const r = evalIn(e.valueExpr, elementScope);
        diags.push(...r.diags);
        if (e.group) {
            const group = groups.get(name);
            if (group)
                group.push(r.value);
            else
                groups.set(name, [r.value]);
        }
        else if (attrs.has(name)) {
            const detail = `Two different items produced the key ${goQuote(name)} in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key.`;
            diags.push(diagnostic_values_withValues(diagnostics_errorDiag('Duplicate object key', detail, keyExpr.range, e.range), keyExpr, elementScope.ctx));
        }
        else {
            attrs.set(name, r.value);
        }
    }
    if (!known)
        return { value: withMarks(DynamicVal), diags };
    if (e.group)
        for (const [name, values] of groups)
            attrs.set(name, value_Value.tuple(values));
    return { value: withMarks(value_Value.object(attrs)), diags };
}

;// CONCATENATED MODULE: ./build/eval/equality.js



/*
 * Value equality as cty's Value.Equals: a bool value, unknown when the answer
 * depends on unknown values, with the marks of both operands.
 */
const True = value_Value.bool(true);
const False = value_Value.bool(false);
const UnknownBool = value_Value.unknown(types_BoolType);
/** cty Value.Equals. Nulls of any type are equal; values of different types are not. */
function equals(a, b) {
    if (containsMarked(a) || containsMarked(b)) {
        const [ua, deepA] = a.unmarkDeep();
        const [ub, deepB] = b.unmarkDeep();
        // Comparing with null only depends on the top level, so only its marks count.
        const oneNull = a.isNull() !== b.isNull();
        const aMarks = oneNull ? a.marks : deepA;
        const bMarks = oneNull ? b.marks : deepB;
        return equals(ua, ub).withMarks(aMarks).withMarks(bMarks);
    }
    // Without refinements an unknown may still turn out null.
    if (a.isNull() && b.isKnown() && !b.isNull())
        return False;
    if (b.isNull() && a.isKnown() && !a.isNull())
        return False;
    if (!a.isKnown() || !b.isKnown()) {
        if (!a.isKnown() && !b.isKnown())
            return UnknownBool;
        const [known, unknown] = a.isKnown() ? [a, b] : [b, a];
        if (known.isNull() || hasDynamicTypes(unknown.type))
            return UnknownBool;
        return typeEquals(known.type, unknown.type) ? UnknownBool : False;
    }
    if (a.isNull() && b.isNull())
        return True;
    if (a.isNull() || b.isNull())
        return False;
    if (!hasWhollyKnownType(a) || !hasWhollyKnownType(b)) {
        // Even with dynamic parts some types can never come to agree.
        if (!conforms(a.type, b.type) && !conforms(b.type, a.type))
            return False;
        return UnknownBool;
    }
    if (!typeEquals(a.type, b.type))
        return False;
    return knownEquals(a, b);
}
/** True when the two values are equal (false when unknown): a convenience for callers. */
function equalsTrue(a, b) {
    const eq = equals(a, b);
    return eq.isKnown() && eq.asBool();
}
function knownEquals(a, b) {
    switch (a.type.kind) {
        case 'number':
            return value_Value.bool(numbersEqual(a.asNumber(), b.asNumber()));
        case 'bool':
            return value_Value.bool(a.asBool() === b.asBool());
        case 'string':
            return value_Value.bool(a.asString() === b.asString());
        case 'set':
            return setsEqual(a, b);
        case 'list':
        case 'tuple': {
            const ae = a.elements();
            const be = b.elements();
            if (ae.length !== be.length)
                return False;
            return allEqual(ae.map((e, i) => [e, be[i]]));
        }
        case 'map':
        case 'object': {
            const ae = a.entries();
            const be = b.entries();
            if (ae.size !== be.size)
                return False;
            const pairs = [];
            for (const [k, e] of ae) {
                const other = be.get(k);
                if (!other)
                    return False;
                pairs.push([e, other]);
            }
            return allEqual(pairs);
        }
        default:
            return False;
    }
}
/** Pairwise equality in order: the first unknown or false comparison decides. */
function allEqual(pairs) {
    for (const [x, y] of pairs) {
        const eq = equals(x, y);
        if (!eq.isKnown())
            return UnknownBool;
        if (!eq.asBool())
            return False;
    }
    return True;
}
function setsEqual(a, b) {
    const ae = a.elements();
    const be = b.elements();
    if ([...ae, ...be].some((e) => !e.isKnown()))
        return UnknownBool;
    const aKeys = new Set(ae.map(canonicalKey));
    const bKeys = new Set(be.map(canonicalKey));
    return value_Value.bool(aKeys.size === bKeys.size && [...aKeys].every((k) => bKeys.has(k)));
}
/** cty rawNumberEqual: integers compare exactly, others by their decimal text. */
function numbersEqual(a, b) {
    if (a.isZero() && b.isZero())
        return true;
    if (a.isInteger() !== b.isInteger())
        return false;
    if (a.isInteger())
        return a.eq(b);
    return formatNumber(a) === formatNumber(b);
}
function containsMarked(v) {
    if (v.isMarked())
        return true;
    if (!v.isKnown() || v.isNull())
        return false;
    switch (v.type.kind) {
        case 'list':
        case 'set':
        case 'tuple':
            return v.elements().some(containsMarked);
        case 'map':
        case 'object':
            return [...v.entries().values()].some(containsMarked);
        default:
            return false;
    }
}
/** cty HasWhollyKnownType: no unknown value of a dynamic type anywhere inside. */
function hasWhollyKnownType(v) {
    if (v.isNull())
        return true;
    if (!v.isKnown())
        return !hasDynamicTypes(v.type);
    switch (v.type.kind) {
        case 'list':
        case 'set':
        case 'tuple':
            return v.elements().every(hasWhollyKnownType);
        case 'map':
        case 'object':
            return [...v.entries().values()].every(hasWhollyKnownType);
        default:
            return true;
    }
}
/** cty Type.TestConformance (no errors): `t` matches `want`, dynamic parts of want matching anything. */
function conforms(t, want) {
    if (want.kind === 'dynamic')
        return true;
    switch (want.kind) {
        case 'list':
        case 'set':
        case 'map':
            return t.kind === want.kind && conforms(t.element, want.element);
        case 'tuple':
            return (t.kind === 'tuple' &&
                t.elements.length === want.elements.length &&
                t.elements.every((e, i) => conforms(e, want.elements[i])));
        case 'object':
            if (t.kind !== 'object' || t.attributes.size !== want.attributes.size)
                return false;
            for (const [k, wt] of want.attributes) {
                const at = t.attributes.get(k);
                if (!at || !conforms(at, wt))
                    return false;
            }
            return true;
        default:
            return t.kind === want.kind;
    }
}

;// CONCATENATED MODULE: ./build/eval/evaluate-operators.js








const Arithmetic = { param: NumberType, result: NumberType };
const Comparison = { param: NumberType, result: types_BoolType };
const Logical = { param: types_BoolType, result: types_BoolType };
const Equality = { param: DynamicPseudoType, result: types_BoolType };
const operations = {
    '||': Logical,
    '&&': Logical,
    '==': Equality,
    '!=': Equality,
    '<': Comparison,
    '<=': Comparison,
    '>': Comparison,
    '>=': Comparison,
    '+': Arithmetic,
    '-': Arithmetic,
    '*': Arithmetic,
    '/': Arithmetic,
    '%': Arithmetic,
};
/** The error cty's function call reports; `Error during operation: <message>.` */
class OperationError extends Error {
}
function evalBinaryOp(expr, scope) {
    const op = operations[expr.op];
    const diags = [];
    const operand = (side) => {
        const node = side === 'left' ? expr.lhs : expr.rhs;
        const given = evalIn(node, scope);
        const converted = tryConvert(given.value, op.param);
        if (converted instanceof convert_ConversionError) {
            const detail = `Unsuitable value for ${side} operand: ${converted.message}.`;
            diags.push(diagnostic_values_withValues(diagnostics_errorDiag('Invalid operand', detail, node.range, expr.range), node, scope.ctx));
            return { value: value_Value.unknown(op.param), diags: given.diags };
        }
        return { value: converted, diags: given.diags };
    };
    const lhs = operand('left');
    const rhs = operand('right');
    if (diagnostics_hasErrors(diags)) {
        return { value: value_Value.unknown(op.result), diags: [...diags, ...lhs.diags, ...rhs.diags] };
    }
    const [l, lMarks] = lhs.value.unmark();
    const [r, rMarks] = rhs.value.unmark();
    const marked = (v) => v.withMarks(lMarks).withMarks(rMarks);
    if (expr.op === '&&' || expr.op === '||') {
        const forced = shortCircuit(expr.op, l, r, lhs.diags, rhs.diags);
        if (forced)
            return { value: marked(forced.value), diags: forced.diags };
    }
    diags.push(...lhs.diags, ...rhs.diags);
    if (diagnostics_hasErrors(diags))
        return { value: marked(value_Value.unknown(op.result)), diags };
    try {
        return { value: marked(applyBinary(expr.op, l, r)), diags };
    }
    catch (e) {
        if (!(e instanceof OperationError))
            throw e;
        const diag = diagnostics_errorDiag('Operation failed', `Error during operation: ${e.message}.`, expr.range);
        diags.push(diagnostic_values_withValues(diag, expr, scope.ctx));
        return { value: value_Value.unknown(op.result), diags };
    }
}
function evalUnaryOp(expr, scope) {
    const param = expr.op === '!' ? types_BoolType : NumberType;
    const given = evalIn(expr.operand, scope);
    const diags = [...given.diags];
    const converted = tryConvert(given.value, param);
    if (converted instanceof convert_ConversionError) {
        const detail = `Unsuitable value for unary operand: ${converted.message}.`;
        const diag = diagnostics_errorDiag('Invalid operand', detail, expr.operand.range, expr.range);
        diags.push(diagnostic_values_withValues(diag, expr.operand, scope.ctx));
    }
    if (converted instanceof convert_ConversionError || diagnostics_hasErrors(diags))
        return { value: value_Value.unknown(param), diags };
    const [v, marks] = converted.unmark();
    if (v.isNull()) {
        const diag = diagnostics_errorDiag('Operation failed', 'Error during operation: argument must not be null.', expr.range);
        diags.push(diagnostic_values_withValues(diag, expr, scope.ctx));
        return { value: value_Value.unknown(param), diags };
    }
    // cty drops the marks of an unknown operand here; Kiln keeps them so a secret is never unmarked.
    if (!v.isKnown())
        return { value: value_Value.unknown(param).withMarks(marks), diags };
    const result = expr.op === '!' ? value_Value.bool(!v.asBool()) : value_Value.number(v.asNumber().negated());
    return { value: result.withMarks(marks), diags };
}
/** cty's Value.True on an unmarked bool: false for null. */
function isTrue(v) {
    return v.isKnown() && !v.isNull() && v.asBool();
}
/**
 * hcl's OpLogicalOr/OpLogicalAnd ShortCircuit: a controlling known operand
 * decides the result (keeping only its side's diagnostics); an unknown
 * controlling operand gives an unknown bool.
 */
function shortCircuit(op, l, r, lDiags, rDiags) {
    const unknown = value_Value.unknown(types_BoolType);
    if (!l.isKnown() && !r.isKnown()) {
        // With an error on the left the right may have one too: evaluate fully to collect both.
        return diagnostics_hasErrors(lDiags) ? undefined : { value: unknown, diags: lDiags };
    }
    const controlling = op === '||';
    const decides = (v) => v.isKnown() && isTrue(v) === controlling;
    if (decides(l))
        return { value: value_Value.bool(controlling), diags: lDiags };
    if (decides(r))
        return { value: value_Value.bool(controlling), diags: rDiags };
    if (!l.isKnown())
        return { value: unknown, diags: lDiags };
    if (!r.isKnown())
        return { value: unknown, diags: rDiags };
    return undefined;
}
/** cty's stdlib operator functions on unmarked operands of the parameter type. */
function applyBinary(op, l, r) {
    if (op === '==' || op === '!=')
        return applyEquality(op, l, r);
    if (l.isNull() || r.isNull())
        throw new OperationError('argument must not be null');
    const result = operations[op].result;
    if (!l.isKnown() || !r.isKnown())
        return value_Value.unknown(result);
    if (op === '&&')
        return value_Value.bool(l.asBool() && r.asBool());
    if (op === '||')
        return value_Value.bool(l.asBool() || r.asBool());
    const a = l.asNumber();
    const b = r.asNumber();
    switch (op) {
        case '<':
            return value_Value.bool(a.lessThan(b));
        case '<=':
            return value_Value.bool(a.lessThanOrEqualTo(b));
        case '>':
            return value_Value.bool(a.greaterThan(b));
        case '>=':
            return value_Value.bool(a.greaterThanOrEqualTo(b));
        default:
            return value_Value.number(arithmetic(op, a, b));
    }
}
/** cty's EqualFunc/NotEqualFunc: every mark found at any depth goes onto the result. */
function applyEquality(op, l, r) {
    const [a, aMarks] = l.unmarkDeep();
    const [b, bMarks] = r.unmarkDeep();
    const eq = equals(a, b);
    const result = op === '==' || !eq.isKnown() ? eq : value_Value.bool(!eq.asBool());
    return result.withMarks(aMarks).withMarks(bMarks);
}
const nanErrors = {
    '+': "can't compute sum of opposing infinities",
    '-': "can't subtract infinity from itself",
    '*': "can't multiply zero by infinity",
    '/': "can't divide zero by zero or infinity by infinity",
    '%': "can't use modulo with zero and infinity",
};
/** Exact arithmetic as cty's big.Float operations; x/0 is an infinity, x%0 is x. */
function arithmetic(op, a, b) {
    let out;
    switch (op) {
        case '+':
            out = a.plus(b);
            break;
        case '-':
            out = a.minus(b);
            break;
        case '*':
            out = a.times(b);
            break;
        case '/':
            out = a.dividedBy(b);
            break;
        default:
            // cty: infinities multiply (for the sign), a zero divisor yields the dividend,
            // otherwise a - b*trunc(a/b), so the result has the dividend's sign.
            if (!a.isFinite() || !b.isFinite())
                out = a.times(b);
            else if (b.isZero())
                out = a;
            else
                out = a.minus(b.times(a.dividedBy(b).trunc()));
    }
    if (out.isNaN())
        throw new OperationError(nanErrors[op]);
    return out;
}

;// CONCATENATED MODULE: ./build/eval/evaluate-template.js









/*
 * String templates, as hclsyntax's TemplateExpr, and its directives: `%{ if }`
 * is a conditional between two sub-templates and `%{ for }` a tuple-for whose
 * results are joined (TemplateJoinExpr). Marks of every part go onto the result.
 */
const InvalidInterpolation = 'Invalid template interpolation value';
function evalTemplate(expr, scope) {
    const diags = [];
    const marks = [];
    let known = true;
    let text = '';
    for (const part of expr.parts) {
        const r = evalIn(part, scope);
        diags.push(...r.diags);
        if (r.value.isNull()) {
            const detail = 'The expression result is null. Cannot include a null value in a string template.';
            diags.push(diagnostic_values_withValues(diagnostics_errorDiag(InvalidInterpolation, detail, part.range, expr.range), part, scope.ctx));
            continue;
        }
        const [value, partMarks] = r.value.unmark();
        marks.push(partMarks);
        if (!value.isKnown()) {
            // Keep going: later parts may still have diagnostics to report.
            known = false;
            continue;
        }
        const str = tryConvert(value, StringType);
        if (str instanceof convert_ConversionError) {
            const detail = `Cannot include the given value in a string template: ${str.message}.`;
            diags.push(diagnostic_values_withValues(diagnostics_errorDiag(InvalidInterpolation, detail, part.range, expr.range), part, scope.ctx));
            continue;
        }
        if (known && !diagnostics_hasErrors(diags))
            text += str.asString();
    }
    const result = known ? value_Value.string(text) : value_Value.unknown(StringType);
    return { value: marks.reduce((v, m) => v.withMarks(m), result), diags };
}
function evalTemplateIf(expr, scope) {
    const otherwise = expr.else ?? {
        kind: 'Literal',
        type: 'string',
        value: '',
        range: { filename: expr.range.filename, start: expr.range.end, end: expr.range.end },
    };
    return conditional(expr, expr.condition, expr.then, otherwise, scope);
}
function evalTemplateFor(expr, scope) {
    const tuple = evalForParts({
        keyVar: expr.keyVar,
        valueVar: expr.valueVar,
        collection: expr.collection,
        valueExpr: expr.body,
        group: false,
        range: expr.range,
    }, scope);
    const diags = [...tuple.diags];
    const unknown = value_Value.unknown(StringType);
    if (tuple.value.type.kind === 'dynamic' || !tuple.value.isKnown())
        return { value: unknown, diags };
    const [elements, marks] = tuple.value.unmark();
    const allMarks = [marks];
    const marked = (v) => allMarks.reduce((acc, m) => acc.withMarks(m), v);
    let text = '';
    for (const element of elements.elements()) {
        if (element.isNull()) {
            const detail = 'An iteration result is null. Cannot include a null value in a string template.';
            diags.push(diagnostic_values_withValues(diagnostics_errorDiag(InvalidInterpolation, detail, expr.range), expr, scope.ctx));
            continue;
        }
        // hcl keeps only the tuple's marks here; Kiln keeps the element's too, so a secret is never unmarked.
        allMarks.push(element.marks);
        if (element.type.kind === 'dynamic')
            return { value: marked(unknown), diags };
        const str = tryConvert(element, StringType);
        if (str instanceof convert_ConversionError) {
            const detail = `Cannot include one of the interpolation results into the string template: ${str.message}.`;
            diags.push(diagnostic_values_withValues(diagnostics_errorDiag(InvalidInterpolation, detail, expr.range), expr, scope.ctx));
            continue;
        }
        if (!element.isKnown())
            return { value: marked(unknown), diags };
        text += str.unmark()[0].asString();
    }
    return { value: marked(value_Value.string(text)), diags };
}

;// CONCATENATED MODULE: ./build/eval/evaluate-traversal.js










/* Variable references, attribute access, indexing and splats. */
function evalVariable(expr, scope) {
    if (!scope.ctx) {
        return {
            value: DynamicVal,
            diags: [diagnostics_errorDiag('Variables not allowed', 'Variables may not be used here.', expr.range)],
        };
    }
    const value = lookupVariable(scope.ctx, expr.name);
    if (value)
        return { value, diags: [] };
    const suggestion = nameSuggestion(expr.name, visibleVariableNames(scope.ctx));
    const didYouMean = suggestion === undefined ? '' : ` Did you mean ${goQuote(suggestion)}?`;
    return {
        value: DynamicVal,
        diags: [
            diagnostics_errorDiag('Unknown variable', `There is no variable named ${goQuote(expr.name)}.${didYouMean}`, expr.range),
        ],
    };
}
function evalGetAttr(expr, scope) {
    const source = evalIn(expr.source, scope);
    // nameRange is the traversal step `.name`, dot included, where hcl reports attribute errors.
    // `list.0.1` (a parse error) has no usable key, as hcl's DynamicVal key.
    const legacyKey = (name) => (name.includes('.') ? DynamicVal : value_Value.number(name));
    const r = expr.legacyIndex
        ? indexValue(source.value, legacyKey(expr.name), expr.nameRange)
        : getAttrValue(source.value, expr.name, expr.nameRange);
    // As hcl, the values of the expression's variables; where the whole is a traversal such
    // as var.a.b it fails again when resolved, so only `f(x).a`-like sources show any.
    return { value: r.value, diags: [...source.diags, ...r.diags.map((d) => diagnostic_values_withValues(d, expr, scope.ctx))] };
}
function evalIndex(expr, scope) {
    const coll = evalIn(expr.collection, scope);
    const key = evalIn(expr.key, scope);
    const r = indexValue(coll.value, key.value, expr.bracketRange);
    return {
        value: r.value,
        diags: [...coll.diags, ...key.diags, ...r.diags.map((d) => diagnostic_values_withValues(d, expr, scope.ctx))],
    };
}
/**
 * `source[*].each` / `source.*.each`, as hclsyntax.SplatExpr: a value that is
 * not a sequence is treated as a one-element tuple (an empty one if null).
 */
function evalSplat(expr, scope) {
    const src = evalIn(expr.source, scope);
    const diags = [...src.diags];
    if (diagnostics_hasErrors(src.diags))
        return { value: DynamicVal, diags };
    let source = src.value;
    const autoUpgrade = !['tuple', 'list', 'set'].includes(source.type.kind);
    if (source.isNull()) {
        if (autoUpgrade)
            return { value: EmptyTuple.withMarks(source.marks), diags };
        const diag = diagnostics_errorDiag('Splat of null value', 'Splat expressions (with the * symbol) cannot be applied to null sequences.', expr.source.range, rangeBetween(expr.source.range, expr.markerRange));
        diags.push(diagnostic_values_withValues(diag, expr.source, scope.ctx));
        return { value: DynamicVal, diags };
    }
    if (source.type.kind === 'dynamic')
        return { value: DynamicVal.withMarks(source.marks), diags };
    // An unknown single value may turn out null (no elements) or not (one element).
    const upgradedUnknown = autoUpgrade && !source.isKnown();
    if (autoUpgrade)
        source = value_Value.tuple([source]).withMarks(source.marks);
    const eachIn = (item) => evalIn(expr.each, { ctx: scope.ctx, splatItem: item });
    const resultType = () => splatResultType(source.type, eachIn);
    if (!source.isKnown()) {
        const rt = resultType();
        diags.push(...rt.diags);
        return { value: value_Value.unknown(rt.type).withMarks(source.marks), diags };
    }
    const [coll, marks] = source.unmark();
    const values = [];
    let known = true;
    for (const item of coll.elements()) {
        const r = eachIn(item);
        diags.push(...r.diags);
        if (diagnostics_hasErrors(r.diags))
            known = false;
        values.push(r.value);
    }
    if (upgradedUnknown)
        return { value: DynamicVal.withMarks(marks), diags };
    // The item errors already explain what resultType would report again.
    if (!known)
        return { value: value_Value.unknown(resultType().type).withMarks(marks), diags };
    if (coll.type.kind === 'tuple')
        return { value: value_Value.tuple(values).withMarks(marks), diags };
    if (values.length === 0) {
        const rt = resultType();
        diags.push(...rt.diags);
        const element = rt.type.kind === 'list' ? rt.type.element : DynamicPseudoType;
        return { value: value_Value.list([], element).withMarks(marks), diags };
    }
    const first = values[0].type;
    if (!values.every((v) => typeEquals(v.type, first))) {
        diags.push(diagnostics_errorDiag('Invalid nested splat expressions', "The second level of splat expression produced elements of different types, so it isn't possible to construct a valid list to represent the top-level result.\n\nConsider using a for expression instead, to produce a tuple-typed result which can therefore have non-homogenous element types.", expr.each.range, expr.range));
        return { value: DynamicVal, diags };
    }
    return { value: value_Value.list(values).withMarks(marks), diags };
}
/** The type a splat produces, found by evaluating `each` over unknown elements. */
function splatResultType(sourceType, eachIn) {
    const diags = [];
    const typeOfEach = (elementType) => {
        const r = eachIn(value_Value.unknown(elementType));
        diags.push(...r.diags);
        return r.value.type;
    };
    switch (sourceType.kind) {
        case 'list':
        case 'set':
            return { type: listOf(typeOfEach(sourceType.element)), diags };
        case 'tuple':
            return { type: tupleOf(sourceType.elements.map(typeOfEach)), diags };
        default:
            return { type: DynamicPseudoType, diags };
    }
}

;// CONCATENATED MODULE: ./build/eval/evaluate.js








function evaluate_evaluate(expr, ctx) {
    return evalIn(expr, { ctx });
}
function evalIn(expr, scope) {
    switch (expr.kind) {
        case 'Literal':
            return { value: literalValue(expr), diags: [] };
        case 'Parentheses':
            return evalIn(expr.expression, scope);
        case 'Template':
            return evalTemplate(expr, scope);
        case 'TemplateWrap':
            return evalIn(expr.wrapped, scope);
        case 'TemplateIf':
            return evalTemplateIf(expr, scope);
        case 'TemplateFor':
            return evalTemplateFor(expr, scope);
        case 'Variable':
            return evalVariable(expr, scope);
        case 'GetAttr':
            return evalGetAttr(expr, scope);
        case 'Index':
            return evalIndex(expr, scope);
        case 'Splat':
            return evalSplat(expr, scope);
        case 'AnonSymbol':
            return { value: scope.splatItem ?? DynamicVal, diags: [] };
        case 'FunctionCall':
            return evalFunctionCall(expr, scope);
        case 'Conditional':
            return evalConditional(expr, scope);
        case 'BinaryOp':
            return evalBinaryOp(expr, scope);
        case 'UnaryOp':
            return evalUnaryOp(expr, scope);
        case 'Tuple':
            return evalTuple(expr, scope);
        case 'Object':
            return evalObject(expr, scope);
        case 'For':
            return evalFor(expr, scope);
    }
}

;// CONCATENATED MODULE: ./build/cli/console-format.js


/*
 * How `packer console` prints a value (hcl2template PrintableCtyValue): the value
 * goes through hcl2shim.ConfigValueFromHCL2 (numbers become int64 when exact,
 * float64 otherwise; null map entries are dropped) and then repl.FormatResult
 * (top-level strings raw, nested ones Go-quoted, lists and maps one item a line).
 * Packer masks secrets in its UI; Kiln prints a sensitive value as <sensitive>.
 */
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
function formatConsoleValue(value) {
    if (!value.isWhollyKnown())
        return '<unknown>';
    return formatResult(value, false);
}
function formatResult(v, nested) {
    if (v.hasMark(Sensitive))
        return '<sensitive>';
    if (v.isNull())
        return 'null';
    switch (v.type.kind) {
        case 'string':
            return nested ? goQuote(v.asString()) : v.asString();
        case 'number':
            return console_format_formatNumber(v.asNumber());
        case 'bool':
            return v.asBool() ? 'true' : 'false';
        case 'list':
        case 'set':
        case 'tuple':
            return formatList(v.elements());
        case 'map':
        case 'object':
            return formatMap(v.entries());
        default:
            return '<unknown-type>';
    }
}
function formatList(items) {
    if (items.length === 0)
        return '[]';
    return `[\n${items.map((item) => `${indent(formatResult(item, true))},\n`).join('')}]`;
}
function formatMap(entries) {
    // ConfigValueFromHCL2 leaves null attributes out of the Go map it builds.
    const shown = [...entries].filter(([, v]) => !v.isNull() || v.hasMark(Sensitive));
    if (shown.length === 0)
        return '{}';
    const lines = shown.map(([k, v]) => `${indent(`${goQuote(k)} = ${formatResult(v, true)}`)}\n`);
    return `{\n${lines.join('')}}`;
}
function indent(text) {
    return text
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n');
}
/** An exact int64 prints as an integer; anything else as Go's %g of the nearest float64. */
function console_format_formatNumber(n) {
    if (n.isInteger()) {
        const big = BigInt(n.toFixed(0));
        if (big >= INT64_MIN && big <= INT64_MAX)
            return big.toString();
    }
    return formatGoFloatG(Number(n.toString()));
}
/** Go's fmt %g for a float64: shortest digits that round-trip, exponent form when exp < -4 or exp >= 6. */
function formatGoFloatG(f) {
    if (Number.isNaN(f))
        return 'NaN';
    if (!Number.isFinite(f))
        return f > 0 ? '+Inf' : '-Inf';
    if (f === 0)
        return Object.is(f, -0) ? '-0' : '0';
    const [mantissa = '', expText = '0'] = f.toExponential().split('e');
    const exp = Number(expText);
    const negative = mantissa.startsWith('-');
    const digits = mantissa.replace('-', '').replace('.', '');
    const sign = negative ? '-' : '';
    // With shortest formatting Go picks the exponent form by precision 6 (strconv ftoa.go).
    if (exp < -4 || exp >= 6) {
        const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
        const expSign = exp < 0 ? '-' : '+';
        return `${sign}${digits[0]}${frac}e${expSign}${String(Math.abs(exp)).padStart(2, '0')}`;
    }
    if (exp < 0)
        return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
    const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    const fracPart = digits.slice(exp + 1);
    return `${sign}${intPart}${fracPart ? `.${fracPart}` : ''}`;
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
;// CONCATENATED MODULE: ./build/components/common/amazon/secret-value.js

/*
 * Picking a value out of a Secrets Manager secret string, as Packer does: a
 * plaintext secret is its own value; a JSON object secret yields the value of
 * a key (a string, or a number printed without decimals). Two variants:
 * the data source's (datasource/secretsmanager getSecretValue) and the
 * aws_secretsmanager function's (packer-plugin-sdk secretsmanager.getSecretValue),
 * which differ in what an unset or missing key means.
 */
/** The data source's `value`: the key's value, the first value without a key, "" for a missing key. */
function datasourceSecretValue(secretString, key) {
    const object = decodeObject(secretString);
    if (object === undefined)
        return secretString;
    if (key === '') {
        // Go ranges over a map in random order; Kiln takes the first key as written.
        const first = Object.values(object)[0];
        if (first !== undefined)
            return stringSecretValue(first);
    }
    return Object.hasOwn(object, key) ? stringSecretValue(object[key]) : '';
}
/** aws_secretsmanager(name, key): the key's value, the only value without a key; otherwise an error. */
function functionSecretValue(secretString, key) {
    const object = decodeObject(secretString);
    if (object === undefined)
        return secretString;
    const values = Object.values(object);
    if (key === '' && values.length > 1)
        throw new Error('Secret has multiple values and no key was set');
    if (key === '' && values.length === 1)
        return stringSecretValue(values[0]);
    if (Object.hasOwn(object, key))
        return stringSecretValue(object[key]);
    throw new Error(`No secret found for key ${goQuote(key)}`);
}
/**
 * The secret as Go's json.Unmarshal into map[string]interface{} sees it:
 * undefined for text that is not JSON (a plaintext secret), an empty object
 * for `null`, an error for JSON that is not an object.
 */
function decodeObject(secretString) {
    let parsed;
    try {
        parsed = JSON.parse(secretString);
    }
    catch {
        return undefined;
    }
    if (parsed === null)
        return {};
    if (typeof parsed === 'object' && !Array.isArray(parsed))
        return parsed;
    const kind = Array.isArray(parsed) ? 'array' : typeof parsed === 'boolean' ? 'bool' : typeof parsed;
    throw new Error(`json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`);
}
function stringSecretValue(v) {
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number')
        return formatWhole(v);
    throw new Error(`Unsupported secret value type: ${goTypeName(v)}`);
}
/** %T of what encoding/json decodes into an interface{}. */
function goTypeName(v) {
    if (v === null)
        return '<nil>';
    if (typeof v === 'boolean')
        return 'bool';
    return Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}';
}
/** strconv.FormatFloat(v, 'f', 0, 64): rounded half to even, the sign kept ("-0"), never an exponent. */
function formatWhole(v) {
    const a = Math.abs(v);
    let whole = a;
    if (a < 2 ** 52) {
        const floor = Math.floor(a);
        const fraction = a - floor; // exact below 2^52
        whole = fraction > 0.5 || (fraction === 0.5 && floor % 2 === 1) ? floor + 1 : floor;
    }
    return (v < 0 || Object.is(v, -0) ? '-' : '') + BigInt(whole).toString();
}

;// CONCATENATED MODULE: ./build/eval/functions/aws-secretsmanager.js






/*
 * aws_secretsmanager(name, key) and aws_secretsmanager_raw(name) of Packer
 * (hcl2template/function/aws_secretsmanager.go over packer-plugin-sdk's
 * secretsmanager client): GetSecretValue of the AWSCURRENT version with the
 * SDK's default configuration (environment, shared files, instance role).
 * The result is marked sensitive (Kiln's addition).
 *
 * Functions are synchronous and the SDK is not, so the call runs in a short
 * child Node process that loads @aws-sdk/client-secrets-manager; the secret
 * comes back on its stdout and never touches the disk.
 */
const aws_secretsmanager_require = (0,external_node_module_namespaceObject.createRequire)(import.meta.url);
const CHILD = `
const { SecretsManagerClient, GetSecretValueCommand } = require(process.env.KILN_SECRETS_SDK);
let input = '';
process.stdin.on('data', (d) => (input += d)).on('end', async () => {
  const client = new SecretsManagerClient({});
  let answer;
  try {
    const out = await client.send(new GetSecretValueCommand({ SecretId: JSON.parse(input), VersionStage: 'AWSCURRENT' }));
    answer = { secretString: out.SecretString ?? null };
  } catch (e) {
    const m = e.$metadata ?? {};
    answer = { error: { name: e.$fault ? e.name : '', message: String(e.message ?? e), status: m.httpStatusCode ?? null, requestId: m.requestId ?? null } };
  }
  client.destroy();
  process.stdout.write(JSON.stringify(answer));
});
`;
/** The SDK's CommonJS entry: a vendored bundle beside Kiln's bundle, else the package (run from source). */
function sdkPath() {
    try {
        return aws_secretsmanager_require.resolve('./vendor/client-secrets-manager.cjs');
    }
    catch {
        return aws_secretsmanager_require.resolve('@aws-sdk/client-secrets-manager');
    }
}
/** GetSecretValue's SecretString, with the error text the Go SDK gives for a failed call. */
function readSecretString(name) {
    const child = (0,external_node_child_process_namespaceObject.spawnSync)(process.execPath, ['-e', CHILD], {
        input: JSON.stringify(name),
        env: { ...process.env, KILN_SECRETS_SDK: sdkPath() },
        encoding: 'utf8',
        timeout: 300_000,
    });
    let answer;
    try {
        answer = JSON.parse(child.stdout);
    }
    catch {
        const why = child.error?.message ?? (child.stderr.trim() || `exit status ${child.status ?? child.signal}`);
        throw new FunctionCallError(`reading the secret failed: ${why}`);
    }
    if ('error' in answer) {
        const { name: code, message, status, requestId } = answer.error;
        const response = status !== null ? `https response error StatusCode: ${status}, RequestID: ${requestId ?? ''}, ` : '';
        const apiError = code ? `${code}: ${message}` : message;
        throw new FunctionCallError(`operation error Secrets Manager: GetSecretValue, ${response}${apiError}`);
    }
    if (answer.secretString === null)
        throw new FunctionCallError('Secret is not string');
    return answer.secretString;
}
function secretFunction(raw) {
    return {
        description: raw
            ? 'Returns the whole value of an AWS Secrets Manager secret.'
            : 'Returns an AWS Secrets Manager secret, or one key of a JSON secret.',
        params: [{ name: 'name', type: StringType }, ...(raw ? [] : [{ name: 'key', type: StringType, allowNull: true }])],
        returnType: () => StringType,
        impl: (args) => {
            const name = args[0]?.asString() ?? '';
            const key = args[1] && !args[1].isNull() ? args[1].asString() : '';
            if (name === '')
                throw new FunctionCallError('At least one secret name must be provided');
            const secretString = readSecretString(name);
            let value;
            try {
                value = raw ? secretString : functionSecretValue(secretString, key);
            }
            catch (error) {
                throw new FunctionCallError(error instanceof Error ? error.message : String(error));
            }
            return value_Value.string(value).mark(Sensitive);
        },
    };
}
const awsSecretsManagerFunctions = {
    aws_secretsmanager: secretFunction(false),
    aws_secretsmanager_raw: secretFunction(true),
};

;// CONCATENATED MODULE: ./build/eval/functions/collection-set.js





/*
 * Set functions: go-cty stdlib's setunion, setintersection (set.go) and
 * setproduct (collection.go).
 */
const setParam = (name) => ({ name, type: setOf(DynamicPseudoType), allowDynamicType: true });
/** The set type all arguments convert to; empty sets of unknown element type fit any. */
function setOperationType(args) {
    const elementTypes = args
        .filter((a) => !(a.isKnown() && a.length() === 0 && elementOf(a.type).kind === 'dynamic'))
        .map((a) => elementOf(a.type));
    if (elementTypes.length === 0)
        return setOf(DynamicPseudoType);
    const unified = unifyUnsafe(elementTypes);
    if (!unified)
        throw new FunctionCallError('given sets must all have compatible element types');
    return setOf(unified.type);
}
function elementOf(t) {
    return t.kind === 'set' || t.kind === 'list' ? t.element : DynamicPseudoType;
}
function toSet(arg, type, argIndex) {
    try {
        return convert_convert(arg, type);
    }
    catch (e) {
        throw new FunctionArgError(argIndex, e.message);
    }
}
function setOperation(combine, allowUnknowns) {
    return {
        params: [setParam('first_set')],
        varParam: setParam('other_sets'),
        returnType: setOperationType,
        impl: (args, type) => {
            const sets = args.map((a, i) => toSet(a, type, i));
            // Unknown elements may later equal others, so only union can proceed with them.
            if (!allowUnknowns && sets.some((s) => !s.isWhollyKnown()))
                return value_Value.unknown(type);
            const result = sets.slice(1).reduce((acc, s) => combine(acc, s.elements()), [...sets[0].elements()]);
            return value_Value.set(result, elementOf(type));
        },
    };
}
function keysOf(values) {
    return new Set(values.map(canonicalKey));
}
const setproduct = {
    params: [],
    varParam: { name: 'sets', type: DynamicPseudoType, allowMarked: true, allowUnknown: true },
    returnType: (args) => {
        if (args.length < 2)
            throw new FunctionCallError('at least two arguments are required');
        let listCount = 0;
        const elementTypes = args.map((arg, i) => {
            const t = arg.type;
            if (t.kind === 'set')
                return t.element;
            if (t.kind === 'list') {
                listCount++;
                return t.element;
            }
            if (t.kind !== 'tuple')
                throw new FunctionArgError(i, 'a set or a list is required');
            listCount++;
            if (t.elements.length === 0)
                return DynamicPseudoType;
            const unified = unifyUnsafe(t.elements);
            if (!unified)
                throw new FunctionArgError(i, 'all elements must be of the same type');
            return unified.type;
        });
        const element = tupleOf(elementTypes);
        return listCount === args.length ? listOf(element) : setOf(element);
    },
    impl: (args, type) => {
        const marks = new Set(args.flatMap((a) => [...a.marks]));
        const plain = args.map((a) => a.unmark()[0]);
        const lengthUnknown = (v) => !v.isKnown() || (v.type.kind === 'set' && v.length() !== 1 && !v.isWhollyKnown());
        if (plain.some(lengthUnknown))
            return value_Value.unknown(type).withMarks(marks);
        const element = elementOf(type);
        const componentTypes = element.kind === 'tuple' ? element.elements : [];
        // Cartesian product in argument order, the last argument varying fastest.
        let product = [[]];
        plain.forEach((arg, j) => {
            const items = arg
                .elements()
                .map((v) => (typeEquals(v.type, componentTypes[j]) ? v : convert_convert(v, componentTypes[j])));
            product = product.flatMap((prefix) => items.map((item) => [...prefix, item]));
        });
        const tuples = product.map((p) => value_Value.tuple(p));
        const out = type.kind === 'list' ? value_Value.list(tuples, element) : value_Value.set(tuples, element);
        return out.withMarks(marks);
    },
};
const setFunctions = {
    setintersection: setOperation((acc, next) => {
        const present = keysOf(next);
        return acc.filter((v) => present.has(canonicalKey(v)));
    }, false),
    setproduct,
    setunion: setOperation((acc, next) => [...acc, ...next], true),
};

;// CONCATENATED MODULE: ./build/eval/functions/gocty.js
/*
 * Go-side conversions whose results and error wording cty functions expose:
 * gocty's number-to-int conversion, strconv quoting and Go's string ordering.
 */
const MIN_INT64 = '-9223372036854775808';
const MAX_INT64 = '9223372036854775807';
/** gocty's error for a number that does not fit a Go int. */
const WHOLE_NUMBER_ERROR = `value must be a whole number, between ${MIN_INT64} and ${MAX_INT64}`;
/** The number as a Go int (int64), or undefined where gocty.FromCtyValue fails. */
function goInt(n) {
    if (!n.isFinite() || !n.isInteger() || n.lt(MIN_INT64) || n.gt(MAX_INT64))
        return undefined;
    return n.toNumber();
}
/** Go's strconv.Quote (the %q verb on a string). */
function gocty_goQuote(s) {
    let out = '"';
    for (const ch of s)
        out += quoteChar(ch, '"');
    return out + '"';
}
/** Go's strconv.QuoteRune (the %q verb on a rune). */
function goQuoteRune(ch) {
    return `'${quoteChar(ch, "'")}'`;
}
const SIMPLE_ESCAPES = {
    '\x07': '\\a',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\v': '\\v',
    '\\': '\\\\',
};
// strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const gocty_PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
function quoteChar(ch, quote) {
    if (ch === quote)
        return `\\${quote}`;
    const simple = SIMPLE_ESCAPES[ch];
    if (simple)
        return simple;
    if (gocty_PRINTABLE.test(ch))
        return ch;
    const cp = ch.codePointAt(0);
    if (cp < 0x80)
        return `\\x${gocty_hex(cp, 2)}`;
    if (cp < 0x10000)
        return `\\u${gocty_hex(cp, 4)}`;
    return `\\U${gocty_hex(cp, 8)}`;
}
function gocty_hex(n, width) {
    return n.toString(16).padStart(width, '0');
}
/** Go's string ordering: by UTF-8 bytes, which is code point order (not UTF-16 unit order). */
function compareCodePoints(a, b) {
    const ai = a[Symbol.iterator]();
    const bi = b[Symbol.iterator]();
    for (;;) {
        const x = ai.next();
        const y = bi.next();
        if (x.done || y.done)
            return x.done === y.done ? 0 : x.done ? -1 : 1;
        const d = x.value.codePointAt(0) - y.value.codePointAt(0);
        if (d !== 0)
            return d;
    }
}

;// CONCATENATED MODULE: ./build/eval/functions/collection-sequence.js







/*
 * Functions over ordered sequences (lists and tuples): go-cty stdlib's
 * chunklist, concat, element, flatten, range, reverse, slice and sort.
 */
function collection_sequence_elementType(t) {
    return t.kind === 'list' || t.kind === 'set' ? t.element : DynamicPseudoType;
}
function collectMarks(values) {
    return new Set(values.flatMap((v) => [...v.marks]));
}
const chunklist = {
    params: [
        { name: 'list', type: listOf(DynamicPseudoType), allowMarked: true },
        { name: 'size', type: NumberType, allowMarked: true },
    ],
    returnType: ([list]) => listOf(list.type),
    impl: ([list, sizeVal]) => {
        const marks = collectMarks([list, sizeVal]);
        const [plain] = list.unmark();
        const size = goInt(sizeVal.asNumber());
        if (size === undefined)
            throw new FunctionCallError(`invalid size: ${WHOLE_NUMBER_ERROR}`);
        if (size < 0)
            throw new FunctionCallError('the size argument must be positive');
        const elements = plain.elements();
        if (elements.length === 0)
            return value_Value.list([], plain.type).withMarks(marks);
        // A size of zero gives one chunk holding the whole list.
        if (size === 0)
            return value_Value.list([plain]).withMarks(marks);
        const chunks = [];
        for (let i = 0; i < elements.length; i += size)
            chunks.push(value_Value.list(elements.slice(i, i + size)));
        return value_Value.list(chunks).withMarks(marks);
    },
};
const concat = {
    params: [],
    varParam: { name: 'seqs', type: DynamicPseudoType, allowMarked: true },
    returnType: (args) => {
        if (args.length === 0)
            throw new FunctionCallError('at least one argument is required');
        // All lists with a common element type give a list; anything else gives a tuple.
        if (args.every((a) => a.type.kind === 'list')) {
            const unified = unifyUnsafe(args.map((a) => a.type));
            if (unified)
                return unified.type;
        }
        const types = [];
        for (const [i, arg] of args.entries()) {
            const t = arg.type;
            if (t.kind === 'tuple')
                types.push(...t.elements);
            else if (t.kind === 'list') {
                // A tuple type needs the list's length.
                if (!arg.isKnown())
                    return DynamicPseudoType;
                types.push(...arg
                    .unmark()[0]
                    .elements()
                    .map(() => t.element));
            }
            else {
                throw new FunctionArgError(i, `all arguments must be lists or tuples; got ${friendlyName(t)}`);
            }
        }
        return tupleOf(types);
    },
    impl: (args, type) => {
        const marks = collectMarks(args);
        const elements = [];
        for (const [i, arg] of args.entries()) {
            let seq = arg.unmark()[0];
            if (type.kind === 'list') {
                try {
                    seq = convert_convert(seq, type);
                }
                catch (e) {
                    throw new FunctionArgError(i, e.message);
                }
            }
            elements.push(...seq.elements());
        }
        const out = type.kind === 'list' ? value_Value.list(elements, type.element) : value_Value.tuple(elements);
        return out.withMarks(marks);
    },
};
const NEGATIVE_INDEX = 'cannot use element function with a negative index';
const EMPTY_LIST = 'cannot use element function with an empty list';
/** element's index: negative indexes are an error in the cty version Packer uses. */
function elementIndex(index) {
    const i = goInt(index.asNumber());
    if (index.asNumber().isNegative() && !index.asNumber().isZero())
        throw new FunctionCallError(NEGATIVE_INDEX);
    if (i === undefined)
        throw new FunctionCallError(`invalid index: ${WHOLE_NUMBER_ERROR}`);
    return i;
}
const collection_sequence_element = {
    params: [
        { name: 'list', type: DynamicPseudoType, allowMarked: true },
        { name: 'index', type: NumberType },
    ],
    returnType: ([list, index]) => {
        if (index.isKnown() && index.asNumber().isNegative() && !index.asNumber().isZero())
            throw new FunctionCallError(NEGATIVE_INDEX);
        const t = list.type;
        if (t.kind === 'list')
            return t.element;
        if (t.kind !== 'tuple')
            throw new FunctionCallError(`cannot read elements from ${friendlyName(t)}`);
        // Each tuple element has its own type, so the index decides the result type.
        if (!index.isKnown())
            return DynamicPseudoType;
        const i = elementIndex(index);
        if (t.elements.length === 0)
            throw new FunctionCallError(EMPTY_LIST);
        return t.elements[i % t.elements.length];
    },
    impl: ([list, index]) => {
        const i = elementIndex(index);
        const [plain, marks] = list.unmark();
        const elements = plain.elements();
        if (elements.length === 0)
            throw new FunctionCallError(EMPTY_LIST);
        return elements[i % elements.length].withMarks(marks);
    },
};
/** Flattens nested lists, sets and tuples; unknown nested sequences make the result unknown. */
function flattener(seq) {
    const [plain, ownMarks] = seq.unmark();
    const out = { values: [], marks: new Set(ownMarks), known: true };
    if (plain.type.kind === 'set' && plain.length() !== 1 && !plain.isWhollyKnown())
        return { ...out, known: false };
    let known = true;
    for (const v of plain.elements()) {
        // A value of unknown type could be another sequence.
        if (!v.isKnown() && v.type.kind === 'dynamic')
            known = false;
        const kind = v.type.kind;
        if (!v.isNull() && (kind === 'list' || kind === 'set' || kind === 'tuple')) {
            if (!v.isKnown()) {
                known = false;
                for (const m of v.marks)
                    out.marks.add(m);
                continue;
            }
            const inner = flattener(v);
            for (const m of inner.marks)
                out.marks.add(m);
            if (inner.known)
                out.values.push(...inner.values);
            else
                known = false;
        }
        else {
            out.values.push(v);
        }
    }
    return { ...out, known };
}
const flatten = {
    params: [{ name: 'list', type: DynamicPseudoType, allowMarked: true }],
    returnType: ([list]) => {
        if (!list.isWhollyKnown())
            return DynamicPseudoType;
        const kind = list.type.kind;
        if (kind !== 'list' && kind !== 'set' && kind !== 'tuple')
            throw new FunctionCallError('can only flatten lists, sets and tuples');
        const flat = flattener(list);
        return flat.known ? tupleOf(flat.values.map((v) => v.type)) : DynamicPseudoType;
    },
    impl: ([list], type) => {
        const [plain, marks] = list.unmark();
        if (plain.length() === 0)
            return value_Value.tuple([]).withMarks(marks);
        const flat = flattener(list);
        if (!flat.known)
            return value_Value.unknown(type).withMarks(flat.marks);
        return value_Value.tuple(flat.values).withMarks(flat.marks);
    },
};
const RANGE_LIMIT = 1024;
/** start, end and step from range's one, two or three arguments; the step defaults towards end. */
function rangeBounds(nums) {
    const [a, b, c] = nums;
    if (nums.length === 1)
        return [num(0), a, num(a.isNegative() && !a.isZero() ? -1 : 1)];
    if (nums.length === 2)
        return [a, b, num(b.lt(a) ? -1 : 1)];
    if (nums.length === 3)
        return [a, b, c];
    throw new FunctionCallError('must have one, two, or three arguments');
}
const range = {
    params: [],
    varParam: { name: 'params', type: NumberType },
    returnType: () => listOf(NumberType),
    impl: (args) => {
        const [start, end, step] = rangeBounds(args.map((a) => a.asNumber()));
        // cty's "step must not be zero" check compares value identity and never fires for
        // a given zero step, which therefore runs into the length limit instead.
        const down = step.isNegative() && !step.isZero();
        if (down && end.gt(start))
            throw new FunctionArgError(1, 'end must be less than start when step is negative');
        if (!down && end.lt(start))
            throw new FunctionArgError(1, 'end must be greater than start when step is positive');
        const values = [];
        for (let n = start; down ? n.gt(end) : n.lt(end); n = n.plus(step)) {
            if (values.length >= RANGE_LIMIT)
                throw new FunctionCallError('more than 1024 values were generated; either decrease the difference between start and end or use a smaller step');
            values.push(value_Value.number(n));
        }
        return value_Value.list(values, NumberType);
    },
};
const reverse = {
    params: [{ name: 'list', type: DynamicPseudoType, allowMarked: true }],
    returnType: ([list]) => {
        const t = list.type;
        if (t.kind === 'tuple')
            return tupleOf([...t.elements].reverse());
        // Sets are accepted, as if converted to a list.
        if (t.kind === 'list' || t.kind === 'set')
            return listOf(t.element);
        throw new FunctionArgError(0, `can only reverse list or tuple values, not ${friendlyName(t)}`);
    },
    impl: ([list], type) => {
        const [plain, marks] = list.unmark();
        const reversed = [...plain.elements()].reverse();
        const out = type.kind === 'tuple' ? value_Value.tuple(reversed) : value_Value.list(reversed, collection_sequence_elementType(type));
        return out.withMarks(marks);
    },
};
function sliceIndex(v, which, argIndex, length) {
    const i = goInt(v.asNumber());
    if (i === undefined)
        throw new FunctionArgError(argIndex, `invalid ${which} index: ${WHOLE_NUMBER_ERROR}`);
    if (i < 0)
        throw new FunctionArgError(argIndex, `${which} index must not be less than zero`);
    if (length !== undefined && i > length)
        throw new FunctionArgError(argIndex, `${which} index must not be greater than the length of the list`);
    return i;
}
function sliceBounds(list, startVal, endVal) {
    const [plain] = list.unmark();
    const length = plain.type.kind === 'tuple' ? plain.type.elements.length : plain.isKnown() ? plain.length() : undefined;
    const start = startVal.isKnown() ? sliceIndex(startVal, 'start', 1, length) : undefined;
    const end = endVal.isKnown() ? sliceIndex(endVal, 'end', 2, length) : undefined;
    if (start !== undefined && end !== undefined && start > end)
        throw new FunctionArgError(1, 'start index must not be greater than end index');
    return { start: start ?? 0, end: end ?? 0, known: start !== undefined && end !== undefined };
}
const slice = {
    params: [
        { name: 'list', type: DynamicPseudoType, allowMarked: true },
        { name: 'start_index', type: NumberType },
        { name: 'end_index', type: NumberType },
    ],
    returnType: ([list, start, end]) => {
        const t = list.type;
        if (t.kind === 'set')
            throw new FunctionArgError(0, 'cannot slice a set, because its elements do not have indices; explicitly convert to a list if the ordering of the result is not important');
        if (t.kind !== 'list' && t.kind !== 'tuple')
            throw new FunctionArgError(0, 'must be a list or tuple value');
        const bounds = sliceBounds(list, start, end);
        if (t.kind === 'list')
            return t;
        // A tuple's result type depends on which elements are taken.
        return bounds.known ? tupleOf(t.elements.slice(bounds.start, bounds.end)) : DynamicPseudoType;
    },
    impl: ([list, start, end], type) => {
        const [plain, marks] = list.unmark();
        if (type.kind === 'dynamic')
            return value_Value.unknown(DynamicPseudoType).withMarks(marks);
        const bounds = sliceBounds(list, start, end);
        const taken = plain.elements().slice(bounds.start, bounds.end);
        const out = type.kind === 'tuple' ? value_Value.tuple(taken) : value_Value.list(taken, collection_sequence_elementType(type));
        return out.withMarks(marks);
    },
};
const sort = {
    params: [{ name: 'list', type: listOf(StringType), allowUnknown: true }],
    returnType: () => listOf(StringType),
    impl: ([list], type) => {
        // Unknown elements leave the order unknown.
        if (!list.isWhollyKnown())
            return value_Value.unknown(type);
        const strings = list.elements().map((v, i) => {
            if (v.isNull())
                throw new FunctionCallError(`given list element ${i} is null; a null string cannot be sorted`);
            return v.asString();
        });
        strings.sort(compareCodePoints);
        return value_Value.list(strings.map((s) => value_Value.string(s)), StringType);
    },
};
const sequenceFunctions = {
    chunklist,
    concat,
    element: collection_sequence_element,
    flatten,
    range,
    reverse,
    slice,
    sort,
};

;// CONCATENATED MODULE: ./build/eval/functions/graphemes.js
/*
 * Unicode "characters" as cty counts them: extended grapheme clusters (UAX #29),
 * which cty finds with go-textseg and we find with Intl.Segmenter.
 */
// Made on first use: the first Intl.Segmenter in a process loads ICU's break
// rules, ~8 ms that a start which never counts characters should not pay.
let segmenter;
function segments(s) {
    segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
    return segmenter.segment(s);
}
function graphemes(s) {
    return Array.from(segments(s), (g) => g.segment);
}
function graphemeCount(s) {
    let n = 0;
    for (const _ of segments(s))
        n++;
    return n;
}

;// CONCATENATED MODULE: ./build/eval/functions/collection.js









/*
 * Collection functions that search, test or reshape maps and lists: go-cty
 * stdlib collection.go, go-cty-funcs' coalesce, and Packer's own index, length,
 * alltrue and anytrue. Sequence and set functions live beside this file.
 */
const collection_isTrue = (v) => v.isKnown() && !v.isNull() && v.asBool();
function collection_elementType(t) {
    return t.kind === 'list' || t.kind === 'set' || t.kind === 'map' ? t.element : DynamicPseudoType;
}
function allMarks(values) {
    return new Set(values.flatMap((v) => [...v.marks]));
}
/** Packer's length: strings count grapheme clusters; tuples and objects count by type. */
const collection_length = {
    params: [{ name: 'value', type: DynamicPseudoType, allowDynamicType: true, allowUnknown: true }],
    returnType: ([v]) => {
        if (['string', 'tuple', 'object', 'list', 'map', 'set', 'dynamic'].includes(v.type.kind))
            return NumberType;
        throw new FunctionCallError('argument must be a string, a collection type, or a structural type');
    },
    impl: ([v]) => {
        const t = v.type;
        if (t.kind === 'tuple')
            return value_Value.number(t.elements.length);
        if (t.kind === 'object')
            return value_Value.number(t.attributes.size);
        if (!v.isKnown() || t.kind === 'dynamic')
            return value_Value.unknown(NumberType);
        if (t.kind === 'string')
            return value_Value.number(graphemeCount(v.asString()));
        // Unknown set elements may turn out equal to others, so the set's length is not known yet.
        if (t.kind === 'set' && v.length() !== 1 && !v.isWhollyKnown())
            return value_Value.unknown(NumberType);
        return value_Value.number(v.length());
    },
};
/** Packer's index: the first position of a value in a list or tuple. */
const index = {
    params: [
        { name: 'list', type: DynamicPseudoType },
        { name: 'value', type: DynamicPseudoType },
    ],
    returnType: () => NumberType,
    impl: ([list, value]) => {
        if (list.type.kind !== 'list' && list.type.kind !== 'tuple')
            throw new FunctionCallError('argument must be a list or tuple');
        if (list.length() === 0)
            throw new FunctionCallError('cannot search an empty list');
        const elements = list.elements();
        for (let i = 0; i < elements.length; i++) {
            const eq = equals(elements[i], value);
            if (!eq.isKnown())
                return value_Value.unknown(NumberType);
            if (eq.asBool())
                return value_Value.number(i);
        }
        throw new FunctionCallError('item not found');
    },
};
const collection_contains = {
    params: [
        { name: 'list', type: DynamicPseudoType },
        { name: 'value', type: DynamicPseudoType },
    ],
    returnType: () => types_BoolType,
    impl: ([list, value]) => {
        const kind = list.type.kind;
        if (kind !== 'list' && kind !== 'tuple' && kind !== 'set')
            throw new FunctionCallError('argument must be list, tuple, or set');
        if (list.length() === 0)
            return value_Value.bool(false);
        let containsUnknown = false;
        for (const element of list.elements()) {
            const eq = equals(value, element);
            if (!eq.isKnown())
                containsUnknown = true;
            else if (eq.asBool())
                return value_Value.bool(true);
        }
        return containsUnknown ? value_Value.unknown(types_BoolType) : value_Value.bool(false);
    },
};
const distinct = {
    params: [{ name: 'list', type: listOf(DynamicPseudoType) }],
    returnType: ([list]) => list.type,
    impl: ([list], type) => {
        if (!list.isWhollyKnown())
            return value_Value.unknown(type);
        const kept = [];
        for (const v of list.elements())
            if (!kept.some((k) => collection_isTrue(equals(k, v))))
                kept.push(v);
        return value_Value.list(kept, collection_elementType(type));
    },
};
const compact = {
    params: [{ name: 'list', type: listOf(StringType) }],
    returnType: () => listOf(StringType),
    impl: ([list], type) => {
        if (!list.isWhollyKnown())
            return value_Value.unknown(type);
        const kept = list.elements().filter((v) => !v.isNull() && v.asString() !== '');
        return value_Value.list(kept, StringType);
    },
};
/** go-cty-funcs' coalesce: the first argument that is neither null nor an empty string. */
const coalesce = {
    params: [],
    varParam: { name: 'vals', type: DynamicPseudoType, allowUnknown: true, allowDynamicType: true, allowNull: true },
    returnType: (args) => {
        const unified = args.length > 0 ? unifyUnsafe(args.map((a) => a.type)) : null;
        if (!unified)
            throw new FunctionCallError('all arguments must have the same type');
        return unified.type;
    },
    impl: (args, type) => {
        for (const arg of args) {
            const v = convert_convert(arg, type);
            if (!v.isKnown())
                return value_Value.unknown(type);
            if (v.isNull())
                continue;
            if (type.kind === 'string' && v.asString() === '')
                continue;
            return v;
        }
        throw new FunctionCallError('no non-null, non-empty-string arguments');
    },
};
const coalescelist = {
    params: [],
    varParam: { name: 'vals', type: DynamicPseudoType, allowUnknown: true, allowDynamicType: true, allowNull: true },
    returnType: (args) => {
        if (args.length === 0)
            throw new FunctionCallError('at least one argument is required');
        // If any argument is unknown we can't know which one will be returned.
        if (args.some((a) => !a.isKnown()))
            return DynamicPseudoType;
        for (const a of args) {
            if (a.type.kind !== 'list' && a.type.kind !== 'tuple')
                throw new FunctionCallError('coalescelist arguments must be lists or tuples');
        }
        const first = args[0].type;
        return args.every((a) => typeEquals(a.type, first)) ? first : DynamicPseudoType;
    },
    impl: (args, type) => {
        for (const arg of args) {
            if (!arg.isKnown())
                return value_Value.unknown(type);
            if (!arg.isNull() && arg.length() > 0)
                return arg;
        }
        throw new FunctionCallError('no non-null arguments');
    },
};
function boolAggregate(all) {
    return {
        params: [{ name: 'list', type: listOf(types_BoolType) }],
        returnType: () => types_BoolType,
        impl: ([list]) => {
            let sawUnknown = false;
            for (const v of list.elements()) {
                if (!v.isKnown()) {
                    // alltrue cannot decide past an unknown; anytrue may still find a true.
                    if (all)
                        return value_Value.unknown(types_BoolType);
                    sawUnknown = true;
                }
                else if (v.isNull()) {
                    if (all)
                        return value_Value.bool(false);
                }
                else if (v.asBool() !== all) {
                    return value_Value.bool(!all);
                }
            }
            return sawUnknown ? value_Value.unknown(types_BoolType) : value_Value.bool(all);
        },
    };
}
const keys = {
    params: [{ name: 'inputMap', type: DynamicPseudoType, allowUnknown: true, allowMarked: true }],
    returnType: ([m]) => {
        const t = m.type;
        if (t.kind === 'map')
            return listOf(StringType);
        if (t.kind === 'object')
            return tupleOf([...t.attributes.keys()].map(() => StringType));
        throw new FunctionArgError(0, 'must have map or object type');
    },
    impl: ([m], type) => {
        const t = m.type;
        // Object keys come from the type, so they are known even when the value is not.
        if (t.kind === 'object')
            return withMarksOf(value_Value.tuple([...t.attributes.keys()].map((k) => value_Value.string(k))), m);
        if (!m.isKnown())
            return withMarksOf(value_Value.unknown(type), m);
        const names = [...m.entries().keys()].map((k) => value_Value.string(k));
        return withMarksOf(value_Value.list(names, StringType), m);
    },
};
const values = {
    params: [{ name: 'mapping', type: DynamicPseudoType, allowMarked: true }],
    returnType: ([m]) => {
        const t = m.type;
        if (t.kind === 'map')
            return listOf(t.element);
        if (t.kind === 'object')
            return tupleOf([...t.attributes.values()]);
        throw new FunctionCallError('values() requires a map as the first argument');
    },
    impl: ([m], type) => {
        const [plain] = m.unmark();
        const vals = [...plain.entries().values()];
        const out = type.kind === 'tuple' ? value_Value.tuple(vals) : value_Value.list(vals, collection_elementType(type));
        return withMarksOf(out, m);
    },
};
const lookup = {
    params: [
        { name: 'inputMap', type: DynamicPseudoType, allowMarked: true },
        { name: 'key', type: StringType, allowMarked: true },
        { name: 'default', type: DynamicPseudoType, allowMarked: true },
    ],
    returnType: ([m, key, fallback]) => {
        const t = m.type;
        if (t.kind === 'object') {
            if (!key.isKnown())
                return DynamicPseudoType;
            return t.attributes.get(key.asString()) ?? fallback.type;
        }
        if (t.kind === 'map') {
            try {
                convert_convert(fallback.unmark()[0], t.element);
            }
            catch {
                throw new FunctionArgError(2, 'the default value must have the same type as the map elements');
            }
            return t.element;
        }
        throw new FunctionArgError(0, 'lookup() requires a map as the first argument');
    },
    impl: ([m, key, fallback], type) => {
        const [plain] = m.unmark();
        const marks = allMarks([m, key]);
        if (!plain.isWhollyKnown())
            return value_Value.unknown(type).withMarks(marks);
        const found = plain.entries().get(key.asString());
        if (found)
            return found.withMarks(marks);
        try {
            const [plainFallback, fallbackMarks] = fallback.unmark();
            return convert_convert(plainFallback, type).withMarks(fallbackMarks).withMarks(marks);
        }
        catch (e) {
            throw new FunctionCallError(e.message);
        }
    },
};
const merge = {
    params: [],
    varParam: { name: 'maps', type: DynamicPseudoType, allowDynamicType: true, allowNull: true, allowMarked: true },
    returnType: (args) => {
        if (args.length === 0)
            return EmptyObjectType;
        const attrs = new Map();
        let attrsKnown = true;
        for (const arg of args) {
            const t = arg.type;
            if (t.kind === 'dynamic')
                return DynamicPseudoType;
            if (t.kind === 'object') {
                if (!arg.isNull())
                    for (const [name, at] of t.attributes)
                        attrs.set(name, at);
            }
            else if (t.kind === 'map') {
                if (!arg.isKnown())
                    attrsKnown = false;
                else if (!arg.isNull())
                    for (const name of arg.unmark()[0].entries().keys())
                        attrs.set(name, t.element);
            }
            else {
                throw new FunctionCallError(`arguments must be maps or objects, got "${friendlyName(t)}"`);
            }
        }
        // When every argument has the same type, that is the result type.
        const first = args[0].type;
        if (args.every((a) => typeEquals(a.type, first)))
            return first;
        if (!attrsKnown)
            return DynamicPseudoType;
        return objectOf(attrs);
    },
    impl: (args, type) => {
        const out = new Map();
        for (const arg of args) {
            if (arg.isNull())
                continue;
            for (const [k, v] of arg.unmark()[0].entries())
                out.set(k, v);
        }
        const marks = allMarks(args);
        if (type.kind === 'map')
            return value_Value.map(out, type.element).withMarks(marks);
        return value_Value.object(out).withMarks(marks);
    },
};
const zipmap = {
    params: [
        { name: 'keys', type: listOf(StringType), allowMarked: true },
        { name: 'values', type: DynamicPseudoType, allowMarked: true },
    ],
    returnType: ([keyList, vals]) => {
        const t = vals.type;
        if (t.kind === 'list')
            return mapOf(t.element);
        if (t.kind !== 'tuple')
            throw new FunctionCallError('values argument must be a list or tuple value');
        // An object result needs every key name.
        if (!keyList.isWhollyKnown())
            return DynamicPseudoType;
        const names = zipKeys(keyList);
        if (names.length !== t.elements.length)
            throw new FunctionCallError(`number of keys (${names.length}) does not match number of values (${t.elements.length})`);
        return objectOf(new Map(names.map((n, i) => [n, t.elements[i]])));
    },
    impl: ([keyList, vals], type) => {
        const [plainKeys, keysMarks] = keyList.unmark();
        const [plainVals, valsMarks] = vals.unmark();
        const marks = new Set([...keysMarks, ...valsMarks]);
        if (!plainKeys.isWhollyKnown())
            return value_Value.unknown(type).withMarks(marks);
        const names = zipKeys(plainKeys);
        const elements = plainVals.elements();
        if (names.length !== elements.length)
            throw new FunctionCallError(`number of keys (${names.length}) does not match number of values (${elements.length})`);
        // Keys cannot carry marks, so their marks go on the whole result.
        for (const k of plainKeys.elements())
            for (const m of k.marks)
                marks.add(m);
        const out = new Map(names.map((n, i) => [n, elements[i]]));
        const result = type.kind === 'map' ? value_Value.map(out, type.element) : value_Value.object(out);
        return result.withMarks(marks);
    },
};
function zipKeys(keyList) {
    return keyList
        .unmark()[0]
        .elements()
        .map((k, i) => {
        if (k.isNull())
            throw new FunctionCallError(`keys list has null value at index ${i}`);
        return k.unmark()[0].asString();
    });
}
const collectionFunctions = {
    alltrue: boolAggregate(true),
    anytrue: boolAggregate(false),
    coalesce,
    coalescelist,
    compact,
    contains: collection_contains,
    distinct,
    index,
    keys,
    length: collection_length,
    lookup,
    merge,
    values,
    zipmap,
    ...sequenceFunctions,
    ...setFunctions,
};

;// CONCATENATED MODULE: ./build/eval/functions/gobase64.js
/*
 * Go's base64.StdEncoding.DecodeString: padded standard alphabet, '\r' and
 * '\n' skipped anywhere, and on bad input the byte offset Go reports as a
 * CorruptInputError. (Node's decoder accepts almost anything, so it cannot
 * decide validity on its own.)
 */
const Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DecodeMap = new Map([...Alphabet].map((c, i) => [c.charCodeAt(0), i]));
const isNewline = (b) => b === 0x0a || b === 0x0d;
function decodeBase64(text) {
    const src = Buffer.from(text, 'utf8');
    const out = [];
    let si = 0;
    for (;;) {
        const quantum = [];
        let done = false;
        while (quantum.length < 4) {
            if (si === src.length) {
                if (quantum.length === 0)
                    return { bytes: Buffer.from(out) };
                return { corruptAt: si - quantum.length };
            }
            const b = src[si];
            si++;
            const d = DecodeMap.get(b);
            if (d !== undefined) {
                quantum.push(d);
                continue;
            }
            if (isNewline(b))
                continue;
            if (b !== 0x3d /* = */)
                return { corruptAt: si - 1 };
            // Padding: only after two or three symbols, then only newlines may follow.
            if (quantum.length < 2)
                return { corruptAt: si - 1 };
            if (quantum.length === 2) {
                while (si < src.length && isNewline(src[si]))
                    si++;
                if (si === src.length)
                    return { corruptAt: src.length };
                if (src[si] !== 0x3d)
                    return { corruptAt: si - 1 };
                si++;
            }
            while (si < src.length && isNewline(src[si]))
                si++;
            if (si < src.length)
                return { corruptAt: si };
            done = true;
            break;
        }
        const [a = 0, b = 0, c = 0, d = 0] = quantum;
        const bits = (a << 18) | (b << 12) | (c << 6) | d;
        const bytes = [(bits >> 16) & 0xff, (bits >> 8) & 0xff, bits & 0xff];
        out.push(...bytes.slice(0, quantum.length - 1));
        if (done)
            return { bytes: Buffer.from(out) };
    }
}

;// CONCATENATED MODULE: ./build/eval/functions/deferred.js

/*
 * Modules that only a few functions need, required on first use rather than
 * imported, so that a CLI start neither compiles nor loads them: re2js
 * (regex, regexall, regex_replace), js-yaml (yamldecode), iconv-lite
 * (textencodebase64, textdecodebase64) and bcryptjs (bcrypt) are half of the
 * console bundle, and node:crypto and node:zlib take ~3 and ~2 ms to load.
 * Function implementations stay synchronous, so this is a plain require, which
 * ncc leaves alone: scripts/build.mjs ships each package as a bundle of its
 * own, vendor/<name>.cjs beside every bundle containing this module; run from
 * source, the packages resolve in node_modules.
 */
/** The packages required here; scripts/build.mjs vendors each of them. */
const VENDORED = (/* unused pure expression or super */ null && (['re2js', 'js-yaml', 'iconv-lite', 'bcryptjs']));
const deferred_require = (0,external_node_module_namespaceObject.createRequire)(import.meta.url);
const loaded = new Map();
function vendored(name) {
    if (!loaded.has(name)) {
        let path;
        try {
            path = deferred_require.resolve(`./vendor/${name}.cjs`);
        }
        catch {
            path = name;
        }
        loaded.set(name, deferred_require(path));
    }
    return loaded.get(name);
}
const re2js = () => vendored('re2js');
const jsYaml = () => vendored('js-yaml');
const iconv = () => vendored('iconv-lite');
const bcrypt = () => vendored('bcryptjs');
const nodeCrypto = () => deferred_require('node:crypto');
const nodeZlib = () => deferred_require('node:zlib');

;// CONCATENATED MODULE: ./build/eval/functions/crypto.js






/*
 * Hashes, bcrypt, RSA decryption and UUIDs, as go-cty-funcs implements them.
 */
const str = (name) => ({ name, type: StringType });
const staticString = () => StringType;
const hashFunction = (algorithm, description) => ({
    description,
    params: [str('str')],
    returnType: staticString,
    impl: (args) => value_Value.string(nodeCrypto().createHash(algorithm).update(args[0].asString(), 'utf8').digest('hex')),
});
const MaxBcryptCost = 31;
const MinBcryptCost = 4;
const DefaultBcryptCost = 10;
function costArg(v) {
    const cost = goInt(v.asNumber());
    if (cost === undefined)
        throw new FunctionCallError(WHOLE_NUMBER_ERROR);
    return cost;
}
function bcryptHash(password, costArg) {
    // golang.org/x/crypto/bcrypt: a cost below the minimum means the default.
    let cost = costArg ?? DefaultBcryptCost;
    if (cost < MinBcryptCost)
        cost = DefaultBcryptCost;
    if (cost > MaxBcryptCost) {
        throw new FunctionCallError(`error occured generating password crypto/bcrypt: cost ${cost} is outside allowed range (${MinBcryptCost},${MaxBcryptCost})`);
    }
    if (Buffer.byteLength(password, 'utf8') > 72) {
        throw new FunctionCallError('error occured generating password bcrypt: password length exceeds 72 bytes');
    }
    // bcryptjs writes the "$2b$" prefix; Go writes "$2a$" for the same algorithm.
    const { genSaltSync, hashSync } = bcrypt();
    const salt = genSaltSync(cost).replace(/^\$2b\$/, '$2a$');
    return hashSync(password, salt);
}
function rsaDecrypt(ciphertext, pem) {
    const decoded = decodeBase64(ciphertext);
    if (!('bytes' in decoded)) {
        throw new FunctionCallError(`failed to decode input ${gocty_goQuote(ciphertext)}: cipher text must be base64-encoded`);
    }
    const block = /-----BEGIN ([^-\n]+)-----\r?\n([\s\S]*?)-----END \1-----/.exec(pem);
    if (!block)
        throw new FunctionCallError('failed to parse key: no key found');
    if (/^Proc-Type:\s*4,ENCRYPTED\s*$/m.test(block[2])) {
        throw new FunctionCallError('failed to parse key: password protected keys are not supported. Please decrypt the key prior to use');
    }
    // x509.ParsePKCS1PrivateKey: only PKCS #1 ("RSA PRIVATE KEY") DER is accepted.
    const der = Buffer.from(block[2].replace(/^[A-Za-z-]+:.*$/gm, '').replace(/\s+/g, ''), 'base64');
    const kind = derKeyKind(der);
    const key = kind === 'pkcs1' ? parseDer(der) : undefined;
    if (!key) {
        const hint = kind === 'sec1' ? 'ParseECPrivateKey' : kind === 'pkcs8' ? 'ParsePKCS8PrivateKey' : undefined;
        throw new FunctionCallError(hint
            ? `x509: failed to parse private key (use ${hint} instead for this key format)`
            : "asn1: structure error: tags don't match");
    }
    return unpadPkcs1v15(key, decoded.bytes);
}
/**
 * RSAES-PKCS1-v1_5 decryption. Node refuses PKCS #1 v1.5 padding in
 * privateDecrypt (CVE-2023-46809), so the raw RSA operation runs unpadded and
 * the padding is checked here, with Go's single error for any failure.
 */
function parseDer(der) {
    try {
        return nodeCrypto().createPrivateKey({ key: der, format: 'der', type: 'pkcs1' });
    }
    catch {
        return undefined;
    }
}
/**
 * Which private key structure DER holds, by the element after the leading
 * version INTEGER: an INTEGER (the modulus, PKCS #1), a SEQUENCE (the
 * algorithm, PKCS #8) or an OCTET STRING (the EC private key, SEC 1).
 * OpenSSL itself accepts all of them where Go's ParsePKCS1PrivateKey does not.
 */
function derKeyKind(der) {
    let at = 0;
    const header = () => {
        const first = der[at + 1];
        if (first === undefined)
            return undefined;
        if (first < 0x80) {
            at += 2;
            return first;
        }
        const n = first & 0x7f;
        let len = 0;
        for (let i = 0; i < n; i++)
            len = len * 256 + (der[at + 2 + i] ?? 0);
        at += 2 + n;
        return len;
    };
    if (der[at] !== 0x30 || header() === undefined)
        return undefined;
    if (der[at] !== 0x02)
        return undefined;
    const versionLength = header();
    if (versionLength === undefined)
        return undefined;
    at += versionLength;
    return { 0x02: 'pkcs1', 0x30: 'pkcs8', 0x04: 'sec1' }[der[at] ?? -1];
}
function unpadPkcs1v15(key, ciphertext) {
    const fail = () => new FunctionCallError('crypto/rsa: decryption error');
    const k = Math.ceil((key.asymmetricKeyDetails?.modulusLength ?? 0) / 8);
    if (ciphertext.length > k || k < 11)
        throw fail();
    let em;
    try {
        const padded = Buffer.concat([Buffer.alloc(k - ciphertext.length), ciphertext]);
        const { privateDecrypt, constants } = nodeCrypto();
        em = privateDecrypt({ key, padding: constants.RSA_NO_PADDING }, padded);
    }
    catch {
        throw fail();
    }
    const separator = em.indexOf(0, 2);
    if (em[0] !== 0 || em[1] !== 2 || separator < 10)
        throw fail();
    return em.subarray(separator + 1).toString('utf8');
}
const Namespaces = {
    dns: '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
    url: '6ba7b811-9dad-11d1-80b4-00c04fd430c8',
    oid: '6ba7b812-9dad-11d1-80b4-00c04fd430c8',
    x500: '6ba7b814-9dad-11d1-80b4-00c04fd430c8',
};
/** github.com/google/uuid Parse: the forms it accepts, as 16 bytes, or its error. */
function parseUUID(s) {
    let hex;
    const byteLength = Buffer.byteLength(s);
    if (byteLength !== s.length) {
        return [32, 36, 38, 45].includes(byteLength) ? 'invalid UUID format' : `invalid UUID length: ${byteLength}`;
    }
    if (s.length === 36) {
        if (!/^.{8}-.{4}-.{4}-.{4}-.{12}$/.test(s))
            return 'invalid UUID format';
        hex = s.replace(/-/g, '');
    }
    else if (s.length === 45) {
        if (!s.toLowerCase().startsWith('urn:uuid:'))
            return `invalid urn prefix: ${gocty_goQuote(s.slice(0, 9))}`;
        return parseUUID(s.slice(9));
    }
    else if (s.length === 38) {
        return parseUUID(s.slice(1, 37)); // the braces themselves are not checked
    }
    else if (s.length === 32)
        hex = s;
    else
        return `invalid UUID length: ${s.length}`;
    if (!/^[0-9a-fA-F]{32}$/.test(hex))
        return 'invalid UUID format';
    return Buffer.from(hex, 'hex');
}
function formatUUID(b) {
    const h = b.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
function uuidV5(namespace, name) {
    const ns = parseUUID(Namespaces[namespace] ?? namespace);
    if (typeof ns === 'string')
        throw new FunctionCallError(`uuidv5() doesn't support namespace ${namespace} (${ns})`);
    const hash = nodeCrypto().createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
    hash[6] = (hash[6] & 0x0f) | 0x50;
    hash[8] = (hash[8] & 0x3f) | 0x80;
    return formatUUID(hash);
}
const cryptoFunctions = {
    md5: hashFunction('md5', 'Computes the MD5 hash of a given string and encodes it with hexadecimal digits.'),
    sha1: hashFunction('sha1', 'Computes the SHA1 hash of a given string and encodes it with hexadecimal digits.'),
    sha256: hashFunction('sha256', 'Computes the SHA256 hash of a given string and encodes it with hexadecimal digits.'),
    sha512: hashFunction('sha512', 'Computes the SHA512 hash of a given string and encodes it with hexadecimal digits.'),
    bcrypt: {
        description: 'Computes a hash of the given string using the Blowfish cipher.',
        params: [str('str')],
        varParam: { name: 'cost', type: NumberType },
        returnType: staticString,
        impl: (args) => {
            const cost = args.length > 1 ? costArg(args[1]) : undefined;
            if (args.length > 2)
                throw new FunctionCallError('bcrypt() takes no more than two arguments');
            return value_Value.string(bcryptHash(args[0].asString(), cost));
        },
    },
    rsadecrypt: {
        description: 'Decrypts an RSA-encrypted ciphertext, returning the corresponding cleartext.',
        params: [str('ciphertext'), str('privatekey')],
        returnType: staticString,
        impl: (args) => value_Value.string(rsaDecrypt(args[0].asString(), args[1].asString())),
    },
    uuidv4: {
        description: 'Generates a unique identifier string.',
        params: [],
        returnType: staticString,
        impl: () => value_Value.string(nodeCrypto().randomUUID()),
    },
    uuidv5: {
        description: 'Generates a name-based UUID, as described in RFC 4122 section 4.3.',
        params: [str('namespace'), str('name')],
        returnType: staticString,
        impl: (args) => value_Value.string(uuidV5(args[0].asString(), args[1].asString())),
    },
};

;// CONCATENATED MODULE: ./build/eval/functions/gotime.js

const MonthNames = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
];
const DayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
function daysFromCivil(year, month, day) {
    const y = month <= 2 ? year - 1 : year;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
}
function civilFromDays(days) {
    const z = days + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const month = mp < 10 ? mp + 3 : mp - 9;
    return [month <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, month, day];
}
function isLeap(year) {
    return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}
function daysIn(month, year) {
    if (month === 2)
        return isLeap(year) ? 29 : 28;
    return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
function civil(t) {
    const local = t.sec + t.offset;
    const days = Math.floor(local / 86400);
    const secOfDay = local - days * 86400;
    const [year, month, day] = civilFromDays(days);
    return {
        year,
        month,
        day,
        hour: Math.floor(secOfDay / 3600),
        minute: Math.floor((secOfDay % 3600) / 60),
        second: secOfDay % 60,
        weekday: (((days + 4) % 7) + 7) % 7,
        yearDay: days - daysFromCivil(year, 1, 1) + 1,
    };
}
/** Go's Time.ISOWeek: [ISO year, ISO week]. */
function isoWeek(t) {
    const c = civil(t);
    // Move to the Thursday of the same Monday-based week; its year owns the week.
    const shift = c.weekday === 0 ? -3 : 4 - c.weekday;
    const thursday = civil({ ...t, sec: t.sec + shift * 86400 });
    return [thursday.year, Math.floor((thursday.yearDay - 1) / 7) + 1];
}
function dateTime(parts, offset, zone = '') {
    const days = daysFromCivil(parts.year, parts.month, parts.day);
    const sec = days * 86400 + parts.hour * 3600 + parts.minute * 60 + parts.second - offset;
    return { sec, nsec: parts.nsec, offset, zone };
}
function nowUTC() {
    const ms = Date.now();
    const sec = Math.floor(ms / 1000);
    return { sec, nsec: (ms - sec * 1000) * 1e6, offset: 0, zone: 'UTC' };
}
/** t plus a duration in nanoseconds (exact: BigInt arithmetic). */
function addDuration(t, ns) {
    const total = BigInt(t.sec) * 1000000000n + BigInt(t.nsec) + ns;
    let sec = total / 1000000000n;
    let nsec = total % 1000000000n;
    if (nsec < 0n) {
        nsec += 1000000000n;
        sec -= 1n;
    }
    return { ...t, sec: Number(sec), nsec: Number(nsec) };
}
const isLower = (c) => c !== undefined && c >= 'a' && c <= 'z';
const isDigitAt = (s, i) => i < s.length && s[i] >= '0' && s[i] <= '9';
/** Go's nextStdChunk: the text before the first layout element, the element, the rest. */
function nextStdChunk(layout) {
    const at = (i, std, len) => ({
        prefix: layout.slice(0, i),
        std,
        suffix: layout.slice(i + len),
    });
    for (let i = 0; i < layout.length; i++) {
        const rest = layout.slice(i);
        switch (layout[i]) {
            case 'J':
                if (rest.startsWith('January'))
                    return at(i, 'January', 7);
                if (rest.startsWith('Jan') && !isLower(rest[3]))
                    return at(i, 'Jan', 3);
                break;
            case 'M':
                if (rest.startsWith('Monday'))
                    return at(i, 'Monday', 6);
                if (rest.startsWith('Mon') && !isLower(rest[3]))
                    return at(i, 'Mon', 3);
                if (rest.startsWith('MST'))
                    return at(i, 'MST', 3);
                break;
            case '0':
                if (rest.length >= 2 && rest[1] >= '1' && rest[1] <= '6')
                    return at(i, rest.slice(0, 2), 2);
                if (rest.startsWith('002'))
                    return at(i, '002', 3);
                break;
            case '1':
                return rest.startsWith('15') ? at(i, '15', 2) : at(i, '1', 1);
            case '2':
                return rest.startsWith('2006') ? at(i, '2006', 4) : at(i, '2', 1);
            case '_':
                if (rest[1] === '2') {
                    // "_2006" is a literal underscore followed by the long year.
                    if (rest.startsWith('_2006'))
                        return { prefix: layout.slice(0, i + 1), std: '2006', suffix: rest.slice(5) };
                    return at(i, '_2', 2);
                }
                if (rest.startsWith('__2'))
                    return at(i, '__2', 3);
                break;
            case '3':
            case '4':
            case '5':
                return at(i, layout[i], 1);
            case 'P':
                if (rest[1] === 'M')
                    return at(i, 'PM', 2);
                break;
            case 'p':
                if (rest[1] === 'm')
                    return at(i, 'pm', 2);
                break;
            case '-':
            case 'Z': {
                const z = layout[i];
                for (const std of ['070000', '07:00:00', '0700', '07:00', '07']) {
                    if (rest.startsWith(z + std))
                        return at(i, (z + std), std.length + 1);
                }
                break;
            }
            case '.':
            case ',': {
                const digit = rest[1];
                if (digit === '0' || digit === '9') {
                    let j = i + 1;
                    while (j < layout.length && layout[j] === digit)
                        j++;
                    if (!isDigitAt(layout, j)) {
                        return {
                            prefix: layout.slice(0, i),
                            std: 'frac',
                            suffix: layout.slice(j),
                            frac: { sep: layout[i], digit, n: j - i - 1 },
                        };
                    }
                }
                break;
            }
        }
    }
    return { prefix: layout, std: undefined, suffix: '' };
}
const pad = (n, width) => {
    const s = String(Math.abs(n)).padStart(width, '0');
    return n < 0 ? `-${s}` : s;
};
function formatZone(std, offset, zone) {
    if (std === 'MST') {
        if (zone !== '')
            return zone;
        const m = Math.trunc(offset / 60);
        return (m < 0 ? '-' : '+') + pad(Math.trunc(Math.abs(m) / 60), 2) + pad(Math.abs(m) % 60, 2);
    }
    if (std.startsWith('Z') && offset === 0)
        return 'Z';
    const abs = Math.abs(offset);
    const colon = std.includes(':');
    let out = (offset < 0 ? '-' : '+') + pad(Math.floor(abs / 3600), 2);
    if (std !== '-07' && std !== 'Z07')
        out += (colon ? ':' : '') + pad(Math.floor(abs / 60) % 60, 2);
    if (std.endsWith('0000') || std.endsWith(':00:00'))
        out += (colon ? ':' : '') + pad(abs % 60, 2);
    return out;
}
/** Go's Time.Format with a reference-time layout ("2006-01-02T15:04:05Z07:00"). */
function formatGo(t, layout) {
    const c = civil(t);
    let out = '';
    let rest = layout;
    for (;;) {
        const chunk = nextStdChunk(rest);
        out += chunk.prefix;
        if (chunk.std === undefined)
            return out;
        rest = chunk.suffix;
        const hour12 = c.hour % 12 === 0 ? 12 : c.hour % 12;
        switch (chunk.std) {
            case '06':
                out += pad(((c.year % 100) + 100) % 100, 2);
                break;
            case '2006':
                out += pad(c.year, 4);
                break;
            case 'Jan':
                out += MonthNames[c.month - 1].slice(0, 3);
                break;
            case 'January':
                out += MonthNames[c.month - 1];
                break;
            case '1':
                out += String(c.month);
                break;
            case '01':
                out += pad(c.month, 2);
                break;
            case 'Mon':
                out += DayNames[c.weekday].slice(0, 3);
                break;
            case 'Monday':
                out += DayNames[c.weekday];
                break;
            case '2':
                out += String(c.day);
                break;
            case '_2':
                out += String(c.day).padStart(2, ' ');
                break;
            case '02':
                out += pad(c.day, 2);
                break;
            case '__2':
                out += String(c.yearDay).padStart(3, ' ');
                break;
            case '002':
                out += pad(c.yearDay, 3);
                break;
            case '15':
                out += pad(c.hour, 2);
                break;
            case '3':
                out += String(hour12);
                break;
            case '03':
                out += pad(hour12, 2);
                break;
            case '4':
                out += String(c.minute);
                break;
            case '04':
                out += pad(c.minute, 2);
                break;
            case '5':
                out += String(c.second);
                break;
            case '05':
                out += pad(c.second, 2);
                break;
            case 'PM':
                out += c.hour >= 12 ? 'PM' : 'AM';
                break;
            case 'pm':
                out += c.hour >= 12 ? 'pm' : 'am';
                break;
            case 'frac': {
                const { sep, digit, n } = chunk.frac;
                const digits = String(t.nsec).padStart(9, '0').slice(0, n);
                if (digit === '0')
                    out += sep + digits;
                else {
                    const trimmed = digits.replace(/0+$/, '');
                    if (trimmed !== '')
                        out += sep + trimmed;
                }
                break;
            }
            default:
                out += formatZone(chunk.std, t.offset, t.zone);
        }
    }
}
const RFC3339 = '2006-01-02T15:04:05Z07:00';
const bad = (layoutElem, valueElem, message = '') => ({
    error: { layoutElem, valueElem, message },
});
/** Go's getnum: one or two digits (exactly two when fixed). */
function getnum(s, fixed) {
    if (!isDigitAt(s, 0))
        return undefined;
    if (!isDigitAt(s, 1))
        return fixed ? undefined : [Number(s[0]), s.slice(1)];
    return [Number(s.slice(0, 2)), s.slice(2)];
}
/** Go's skip: consume a literal layout prefix; a space matches any run of spaces. */
function skip(value, prefix) {
    let v = value;
    let p = prefix;
    while (p.length > 0) {
        if (p[0] === ' ') {
            if (v.length > 0 && v[0] !== ' ')
                return undefined;
            p = p.replace(/^ +/, '');
            v = v.replace(/^ +/, '');
            continue;
        }
        if (v.length === 0 || v[0] !== p[0])
            return undefined;
        p = p.slice(1);
        v = v.slice(1);
    }
    return v;
}
/**
 * Go's time.Parse for the layout "2006-01-02<sep>15:04:05Z07:00" (fractional
 * seconds are accepted after the seconds as Go does).
 */
function parseGoRFC3339(value, sep = 'T') {
    const fields = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0, nsec: 0 };
    let offset = 0;
    let v = value;
    const steps = [
        ['', '2006'],
        ['-', '01'],
        ['-', '02'],
        [sep, '15'],
        [':', '04'],
        [':', '05'],
        ['', 'Z07:00'],
    ];
    for (const [prefix, std] of steps) {
        const skipped = skip(v, prefix);
        if (skipped === undefined)
            return bad(prefix, v);
        v = skipped;
        const hold = v;
        let range = '';
        let ok = true;
        switch (std) {
            case '2006':
                if (v.length < 4 || !/^[0-9]{4}/.test(v))
                    ok = false;
                else {
                    fields.year = Number(v.slice(0, 4));
                    v = v.slice(4);
                }
                break;
            case 'Z07:00': {
                if (v[0] === 'Z') {
                    v = v.slice(1);
                    break;
                }
                if (v.length < 6 || v[3] !== ':') {
                    ok = false;
                    break;
                }
                const [sign, hh, mm] = [v[0], getnum(v.slice(1, 3), true), getnum(v.slice(4, 6), true)];
                v = v.slice(6);
                if (!hh || !mm || (sign !== '+' && sign !== '-'))
                    ok = false;
                else if (hh[0] > 24)
                    range = 'time zone offset hour';
                else if (mm[0] > 60)
                    range = 'time zone offset minute';
                else
                    offset = (hh[0] * 60 + mm[0]) * 60 * (sign === '-' ? -1 : 1);
                break;
            }
            default: {
                const got = getnum(v, std !== '15');
                if (!got) {
                    ok = false;
                    break;
                }
                const [n, after] = got;
                v = after;
                if (std === '01')
                    [fields.month, range] = [n, n < 1 || n > 12 ? 'month' : ''];
                else if (std === '02')
                    fields.day = n;
                else if (std === '15')
                    [fields.hour, range] = [n, n >= 24 ? 'hour' : ''];
                else if (std === '04')
                    [fields.minute, range] = [n, n >= 60 ? 'minute' : ''];
                else {
                    [fields.second, range] = [n, n >= 60 ? 'second' : ''];
                    if (v.length >= 2 && (v[0] === '.' || v[0] === ',') && isDigitAt(v, 1)) {
                        let end = 2;
                        while (isDigitAt(v, end))
                            end++;
                        fields.nsec = Number(v.slice(1, Math.min(end, 10)).padEnd(9, '0'));
                        v = v.slice(end);
                    }
                }
            }
        }
        if (range !== '')
            return bad(std, v, `: ${range} out of range`);
        if (!ok)
            return bad(std, hold);
    }
    if (v.length !== 0)
        return bad('', v, `: extra text: ${gocty_goQuote(v)}`);
    if (fields.day < 1 || fields.day > daysIn(fields.month, fields.year))
        return bad('', '', ': day out of range');
    return { time: dateTime(fields, offset, offset === 0 && value.endsWith('Z') ? 'UTC' : '') };
}
/**
 * cty's parseTimestamp: strict RFC 3339 (two-digit hours, '.' before fractions,
 * offsets in range), with Go's parse errors turned into cty's messages.
 */
function parseTimestamp(ts) {
    const parsed = parseGoRFC3339(ts);
    const err = 'error' in parsed ? parsed.error : strictViolation(ts);
    if (!err)
        return parsed.time;
    return ctyTimestampMessage(err);
}
function strictViolation(s) {
    if (s[12] === ':')
        return { layoutElem: '15', valueElem: s.slice(11, 12), message: ': hour must have two digits' };
    if (s[19] === ',')
        return { layoutElem: '.', valueElem: ',', message: ': sub-second separator must be a period' };
    if (!s.endsWith('Z')) {
        const num2 = (x) => Number(x[0]) * 10 + Number(x[1]);
        const zone = s.slice(s.length - 6);
        if (num2(s.slice(s.length - 5)) >= 24)
            return { layoutElem: 'Z07:00', valueElem: zone, message: '' };
        if (num2(s.slice(s.length - 2)) >= 60)
            return { layoutElem: 'Z07:00', valueElem: zone, message: '' };
    }
    return undefined;
}
function ctyTimestampMessage(err) {
    const prefix = 'not a valid RFC3339 timestamp';
    if (err.layoutElem === '' && err.valueElem === '' && err.message !== '')
        return prefix + err.message;
    const what = {
        '2006': 'year',
        '01': 'month',
        '02': 'day of month',
        '15': 'hour',
        '04': 'minute',
        '05': 'second',
        'Z07:00': 'UTC offset',
    }[err.layoutElem] ?? 'timestamp segment';
    if (err.layoutElem === 'T')
        return `${prefix}: missing required time introducer 'T'`;
    if (err.layoutElem === ':' || err.layoutElem === '-') {
        return err.valueElem === ''
            ? `${prefix}: end of string where ${gocty_goQuote(err.layoutElem)} is expected`
            : `${prefix}: found ${gocty_goQuote(err.valueElem)} where ${gocty_goQuote(err.layoutElem)} is expected`;
    }
    if (err.valueElem === '')
        return `${prefix}: end of string before ${what}`;
    if (what === 'hour' && err.valueElem.includes(':'))
        return `${prefix}: hour must be between 0 and 23 inclusive`;
    if (what === 'hour' && err.valueElem.length !== 2)
        return `${prefix}: hour must have exactly two digits`;
    if (what === 'minute' && err.valueElem.length !== 2)
        return `${prefix}: minute must have exactly two digits`;
    return `${prefix}: cannot use ${gocty_goQuote(err.valueElem)} as ${what}`;
}
/* ---- durations (time.ParseDuration) ---- */
const Units = {
    ns: 1n,
    us: 1000n,
    µs: 1000n, // U+00B5 micro sign
    μs: 1000n, // U+03BC Greek mu
    ms: 1000000n,
    s: 1000000000n,
    m: 60000000000n,
    h: 3600000000000n,
};
const MaxDuration = 1n << 63n;
/** Go's time.ParseDuration, in nanoseconds; throws Error with Go's message. */
function parseDuration(orig) {
    const invalid = () => new Error(`time: invalid duration ${gocty_goQuote(orig)}`);
    let s = orig;
    let neg = false;
    if (s[0] === '-' || s[0] === '+') {
        neg = s[0] === '-';
        s = s.slice(1);
    }
    if (s === '0')
        return 0n;
    if (s === '')
        throw invalid();
    let total = 0n;
    while (s !== '') {
        if (!(s[0] === '.' || isDigitAt(s, 0)))
            throw invalid();
        const intDigits = /^[0-9]*/.exec(s)[0];
        let v = BigInt(intDigits === '' ? '0' : intDigits);
        if (v > MaxDuration)
            throw invalid();
        s = s.slice(intDigits.length);
        let fraction = '';
        let post = false;
        if (s[0] === '.') {
            fraction = /^[0-9]*/.exec(s.slice(1))[0];
            post = fraction !== '';
            s = s.slice(1 + fraction.length);
        }
        if (intDigits === '' && !post)
            throw invalid();
        const unitText = /^[^.0-9]*/.exec(s)[0];
        if (unitText === '')
            throw new Error(`time: missing unit in duration ${gocty_goQuote(orig)}`);
        s = s.slice(unitText.length);
        const unit = Units[unitText];
        if (unit === undefined)
            throw new Error(`time: unknown unit ${gocty_goQuote(unitText)} in duration ${gocty_goQuote(orig)}`);
        if (v > MaxDuration / unit)
            throw invalid();
        v *= unit;
        if (fraction !== '') {
            // Go scales the fraction in float64: f * (unit / 10^digits), truncated.
            const digits = fraction.slice(0, 18);
            const f = Number(digits);
            v += BigInt(Math.trunc(f * (Number(unit) / 10 ** digits.length)));
            if (v > MaxDuration)
                throw invalid();
        }
        total += v;
        if (total > MaxDuration)
            throw invalid();
    }
    if (!neg && total > MaxDuration - 1n)
        throw invalid();
    return neg ? -total : total;
}

;// CONCATENATED MODULE: ./build/eval/functions/strftime.js

/*
 * jehiah/go-strftime's Format, which Packer's `strftime` (Go templates) and
 * `legacy_strftime` (HCL) use: each known
 * %-directive becomes a Go layout element; "%%" is a percent sign; unknown
 * directives are kept as written.
 */
const CONVERSION = {
    B: 'January',
    b: 'Jan',
    m: '01',
    A: 'Monday',
    a: 'Mon',
    d: '02',
    H: '15',
    I: '03',
    M: '04',
    S: '05',
    Y: '2006',
    y: '06',
    p: 'PM',
    Z: 'MST',
    z: '-0700',
    L: '.000',
};
function strftime(format, t) {
    let out = '';
    for (let i = 0; i < format.length;) {
        const pct = format.indexOf('%', i);
        const ni = pct < 0 ? format.length : pct;
        out += format.slice(i, ni);
        if (ni + 1 < format.length) {
            const c = format[ni + 1];
            const layout = CONVERSION[c];
            out += c === '%' ? '%' : layout !== undefined ? formatGo(t, layout) : `%${c}`;
        }
        else if (ni < format.length) {
            out += '%';
        }
        i = ni + 2;
    }
    return out;
}

;// CONCATENATED MODULE: ./build/eval/functions/formatdate.js



/*
 * cty's formatdate format language: runs of one letter are verbs ("YYYY",
 * "MMM", "hh"), text in single quotes is literal ('' is a quote), anything
 * else is copied. Errors blame the format argument (index 0).
 */
const isLetter = (c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
/** cty's splitDateFormat: verbs, quoted literals and other text. */
function tokens(format) {
    const out = [];
    let i = 0;
    while (i < format.length) {
        const c = format[i];
        let end;
        if (c === "'") {
            if (format[i + 1] === "'")
                end = i + 2;
            else {
                end = format.length;
                for (let j = i + 1; j < format.length; j++) {
                    if (format[j] !== "'")
                        continue;
                    if (format[j + 1] === "'") {
                        j++; // doubled quote inside a literal
                        continue;
                    }
                    end = j + 1;
                    break;
                }
            }
        }
        else if (isLetter(c)) {
            end = i + 1;
            while (format[end] === c)
                end++;
        }
        else {
            end = i + 1;
            while (end < format.length && format[end] !== "'" && !isLetter(format[end]))
                end++;
        }
        out.push(format.slice(i, end));
        i = end;
    }
    return out;
}
const two = (n) => String(n).padStart(2, '0');
function verbError(tok, detail) {
    return new FunctionArgError(0, `invalid date format verb ${gocty_goQuote(tok)}${detail ? `: ${detail}` : ''}`);
}
function formatVerb(tok, t) {
    const c = civil(t);
    const n = tok.length;
    const oneOrTwo = (v, what, one) => {
        if (n === 1)
            return String(v);
        if (n === 2)
            return two(v);
        throw verbError(tok, `${what} must either be "${one}" or "${one}${one}"`);
    };
    switch (tok[0]) {
        case 'Y':
            if (n === 2)
                return two(((c.year % 100) + 100) % 100);
            if (n === 4)
                return String(c.year).padStart(4, '0');
            throw verbError(tok, 'year must either be "YY" or "YYYY"');
        case 'M':
            if (n === 3)
                return MonthNames[c.month - 1].slice(0, 3);
            if (n === 4)
                return MonthNames[c.month - 1];
            if (n > 4)
                throw verbError(tok, 'month must be "M", "MM", "MMM", or "MMMM"');
            return oneOrTwo(c.month, 'month', 'M');
        case 'D':
            return oneOrTwo(c.day, 'day of month', 'D');
        case 'E':
            if (n === 3)
                return DayNames[c.weekday].slice(0, 3);
            if (n === 4)
                return DayNames[c.weekday];
            throw verbError(tok, 'day of week must either be "EEE" or "EEEE"');
        case 'h':
            return oneOrTwo(c.hour, '24-hour', 'h');
        case 'H':
            return oneOrTwo(c.hour % 12 === 0 ? 12 : c.hour % 12, '12-hour', 'H');
        case 'A':
        case 'a': {
            if (n !== 2)
                throw verbError(tok, `must be "${tok[0]}${tok[0]}"`);
            const pm = c.hour >= 12 ? 'PM' : 'AM';
            return tok[0] === 'A' ? pm : pm.toLowerCase();
        }
        case 'm':
            return oneOrTwo(c.minute, 'minute', 'm');
        case 's':
            return oneOrTwo(c.second, 'second', 's');
        case 'Z':
            if (n === 1)
                return formatGo(t, 'Z07:00');
            if (n === 3) {
                const z = formatGo(t, '-0700');
                return z === '+0000' ? 'UTC' : z;
            }
            if (n === 4)
                return formatGo(t, '-0700');
            if (n === 5)
                return formatGo(t, '-07:00');
            throw verbError(tok, 'timezone must be Z, ZZZZ, or ZZZZZ');
        default:
            throw verbError(tok);
    }
}
/** Formats t per a formatdate spec; throws FunctionArgError(0) for a bad spec. */
function formatDate(format, t) {
    let out = '';
    for (const tok of tokens(format)) {
        if (tok[0] === "'") {
            if (tok.length === 1 || !tok.endsWith("'"))
                throw new FunctionArgError(0, "unterminated literal '");
            if (tok.length === 2)
                out += "'";
            else
                out += tok.slice(1, -1).replace(/''/g, "'");
        }
        else if (isLetter(tok[0]))
            out += formatVerb(tok, t);
        else
            out += tok;
    }
    return out;
}

;// CONCATENATED MODULE: ./build/eval/functions/datetime.js







/*
 * Date and time functions: cty's formatdate and timeadd, Packer's timestamp,
 * legacy_isotime, legacy_strftime, rfc3339_parse and unix_timestamp_parse.
 */
/** Packer captures one instant at startup for the legacy functions, so every call in a run agrees. */
const initTime = nowUTC();
const datetime_str = (name) => ({ name, type: StringType });
const datetime_staticString = () => StringType;
function timestampArg(ts, argIndex) {
    const t = parseTimestamp(ts);
    if (typeof t !== 'string')
        return t;
    throw argIndex === undefined ? new FunctionCallError(t) : new FunctionArgError(argIndex, t);
}
const legacyFormat = (name, format) => ({
    description: `${name}: formats the time Packer started at (UTC).`,
    params: [],
    varParam: datetime_str('format'),
    returnType: datetime_staticString,
    impl: (args) => {
        if (args.length > 1) {
            // Go's %v of the cty.Value arguments, as Packer prints them.
            const shown = args.map((a) => `{{{{} 83}} ${a.asString()}}`).join(' ');
            throw new FunctionCallError(`too many values, 1 needed: [${shown}]`);
        }
        if (args.length === 0)
            return value_Value.string(formatGo(initTime, RFC3339));
        return value_Value.string(format(initTime, args[0].asString()));
    },
});
function dateParts(t) {
    const c = civil(t);
    const [isoYear, isoWeekNum] = isoWeek(t);
    return {
        year: value_Value.number(c.year),
        year_day: value_Value.number(c.yearDay),
        day: value_Value.number(c.day),
        month: value_Value.number(c.month),
        month_name: value_Value.string(MonthNames[c.month - 1]),
        weekday: value_Value.number(c.weekday),
        weekday_name: value_Value.string(DayNames[c.weekday]),
        hour: value_Value.number(c.hour),
        minute: value_Value.number(c.minute),
        second: value_Value.number(c.second),
        iso_year: value_Value.number(isoYear),
        iso_week: value_Value.number(isoWeekNum),
    };
}
const partTypes = {
    year: NumberType,
    year_day: NumberType,
    day: NumberType,
    month: NumberType,
    month_name: StringType,
    weekday: NumberType,
    weekday_name: StringType,
    hour: NumberType,
    minute: NumberType,
    second: NumberType,
    iso_year: NumberType,
    iso_week: NumberType,
};
const Rfc3339ParseType = objectOf({ ...partTypes, unix: NumberType });
const UnixParseType = objectOf({ ...partTypes, rfc3339: StringType });
const datetimeFunctions = {
    formatdate: {
        description: 'Formats a timestamp given in RFC 3339 syntax into another timestamp in some other machine-oriented time syntax, as described in the format string.',
        params: [datetime_str('format'), datetime_str('time')],
        returnType: datetime_staticString,
        impl: (args) => {
            const t = timestampArg(args[1].asString(), 1);
            return value_Value.string(formatDate(args[0].asString(), t));
        },
    },
    timeadd: {
        description: 'Adds the duration represented by the given duration string to the given RFC 3339 timestamp string, returning another RFC 3339 timestamp.',
        params: [datetime_str('timestamp'), datetime_str('duration')],
        returnType: datetime_staticString,
        impl: (args) => {
            const t = timestampArg(args[0].asString(), undefined);
            let ns;
            try {
                ns = parseDuration(args[1].asString());
            }
            catch (e) {
                throw new FunctionCallError(e.message);
            }
            return value_Value.string(formatGo(addDuration(t, ns), RFC3339));
        },
    },
    timestamp: {
        description: 'Returns the current date and time in RFC 3339 format, in UTC.',
        params: [],
        returnType: datetime_staticString,
        impl: () => value_Value.string(formatGo(nowUTC(), RFC3339)),
    },
    legacy_isotime: legacyFormat('legacy_isotime', formatGo),
    legacy_strftime: legacyFormat('legacy_strftime', (t, layout) => strftime(layout, t)),
    rfc3339_parse: {
        description: 'Parses an RFC 3339 timestamp into an object of its date and time parts.',
        params: [datetime_str('timestamp')],
        returnType: () => Rfc3339ParseType,
        impl: (args) => {
            const ts = args[0].asString();
            const parsed = [parseGoRFC3339(ts, 'T'), parseGoRFC3339(ts, ' ')].find((p) => 'time' in p);
            if (!parsed || !('time' in parsed)) {
                throw new FunctionArgError(0, `${gocty_goQuote(ts)} is not a valid RFC3339 timestamp`);
            }
            return value_Value.object({ ...dateParts(parsed.time), unix: value_Value.number(parsed.time.sec) });
        },
    },
    unix_timestamp_parse: {
        description: 'Parses a Unix timestamp (seconds) into an object of its UTC date and time parts.',
        params: [{ name: 'unix_timestamp', type: NumberType }],
        returnType: () => UnixParseType,
        impl: (args) => {
            const sec = goInt(args[0].asNumber());
            if (sec === undefined) {
                throw new FunctionArgError(0, `unix_timestamp must be a whole number of seconds representable as a 64-bit integer: ${WHOLE_NUMBER_ERROR}`);
            }
            const t = { sec, nsec: 0, offset: 0, zone: 'UTC' };
            return value_Value.object({ ...dateParts(t), rfc3339: value_Value.string(formatGo(t, RFC3339)) });
        },
    },
};

;// CONCATENATED MODULE: ./build/eval/functions/csv-decode.js
/*
 * Go's encoding/csv Reader with its defaults (RFC 4180, ',' separator, no
 * lazy quotes), as csvdecode uses it: empty lines are skipped, "\r\n" becomes
 * "\n", quoted fields may span lines, and errors carry the line number.
 */
class CsvError extends Error {
    line;
    reason;
    constructor(line, reason) {
        super(reason);
        this.line = line;
        this.reason = reason;
    }
}
const ErrFieldCount = 'wrong number of fields';
const ErrQuote = 'extraneous or missing " in quoted-field';
const ErrBareQuote = 'bare " in non-quoted-field';
class CsvReader {
    lines;
    next = 0;
    lineNum = 0;
    /** Expected fields per record; 0 means "set from the first record". */
    fieldsPerRecord = 0;
    constructor(text) {
        this.lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
    }
    /** Go's readLine: one line with its "\n" (normalised from "\r\n"), or undefined at EOF. */
    readLine() {
        let line = this.lines[this.next];
        if (line === undefined) {
            this.lineNum++;
            return undefined;
        }
        this.next++;
        this.lineNum++;
        if (!line.endsWith('\n') && line.endsWith('\r'))
            line = line.slice(0, -1);
        if (line.endsWith('\r\n'))
            line = `${line.slice(0, -2)}\n`;
        return line;
    }
    /** The next record, or undefined at the end of input; throws CsvError. */
    read() {
        let line;
        do
            line = this.readLine();
        while (line === '\n');
        if (line === undefined)
            return undefined;
        const recLine = this.lineNum;
        let posLine = recLine; // Go counts a quoted field's lines only when more text was read
        const fields = [];
        for (;;) {
            if (!line.startsWith('"')) {
                const comma = line.indexOf(',');
                const field = comma >= 0 ? line.slice(0, comma) : line.replace(/\n$/, '');
                if (field.includes('"'))
                    throw new CsvError(this.lineNum, ErrBareQuote);
                fields.push(field);
                if (comma < 0)
                    break;
                line = line.slice(comma + 1);
                continue;
            }
            line = line.slice(1);
            let field = '';
            let endOfRecord = false;
            for (;;) {
                const quote = line.indexOf('"');
                if (quote >= 0) {
                    field += line.slice(0, quote);
                    line = line.slice(quote + 1);
                    if (line.startsWith('"')) {
                        field += '"';
                        line = line.slice(1);
                    }
                    else if (line.startsWith(',')) {
                        line = line.slice(1);
                        break;
                    }
                    else if (line === '' || line === '\n') {
                        endOfRecord = true;
                        break;
                    }
                    else
                        throw new CsvError(this.lineNum, ErrQuote);
                }
                else if (line.length > 0) {
                    field += line;
                    line = this.readLine() ?? '';
                    if (line !== '')
                        posLine++;
                }
                else
                    throw new CsvError(posLine, ErrQuote);
            }
            fields.push(field);
            if (endOfRecord)
                break;
        }
        if (this.fieldsPerRecord > 0 && fields.length !== this.fieldsPerRecord) {
            throw new CsvError(recLine, ErrFieldCount);
        }
        if (this.fieldsPerRecord === 0)
            this.fieldsPerRecord = fields.length;
        return fields;
    }
}

;// CONCATENATED MODULE: ./build/eval/functions/json-decode.js



const ErrorContext = {
    top: ' looking for beginning of value',
    arrayStart: ' looking for beginning of value',
    arrayValue: ' looking for beginning of value',
    objectValue: ' looking for beginning of value',
    arrayComma: ' after array element',
    objectKey: ' looking for beginning of object key string',
    objectColon: ' after object key',
    objectComma: ' after object key:value pair',
    objectStart: '', // Go's tokenError has no case for this state
};
/** Go's quoteChar: the offending byte, shown as the rune with that value. */
function json_decode_quoteChar(ch) {
    if (ch === "'")
        return `'\\''`;
    if (ch === '"')
        return `'"'`;
    const byte = Buffer.from(ch, 'utf8')[0];
    return `'${gocty_goQuote(String.fromCharCode(byte)).slice(1, -1)}'`;
}
class SyntaxError extends Error {
}
const json_decode_invalid = (ch, context) => new SyntaxError(`invalid character ${json_decode_quoteChar(ch)}${context}`);
const isSpace = (c) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const json_decode_isDigit = (c) => c !== undefined && c >= '0' && c <= '9';
const json_decode_isHex = (c) => c !== undefined && /^[0-9a-fA-F]$/.test(c);
class Decoder {
    src;
    pos = 0;
    constructor(src) {
        this.src = src;
    }
    decode() {
        const v = this.value('top');
        // dec.More(): anything but a closing bracket after the value is extra data.
        const next = this.peek();
        if (next !== undefined && next !== ']' && next !== '}')
            throw new Error('extraneous data after JSON object');
        return v;
    }
    /** The next non-space character, or undefined at the end of input. */
    peek() {
        while (isSpace(this.src[this.pos]))
            this.pos++;
        return this.src[this.pos];
    }
    /** Like peek, but the end of input between tokens is Go's io.EOF. */
    next() {
        const c = this.peek();
        if (c === undefined)
            throw new SyntaxError('EOF');
        return c;
    }
    value(state) {
        const c = this.next();
        if (c === '[') {
            this.pos++;
            return this.array();
        }
        if (c === '{') {
            this.pos++;
            return this.object();
        }
        if (c === ']' || c === '}' || c === ',' || c === ':')
            throw json_decode_invalid(c, ErrorContext[state]);
        return this.scalar();
    }
    array() {
        const elements = [];
        let state = 'arrayStart';
        for (;;) {
            const c = this.next();
            if (c === ']' && (state === 'arrayStart' || state === 'arrayComma')) {
                this.pos++;
                return value_Value.tuple(elements);
            }
            if (state === 'arrayComma') {
                if (c !== ',')
                    throw json_decode_invalid(c, ErrorContext.arrayComma);
                this.pos++;
                state = 'arrayValue';
                continue;
            }
            elements.push(this.value(state));
            state = 'arrayComma';
        }
    }
    object() {
        const attrs = new Map();
        let state = 'objectStart';
        for (;;) {
            const c = this.next();
            if (c === '}' && (state === 'objectStart' || state === 'objectComma')) {
                this.pos++;
                return value_Value.object(attrs);
            }
            if (state === 'objectComma') {
                if (c !== ',')
                    throw json_decode_invalid(c, ErrorContext.objectComma);
                this.pos++;
                state = 'objectKey';
                continue;
            }
            if (c !== '"')
                throw json_decode_invalid(c, ErrorContext[state]);
            this.pos++;
            const key = this.stringBody();
            const colon = this.next();
            if (colon !== ':')
                throw json_decode_invalid(colon, ErrorContext.objectColon);
            this.pos++;
            const v = this.value('objectValue');
            const existing = attrs.get(key);
            if (existing && !typeEquals(existing.type, v.type)) {
                throw new Error(`duplicate ${gocty_goQuote(key)} property in JSON object`);
            }
            attrs.set(key, v);
            state = 'objectComma';
        }
    }
    /** A string, number or literal, scanned as Go's Decode does (EOF inside is "unexpected EOF"). */
    scalar() {
        const c = this.src[this.pos];
        if (c === '"') {
            this.pos++;
            return value_Value.string(this.stringBody());
        }
        if (c === '-' || json_decode_isDigit(c))
            return value_Value.number(this.number());
        for (const [word, v] of [
            ['true', value_Value.bool(true)],
            ['false', value_Value.bool(false)],
            ['null', value_Value.null(DynamicPseudoType)],
        ]) {
            if (c !== word[0])
                continue;
            for (let i = 1; i < word.length; i++) {
                const got = this.src[this.pos + i];
                if (got === undefined)
                    throw new SyntaxError('unexpected EOF');
                if (got !== word[i])
                    throw json_decode_invalid(got, ` in literal ${word} (expecting '${word[i]}')`);
            }
            this.pos += word.length;
            return v;
        }
        throw json_decode_invalid(this.charAt(this.pos), ErrorContext.top);
    }
    charAt(i) {
        return String.fromCodePoint(this.src.codePointAt(i));
    }
    number() {
        const start = this.pos;
        const expectDigit = (context) => {
            const d = this.src[this.pos];
            if (d === undefined)
                throw new SyntaxError('unexpected EOF');
            if (!json_decode_isDigit(d))
                throw json_decode_invalid(this.charAt(this.pos), context);
        };
        if (this.src[this.pos] === '-') {
            this.pos++;
            expectDigit(' in numeric literal');
        }
        if (this.src[this.pos] === '0')
            this.pos++;
        else
            while (json_decode_isDigit(this.src[this.pos]))
                this.pos++;
        if (this.src[this.pos] === '.') {
            this.pos++;
            expectDigit(' after decimal point in numeric literal');
            while (json_decode_isDigit(this.src[this.pos]))
                this.pos++;
        }
        if (this.src[this.pos] === 'e' || this.src[this.pos] === 'E') {
            this.pos++;
            if (this.src[this.pos] === '+' || this.src[this.pos] === '-')
                this.pos++;
            expectDigit(' in exponent of numeric literal');
            while (json_decode_isDigit(this.src[this.pos]))
                this.pos++;
        }
        return this.src.slice(start, this.pos);
    }
    /** The rest of a string literal after its opening quote. */
    stringBody() {
        let out = '';
        for (;;) {
            const c = this.src[this.pos];
            if (c === undefined)
                throw new SyntaxError('unexpected EOF');
            this.pos++;
            if (c === '"')
                return out;
            if (c < ' ')
                throw json_decode_invalid(c, ' in string literal');
            if (c !== '\\') {
                out += c;
                continue;
            }
            const e = this.src[this.pos];
            if (e === undefined)
                throw new SyntaxError('unexpected EOF');
            this.pos++;
            const simple = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }[e];
            if (simple !== undefined)
                out += simple;
            else if (e === 'u')
                out += this.unicodeEscape();
            else
                throw json_decode_invalid(this.charAt(this.pos - 1), ' in string escape code');
        }
    }
    hex4() {
        for (let i = 0; i < 4; i++) {
            const h = this.src[this.pos + i];
            if (h === undefined)
                throw new SyntaxError('unexpected EOF');
            if (!json_decode_isHex(h))
                throw json_decode_invalid(this.charAt(this.pos + i), ' in \\u hexadecimal character escape');
        }
        const n = parseInt(this.src.slice(this.pos, this.pos + 4), 16);
        this.pos += 4;
        return n;
    }
    /** \uXXXX after the "\u"; surrogate pairs combine, lone surrogates become U+FFFD as in Go. */
    unicodeEscape() {
        const hi = this.hex4();
        if (hi < 0xd800 || hi > 0xdfff)
            return String.fromCharCode(hi);
        if (hi <= 0xdbff &&
            this.src.startsWith('\\u', this.pos) &&
            /^[0-9a-fA-F]{4}$/.test(this.src.slice(this.pos + 2, this.pos + 6))) {
            const lo = parseInt(this.src.slice(this.pos + 2, this.pos + 6), 16);
            if (lo >= 0xdc00 && lo <= 0xdfff) {
                this.pos += 6;
                return String.fromCharCode(hi, lo);
            }
        }
        return '\ufffd';
    }
}
/** Parses JSON text as cty's jsondecode; throws Error with Go's message. */
function decodeJSON(text) {
    return new Decoder(text).decode();
}

;// CONCATENATED MODULE: ./build/eval/functions/json-encode.js

/*
 * jsonencode's serialisation (cty's json.Marshal): object and map keys in
 * sorted order, numbers in plain decimal, strings escaped as Go's
 * encoding/json does (HTML-significant characters and U+2028/U+2029 too).
 */
const Short = {
    '"': '\\"',
    '\\': '\\\\',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\b': '\\b',
    '\f': '\\f',
};
function json_encode_quote(s) {
    let out = '"';
    for (const c of s) {
        const code = c.charCodeAt(0);
        const escape = code < 0x20 || '<>&\u2028\u2029'.includes(c);
        out += Short[c] ?? (escape ? `\\u${code.toString(16).padStart(4, '0')}` : c);
    }
    return `${out}"`;
}
/** JSON text of a wholly known, unmarked value; throws Error for infinities. */
function encodeJSON(v) {
    if (v.isNull())
        return 'null';
    switch (v.type.kind) {
        case 'string':
            return json_encode_quote(v.asString());
        case 'number': {
            const n = v.asNumber();
            if (!n.isFinite())
                throw new Error('cannot serialize infinity as JSON');
            return formatNumber(n);
        }
        case 'bool':
            return v.asBool() ? 'true' : 'false';
        case 'list':
        case 'set':
        case 'tuple':
            return `[${v.elements().map(encodeJSON).join(',')}]`;
        default:
            return `{${[...v.entries()].map(([k, e]) => `${json_encode_quote(k)}:${encodeJSON(e)}`).join(',')}}`;
    }
}

;// CONCATENATED MODULE: ./build/eval/functions/iana-encodings.js

const Charsets = [
    {
        name: 'US-ASCII',
        codec: 'ascii',
        aliases: [
            'us-ascii',
            'iso-ir-6',
            'ansi_x3.4-1968',
            'ansi_x3.4-1986',
            'iso_646.irv:1991',
            'iso646-us',
            'us',
            'ibm367',
            'cp367',
            'csascii',
        ],
    },
    { name: 'UTF-8', codec: 'utf-8', aliases: ['utf-8', 'csutf8'] },
    { name: 'UTF-16', codec: 'utf-16be-bom', aliases: ['utf-16', 'csutf16'] },
    { name: 'UTF-16BE', codec: 'utf-16be', aliases: ['utf-16be', 'csutf16be'] },
    { name: 'UTF-16LE', codec: 'utf-16le', aliases: ['utf-16le', 'csutf16le'] },
    { name: 'IBM437', codec: 'cp437', aliases: ['ibm437', 'cp437', '437', 'cspc8codepage437'] },
    { name: 'IBM850', codec: 'cp850', aliases: ['ibm850', 'cp850', '850', 'cspc850multilingual'] },
    { name: 'IBM852', codec: 'cp852', aliases: ['ibm852', 'cp852', '852', 'cspcp852'] },
    { name: 'IBM855', codec: 'cp855', aliases: ['ibm855', 'cp855', '855', 'csibm855'] },
    {
        name: 'IBM00858',
        codec: 'cp858',
        aliases: ['ibm00858', 'ccsid00858', 'cp00858', 'pc-multilingual-850+euro', 'csibm00858'],
    },
    { name: 'IBM860', codec: 'cp860', aliases: ['ibm860', 'cp860', '860', 'csibm860'] },
    { name: 'IBM862', codec: 'cp862', aliases: ['ibm862', 'cp862', '862', 'cspc862latinhebrew'] },
    { name: 'IBM863', codec: 'cp863', aliases: ['ibm863', 'cp863', '863', 'csibm863'] },
    { name: 'IBM865', codec: 'cp865', aliases: ['ibm865', 'cp865', '865', 'csibm865'] },
    { name: 'IBM866', codec: 'cp866', aliases: ['ibm866', 'cp866', '866', 'csibm866'] },
    {
        name: 'ISO_8859-1:1987',
        codec: 'iso-8859-1',
        aliases: [
            'iso_8859-1:1987',
            'iso-ir-100',
            'iso_8859-1',
            'iso-8859-1',
            'latin1',
            'l1',
            'ibm819',
            'cp819',
            'csisolatin1',
        ],
    },
    {
        name: 'ISO_8859-2:1987',
        codec: 'iso-8859-2',
        aliases: ['iso_8859-2:1987', 'iso-ir-101', 'iso_8859-2', 'iso-8859-2', 'latin2', 'l2', 'csisolatin2'],
    },
    {
        name: 'ISO_8859-3:1988',
        codec: 'iso-8859-3',
        aliases: ['iso_8859-3:1988', 'iso-ir-109', 'iso_8859-3', 'iso-8859-3', 'latin3', 'l3', 'csisolatin3'],
    },
    {
        name: 'ISO_8859-4:1988',
        codec: 'iso-8859-4',
        aliases: ['iso_8859-4:1988', 'iso-ir-110', 'iso_8859-4', 'iso-8859-4', 'latin4', 'l4', 'csisolatin4'],
    },
    {
        name: 'ISO_8859-5:1988',
        codec: 'iso-8859-5',
        aliases: ['iso_8859-5:1988', 'iso-ir-144', 'iso_8859-5', 'iso-8859-5', 'cyrillic', 'csisolatincyrillic'],
    },
    {
        name: 'ISO_8859-6:1987',
        codec: 'iso-8859-6',
        aliases: [
            'iso_8859-6:1987',
            'iso-ir-127',
            'iso_8859-6',
            'iso-8859-6',
            'ecma-114',
            'asmo-708',
            'arabic',
            'csisolatinarabic',
        ],
    },
    { name: 'ISO_8859-6-E', codec: 'iso-8859-6', aliases: ['iso_8859-6-e', 'csiso88596e', 'iso-8859-6-e'] },
    { name: 'ISO_8859-6-I', codec: 'iso-8859-6', aliases: ['iso_8859-6-i', 'csiso88596i', 'iso-8859-6-i'] },
    {
        name: 'ISO_8859-7:1987',
        codec: 'iso-8859-7',
        aliases: [
            'iso_8859-7:1987',
            'iso-ir-126',
            'iso_8859-7',
            'iso-8859-7',
            'elot_928',
            'ecma-118',
            'greek',
            'greek8',
            'csisolatingreek',
        ],
    },
    {
        name: 'ISO_8859-8:1988',
        codec: 'iso-8859-8',
        aliases: ['iso_8859-8:1988', 'iso-ir-138', 'iso_8859-8', 'iso-8859-8', 'hebrew', 'csisolatinhebrew'],
    },
    { name: 'ISO_8859-8-E', codec: 'iso-8859-8', aliases: ['iso_8859-8-e', 'csiso88598e', 'iso-8859-8-e'] },
    { name: 'ISO_8859-8-I', codec: 'iso-8859-8', aliases: ['iso_8859-8-i', 'csiso88598i', 'iso-8859-8-i'] },
    {
        name: 'ISO_8859-9:1989',
        codec: 'iso-8859-9',
        aliases: ['iso_8859-9:1989', 'iso-ir-148', 'iso_8859-9', 'iso-8859-9', 'latin5', 'l5', 'csisolatin5'],
    },
    {
        name: 'ISO-8859-10',
        codec: 'iso-8859-10',
        aliases: ['iso-8859-10', 'iso-ir-157', 'l6', 'iso_8859-10:1992', 'csisolatin6', 'latin6'],
    },
    { name: 'ISO-8859-13', codec: 'iso-8859-13', aliases: ['iso-8859-13', 'csiso885913'] },
    {
        name: 'ISO-8859-14',
        codec: 'iso-8859-14',
        aliases: [
            'iso-8859-14',
            'iso-ir-199',
            'iso_8859-14:1998',
            'iso_8859-14',
            'latin8',
            'iso-celtic',
            'l8',
            'csiso885914',
        ],
    },
    { name: 'ISO-8859-15', codec: 'iso-8859-15', aliases: ['iso-8859-15', 'iso_8859-15', 'latin-9', 'csiso885915'] },
    {
        name: 'ISO-8859-16',
        codec: 'iso-8859-16',
        aliases: ['iso-8859-16', 'iso-ir-226', 'iso_8859-16:2001', 'iso_8859-16', 'latin10', 'l10', 'csiso885916'],
    },
    { name: 'KOI8-R', codec: 'koi8-r', aliases: ['koi8-r', 'cskoi8r'] },
    { name: 'KOI8-U', codec: 'koi8-u', aliases: ['koi8-u', 'cskoi8u'] },
    { name: 'macintosh', codec: 'macintosh', aliases: ['macintosh', 'mac', 'csmacintosh'] },
    { name: 'windows-874', codec: 'windows-874', aliases: ['windows-874', 'cswindows874'] },
    ...[1250, 1251, 1252, 1253, 1254, 1255, 1256, 1257, 1258].map((n) => ({
        name: `windows-${n}`,
        codec: `windows-${n}`,
        aliases: [`windows-${n}`, `cswindows${n}`],
    })),
    {
        name: 'Extended_UNIX_Code_Packed_Format_for_Japanese',
        codec: 'euc-jp',
        aliases: ['extended_unix_code_packed_format_for_japanese', 'cseucpkdfmtjapanese', 'euc-jp'],
    },
    { name: 'Shift_JIS', codec: 'shift_jis', aliases: ['shift_jis', 'ms_kanji', 'csshiftjis'] },
    { name: 'EUC-KR', codec: 'euc-kr', aliases: ['euc-kr', 'cseuckr'] },
    { name: 'GB18030', codec: 'gb18030', aliases: ['gb18030', 'csgb18030'] },
    { name: 'GBK', codec: 'gbk', aliases: ['gbk', 'cp936', 'ms936', 'windows-936', 'csgbk'] },
    { name: 'Big5', codec: 'big5', aliases: ['big5', 'csbig5'] },
];
const ByAlias = new Map(Charsets.flatMap((c) => c.aliases.map((a) => [a, c])));
/** ianaindex.IANA.Encoding: case-insensitive, surrounding space ignored. */
function lookupCharset(name) {
    return ByAlias.get(name.trim().toLowerCase());
}
/** The bytes of s in the charset, or undefined if a character has no encoding there. */
function encodeText(s, cs) {
    if (cs.codec === 'ascii')
        return [...s].every((c) => c.charCodeAt(0) < 0x80) ? Buffer.from(s, 'latin1') : undefined;
    if (cs.codec === 'utf-16be-bom')
        return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv().encode(s, 'utf-16be')]);
    const bytes = iconv().encode(s, cs.codec);
    // iconv-lite substitutes what it cannot encode; x/text's encoders fail instead.
    return iconv().decode(bytes, cs.codec) === s ? bytes : undefined;
}
/** The text of bytes in the charset, or undefined if they hold undefined symbols. */
function decodeText(bytes, cs) {
    let text;
    if (cs.codec === 'ascii') {
        if (bytes.some((b) => b > 0x7f))
            return undefined;
        text = bytes.toString('latin1');
    }
    else if (cs.codec === 'utf-16be-bom') {
        // UseBOM: a leading BOM picks the byte order and is dropped; big-endian by default.
        const le = bytes[0] === 0xff && bytes[1] === 0xfe;
        const be = bytes[0] === 0xfe && bytes[1] === 0xff;
        text = iconv().decode(le || be ? bytes.subarray(2) : bytes, le ? 'utf-16le' : 'utf-16be', { stripBOM: false });
    }
    else
        text = iconv().decode(bytes, cs.codec, { stripBOM: false });
    return text.includes('\ufffd') ? undefined : text;
}

;// CONCATENATED MODULE: ./build/eval/functions/yaml-decode.js







/*
 * yamldecode as go-cty-yaml does it: YAML 1.1 scalar resolution (yes/no/on/off
 * are bools, timestamps become RFC 3339 strings, 0x/0o integers), merge keys,
 * anchors, one document only, and cty-yaml's error messages. js-yaml's event
 * parser supplies the syntax; the resolution rules are cty-yaml's.
 */
// js-yaml's EVENT_ID and SCALAR_STYLE, spelled out (and checked against its
// types) so that the library is required only when a document is decoded.
const EVENT_ID = {
    DOCUMENT: 1,
    SEQUENCE: 2,
    MAPPING: 3,
    SCALAR: 4,
    ALIAS: 5,
    POP: 6,
};
const SCALAR_STYLE = {
    PLAIN: 1,
    SINGLE_QUOTED: 2,
    DOUBLE_QUOTED: 3,
    LITERAL_BLOCK: 4,
    FOLDED_BLOCK: 5,
};
const TagPrefix = 'tag:yaml.org,2002:';
const Tag = {
    str: `${TagPrefix}str`,
    bool: `${TagPrefix}bool`,
    int: `${TagPrefix}int`,
    float: `${TagPrefix}float`,
    null: `${TagPrefix}null`,
    timestamp: `${TagPrefix}timestamp`,
    binary: `${TagPrefix}binary`,
    map: `${TagPrefix}map`,
    seq: `${TagPrefix}seq`,
    merge: `${TagPrefix}merge`,
};
const Resolvable = new Set(['', Tag.str, Tag.bool, Tag.int, Tag.float, Tag.null, Tag.timestamp, Tag.binary]);
const Null = value_Value.null(DynamicPseudoType);
const ResolveMap = new Map();
for (const [v, tag, words] of [
    [value_Value.bool(true), Tag.bool, 'y Y yes Yes YES true True TRUE on On ON'],
    [value_Value.bool(false), Tag.bool, 'n N no No NO false False FALSE off Off OFF'],
    [Null, Tag.null, '~ null Null NULL'],
    [value_Value.number(Infinity), Tag.float, '.inf .Inf .INF +.inf +.Inf +.INF'],
    [value_Value.number(-Infinity), Tag.float, '-.inf -.Inf -.INF'],
]) {
    for (const w of words.split(' '))
        ResolveMap.set(w, [v, tag]);
}
ResolveMap.set('', [Null, Tag.null]);
const IntegerLiteral = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FloatLiteral = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
/** cty.ParseNumberVal: a number value, or undefined. */
function numberVal(s) {
    const n = parseNumber(s);
    return n === null ? undefined : value_Value.number(n);
}
function hint(src) {
    if (src === '')
        return 'N';
    const c = src[0];
    if (c === '+' || c === '-')
        return 'S';
    if (c >= '0' && c <= '9')
        return 'D';
    if ('yYnNtTfFoO~'.includes(c))
        return 'M';
    return c === '.' ? '.' : '';
}
/** strconv.ParseInt/ParseUint with base 0, as a decimal string, or undefined. */
function parseGoInt(s) {
    const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
    if (!m)
        return undefined;
    const body = m[2];
    const digits = /^0[0-7]+$/.test(body) ? `0o${body.slice(1)}` : body;
    const n = (m[1] === '-' ? -1n : 1n) * BigInt(digits.toLowerCase());
    return n >= -(2n ** 63n) && n < 2n ** 64n ? n.toString() : undefined;
}
const TimestampForms = [
    /^(\d{4})-(\d{1,2})-(\d{1,2})[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/,
    /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d+))?()$/,
    /^(\d{4})-(\d{1,2})-(\d{1,2})()()()()()$/,
];
/** cty-yaml's parseTimestamp (Go layouts "2006-1-2T15:4:5.999999999Z07:00" and friends) as RFC 3339. */
function yaml_decode_parseTimestamp(s) {
    for (const form of TimestampForms) {
        const m = form.exec(s);
        if (!m)
            continue;
        const [year, month, day, hour, minute, second] = m.slice(1, 7).map((x) => Number(x || 0));
        const zone = m[8] ?? '';
        const zh = zone.length === 6 ? Number(zone.slice(1, 3)) : 0;
        const zm = zone.length === 6 ? Number(zone.slice(4, 6)) : 0;
        if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year))
            continue;
        if (hour > 23 || minute > 59 || second > 59 || zh > 24 || zm > 60)
            continue;
        const offset = (zh * 60 + zm) * 60 * (zone.startsWith('-') ? -1 : 1);
        const t = dateTime({ year, month, day, hour, minute, second, nsec: 0 }, offset, offset === 0 ? 'UTC' : '');
        return formatGo(t, RFC3339);
    }
    return undefined;
}
/** go-cty-yaml's resolveScalar: the value of a scalar given its tag, text and quoting. */
function resolveScalar(tagIn, src, quoted) {
    let tag = tagIn;
    if (!Resolvable.has(tag))
        throw new Error(`unsupported tag ${gocty_goQuote(tag)}`);
    const h = hint(src);
    if (h !== '' && tag !== Tag.str && tag !== Tag.binary) {
        if (quoted)
            return value_Value.string(src);
        const known = ResolveMap.get(src);
        if (known)
            return known[0];
        if (tag === '' && ['.nan', '.NaN', '.NAN'].includes(src))
            throw new Error('floating point NaN is not supported');
        const dotted = h === '.' ? numberVal(src) : undefined;
        if (dotted)
            return dotted;
        if (h === 'D' || h === 'S') {
            if (tag === '' || tag === Tag.timestamp) {
                const ts = yaml_decode_parseTimestamp(src);
                if (ts !== undefined)
                    return value_Value.string(ts);
            }
            if (IntegerLiteral.test(src))
                tag = Tag.int;
            else if (FloatLiteral.test(src))
                tag = Tag.float;
        }
    }
    const cannot = () => new Error(`cannot parse ${gocty_goQuote(src)} as ${tag}`);
    switch (tag) {
        case Tag.binary:
            if (!('bytes' in decodeBase64(src)))
                throw new Error(`cannot parse ${gocty_goQuote(src)} as ${tag}: not valid base64`);
            return value_Value.string(src);
        case Tag.str:
        case '':
            return value_Value.string(src);
        case Tag.bool: {
            const known = ResolveMap.get(src);
            if (!known || known[1] !== Tag.bool)
                throw cannot();
            return known[0];
        }
        case Tag.int:
        case Tag.float: {
            const plain = src.replace(/_/g, '');
            const decimal = numberVal(plain);
            if (decimal)
                return decimal;
            const n = parseGoInt(plain);
            if (n === undefined)
                throw cannot();
            return value_Value.number(n);
        }
        case Tag.timestamp: {
            const ts = yaml_decode_parseTimestamp(src);
            if (ts === undefined)
                throw cannot();
            return value_Value.string(ts);
        }
        default: // Tag.null
            return Null;
    }
}
/** A positioned error, as cty-yaml's parseEventErrorWrap: no position on the first line. */
class PositionedError extends Error {
}
class YamlDecoder {
    src;
    events;
    i = 0;
    directives = [];
    pending = new Map();
    anchors = new Map();
    constructor(src, events) {
        this.src = src;
        this.events = events;
    }
    decode() {
        const doc = this.events[this.i++];
        if (doc?.type !== EVENT_ID.DOCUMENT)
            throw this.errorAtEnd('missing start of document');
        this.directives = doc.directives;
        const v = this.node();
        this.i++; // the document's end
        if (this.i < this.events.length) {
            const next = this.src.slice(this.lastOffset()).search(/^---/m);
            const at = next < 0 ? -1 : this.lastOffset() + next;
            throw this.errorAt(at, 'unexpected extra content after value');
        }
        return v;
    }
    node() {
        const e = this.events[this.i++];
        switch (e.type) {
            case EVENT_ID.SCALAR: {
                const anchor = this.text(e.anchorStart, e.anchorEnd);
                if (anchor)
                    this.beginAnchor(anchor);
                let v;
                try {
                    v = resolveScalar(this.tag(e.tagStart, e.tagEnd), jsYaml().getScalarValue(this.src, e), this.isQuoted(e.style));
                }
                catch (err) {
                    throw this.errorAt(this.eventOffset(e), err.message);
                }
                if (anchor)
                    this.completeAnchor(anchor, v);
                return v;
            }
            case EVENT_ID.ALIAS: {
                const name = this.text(e.anchorStart, e.anchorEnd);
                if (this.pending.has(name)) {
                    throw this.errorAt(e.anchorStart - 1, `cannot refer to anchor ${gocty_goQuote(name)} from inside its own definition`);
                }
                const v = this.anchors.get(name);
                if (!v)
                    throw this.errorAt(e.anchorStart - 1, `reference to undefined anchor ${gocty_goQuote(name)}`);
                return v;
            }
            case EVENT_ID.SEQUENCE:
            case EVENT_ID.MAPPING: {
                const isMap = e.type === EVENT_ID.MAPPING;
                const tag = this.tag(e.tagStart, e.tagEnd);
                if (tag !== '' && tag !== (isMap ? Tag.map : Tag.seq)) {
                    throw this.errorAt(this.eventOffset(e), `can't interpret ${isMap ? 'mapping' : 'sequence'} as ${tag}`);
                }
                const anchor = this.text(e.anchorStart, e.anchorEnd);
                if (anchor)
                    this.beginAnchor(anchor);
                const v = isMap ? this.mappingBody() : this.sequenceBody();
                if (anchor)
                    this.completeAnchor(anchor, v);
                return v;
            }
            default:
                throw new Error('unexpected parser event');
        }
    }
    sequenceBody() {
        const items = [];
        while (this.events[this.i].type !== EVENT_ID.POP)
            items.push(this.node());
        this.i++;
        return value_Value.tuple(items);
    }
    mappingBody() {
        const attrs = new Map();
        for (;;) {
            const key = this.events[this.i];
            if (key.type === EVENT_ID.POP) {
                this.i++;
                return value_Value.object(attrs);
            }
            if (key.type !== EVENT_ID.SCALAR)
                throw this.errorAt(this.eventOffset(key), 'only strings are allowed as mapping keys');
            const keyTag = this.tag(key.tagStart, key.tagEnd);
            const keyText = jsYaml().getScalarValue(this.src, key);
            this.i++;
            if ((keyTag === '' && keyText === '<<') || keyTag === Tag.merge) {
                this.merge(attrs, this.eventOffset(key));
                continue;
            }
            const keyVal = resolveScalar(keyTag, keyText, this.isQuoted(key.style));
            if (keyVal.isNull())
                throw this.errorAt(this.eventOffset(key), 'mapping key cannot be null');
            attrs.set(this.keyString(keyVal), this.node());
        }
    }
    keyString(v) {
        switch (v.type.kind) {
            case 'string':
                return v.asString();
            case 'bool':
                return v.asBool() ? 'true' : 'false';
            default:
                return formatNumber(v.asNumber());
        }
    }
    merge(attrs, at) {
        const v = this.node();
        const mergeOne = (m) => {
            for (const [k, e] of m.entries())
                attrs.set(k, e);
        };
        if (v.type.kind === 'object' && !v.isNull())
            return mergeOne(v);
        if (v.type.kind === 'tuple' && !v.isNull()) {
            for (const m of v.elements()) {
                if (m.type.kind !== 'object' || m.isNull()) {
                    throw this.errorAt(at, `cannot merge ${friendlyName(m.type)} (from sequence) into mapping`);
                }
                mergeOne(m);
            }
            return;
        }
        throw this.errorAt(at, `cannot merge ${friendlyName(v.type)} into mapping`);
    }
    beginAnchor(name) {
        this.pending.set(name, (this.pending.get(name) ?? 0) + 1);
    }
    completeAnchor(name, v) {
        const n = this.pending.get(name) - 1;
        if (n === 0)
            this.pending.delete(name);
        else
            this.pending.set(name, n);
        this.anchors.set(name, v);
    }
    isQuoted(style) {
        return style === SCALAR_STYLE.SINGLE_QUOTED || style === SCALAR_STYLE.DOUBLE_QUOTED;
    }
    text(start, end) {
        return start < 0 ? '' : this.src.slice(start, end);
    }
    /** The resolved tag of a node's tag property ("!!int" is tag:yaml.org,2002:int). */
    tag(start, end) {
        const raw = this.text(start, end);
        if (raw === '')
            return '';
        if (raw.startsWith('!<'))
            return decodeURIComponent(raw.slice(2, -1));
        const handle = /^!(?:[0-9A-Za-z-]*!)?/.exec(raw)[0];
        const suffix = decodeURIComponent(raw.slice(handle.length));
        for (const d of this.directives)
            if (d.kind === 'tag' && d.handle === handle)
                return d.prefix + suffix;
        if (handle === '!!')
            return TagPrefix + suffix;
        return raw;
    }
    /** Where libyaml's event starts: its anchor or tag if any, else the node itself. */
    eventOffset(e) {
        if (e.type === EVENT_ID.DOCUMENT || e.type === EVENT_ID.POP || e.type === EVENT_ID.ALIAS)
            return -1;
        let start = e.type === EVENT_ID.SCALAR ? e.valueStart - (this.isQuoted(e.style) ? 1 : 0) : e.start;
        if (e.tagStart >= 0)
            start = Math.min(start < 0 ? e.tagStart : start, e.tagStart);
        if (e.anchorStart >= 0)
            start = Math.min(start < 0 ? e.anchorStart - 1 : start, e.anchorStart - 1);
        return start;
    }
    lastOffset() {
        let max = 0;
        for (const e of this.events.slice(0, this.i)) {
            if (e.type === EVENT_ID.SCALAR)
                max = Math.max(max, e.valueEnd);
            else if (e.type === EVENT_ID.ALIAS)
                max = Math.max(max, e.anchorEnd);
        }
        return max;
    }
    errorAt(offset, message) {
        if (offset < 0)
            return new PositionedError(message);
        const before = this.src.slice(0, offset);
        const line = before.split('\n').length - 1;
        const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
        return new PositionedError(line === 0 ? message : `on line ${line}, column ${column}: ${message}`);
    }
    /** Errors at the end of the stream: libyaml's mark is on the line after the last. */
    errorAtEnd(message) {
        const src = this.src === '' ? '\n' : this.src;
        const line = src.split('\n').length - 1 + (src.endsWith('\n') ? 0 : 1);
        return new PositionedError(`on line ${line}, column 1: ${message}`);
    }
}
/** Parses YAML as yamldecode; throws Error with cty-yaml's message. */
function decodeYAML(src) {
    let events;
    try {
        // libyaml has no nesting limit worth the name; js-yaml's default is 100.
        events = jsYaml().parseEvents(src, { maxDepth: 10000 });
    }
    catch (e) {
        if (!(e instanceof jsYaml().YAMLException))
            throw e;
        const line = e.mark?.line ?? 0;
        const where = line === 0 ? '' : `on line ${line}, column ${(e.mark?.column ?? 0) + 1}: `;
        throw new Error(where + e.reason, { cause: e });
    }
    return new YamlDecoder(src, events).decode();
}

;// CONCATENATED MODULE: ./build/eval/functions/once-per-call.js
/**
 * Wraps a computation whose result decides both a function's return type and
 * its value (decoding JSON or YAML, rendering a template), so it runs once per
 * call: the call machinery hands returnType and impl the same argument array.
 */
function oncePerCall(compute) {
    const results = new WeakMap();
    return (args) => {
        let result = results.get(args);
        if (!result) {
            result = compute(args);
            results.set(args, result);
        }
        return result;
    };
}

;// CONCATENATED MODULE: ./build/eval/functions/yaml-encode.js

/*
 * yamlencode's output, byte for byte: go-cty-yaml drives the libyaml emitter
 * (go-yaml's port) with block collections, double-quoted strings (literal
 * block style when the string has a newline), and plain numbers, bools and
 * null. This reproduces that emitter's state machine for those events: its
 * indentation, 80-column folding of long quoted strings, escapes, block
 * scalar chomping indicators and the "..." document end marker.
 */
const BestIndent = 2;
const BestWidth = 80;
const isBreak = (c) => c === '\r' || c === '\n' || c === '\u0085' || c === '\u2028' || c === '\u2029';
/** libyaml's is_printable, over code points (it treats 4-byte UTF-8 as unprintable). */
function isPrintable(cp) {
    return (cp === 0x0a ||
        (cp >= 0x20 && cp <= 0x7e) ||
        (cp >= 0xa0 && cp <= 0xd7ff) ||
        (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff));
}
/** The facts yaml_emitter_analyze_scalar derives that our styles depend on. */
function analyze(value) {
    const chars = [...value];
    if (chars.length === 0)
        return { multiline: false, blockAllowed: false };
    let lineBreaks = false;
    let special = false;
    let trailingSpace = false;
    let spaceBreak = false;
    let previousSpace = false;
    chars.forEach((c, i) => {
        if (!isPrintable(c.codePointAt(0)))
            special = true;
        if (c === ' ') {
            if (i === chars.length - 1)
                trailingSpace = true;
            previousSpace = true;
        }
        else if (isBreak(c)) {
            lineBreaks = true;
            if (previousSpace)
                spaceBreak = true;
            previousSpace = false;
        }
        else
            previousSpace = false;
    });
    return { multiline: lineBreaks, blockAllowed: !trailingSpace && !spaceBreak && !special };
}
const Escapes = {
    0x00: '0',
    0x07: 'a',
    0x08: 'b',
    0x09: 't',
    0x0a: 'n',
    0x0b: 'v',
    0x0c: 'f',
    0x0d: 'r',
    0x1b: 'e',
    0x22: '"',
    0x5c: '\\',
    0x85: 'N',
    0xa0: '_',
    0x2028: 'L',
    0x2029: 'P',
};
function yaml_encode_escape(cp) {
    const named = Escapes[cp];
    if (named !== undefined)
        return `\\${named}`;
    const hex = cp.toString(16).toUpperCase();
    if (cp <= 0xff)
        return `\\x${hex.padStart(2, '0')}`;
    if (cp <= 0xffff)
        return `\\u${hex.padStart(4, '0')}`;
    return `\\U${hex.padStart(8, '0')}`;
}
class Emitter {
    out = '';
    column = 0;
    whitespace = true;
    indention = true;
    openEnded = false;
    indent = -1;
    indents = [];
    emitDocument(v) {
        this.node(v, { root: true, mapping: false, simpleKey: false });
        this.writeIndent(); // document end (implicit)
        if (this.openEnded) {
            this.indicator('...', true, false, false);
            this.writeIndent();
        }
        return this.out;
    }
    /* ---- low-level writers (put, write, put_break, write_indent, write_indicator) ---- */
    put(s) {
        this.out += s;
        this.column += [...s].length;
    }
    putBreak() {
        this.out += '\n';
        this.column = 0;
    }
    writeIndent() {
        const indent = Math.max(this.indent, 0);
        if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace))
            this.putBreak();
        while (this.column < indent)
            this.put(' ');
        this.whitespace = true;
        this.indention = true;
    }
    indicator(text, needWhitespace, isWhitespace, isIndention) {
        if (needWhitespace && !this.whitespace)
            this.put(' ');
        this.put(text);
        this.whitespace = isWhitespace;
        this.indention = this.indention && isIndention;
        this.openEnded = false;
    }
    increaseIndent(flow, indentless) {
        this.indents.push(this.indent);
        if (this.indent < 0)
            this.indent = flow ? BestIndent : 0;
        else if (!indentless)
            this.indent += BestIndent;
    }
    popIndent() {
        this.indent = this.indents.pop();
    }
    /* ---- nodes ---- */
    node(v, ctx) {
        if (v.isNull())
            return this.scalar('null', 'plain', ctx);
        switch (v.type.kind) {
            case 'string': {
                const s = v.asString();
                return this.scalar(s, s.includes('\n') ? 'literal' : 'double', ctx);
            }
            case 'number':
                return this.scalar(formatNumber(v.asNumber()), 'plain', ctx);
            case 'bool':
                return this.scalar(v.asBool() ? 'true' : 'false', 'plain', ctx);
            case 'list':
            case 'set':
            case 'tuple':
                return this.sequence(v.elements(), ctx);
            default:
                return this.mapping([...v.entries()]);
        }
    }
    emptyFlow(open, close) {
        this.indicator(open, true, true, false);
        this.indicator(close, false, false, false);
    }
    sequence(items, ctx) {
        if (items.length === 0)
            return this.emptyFlow('[', ']');
        this.increaseIndent(false, ctx.mapping && !this.indention);
        for (const item of items) {
            this.writeIndent();
            this.indicator('-', true, false, true);
            this.node(item, { root: false, mapping: false, simpleKey: false });
        }
        this.popIndent();
    }
    mapping(entries) {
        if (entries.length === 0)
            return this.emptyFlow('{', '}');
        this.increaseIndent(false, false);
        for (const [key, value] of entries) {
            this.writeIndent();
            const keyStyle = key.includes('\n') ? 'literal' : 'double';
            const simple = !analyze(key).multiline && Buffer.byteLength(key) <= 128;
            if (simple) {
                this.scalar(key, keyStyle, { root: false, mapping: true, simpleKey: true });
                this.indicator(':', false, false, false);
            }
            else {
                this.indicator('?', true, false, true);
                this.scalar(key, keyStyle, { root: false, mapping: true, simpleKey: false });
                this.writeIndent();
                this.indicator(':', true, false, true);
            }
            this.node(value, { root: false, mapping: true, simpleKey: false });
        }
        this.popIndent();
    }
    scalar(value, requested, ctx) {
        const facts = analyze(value);
        let style = requested;
        if (ctx.simpleKey && facts.multiline)
            style = 'double';
        if (style === 'literal' && (!facts.blockAllowed || ctx.simpleKey))
            style = 'double';
        this.increaseIndent(true, false);
        if (style === 'plain')
            this.plain(value, ctx.root);
        else if (style === 'double')
            this.doubleQuoted(value, !ctx.simpleKey);
        else
            this.literal(value);
        this.popIndent();
    }
    plain(value, root) {
        if (!this.whitespace)
            this.put(' ');
        this.put(value); // numbers, bools and null: no spaces or breaks to fold
        this.whitespace = false;
        this.indention = false;
        if (root)
            this.openEnded = true;
    }
    doubleQuoted(value, allowBreaks) {
        this.indicator('"', true, false, false);
        // libyaml's is_bom looks at the start of the value whatever the position.
        const bomStart = value.startsWith('\ufeff');
        const chars = [...value];
        let spaces = false;
        chars.forEach((c, i) => {
            const cp = c.codePointAt(0);
            if (!isPrintable(cp) || bomStart || isBreak(c) || c === '"' || c === '\\') {
                this.put(yaml_encode_escape(cp));
                spaces = false;
            }
            else if (c === ' ') {
                if (allowBreaks && !spaces && this.column > BestWidth && i > 0 && i < chars.length - 1) {
                    this.writeIndent();
                    if (chars[i + 1] === ' ')
                        this.put('\\');
                }
                else
                    this.put(c);
                spaces = true;
            }
            else {
                this.put(c);
                spaces = false;
            }
        });
        this.indicator('"', false, false, false);
        this.whitespace = false;
        this.indention = false;
    }
    literal(value) {
        this.indicator('|', true, false, false);
        const chars = [...value];
        if (chars[0] === ' ' || isBreak(chars[0]))
            this.indicator(String(BestIndent), false, false, false);
        const last = chars.length - 1;
        let chomp = '';
        if (!isBreak(chars[last]))
            chomp = '-';
        else if (last === 0 || isBreak(chars[last - 1]))
            chomp = '+';
        // Writing the indicator clears openEnded again, as in libyaml: "|+" never ends with "...".
        if (chomp !== '')
            this.indicator(chomp, false, false, false);
        this.putBreak();
        this.indention = true;
        this.whitespace = true;
        let breaks = true;
        for (const c of chars) {
            if (isBreak(c)) {
                if (c === '\n')
                    this.putBreak();
                else {
                    this.out += c;
                    this.column = 0;
                }
                this.indention = true;
                breaks = true;
            }
            else {
                if (breaks)
                    this.writeIndent();
                this.put(c);
                this.indention = false;
                breaks = false;
            }
        }
    }
}
/** yamlencode: the YAML text go-cty-yaml produces for a known value. */
function yamlEncode(v) {
    return new Emitter().emitDocument(v);
}

;// CONCATENATED MODULE: ./build/eval/functions/encoding.js













/*
 * Encoding functions: base64 and gzip, text encodings, CSV, JSON, YAML and URL
 * query escaping, with go-cty-funcs, cty stdlib, go-cty-yaml and Packer
 * semantics and messages.
 */
const encoding_str = (name) => ({ name, type: StringType });
const encoding_staticString = () => StringType;
const utf8 = new TextDecoder('utf-8', { fatal: true });
/** A function decoding its string argument into a value whose type is the value's own. */
function decoder(description, param, decode) {
    const decoded = oncePerCall((args) => callError(() => decode(args[0].asString())));
    return {
        description,
        params: [encoding_str(param)],
        returnType: (args) => (args[0].isKnown() ? decoded(args).type : DynamicPseudoType),
        impl: (args) => decoded(args),
    };
}
/** Runs a decoder, turning its plain errors into call errors. */
function callError(f) {
    try {
        return f();
    }
    catch (e) {
        if (e instanceof FunctionArgError || e instanceof FunctionCallError || !(e instanceof Error))
            throw e;
        throw new FunctionCallError(e.message);
    }
}
function csvHeaderType(src) {
    const reader = new CsvReader(src);
    const headers = csvRead(reader);
    if (!headers)
        throw new FunctionCallError('missing header line');
    const attrs = {};
    for (const name of headers) {
        if (Object.hasOwn(attrs, name))
            throw new FunctionCallError(`duplicate column name ${gocty_goQuote(name)}`);
        attrs[name] = StringType;
    }
    return listOf(objectOf(attrs));
}
/** One CSV record, with cty's "CSV parse error on line N: ..." wording. */
function csvRead(reader) {
    try {
        return reader.read();
    }
    catch (e) {
        if (!(e instanceof CsvError))
            throw e;
        throw new FunctionCallError(`CSV parse error on line ${e.line}: ${e.reason}`);
    }
}
function csvDecode(src, returnType) {
    const elementType = returnType.element;
    const reader = new CsvReader(src);
    const headers = csvRead(reader);
    reader.fieldsPerRecord = headers.length;
    const rows = [];
    for (let cols = csvRead(reader); cols; cols = csvRead(reader)) {
        rows.push(value_Value.object(Object.fromEntries(cols.map((c, i) => [headers[i], value_Value.string(c)]))));
    }
    return value_Value.list(rows, elementType);
}
function gzipBase64(s) {
    const data = Buffer.from(s, 'utf8');
    // Go's gzip.Writer: fixed header (no mtime, OS unknown), Flush (sync marker), then Close (empty final block).
    const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
    const zlib = nodeZlib();
    const body = zlib.deflateRawSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(zlib.crc32(data), 0);
    trailer.writeUInt32LE(data.length % 2 ** 32, 4);
    return Buffer.concat([header, body, Buffer.from([1, 0, 0, 0xff, 0xff]), trailer]).toString('base64');
}
/** Go's url.QueryEscape: unreserved bytes stay, spaces become "+" (Packer's docs say "%20"; the code says "+"). */
function queryEscape(s) {
    let out = '';
    for (const b of Buffer.from(s, 'utf8')) {
        const c = String.fromCharCode(b);
        if (/[A-Za-z0-9\-_.~]/.test(c))
            out += c;
        else if (c === ' ')
            out += '+';
        else
            out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    return out;
}
function charsetArg(name) {
    const cs = lookupCharset(name);
    if (!cs)
        throw new FunctionArgError(1, `${gocty_goQuote(name)} is not a supported IANA encoding name or alias`);
    return cs;
}
const encodingFunctions = {
    base64decode: {
        description: 'Decodes a string containing a base64 sequence.',
        params: [encoding_str('str')],
        returnType: encoding_staticString,
        impl: (args) => {
            const s = args[0].asString();
            const decoded = decodeBase64(s);
            if (!('bytes' in decoded))
                throw new FunctionCallError(`failed to decode base64 data '${s}'`);
            try {
                return value_Value.string(utf8.decode(decoded.bytes));
            }
            catch {
                throw new FunctionCallError('the result of decoding the the provided string is not valid UTF-8');
            }
        },
    },
    base64encode: {
        description: 'Encodes the UTF-8 bytes of a string as base64.',
        params: [encoding_str('str')],
        returnType: encoding_staticString,
        impl: (args) => value_Value.string(Buffer.from(args[0].asString(), 'utf8').toString('base64')),
    },
    base64gzip: {
        description: 'Compresses a string with gzip and then encodes the result in base64.',
        params: [encoding_str('str')],
        returnType: encoding_staticString,
        impl: (args) => value_Value.string(gzipBase64(args[0].asString())),
    },
    textencodebase64: {
        description: 'Encodes the input string (UTF-8) to the destination encoding. The output is base64 to account for cty limiting strings to NFC normalised UTF-8 strings.',
        params: [encoding_str('string'), encoding_str('encoding')],
        returnType: encoding_staticString,
        impl: (args) => {
            const cs = charsetArg(args[1].asString());
            const bytes = encodeText(args[0].asString(), cs);
            if (!bytes)
                throw new FunctionArgError(0, `the given string contains characters that cannot be represented in ${cs.name}`);
            return value_Value.string(bytes.toString('base64'));
        },
    },
    textdecodebase64: {
        description: 'Encodes the input base64 blob from an encoding to utf-8. The input is base64 to account for cty limiting strings to NFC normalised UTF-8 strings.',
        params: [encoding_str('source'), encoding_str('encoding')],
        returnType: encoding_staticString,
        impl: (args) => {
            const cs = charsetArg(args[1].asString());
            const decoded = decodeBase64(args[0].asString());
            if (!('bytes' in decoded)) {
                throw new FunctionArgError(0, `the given value is has an invalid base64 symbol at offset ${decoded.corruptAt}`);
            }
            const text = decodeText(decoded.bytes, cs);
            if (text === undefined)
                throw new FunctionArgError(0, `the given string contains symbols that are not defined for ${cs.name}`);
            return value_Value.string(text);
        },
    },
    csvdecode: {
        description: 'Parses the given string as Comma Separated Values (as defined by RFC 4180) and returns a map of objects representing the table of data, using the first row as a header row to define the object attributes.',
        params: [encoding_str('str')],
        returnType: (args) => (args[0].isKnown() ? csvHeaderType(args[0].asString()) : DynamicPseudoType),
        impl: (args, returnType) => csvDecode(args[0].asString(), returnType),
    },
    jsondecode: decoder('Parses the given string as JSON and returns a value corresponding to what the JSON document describes.', 'str', decodeJSON),
    jsonencode: {
        description: 'Returns a string containing a JSON representation of the given value.',
        params: [{ name: 'val', type: DynamicPseudoType, allowUnknown: true, allowDynamicType: true, allowNull: true }],
        returnType: encoding_staticString,
        impl: (args) => {
            const v = args[0];
            if (!v.isWhollyKnown())
                return value_Value.unknown(StringType);
            return value_Value.string(callError(() => encodeJSON(v)));
        },
    },
    yamldecode: decoder('Parses the given string as YAML and returns a value corresponding to what the YAML document describes.', 'src', decodeYAML),
    yamlencode: {
        description: 'Returns a string containing a YAML representation of the given value.',
        params: [{ name: 'value', type: DynamicPseudoType, allowNull: true, allowDynamicType: true }],
        returnType: encoding_staticString,
        impl: (args) => {
            const v = args[0];
            if (!v.isWhollyKnown())
                return value_Value.unknown(StringType);
            return value_Value.string(yamlEncode(v));
        },
    },
    urlencode: {
        description: 'Applies URL encoding to a given string.',
        params: [encoding_str('str')],
        returnType: encoding_staticString,
        impl: (args) => value_Value.string(queryEscape(args[0].asString())),
    },
};

;// CONCATENATED MODULE: ./build/eval/functions/external.js


/*
 * Functions that read secrets from external services (Vault, Consul). They
 * exist so templates using them parse and validate, and fail with a clear
 * message when called until their backends exist. (AWS Secrets Manager's are
 * in aws-secretsmanager.ts.)
 */
/** A function whose backend is missing. */
const unavailable = (name, backend, paramNames) => ({
    description: `Reads a value from ${backend}.`,
    params: paramNames.map((name) => ({ name, type: StringType })),
    returnType: () => StringType,
    impl: () => {
        throw new FunctionCallError(`the ${name} function is not available yet: Kiln has no ${backend} backend`);
    },
});
const externalFunctions = {
    vault: unavailable('vault', 'HashiCorp Vault', ['path', 'key']),
    consul_key: unavailable('consul_key', 'Consul', ['key']),
};

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./build/eval/functions/doublestar.js



/*
 * github.com/bmatcuk/doublestar v1.3.4's Glob, which fileset uses: "*", "?",
 * "[a-z]" and "[^a-z]" classes, "{a,b}" alternatives (which may contain "/"),
 * "**" as a whole path component for any depth, "\" escapes. Directories are
 * read in name order, symlinks followed. A malformed pattern throws
 * BadPatternError; unreadable paths are skipped as doublestar does.
 */
class BadPatternError extends Error {
    constructor() {
        super('syntax error in pattern');
    }
}
function indexWithEscaping(s, r) {
    const end = s.indexOf(r);
    if (end > 0 && s[end - 1] === '\\') {
        const start = end + r.length;
        const rest = indexWithEscaping(s.slice(start), r);
        return rest === -1 ? -1 : rest + start;
    }
    return end;
}
function lastIndexWithEscaping(s, r) {
    const end = s.lastIndexOf(r);
    if (end > 0 && s[end - 1] === '\\')
        return lastIndexWithEscaping(s.slice(0, end - 1), r);
    return end;
}
function indexAnyWithEscaping(s, chars) {
    const end = [...s].findIndex((c) => chars.includes(c));
    if (end === -1)
        return -1;
    const at = [...s].slice(0, end).join('').length;
    if (at > 0 && s[at - 1] === '\\') {
        const start = at + String.fromCodePoint(s.codePointAt(at)).length;
        const rest = indexAnyWithEscaping(s.slice(start), chars);
        return rest === -1 ? -1 : rest + start;
    }
    return at;
}
/** The alternatives of "{a,b}rest" after the "{", and the index just past the "}" (or -1). */
function splitAlternatives(s) {
    const out = [];
    let depth = 1;
    let escaped = false;
    let start = 0;
    let i = 0;
    while (depth > 0) {
        if (i >= s.length)
            return [[], -1];
        const c = s[i];
        if (escaped)
            escaped = false;
        else if (c === '\\')
            escaped = true;
        else if (c === '{')
            depth++;
        else if (c === '}')
            depth--;
        else if (c === ',' && depth === 1) {
            out.push(s.slice(start, i));
            start = i + 1;
        }
        i++;
    }
    out.push(s.slice(start, i - 1));
    return [out, i];
}
function isZeroLengthPattern(pattern) {
    if (pattern === '' || pattern === '*' || pattern === '**')
        return true;
    if (pattern[0] !== '{')
        return false;
    const [options, end] = splitAlternatives(pattern.slice(1));
    if (end === -1)
        throw new BadPatternError();
    if (!isZeroLengthPattern(pattern.slice(1 + end)))
        return false;
    return options.some(isZeroLengthPattern);
}
const runeAt = (s, i) => String.fromCodePoint(s.codePointAt(i));
/** Whether a character class body ("a-z", "^abc") contains c. */
function classMatches(body, c) {
    const runes = [...body];
    if (runes.length === 0)
        throw new BadPatternError();
    const negated = runes[0] === '^';
    let i = negated ? 1 : 0;
    let matched = false;
    const take = () => {
        let r = runes[i++];
        if (r === '\\') {
            if (i >= runes.length)
                throw new BadPatternError();
            r = runes[i++];
        }
        return r;
    };
    while (i < runes.length) {
        if (runes[i] === '-')
            throw new BadPatternError();
        const low = take();
        let high = low;
        if (runes[i] === '-') {
            i++;
            if (i >= runes.length || runes[i] === '-')
                throw new BadPatternError();
            high = take();
        }
        if (low.codePointAt(0) <= c.codePointAt(0) && c.codePointAt(0) <= high.codePointAt(0))
            matched = true;
    }
    return matched !== negated;
}
/**
 * doublestar's matchComponent: undefined when name does not match the
 * pattern's first component; otherwise the patterns left for the next path
 * component ([] when the whole pattern is used up).
 */
function matchComponent(pattern, name) {
    let p = 0;
    let n = 0;
    while (p < pattern.length && n < name.length) {
        const pr = runeAt(pattern, p);
        const nr = runeAt(name, n);
        if (pr === '/') {
            p++;
            break;
        }
        else if (pr === '\\') {
            p++;
            if (p >= pattern.length)
                throw new BadPatternError();
            const escaped = runeAt(pattern, p);
            if (escaped !== nr)
                return undefined;
            p += escaped.length;
            n += nr.length;
        }
        else if (pr === '*') {
            p++;
            if (p >= pattern.length)
                return [];
            if (pattern[p] === '/')
                return [pattern.slice(p + 1)];
            for (; n < name.length; n += runeAt(name, n).length) {
                const m = matchComponent(pattern.slice(p), name.slice(n));
                if (m)
                    return m;
            }
            return undefined;
        }
        else if (pr === '[') {
            p++;
            const end = indexWithEscaping(pattern.slice(p), ']');
            if (end === -1)
                throw new BadPatternError();
            if (!classMatches(pattern.slice(p, p + end), nr))
                return undefined;
            p += end + 1;
            n += nr.length;
        }
        else if (pr === '{') {
            p++;
            const [options, end] = splitAlternatives(pattern.slice(p));
            if (end === -1)
                throw new BadPatternError();
            p += end;
            const results = options
                .map((o) => matchComponent(o + pattern.slice(p), name.slice(n)))
                .filter((m) => m !== undefined);
            return results.length > 0 ? results.flat() : undefined;
        }
        else if (pr === '?' || pr === nr) {
            p += pr.length;
            n += nr.length;
        }
        else
            return undefined;
    }
    if (n >= name.length) {
        if (p >= pattern.length)
            return [];
        const rest = pattern.slice(p);
        const slash = indexWithEscaping(rest, '/');
        if (isZeroLengthPattern(slash >= 0 ? rest.slice(0, slash) : rest))
            return slash === -1 ? [] : [rest.slice(slash + 1)];
    }
    return undefined;
}
function tryStat(f) {
    try {
        return f();
    }
    catch {
        return undefined;
    }
}
function doGlob(basedirIn, patternIn, matches) {
    let basedir = basedirIn;
    let pattern = patternIn;
    let globIdx = indexAnyWithEscaping(pattern, '*?[{\\');
    if (globIdx > 0)
        globIdx = lastIndexWithEscaping(pattern.slice(0, globIdx), '/');
    else if (globIdx === -1)
        globIdx = lastIndexWithEscaping(pattern, '/');
    if (globIdx > 0) {
        basedir = (0,external_node_path_namespaceObject.join)(basedir, pattern.slice(0, globIdx));
        pattern = pattern.slice(globIdx + 1);
    }
    let info = tryStat(() => (0,external_node_fs_namespaceObject.lstatSync)(basedir));
    if (!info)
        return;
    if (pattern === '') {
        matches.push(basedir);
        return;
    }
    if (info.isSymbolicLink())
        info = tryStat(() => (0,external_node_fs_namespaceObject.statSync)(basedir));
    if (!info?.isDirectory())
        return;
    let names;
    try {
        names = (0,external_node_fs_namespaceObject.readdirSync)(basedir).sort(compareStrings);
    }
    catch {
        return;
    }
    const slash = indexWithEscaping(pattern, '/');
    const last = slash === -1;
    if ((last ? pattern : pattern.slice(0, slash)) === '**') {
        for (const name of names) {
            const full = (0,external_node_path_namespaceObject.join)(basedir, name);
            let entry = tryStat(() => (0,external_node_fs_namespaceObject.lstatSync)(full));
            if (entry?.isSymbolicLink())
                entry = tryStat(() => (0,external_node_fs_namespaceObject.statSync)(full));
            if (!entry)
                continue;
            if (entry.isDirectory()) {
                if (last)
                    matches.push(full);
                doGlob(full, pattern, matches);
            }
            else if (last)
                matches.push(full);
        }
        if (last)
            return;
        pattern = pattern.slice(slash + 1);
    }
    for (const name of names) {
        const m = matchComponent(pattern, name);
        if (!m)
            continue;
        if (m.length === 0)
            matches.push((0,external_node_path_namespaceObject.join)(basedir, name));
        else
            for (const alt of m)
                doGlob((0,external_node_path_namespaceObject.join)(basedir, name), alt, matches);
    }
}
/** doublestar.Glob: the paths matching pattern (relative patterns from the working directory). */
function glob(pattern) {
    const matches = [];
    if (pattern === '')
        return matches;
    if (pattern[0] === '{') {
        const [options, end] = splitAlternatives(pattern.slice(1));
        if (end === -1)
            throw new BadPatternError();
        return options.flatMap((o) => glob(o + pattern.slice(1 + end)));
    }
    if (pattern[0] === '/')
        doGlob('/', pattern.slice(1), matches);
    else
        doGlob('.', pattern, matches);
    return matches;
}

;// CONCATENATED MODULE: ./build/eval/functions/filesystem.js








/*
 * File functions, as go-cty-funcs' filesystem package and Packer's own
 * filebase64: relative paths of file, fileexists and fileset resolve against
 * the template's directory (baseDir); abspath uses the working directory and
 * filebase64 reads its path as given, as Packer does.
 */
const pathParam = { name: 'path', type: StringType };
const filesystem_staticString = () => StringType;
/** Go's filepath.Clean (POSIX). */
function goClean(p) {
    if (p === '')
        return '.';
    const n = (0,external_node_path_namespaceObject.normalize)(p);
    return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
}
/** Go's filepath.Base. */
function goBase(p) {
    if (p === '')
        return '.';
    const trimmed = p.replace(/\/+$/, '');
    if (trimmed === '')
        return '/';
    return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
/** Go's filepath.Dir. */
function goDir(p) {
    return goClean(p.slice(0, p.lastIndexOf('/') + 1));
}
/** github.com/mitchellh/go-homedir's Expand. */
function expandHome(p) {
    if (p === '' || p[0] !== '~')
        return p;
    if (p.length > 1 && p[1] !== '/' && p[1] !== '\\') {
        throw new FunctionCallError('cannot expand user-specific home dir');
    }
    return goClean((0,external_node_path_namespaceObject.join)(process.env.HOME || (0,external_node_os_namespaceObject.homedir)(), p.slice(1)));
}
function resolveIn(baseDir, p) {
    let expanded;
    try {
        expanded = expandHome(p);
    }
    catch (e) {
        throw new FunctionCallError(`failed to expand ~: ${e.message}`);
    }
    return goClean((0,external_node_path_namespaceObject.isAbsolute)(expanded) ? expanded : (0,external_node_path_namespaceObject.join)(baseDir, expanded));
}
const errCode = (e) => e.code;
/** Go's os.FileMode String ("drwxr-xr-x", "Dcrw-rw-rw-"). */
function goFileMode(st) {
    const type = (st.isDirectory() ? 'd' : '') +
        (st.isSymbolicLink() ? 'L' : '') +
        (st.isBlockDevice() || st.isCharacterDevice() ? 'D' : '') +
        (st.isFIFO() ? 'p' : '') +
        (st.isSocket() ? 'S' : '') +
        (st.mode & 0o4000 ? 'u' : '') +
        (st.mode & 0o2000 ? 'g' : '') +
        (st.isCharacterDevice() ? 'c' : '') +
        (st.mode & 0o1000 ? 't' : '');
    const perms = [...'rwxrwxrwx'].map((c, i) => (st.mode & (1 << (8 - i)) ? c : '-')).join('');
    return (type || '-') + perms;
}
/** The bytes of a file for file/templatefile, with go-cty-funcs' messages. */
function readFileBytes(baseDir, p) {
    const full = resolveIn(baseDir, p);
    try {
        return (0,external_node_fs_namespaceObject.readFileSync)(full);
    }
    catch (e) {
        throw new FunctionCallError(errCode(e) === 'ENOENT' ? `no file exists at ${full}` : `failed to read ${full}`);
    }
}
const filesystem_utf8 = new TextDecoder('utf-8', { fatal: true });
/** file(): the file's text; not valid UTF-8 is an error pointing at filebase64. */
function readTextFile(baseDir, p) {
    const bytes = readFileBytes(baseDir, p);
    try {
        return filesystem_utf8.decode(bytes);
    }
    catch {
        throw new FunctionCallError(`contents of ${p} are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead`);
    }
}
function fileExists(baseDir, p) {
    const full = resolveIn(baseDir, p);
    let st;
    try {
        st = (0,external_node_fs_namespaceObject.statSync)(full);
    }
    catch (e) {
        if (errCode(e) === 'ENOENT')
            return false;
        throw new FunctionCallError(`failed to stat ${full}`);
    }
    if (st.isFile())
        return true;
    throw new FunctionCallError(`${full} is not a regular file, but ${gocty_goQuote(goFileMode(st))}`);
}
/** Go's error text for a failed file operation: "open x: no such file or directory". */
function goPathError(op, p, e) {
    const messages = {
        ENOENT: 'no such file or directory',
        EACCES: 'permission denied',
        EISDIR: 'is a directory',
        ENOTDIR: 'not a directory',
        ELOOP: 'too many levels of symbolic links',
    };
    const code = errCode(e) ?? '';
    return `${code === 'EISDIR' ? 'read' : op} ${p}: ${messages[code] ?? e.message}`;
}
function fileSet(baseDir, pathArg, patternArg) {
    const base = (0,external_node_path_namespaceObject.isAbsolute)(pathArg) ? pathArg : (0,external_node_path_namespaceObject.join)(baseDir, pathArg);
    const pattern = goClean((0,external_node_path_namespaceObject.join)(base, patternArg));
    let matches;
    try {
        matches = glob(pattern);
    }
    catch (e) {
        if (!(e instanceof BadPatternError))
            throw e;
        throw new FunctionCallError(`failed to glob pattern (${pattern}): ${e.message}`);
    }
    const files = [];
    for (const match of matches) {
        let st;
        try {
            st = (0,external_node_fs_namespaceObject.statSync)(match);
        }
        catch (e) {
            throw new FunctionCallError(`failed to stat (${match}): ${goPathError('stat', match, e)}`);
        }
        if (st.isFile())
            files.push(value_Value.string((0,external_node_path_namespaceObject.relative)(base, match)));
    }
    return value_Value.set(files, StringType);
}
/** The file functions, reading relative paths from baseDir (the template's directory). */
function filesystemFunctions(baseDir) {
    return {
        abspath: {
            description: 'Converts a filesystem path to an absolute path.',
            params: [pathParam],
            returnType: filesystem_staticString,
            impl: (args) => value_Value.string((0,external_node_path_namespaceObject.resolve)(args[0].asString())),
        },
        basename: {
            description: 'Returns the last element of a path.',
            params: [pathParam],
            returnType: filesystem_staticString,
            impl: (args) => value_Value.string(goBase(args[0].asString())),
        },
        dirname: {
            description: 'Returns all but the last element of a path.',
            params: [pathParam],
            returnType: filesystem_staticString,
            impl: (args) => value_Value.string(goDir(args[0].asString())),
        },
        pathexpand: {
            description: 'Expands a leading ~ in a path to the current user home directory.',
            params: [pathParam],
            returnType: filesystem_staticString,
            impl: (args) => value_Value.string(expandHome(args[0].asString())),
        },
        file: {
            description: 'Reads the contents of a file as a string.',
            params: [pathParam],
            returnType: filesystem_staticString,
            impl: (args) => value_Value.string(readTextFile(baseDir, args[0].asString())),
        },
        fileexists: {
            description: 'Determines whether a file exists at a given path.',
            params: [pathParam],
            returnType: () => types_BoolType,
            impl: (args) => value_Value.bool(fileExists(baseDir, args[0].asString())),
        },
        fileset: {
            description: 'Enumerates a set of regular file names given a path and pattern.',
            params: [pathParam, { name: 'pattern', type: StringType }],
            returnType: () => setOf(StringType),
            impl: (args) => fileSet(baseDir, args[0].asString(), args[1].asString()),
        },
        filebase64: {
            description: 'Reads the contents of a file and returns them as a base64-encoded string.',
            params: [{ name: 'path', type: StringType }],
            returnType: filesystem_staticString,
            impl: (args) => {
                const p = args[0].asString();
                try {
                    return value_Value.string((0,external_node_fs_namespaceObject.readFileSync)(p).toString('base64'));
                }
                catch (e) {
                    throw new FunctionCallError(`failed to read file ${gocty_goQuote(p)}: ${goPathError('open', p, e)}`);
                }
            },
        },
    };
}

;// CONCATENATED MODULE: ./build/eval/functions/format-json.js

/*
 * cty's json.Marshal as format's %#v (and %v of collections) uses it: Go's
 * encoding/json string escaping (HTML-safe), numbers in shortest 'f' form,
 * object and map keys in sorted order.
 */
const ESCAPES = {
    '"': '\\"',
    '\\': '\\\\',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '<': '\\u003c',
    '>': '\\u003e',
    '&': '\\u0026',
    '\u2028': '\\u2028',
    '\u2029': '\\u2029',
};
function jsonString(s) {
    let out = '"';
    for (const ch of s) {
        const cp = ch.codePointAt(0);
        const escaped = ESCAPES[ch];
        if (escaped)
            out += escaped;
        else if (cp < 0x20)
            out += `\\u${cp.toString(16).padStart(4, '0')}`;
        else if (cp >= 0xd800 && cp <= 0xdfff)
            out += '\ufffd'; // a lone surrogate is invalid UTF-8 to Go
        else
            out += ch;
    }
    return out + '"';
}
/** The JSON text of a value; throws with cty's message for unknown or marked parts. */
function marshalJSON(v) {
    if (v.isMarked())
        throw new Error('value has marks, so it cannot be serialized as JSON');
    if (v.isNull())
        return 'null';
    if (!v.isKnown())
        throw new Error('value is not known');
    switch (v.type.kind) {
        case 'string':
            return jsonString(v.asString());
        case 'number':
            return formatNumber(v.asNumber());
        case 'bool':
            return String(v.asBool());
        case 'list':
        case 'set':
        case 'tuple':
            return `[${v.elements().map(marshalJSON).join(',')}]`;
        default:
            return `{${[...v.entries()].map(([k, e]) => `${jsonString(k)}:${marshalJSON(e)}`).join(',')}}`;
    }
}

;// CONCATENATED MODULE: ./build/eval/functions/go-number-format.js

function decimalOf(abs) {
    if (abs.isZero())
        return { mant: '', exp: 0 };
    const [coefficient, exponent] = abs.toExponential().split('e');
    return { mant: coefficient.replace('.', '').replace(/0+$/, ''), exp: Number(exponent) + 1 };
}
// Enough digits to hold a 512-bit binary value scaled by any power of two we use.
const Wide = Num.clone({ precision: 2000 });
// 2^511 and 2^512, computed on first use (~1 ms that a start should not pay).
let bounds;
/**
 * cty numbers are 512-bit binary floats; a decimal exactly halfway between two
 * outputs may be stored a hair above or below it. Returns the sign of
 * (stored - exact): +1 rounds up, -1 down, 0 is a true tie (round half to even).
 */
function binaryTieDirection(abs) {
    const x = new Wide(abs.toString());
    const approx = Number.isFinite(Math.log2(x.toNumber())) ? Math.log2(x.toNumber()) : x.e * Math.LOG2E * Math.LN10;
    let s = 511 - Math.floor(approx);
    bounds ??= { low: new Wide(2).pow(511), high: new Wide(2).pow(512) };
    let scaled = x.times(new Wide(2).pow(s));
    while (scaled.gte(bounds.high))
        scaled = x.times(new Wide(2).pow(--s));
    while (scaled.lt(bounds.low))
        scaled = x.times(new Wide(2).pow(++s));
    return scaled.toDecimalPlaces(0, Wide.ROUND_HALF_EVEN).cmp(scaled);
}
/** big decimal.round(n): keep n digits, rounding half to even on the stored binary value. */
function go_number_format_round(d, n, abs) {
    if (n < 0 || n >= d.mant.length)
        return;
    let up;
    if (d.mant[n] === '5' && n + 1 === d.mant.length) {
        const direction = binaryTieDirection(abs);
        up = direction === 0 ? n > 0 && Number(d.mant[n - 1]) % 2 === 1 : direction > 0;
    }
    else {
        up = d.mant[n] >= '5';
    }
    if (up)
        go_number_format_roundUp(d, n);
    else
        go_number_format_roundDown(d, n);
}
function go_number_format_roundUp(d, nArg) {
    let n = nArg;
    while (n > 0 && d.mant[n - 1] === '9')
        n--;
    if (n === 0) {
        d.mant = '1';
        d.exp++;
        return;
    }
    d.mant = d.mant.slice(0, n - 1) + String(Number(d.mant[n - 1]) + 1);
}
function go_number_format_roundDown(d, n) {
    d.mant = d.mant.slice(0, n).replace(/0+$/, '');
    if (d.mant === '')
        d.exp = 0;
}
function digitAt(d, i) {
    return i >= 0 && i < d.mant.length ? d.mant[i] : '0';
}
function fmtE(mode, prec, d) {
    let out = d.mant[0] ?? '0';
    if (prec > 0) {
        out += '.';
        for (let i = 1; i <= prec; i++)
            out += digitAt(d, i);
    }
    const exp = d.mant.length > 0 ? d.exp - 1 : 0;
    return `${out}${mode}${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}
function fmtF(prec, d) {
    let out = '';
    if (d.exp > 0)
        for (let i = 0; i < d.exp; i++)
            out += digitAt(d, i);
    else
        out = '0';
    if (prec > 0) {
        out += '.';
        for (let i = 0; i < prec; i++)
            out += digitAt(d, d.exp + i);
    }
    return out;
}
/** big.Float.Append(format, prec) without the sign, for a finite magnitude. */
function appendFinite(abs, mode, precArg) {
    const d = decimalOf(abs);
    const lower = mode.toLowerCase();
    const shortest = precArg < 0;
    let prec = precArg;
    if (shortest) {
        if (lower === 'e')
            prec = d.mant.length - 1;
        else if (lower === 'f')
            prec = Math.max(d.mant.length - d.exp, 0);
        else
            prec = d.mant.length;
    }
    else if (lower === 'e') {
        go_number_format_round(d, 1 + prec, abs);
    }
    else if (lower === 'f') {
        go_number_format_round(d, d.exp + prec, abs);
    }
    else {
        if (prec === 0)
            prec = 1;
        go_number_format_round(d, prec, abs);
    }
    if (lower === 'e')
        return fmtE(mode, prec, d);
    if (lower === 'f')
        return fmtF(prec, d);
    let eprec = prec;
    if (eprec > d.mant.length && d.mant.length >= d.exp)
        eprec = d.mant.length;
    if (shortest)
        eprec = 6;
    const exp = d.exp - 1;
    if (exp < -4 || exp >= eprec) {
        return fmtE(mode === 'G' ? 'E' : 'e', Math.min(prec, d.mant.length) - 1, d);
    }
    return fmtF(Math.max((prec > d.exp ? d.mant.length : prec) - d.exp, 0), d);
}
/** big.Float.Text(mode, prec), sign included ("+Inf" for positive infinity). */
function floatText(n, mode, prec) {
    if (!n.isFinite())
        return n.isNegative() ? '-Inf' : '+Inf';
    return (n.isNegative() && !n.isZero() ? '-' : '') + appendFinite(n.abs(), mode, prec);
}
function repeat(s, count) {
    return count > 0 ? s.repeat(count) : '';
}
/** big.Float.Format for %e %E %f %g %G with flags, width and precision. */
function formatFloat(n, verb) {
    const defaultPrec = verb.mode === 'g' || verb.mode === 'G' ? -1 : 6;
    let body = floatText(n, verb.mode, verb.prec >= 0 ? verb.prec : defaultPrec);
    let sign = '';
    if (body.startsWith('-')) {
        sign = '-';
        body = body.slice(1);
    }
    else if (body.startsWith('+')) {
        sign = verb.space ? ' ' : '+';
        body = body.slice(1);
    }
    else if (verb.plus) {
        sign = '+';
    }
    else if (verb.space) {
        sign = ' ';
    }
    const padding = verb.width - sign.length - body.length;
    // Go's fmt drops the zero flag when the minus flag is present.
    if (verb.zero && !verb.minus && n.isFinite())
        return sign + repeat('0', padding) + body;
    if (verb.minus)
        return sign + body + repeat(' ', padding);
    return repeat(' ', padding) + sign + body;
}
const BASES = { b: 2, o: 8, d: 10, x: 16, X: 16 };
const PREFIXES = { b: '0b', o: '0', x: '0x', X: '0X' };
/** big.Int.Format for %b %d %o %x %X. */
function formatInteger(i, verb) {
    const sign = i < 0n ? '-' : verb.plus ? '+' : verb.space ? ' ' : '';
    const prefix = verb.sharp ? (PREFIXES[verb.mode] ?? '') : '';
    let digits = (i < 0n ? -i : i).toString(BASES[verb.mode]);
    if (verb.mode === 'X')
        digits = digits.toUpperCase();
    let zeros = 0;
    if (verb.prec >= 0) {
        if (digits.length < verb.prec)
            zeros = verb.prec - digits.length;
        else if (digits === '0' && verb.prec === 0)
            return '';
    }
    const length = sign.length + prefix.length + zeros + digits.length;
    let left = 0;
    let right = 0;
    if (verb.width > length) {
        const d = verb.width - length;
        if (verb.minus)
            right = d;
        else if (verb.zero && verb.prec < 0)
            zeros = d;
        else
            left = d;
    }
    return repeat(' ', left) + sign + prefix + repeat('0', zeros) + digits + repeat(' ', right);
}

;// CONCATENATED MODULE: ./build/eval/functions/format-verbs.js







const FLAGS = '0#-+ ';
/** Formats `args` by the specification; errors carry cty's wording. */
function formatValues(spec, args) {
    const chars = [...spec];
    const offsets = [0];
    for (const ch of chars)
        offsets.push(offsets[offsets.length - 1] + Buffer.byteLength(ch));
    const unexpected = (i) => i >= chars.length
        ? new FunctionCallError(`invalid format string starting at offset ${offsets[chars.length]}`)
        : new FunctionCallError(`unrecognized format character ${goQuoteRune(chars[i])} at offset ${offsets[i]}`);
    const isDigit = (i, from = '0') => i < chars.length && chars[i] >= from && chars[i] <= '9';
    const readNumber = (start) => {
        let value = 0;
        let i = start;
        for (; isDigit(i); i++)
            value = value * 10 + Number(chars[i]);
        return [value, i];
    };
    let out = '';
    let nextArg = 1;
    let highestArg = 0;
    for (let i = 0; i < chars.length;) {
        if (chars[i] !== '%') {
            out += chars[i++];
            continue;
        }
        if (chars[i + 1] === '%') {
            out += '%';
            i += 2;
            continue;
        }
        const start = i++;
        const flags = new Set();
        for (; i < chars.length && FLAGS.includes(chars[i]); i++)
            flags.add(chars[i]);
        let width = -1;
        if (isDigit(i, '1'))
            [width, i] = readNumber(i);
        let prec = -1;
        if (chars[i] === '.')
            [prec, i] = readNumber(i + 1);
        let argNum = nextArg;
        if (chars[i] === '[') {
            if (!isDigit(i + 1, '1'))
                throw unexpected(i + 1);
            [argNum, i] = readNumber(i + 1);
            if (chars[i] !== ']')
                throw unexpected(i);
            i++;
        }
        if (i >= chars.length || !/^[a-zA-Z]$/.test(chars[i]))
            throw unexpected(i);
        const verb = {
            mode: chars[i],
            width,
            prec,
            plus: flags.has('+'),
            space: flags.has(' '),
            zero: flags.has('0'),
            minus: flags.has('-'),
            sharp: flags.has('#'),
            argNum,
            raw: chars.slice(start, i + 1).join(''),
            offset: offsets[start],
        };
        i++;
        highestArg = Math.max(highestArg, argNum);
        out += format_verbs_formatVerb(verb, args);
        nextArg = argNum + 1;
    }
    if (highestArg < args.length) {
        // Extraneous arguments are an error, to catch mistakes.
        const message = highestArg === 0
            ? 'too many arguments; no verbs in format string'
            : `too many arguments; only ${highestArg} used by format string`;
        throw new FunctionArgError(highestArg + 1, message);
    }
    return out;
}
function format_verbs_formatVerb(verb, args) {
    const arg = args[verb.argNum - 1];
    const where = `${gocty_goQuote(verb.raw)} at ${verb.offset}`;
    if (!arg) {
        throw new FunctionCallError(`not enough arguments for ${where}: need index ${verb.argNum} but have ${args.length} total`);
    }
    if (verb.mode !== 'v' && arg.isNull()) {
        throw new FunctionCallError(`unsupported value for ${where}: null value cannot be formatted`);
    }
    const converted = (type) => {
        try {
            return convert_convert(arg, type);
        }
        catch (e) {
            throw new FunctionCallError(`unsupported value for ${where}: ${e.message}`);
        }
    };
    switch (verb.mode) {
        case 'v':
            return formatAsIs(verb, arg, where);
        case 't':
            return converted(types_BoolType).asBool() ? 'true' : 'false';
        case 'b':
        case 'd':
        case 'o':
        case 'x':
        case 'X': {
            const n = converted(NumberType).asNumber();
            if (!n.isFinite() || !n.isInteger())
                throw new FunctionCallError(`unsupported value for ${where}: an integer is required`);
            return formatInteger(BigInt(n.toFixed()), verb);
        }
        case 'e':
        case 'E':
        case 'f':
        case 'g':
        case 'G':
            return formatFloat(converted(NumberType).asNumber(), verb);
        case 's':
        case 'q': {
            let s = converted(StringType).asString();
            if (verb.prec > 0)
                s = graphemes(s).slice(0, verb.prec).join('');
            return padWidth(verb, verb.mode === 'q' ? jsonString(s) : s);
        }
        default:
            throw new FunctionCallError(`unsupported format verb ${goQuoteRune(verb.mode)} in ${gocty_goQuote(verb.raw)} at offset ${verb.offset}`);
    }
}
/** %v: strings and numbers directly, anything else (and %#v) as JSON. */
function formatAsIs(verb, arg, where) {
    if (!verb.sharp && !arg.isNull()) {
        if (arg.type.kind === 'string')
            return padWidth(verb, arg.asString());
        if (arg.type.kind === 'number')
            return padWidth(verb, floatText(arg.asNumber(), 'g', -1));
    }
    try {
        return padWidth(verb, marshalJSON(arg));
    }
    catch (e) {
        throw new FunctionCallError(`unsupported value for ${where}: ${e.message}`);
    }
}
/** Width in grapheme clusters; "0" pads with zeros, "-" pads on the right. */
function padWidth(verb, s) {
    const missing = verb.width - graphemeCount(s);
    if (verb.width < 0 || missing <= 0)
        return s;
    const pad = (verb.zero ? '0' : ' ').repeat(missing);
    return verb.minus ? s + pad : pad + s;
}

;// CONCATENATED MODULE: ./build/eval/functions/format.js




/*
 * format and formatlist (go-cty stdlib format.go). Both see their value
 * arguments raw: null, unknown and of any type.
 */
const params = [{ name: 'format', type: StringType }];
const varParam = {
    name: 'args',
    type: DynamicPseudoType,
    allowNull: true,
    allowUnknown: true,
    allowDynamicType: true,
};
const format = {
    params,
    varParam,
    returnType: () => StringType,
    impl: ([spec, ...args]) => {
        // Collections are printed as JSON, which needs them wholly known.
        if (args.some((a) => !a.isWhollyKnown()))
            return value_Value.unknown(StringType);
        return value_Value.string(formatValues(spec.asString(), args));
    },
};
function isSequence(t) {
    return t.kind === 'list' || t.kind === 'set' || t.kind === 'tuple';
}
/** The length of a list, set or tuple argument, or undefined when it cannot be known yet. */
function sequenceLength(arg) {
    if (arg.type.kind === 'tuple')
        return arg.isKnown() ? arg.length() : arg.type.elements.length;
    return arg.isKnown() ? arg.length() : undefined;
}
const formatlist = {
    params,
    varParam,
    returnType: () => listOf(StringType),
    impl: ([specVal, ...args]) => {
        const spec = specVal.asString();
        if (args.length === 0)
            return value_Value.list([value_Value.string(formatValues(spec, []))]);
        // Sequences are iterated together; anything else is repeated on every iteration.
        let iterLen = -1;
        let lenChooser = -1;
        let unknown = false;
        args.forEach((arg, i) => {
            if (isSequence(arg.type) && !arg.isNull()) {
                const len = sequenceLength(arg);
                if (len === undefined) {
                    unknown = true;
                    return;
                }
                if (iterLen === -1) {
                    iterLen = len;
                    lenChooser = i;
                }
                else if (len !== iterLen) {
                    throw new FunctionArgError(i + 1, `argument ${i + 1} has length ${len}, which is inconsistent with argument ${lenChooser + 1} of length ${iterLen}`);
                }
                if (!arg.isKnown())
                    unknown = true;
            }
            else if (!arg.isKnown() && arg.type.kind === 'dynamic') {
                unknown = true;
            }
        });
        if (unknown)
            return value_Value.unknown(listOf(StringType));
        if (iterLen === 0)
            return value_Value.list([], StringType);
        const results = [];
        for (let iteration = 0; iteration < Math.max(iterLen, 1); iteration++) {
            const values = args.map((arg) => (isSequence(arg.type) && !arg.isNull() ? arg.elements()[iteration] : arg));
            // An iteration with unknown arguments gives an unknown element; the others are still computed.
            if (values.some((v) => !v.isWhollyKnown())) {
                results.push(value_Value.unknown(StringType));
                continue;
            }
            try {
                results.push(value_Value.string(formatValues(spec, values)));
            }
            catch (e) {
                throw new FunctionCallError(`error on format iteration ${iteration}: ${e.message}`);
            }
        }
        return value_Value.list(results, StringType);
    },
};
const formatFunctions = { format, formatlist };

;// CONCATENATED MODULE: ./build/eval/functions/network.js




function parseIPv4(s) {
    const parts = s.split('.');
    if (parts.length !== 4)
        return undefined;
    let n = 0n;
    for (const p of parts) {
        if (!/^(0|[1-9][0-9]{0,2})$/.test(p) || Number(p) > 255)
            return undefined;
        n = (n << 8n) | BigInt(p);
    }
    return n;
}
/** netip.ParseAddr for IPv6 (no zone): hex groups, one "::", optional trailing IPv4. */
function parseIPv6(s) {
    const halves = s.split('::');
    if (halves.length > 2)
        return undefined;
    const groups = (text) => {
        if (text === '')
            return [];
        const out = [];
        const parts = text.split(':');
        for (const [i, p] of parts.entries()) {
            if (i === parts.length - 1 && p.includes('.')) {
                const v4 = parseIPv4(p);
                if (v4 === undefined)
                    return undefined;
                out.push(v4 >> 16n, v4 & 0xffffn);
            }
            else if (/^[0-9a-fA-F]{1,4}$/.test(p))
                out.push(BigInt(`0x${p}`));
            else
                return undefined;
        }
        return out;
    };
    const head = groups(halves[0]);
    const tail = halves.length === 2 ? groups(halves[1]) : [];
    if (!head || !tail)
        return undefined;
    const missing = 8 - head.length - tail.length;
    if (halves.length === 2 ? missing < 1 : missing !== 0)
        return undefined;
    return [...head, ...Array(missing).fill(0n), ...tail].reduce((acc, g) => (acc << 16n) | g, 0n);
}
const hostMask = (bits, prefix) => (1n << BigInt(bits - prefix)) - 1n;
const fullMask = (bits) => (1n << BigInt(bits)) - 1n;
const netMask = (bits, prefix) => fullMask(bits) ^ hostMask(bits, prefix);
/** net.ParseCIDR, failing with its error text. */
function parseCIDR(s) {
    const slash = s.indexOf('/');
    const fail = `invalid CIDR address: ${s}`;
    if (slash < 0)
        return fail;
    const addr = s.slice(0, slash);
    const maskText = s.slice(slash + 1);
    const v4 = addr.includes(':') ? undefined : parseIPv4(addr);
    const ip = v4 ?? (addr.includes(':') ? parseIPv6(addr) : undefined);
    if (ip === undefined)
        return fail;
    const bits = v4 === undefined ? 128 : 32;
    if (!/^[0-9]{1,7}$/.test(maskText))
        return fail;
    const prefix = Number(maskText);
    if (prefix > bits)
        return fail;
    return { ip: ip & netMask(bits, prefix), bits, prefix };
}
/** net.IP.String for a 4- or 16-byte address (IPv4-mapped IPv6 prints as IPv4). */
function ipString(ip, bits) {
    if (bits === 32 || ip >> 32n === 0xffffn) {
        const v4 = Number(ip & 0xffffffffn);
        return [24, 16, 8, 0].map((shift) => (v4 >>> shift) & 0xff).join('.');
    }
    const groups = Array.from({ length: 8 }, (_, i) => Number((ip >> BigInt(112 - 16 * i)) & 0xffffn));
    // RFC 5952: the first longest run of two or more zero groups becomes "::".
    let bestStart = -1;
    let bestLen = 1;
    for (let i = 0; i < 8;) {
        let j = i;
        while (j < 8 && groups[j] === 0)
            j++;
        if (j - i > bestLen)
            [bestStart, bestLen] = [i, j - i];
        i = j === i ? i + 1 : j;
    }
    const hex = groups.map((g) => g.toString(16));
    if (bestStart < 0)
        return hex.join(':');
    return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}
const netString = (n) => `${ipString(n.ip, n.bits)}/${n.prefix}`;
/** gocty's conversion of a number to a Go int, exactly (BigInt). */
function int64(v) {
    const n = v.asNumber();
    if (goInt(n) === undefined)
        throw new Error(WHOLE_NUMBER_ERROR);
    return BigInt(n.toFixed());
}
function callInt(v) {
    try {
        return int64(v);
    }
    catch (e) {
        throw new FunctionCallError(e.message);
    }
}
function prefixArg(s, argError) {
    const n = parseCIDR(s);
    if (typeof n !== 'string')
        return n;
    const message = `invalid CIDR expression: ${n}`;
    throw argError ? new FunctionArgError(0, message) : new FunctionCallError(message);
}
/** go-cidr's HostBig, including its handling of negative host numbers. */
function cidrHost(n, numIn) {
    const maxHost = hostMask(n.bits, n.prefix);
    let num = numIn;
    let magnitude = num;
    if (num < 0n) {
        magnitude = -num - 1n;
        num = maxHost - magnitude;
    }
    if (magnitude > maxHost) {
        throw new FunctionCallError(`prefix of ${n.prefix} does not accommodate a host numbered ${num}`);
    }
    // go-cidr inserts the number as if the address were 32 bits wide when it is
    // IPv4 or IPv4-mapped IPv6; for the latter that lands in the top bits.
    const shift = n.bits === 128 && n.ip >> 32n === 0xffffn ? 96n : 0n;
    return ipString((n.ip | (num << shift)) & fullMask(n.bits), n.bits);
}
/** go-cidr's SubnetBig. */
function cidrSubnet(n, newBits, num) {
    const newPrefix = n.prefix + newBits;
    if (newPrefix > n.bits) {
        throw new FunctionCallError(`insufficient address space to extend prefix of ${n.prefix} by ${newBits}`);
    }
    // big.Int.Uint64 reads the magnitude's low 64 bits.
    const magnitude = (num < 0n ? -num : num) & ((1n << 64n) - 1n);
    if (magnitude > (1n << BigInt(newBits)) - 1n) {
        throw new FunctionCallError(`prefix extension of ${newBits} does not accommodate a subnet numbered ${num}`);
    }
    const ip = (n.ip | (num << BigInt(n.bits - newPrefix))) & fullMask(n.bits);
    return netString({ ip, bits: n.bits, prefix: newPrefix });
}
function cidrSubnets(n, lengths) {
    if (lengths.length === 0)
        return [];
    const int = (v, i) => {
        try {
            return Number(int64(v));
        }
        catch (e) {
            throw new FunctionArgError(i + 1, e.message);
        }
    };
    const lastOf = (x) => x.ip | hostMask(x.bits, x.prefix);
    const masked = (ip, prefix) => ({ ip: ip & netMask(n.bits, prefix), bits: n.bits, prefix });
    const firstLength = int(lengths[0], 0) + n.prefix;
    // go-cidr's PreviousSubnet: the block of the first size just before the network (wrapping at zero).
    let current = masked((n.ip - 1n) & fullMask(n.bits), Math.min(firstLength, n.bits));
    const protocol = n.bits === 32 ? 'IPv4' : 'IPv6';
    return lengths.map((arg, i) => {
        let length = int(arg, i);
        if (length < 1)
            throw new FunctionArgError(i + 1, 'must extend prefix by at least one bit');
        if (length > 32)
            throw new FunctionArgError(i + 1, 'may not extend prefix by more than 32 bits');
        length += n.prefix;
        if (length > n.bits) {
            throw new FunctionArgError(i + 1, `would extend prefix to ${length} bits, which is too long for an ${protocol} address`);
        }
        // go-cidr's NextSubnet: the block of this size after the end of the current one.
        const after = (lastOf(masked(lastOf(current), length)) + 1n) & fullMask(n.bits);
        const next = masked(after, length);
        if (after === 0n || (next.ip & netMask(n.bits, n.prefix)) !== n.ip) {
            throw new FunctionArgError(i + 1, `not enough remaining address space for a subnet with a prefix of ${length} bits after ${netString(current)}`);
        }
        current = next;
        return netString(current);
    });
}
const prefixParam = { name: 'prefix', type: StringType };
const networkFunctions = {
    cidrhost: {
        description: 'Calculates a full host IP address within a given IP network address prefix.',
        params: [prefixParam, { name: 'hostnum', type: NumberType }],
        returnType: () => StringType,
        impl: (args) => {
            const num = callInt(args[1]);
            return value_Value.string(cidrHost(prefixArg(args[0].asString(), false), num));
        },
    },
    cidrnetmask: {
        description: 'Converts an IPv4 address prefix given in CIDR notation into a subnet mask address.',
        params: [prefixParam],
        returnType: () => StringType,
        impl: (args) => {
            const n = prefixArg(args[0].asString(), false);
            return value_Value.string(ipString(netMask(n.bits, n.prefix), n.bits));
        },
    },
    cidrsubnet: {
        description: 'Calculates a subnet address within a given IP network address prefix.',
        params: [prefixParam, { name: 'newbits', type: NumberType }, { name: 'netnum', type: NumberType }],
        returnType: () => StringType,
        impl: (args) => {
            const newBits = Number(callInt(args[1]));
            const netNum = callInt(args[2]);
            const n = prefixArg(args[0].asString(), false);
            if (newBits > 32)
                throw new FunctionCallError('may not extend prefix by more than 32 bits');
            return value_Value.string(cidrSubnet(n, newBits, netNum));
        },
    },
    cidrsubnets: {
        description: 'Calculates a sequence of consecutive subnet prefixes that may be of different prefix lengths under a common base prefix.',
        params: [prefixParam],
        varParam: { name: 'newbits', type: NumberType },
        returnType: () => listOf(StringType),
        impl: (args) => {
            const n = prefixArg(args[0].asString(), true);
            const subnets = cidrSubnets(n, args.slice(1));
            return value_Value.list(subnets.map(value_Value.string), StringType);
        },
    },
};

;// CONCATENATED MODULE: ./build/eval/functions/numeric.js






/*
 * Numeric functions: go-cty stdlib's number.go plus Packer's own `sum`.
 * log and pow work in float64, as cty does; everything else stays exact.
 */
const numberResult = () => NumberType;
function unaryNumber(op) {
    return {
        params: [{ name: 'num', type: NumberType }],
        returnType: numberResult,
        impl: ([n]) => value_Value.number(op(n.asNumber())),
    };
}
/** cty.NumberFloatVal: a float64 result; NaN is a panic in cty, reported as such. */
function floatResult(f) {
    if (Number.isNaN(f))
        throw new FunctionCallError('panic in function implementation: Float.SetFloat64(NaN)');
    return value_Value.number(f);
}
function extreme(pick, start) {
    return {
        params: [],
        varParam: { name: 'numbers', type: NumberType, allowDynamicType: true },
        returnType: numberResult,
        impl: (args) => {
            if (args.length === 0)
                throw new FunctionCallError('must pass at least one number');
            let best;
            for (const a of args)
                if (pick(a.asNumber(), best ? best.asNumber() : start))
                    best = a;
            return best ?? value_Value.number(start);
        },
    };
}
/** big.Int.SetString digit values: 0-9, then letters (case-insensitive up to base 36). */
function digitValue(ch, base) {
    const c = ch.charCodeAt(0);
    if (c >= 48 && c <= 57)
        return c - 48;
    if (c >= 97 && c <= 122)
        return c - 97 + 10;
    if (c >= 65 && c <= 90)
        return c - 65 + (base <= 36 ? 10 : 36);
    return Infinity;
}
/** Go's big.Int.SetString(s, base) for base 2..62: optional sign, then digits only. */
function parseBigInt(s, base) {
    const negative = s.startsWith('-');
    const digits = negative || s.startsWith('+') ? s.slice(1) : s;
    if (digits === '')
        return undefined;
    let n = 0n;
    for (const ch of digits) {
        const d = digitValue(ch, base);
        if (d >= base)
            return undefined;
        n = n * BigInt(base) + BigInt(d);
    }
    return negative ? -n : n;
}
const parseint = {
    params: [
        { name: 'number', type: DynamicPseudoType },
        { name: 'base', type: NumberType },
    ],
    returnType: ([str]) => {
        if (str.type.kind !== 'string')
            throw new FunctionArgError(0, `first argument must be a string, not ${friendlyName(str.type)}`);
        return NumberType;
    },
    impl: ([str, baseVal]) => {
        const base = goInt(baseVal.asNumber());
        if (base === undefined)
            throw new FunctionArgError(1, WHOLE_NUMBER_ERROR);
        if (base < 2 || base > 62)
            throw new FunctionArgError(1, 'base must be a whole number between 2 and 62 inclusive');
        const s = str.asString();
        const parsed = parseBigInt(s, base);
        if (parsed === undefined)
            throw new FunctionArgError(0, `cannot parse ${gocty_goQuote(s)} as a base ${base} integer`);
        return value_Value.number(parsed.toString());
    },
};
const NOT_NUMBERS = 'argument must be list, set, or tuple of number values';
/** Packer's sum: a list, set or tuple of values convertible to number; never empty. */
const numeric_sum = {
    params: [{ name: 'list', type: DynamicPseudoType }],
    returnType: numberResult,
    impl: ([list]) => {
        const kind = list.type.kind;
        if (kind === 'string' || kind === 'number' || kind === 'bool')
            throw new FunctionArgError(0, 'cannot sum noniterable');
        if (list.length() === 0)
            throw new FunctionArgError(0, 'cannot sum an empty list');
        if (kind !== 'list' && kind !== 'set' && kind !== 'tuple')
            throw new FunctionArgError(0, `argument must be list, set, or tuple. Received ${friendlyName(list.type)}`);
        if (!list.isWhollyKnown())
            return value_Value.unknown(NumberType);
        let total;
        for (const element of list.elements()) {
            const n = asNumber(element);
            total = total === undefined ? n : total.plus(n);
            if (total.isNaN())
                throw new FunctionCallError("can't compute sum of opposing infinities");
        }
        return value_Value.number(total);
    },
};
function asNumber(v) {
    if (v.isNull())
        throw new FunctionArgError(0, NOT_NUMBERS);
    try {
        return convert_convert(v, NumberType).asNumber();
    }
    catch {
        throw new FunctionArgError(0, NOT_NUMBERS);
    }
}
const numericFunctions = {
    abs: {
        params: [{ name: 'num', type: NumberType, allowDynamicType: true, allowMarked: true }],
        returnType: numberResult,
        impl: ([n]) => withMarksOf(value_Value.number(n.asNumber().abs()), n),
    },
    ceil: unaryNumber((n) => (n.isFinite() ? n.ceil() : n)),
    floor: unaryNumber((n) => (n.isFinite() ? n.floor() : n)),
    log: {
        params: [
            { name: 'num', type: NumberType },
            { name: 'base', type: NumberType },
        ],
        returnType: numberResult,
        impl: ([n, base]) => floatResult(Math.log(n.asNumber().toNumber()) / Math.log(base.asNumber().toNumber())),
    },
    pow: {
        params: [
            { name: 'num', type: NumberType },
            { name: 'power', type: NumberType },
        ],
        returnType: numberResult,
        impl: ([n, power]) => floatResult(Math.pow(n.asNumber().toNumber(), power.asNumber().toNumber())),
    },
    signum: {
        params: [{ name: 'num', type: NumberType }],
        returnType: numberResult,
        impl: ([n]) => {
            // cty converts to a Go int first, so fractions are rejected.
            const i = goInt(n.asNumber());
            if (i === undefined)
                throw new FunctionCallError(WHOLE_NUMBER_ERROR);
            return value_Value.number(Math.sign(i) || 0);
        },
    },
    max: extreme((c, best) => c.gt(best), num(-Infinity)),
    min: extreme((c, best) => c.lt(best), num(Infinity)),
    parseint,
    sum: numeric_sum,
};

;// CONCATENATED MODULE: ./build/eval/functions/regex.js




function compile(pattern) {
    const re = re2js().RE2JS.compile(pattern);
    const names = new Array(re.groupCount() + 1).fill('');
    for (const [name, index] of Object.entries(re.namedGroups()))
        names[index] = name;
    return { re, names };
}
/** The result type for a pattern's capture groups (regexPatternResultType). */
function patternResultType(pattern) {
    let compiled;
    try {
        compiled = compile(pattern);
    }
    catch (e) {
        if (e instanceof re2js().RE2JSSyntaxException)
            throw new FunctionArgError(0, `invalid regexp pattern: ${e.error} in ${e.input ?? ''}`);
        throw new FunctionArgError(0, `error parsing pattern: ${e.message}`);
    }
    const groups = compiled.names.slice(1);
    const named = groups.filter((n) => n !== '');
    const unnamed = groups.length - named.length;
    if (groups.length === 0)
        return StringType;
    if (unnamed > 0 && named.length > 0)
        throw new FunctionArgError(0, 'invalid regexp pattern: cannot mix both named and unnamed capture groups');
    if (unnamed > 0)
        return tupleOf(groups.map(() => StringType));
    return objectOf(Object.fromEntries(named.map((n) => [n, StringType])));
}
function execAt(c, s, pos) {
    const m = c.re.matcher(s);
    if (!m.find(pos))
        return undefined;
    const out = [];
    for (let g = 0; g < c.names.length; g++)
        out.push(m.start(g), m.end(g));
    return out;
}
/** Width in UTF-16 units of the code point at pos (Go advances one rune). */
function runeWidth(s, pos) {
    return s.codePointAt(pos) > 0xffff ? 2 : 1;
}
/** Go's FindAllStringSubmatchIndex(s, -1). */
function allMatches(c, s) {
    const out = [];
    let prevEnd = -1;
    for (let pos = 0; pos <= s.length;) {
        const m = execAt(c, s, pos);
        if (!m)
            break;
        const [start, end] = m;
        let accept = true;
        if (end === pos) {
            if (start === prevEnd)
                accept = false; // empty match right after the previous one
            pos += pos < s.length ? runeWidth(s, pos) : 1;
        }
        else {
            pos = end;
        }
        prevEnd = end;
        if (accept)
            out.push(m);
    }
    return out;
}
function matchResult(c, s, m, type) {
    const group = (g) => m[2 * g] < 0 ? value_Value.null(StringType) : value_Value.string(s.slice(m[2 * g], m[2 * g + 1]));
    if (type.kind === 'string')
        return group(0);
    const groups = c.names.slice(1).map((_, i) => group(i + 1));
    if (type.kind === 'tuple')
        return value_Value.tuple(groups);
    return value_Value.object(Object.fromEntries(c.names.slice(1).map((name, i) => [name, groups[i]])));
}
const regex = {
    params: [
        { name: 'pattern', type: StringType },
        { name: 'string', type: StringType },
    ],
    returnType: ([pattern]) => (pattern.isKnown() ? patternResultType(pattern.asString()) : DynamicPseudoType),
    impl: ([pattern, str], type) => {
        const c = compile(pattern.asString());
        const s = str.asString();
        const m = execAt(c, s, 0);
        if (!m)
            throw new FunctionCallError('pattern did not match any part of the given string');
        return matchResult(c, s, m, type);
    },
};
const regexall = {
    params: regex.params,
    returnType: ([pattern]) => listOf(pattern.isKnown() ? patternResultType(pattern.asString()) : DynamicPseudoType),
    impl: ([pattern, str], type) => {
        const elementType = type.element;
        const c = compile(pattern.asString());
        const s = str.asString();
        return value_Value.list(allMatches(c, s).map((m) => matchResult(c, s, m, elementType)), elementType);
    },
};
/** Go's regexp name/number reference after a "$": returns [name, rest] or undefined when malformed. */
function extractReference(template) {
    const brace = template.startsWith('{');
    const body = brace ? template.slice(1) : template;
    const name = /^[\p{L}\p{Nd}_]*/u.exec(body)[0];
    if (name === '')
        return undefined;
    if (brace && body[name.length] !== '}')
        return undefined;
    return [name, body.slice(name.length + (brace ? 1 : 0))];
}
/** Go's Regexp.Expand of a replacement template for one match. */
function expand(c, template, s, m) {
    let out = '';
    let rest = template;
    for (let i = rest.indexOf('$'); i >= 0; i = rest.indexOf('$')) {
        out += rest.slice(0, i);
        rest = rest.slice(i + 1);
        if (rest.startsWith('$')) {
            out += '$';
            rest = rest.slice(1);
            continue;
        }
        const ref = extractReference(rest);
        if (!ref) {
            out += '$';
            continue;
        }
        const [name, after] = ref;
        rest = after;
        const num = /^(0|[1-9][0-9]{0,8})$/.test(name) ? Number(name) : -1;
        const group = num >= 0 ? num : c.names.indexOf(name, 1);
        if (group >= 0 && 2 * group + 1 < m.length && m[2 * group] >= 0)
            out += s.slice(m[2 * group], m[2 * group + 1]);
    }
    return out + rest;
}
/** Go's Regexp.ReplaceAllString. */
function replaceAll(c, s, template) {
    let out = '';
    let lastEnd = 0;
    for (let pos = 0; pos <= s.length;) {
        const m = execAt(c, s, pos);
        if (!m)
            break;
        const [start, end] = m;
        out += s.slice(lastEnd, start);
        // No replacement for an empty match right after the previous match.
        if (end > lastEnd || start === 0)
            out += expand(c, template, s, m);
        lastEnd = end;
        const width = pos < s.length ? runeWidth(s, pos) : 1;
        pos = pos + width > end ? pos + width : end;
    }
    return out + s.slice(lastEnd);
}
const regexReplace = {
    params: [
        { name: 'str', type: StringType },
        { name: 'pattern', type: StringType },
        { name: 'replace', type: StringType },
    ],
    returnType: () => StringType,
    impl: ([str, pattern, replacement]) => {
        let c;
        try {
            c = compile(pattern.asString());
        }
        catch (e) {
            throw new FunctionCallError(e.message);
        }
        return value_Value.string(replaceAll(c, str.asString(), replacement.asString()));
    },
};
const regexFunctions = {
    regex,
    regexall,
    regex_replace: regexReplace,
};

;// CONCATENATED MODULE: ./build/eval/functions/unicode-case.js
/*
 * Go's unicode.ToUpper / ToLower / ToTitle: one code point to one code point
 * (simple case mapping). JavaScript's toUpperCase applies full mappings
 * ("ß" -> "SS") and context rules (final sigma), so we map per code point and
 * keep only single code point results, with the few simple mappings that
 * differ from the full ones listed here.
 */
// Greek letters with ypogegrammeni: simple upper/title mapping is the prosgegrammeni form.
function greekIotaSubscriptUpper(cp) {
    if ((cp >= 0x1f80 && cp <= 0x1f87) || (cp >= 0x1f90 && cp <= 0x1f97) || (cp >= 0x1fa0 && cp <= 0x1fa7))
        return cp + 8;
    if (cp === 0x1fb3 || cp === 0x1fc3 || cp === 0x1ff3)
        return cp + 9;
    return undefined;
}
function single(mapped, original) {
    return [...mapped].length === 1 ? mapped : original;
}
function toUpperRune(ch) {
    const greek = greekIotaSubscriptUpper(ch.codePointAt(0));
    if (greek !== undefined)
        return String.fromCodePoint(greek);
    return single(ch.toUpperCase(), ch);
}
function toLowerRune(ch) {
    if (ch === '\u0130')
        return 'i'; // full mapping is "i̇"; Go's simple mapping is plain i
    return single(ch.toLowerCase(), ch);
}
// Digraphs whose title case differs from their upper case (DŽ/Dž/dž, LJ, NJ, DZ).
const TITLE_DIGRAPHS = new Map([
    [0x01c4, 0x01c5],
    [0x01c5, 0x01c5],
    [0x01c6, 0x01c5],
    [0x01c7, 0x01c8],
    [0x01c8, 0x01c8],
    [0x01c9, 0x01c8],
    [0x01ca, 0x01cb],
    [0x01cb, 0x01cb],
    [0x01cc, 0x01cb],
    [0x01f1, 0x01f2],
    [0x01f2, 0x01f2],
    [0x01f3, 0x01f2],
]);
function toTitleRune(ch) {
    const digraph = TITLE_DIGRAPHS.get(ch.codePointAt(0));
    return digraph === undefined ? toUpperRune(ch) : String.fromCodePoint(digraph);
}
function mapRunes(s, f) {
    let out = '';
    for (const ch of s)
        out += f(ch);
    return out;
}

;// CONCATENATED MODULE: ./build/eval/functions/string.js






/*
 * String functions: go-cty stdlib's string.go and string_replace.go, plus
 * Packer's startswith, endswith and strcontains. Semantics follow Go's strings
 * package (runes, not UTF-16 units) and grapheme clusters where cty uses them.
 */
const string_str = (name) => ({ name, type: StringType });
/** cty marks these parameters AllowDynamicType: an unknown of unknown type gives an unknown string. */
const anyStr = (name) => ({ name, type: StringType, allowDynamicType: true });
const stringResult = () => StringType;
const boolResult = () => types_BoolType;
function stringOp(params, op) {
    return {
        params,
        returnType: stringResult,
        impl: (args) => value_Value.string(op(...args.map((a) => a.asString()))),
    };
}
function predicate(second, test) {
    return {
        params: [string_str('str'), string_str(second)],
        returnType: boolResult,
        impl: ([s, other]) => value_Value.bool(test(s.asString(), other.asString())),
    };
}
/** A Go int argument; gocty's error is the call's error. */
function intArg(v) {
    const i = goInt(v.asNumber());
    if (i === undefined)
        throw new FunctionCallError(WHOLE_NUMBER_ERROR);
    return i;
}
// unicode.IsSpace: the Unicode White_Space property (which includes U+0085 and U+00A0).
const TRIM_SPACE = /^\p{White_Space}+|\p{White_Space}+$/gu;
const LETTER_OR_DIGIT = /^[\p{L}\p{Nd}]$/u;
const string_SPACE = /^\p{White_Space}$/u;
/** strings.Title's word separator rule. */
function isSeparator(ch) {
    if (ch.codePointAt(0) <= 0x7f)
        return !/^[0-9A-Za-z_]$/.test(ch);
    if (LETTER_OR_DIGIT.test(ch))
        return false;
    return string_SPACE.test(ch);
}
function title(s) {
    let prev = ' ';
    return mapRunes(s, (ch) => {
        const out = isSeparator(prev) ? toTitleRune(ch) : ch;
        prev = ch;
        return out;
    });
}
/** strings.Trim: drop leading and trailing runes found in cutset. */
function trimCutset(s, cutset) {
    const cut = new Set(cutset);
    const runes = [...s];
    let start = 0;
    let end = runes.length;
    while (start < end && cut.has(runes[start]))
        start++;
    while (end > start && cut.has(runes[end - 1]))
        end--;
    return runes.slice(start, end).join('');
}
/** strings.Replace(s, old, new, -1); an empty old matches before every rune and at the end. */
function string_replaceAll(s, old, replacement) {
    if (old === '')
        return replacement + [...s].map((ch) => ch + replacement).join('');
    return s.split(old).join(replacement);
}
/** strings.Split: an empty separator splits into runes (none for an empty string). */
function split(sep, s) {
    const parts = sep === '' ? [...s] : s.split(sep);
    return value_Value.list(parts.map((p) => value_Value.string(p)), StringType);
}
/** cty's substr, including its quirks: offsets and lengths count grapheme clusters. */
function substr(s, offsetArg, length) {
    const clusters = graphemes(s);
    let offset = offsetArg;
    if (offset < 0)
        offset += clusters.length;
    else if (length === 0)
        return '';
    const rest = clusters.slice(Math.max(offset, 0));
    // A zero length after a negative offset takes the rest, as cty's seek loop does.
    return (length <= 0 ? rest : rest.slice(0, length)).join('');
}
const join = {
    params: [string_str('separator')],
    varParam: { name: 'lists', type: listOf(StringType) },
    returnType: stringResult,
    impl: ([sep, ...lists]) => {
        if (lists.length < 1)
            throw new FunctionCallError('at least one list is required');
        if (lists.some((l) => !l.isWhollyKnown()))
            return value_Value.unknown(StringType);
        const items = [];
        lists.forEach((list, ai) => {
            list.elements().forEach((v, ei) => {
                if (v.isNull()) {
                    const where = lists.length > 1 ? `element ${ei} of list ${ai + 1}` : `element ${ei}`;
                    throw new FunctionArgError(ai + 1, `${where} is null; cannot concatenate null values`);
                }
                items.push(v.asString());
            });
        });
        return value_Value.string(items.join(sep.asString()));
    },
};
const stringFunctions = {
    chomp: stringOp([string_str('str')], (s) => s.replace(/(?:\r\n?|\n)*$/, '')),
    endswith: predicate('suffix', (s, suffix) => s.endsWith(suffix)),
    indent: {
        params: [{ name: 'spaces', type: NumberType }, string_str('str')],
        returnType: stringResult,
        impl: ([spaces, s]) => {
            const n = intArg(spaces);
            if (n < 0)
                throw new FunctionCallError('panic in function implementation: strings: negative Repeat count');
            return value_Value.string(s
                .asString()
                .split('\n')
                .join(`\n${' '.repeat(n)}`));
        },
    },
    join,
    lower: stringOp([anyStr('str')], (s) => mapRunes(s, toLowerRune)),
    replace: stringOp([string_str('str'), string_str('substr'), string_str('replace')], string_replaceAll),
    split: {
        params: [string_str('separator'), string_str('str')],
        returnType: () => listOf(StringType),
        impl: ([sep, s]) => split(sep.asString(), s.asString()),
    },
    startswith: predicate('prefix', (s, prefix) => s.startsWith(prefix)),
    strcontains: predicate('substr', (s, sub) => s.includes(sub)),
    strrev: stringOp([anyStr('str')], (s) => graphemes(s).reverse().join('')),
    substr: {
        params: [
            anyStr('str'),
            { name: 'offset', type: NumberType, allowDynamicType: true },
            { name: 'length', type: NumberType, allowDynamicType: true },
        ],
        returnType: stringResult,
        impl: ([s, offset, length]) => value_Value.string(substr(s.asString(), intArg(offset), intArg(length))),
    },
    title: stringOp([string_str('str')], title),
    trim: stringOp([string_str('str'), string_str('cutset')], trimCutset),
    trimprefix: stringOp([string_str('str'), string_str('prefix')], (s, p) => (p !== '' && s.startsWith(p) ? s.slice(p.length) : s)),
    trimspace: stringOp([string_str('str')], (s) => s.replace(TRIM_SPACE, '')),
    trimsuffix: stringOp([string_str('str'), string_str('suffix')], (s, x) => (x !== '' && s.endsWith(x) ? s.slice(0, -x.length) : s)),
    upper: stringOp([anyStr('str')], (s) => mapRunes(s, toUpperRune)),
};

;// CONCATENATED MODULE: ./build/eval/functions/templatefile.js










/*
 * templatefile(path, vars), as Packer's MakeTemplateFileFunc: the file (read
 * like file()) is parsed as an HCL template and evaluated with only `vars` as
 * variables and the full function table, except that templatefile itself
 * refuses to run inside a template.
 */
const templatefile_params = [
    { name: 'path', type: StringType },
    { name: 'vars', type: DynamicPseudoType },
];
const Identifier = /^[\p{ID_Start}_][\p{ID_Continue}-]*$/u;
/** hcl.Diagnostics.Error(): the first diagnostic, and how many more there were. */
function diagnosticsError(diags) {
    const one = (d) => `${d.subject ? range_formatRange(d.subject) : '<nil>'}: ${d.summary}; ${d.detail ?? ''}`;
    if (diags.length === 1)
        return one(diags[0]);
    return `${one(diags[0])}, and ${diags.length - 1} other diagnostic(s)`;
}
const Recursive = {
    params: templatefile_params,
    returnType: () => {
        throw new FunctionCallError('cannot recursively call templatefile from inside templatefile call');
    },
    impl: () => {
        throw new FunctionCallError('cannot recursively call templatefile from inside templatefile call');
    },
};
function load(baseDir, path) {
    const { expr, diags } = parseTemplate(readTextFile(baseDir, path), path);
    if (diagnostics_hasErrors(diags))
        throw new FunctionCallError(diagnosticsError(diags));
    return expr;
}
function render(expr, vars, functions) {
    if (vars.type.kind !== 'map' && vars.type.kind !== 'object') {
        throw new FunctionArgError(1, 'invalid vars value: must be a map');
    }
    const entries = vars.entries();
    for (const name of entries.keys()) {
        if (!Identifier.test(name)) {
            throw new FunctionArgError(1, `invalid template variable name ${gocty_goQuote(name)}: must start with a letter, followed by zero or more letters, digits, and underscores`);
        }
    }
    for (const traversal of variables(expr)) {
        const root = traversal[0];
        if (!entries.has(root.name)) {
            throw new FunctionArgError(1, `vars map does not contain key ${gocty_goQuote(root.name)}, referenced at ${range_formatRange(root.range)}`);
        }
    }
    const table = new Map(functions);
    table.set('templatefile', Recursive);
    const { value, diags } = evaluate_evaluate(expr, { variables: entries, functions: table });
    if (diagnostics_hasErrors(diags))
        throw new FunctionCallError(diagnosticsError(diags));
    return value;
}
/**
 * The templatefile function for templates in baseDir; `functions` gives the
 * full function table (late, since that table contains this function).
 */
function makeTemplateFileFunction(baseDir, functions) {
    const run = oncePerCall((args) => render(load(baseDir, args[0].asString()), args[1], functions()));
    return {
        description: 'Reads the file at the given path and renders its content as a template using the supplied variables.',
        params: templatefile_params,
        returnType: (args) => (args[0].isKnown() && args[1].isKnown() ? run(args).type : DynamicPseudoType),
        impl: (args) => run(args),
    };
}

;// CONCATENATED MODULE: ./build/eval/functions/index.js














/*
 * The function table of Packer's HCL2 templates (hcl2template.Functions): the
 * library modules merged by name. `baseDir` is the directory relative paths in
 * the filesystem functions resolve against (the template's directory). `env`
 * is not here: Packer allows it only in variable defaults.
 */
const pathIndependent = [
    numericFunctions,
    stringFunctions,
    formatFunctions,
    collectionFunctions,
    regexFunctions,
    encodingFunctions,
    cryptoFunctions,
    networkFunctions,
    datetimeFunctions,
    externalFunctions,
    awsSecretsManagerFunctions,
    expressionFunctions,
];
const tables = new Map();
function functions_packerFunctions(baseDir) {
    const cached = tables.get(baseDir);
    if (cached)
        return cached;
    const table = new Map();
    for (const module of [...pathIndependent, filesystemFunctions(baseDir)]) {
        for (const [name, spec] of Object.entries(module)) {
            if (table.has(name))
                throw new Error(`function ${name} is defined twice`);
            table.set(name, spec);
        }
    }
    // templatefile renders with the whole table, itself excepted (it refuses recursion).
    table.set('templatefile', makeTemplateFileFunction(baseDir, () => table));
    tables.set(baseDir, table);
    return table;
}

;// CONCATENATED MODULE: ./build/version.js
/** Kiln's own version. */
const KILN_VERSION = '0.1.0';
/**
 * The Packer version Kiln is compatible with: what `required_version` constraints
 * are checked against and what `packer.version` evaluates to.
 */
const PACKER_COMPAT_VERSION = '1.14.0';

;// CONCATENATED MODULE: ./build/template/context.js




function templateContext(scope) {
    const vars = new Map([
        ['var', value_Value.object(scope.variables)],
        ['local', value_Value.object(scope.locals)],
        ['source', value_Value.object({ type: value_Value.unknown(StringType), name: value_Value.unknown(StringType) })],
        ['build', value_Value.unknown(EmptyObjectType)],
        [
            'path',
            value_Value.object({
                cwd: value_Value.string(scope.cwd.replaceAll('\\', '/')),
                root: value_Value.string(scope.baseDir.replaceAll('\\', '/')),
            }),
        ],
        [
            'packer',
            value_Value.object({
                version: value_Value.string(PACKER_COMPAT_VERSION),
                iterationID: value_Value.unknown(StringType),
                versionFingerprint: value_Value.unknown(StringType),
            }),
        ],
    ]);
    if (scope.data)
        vars.set('data', scope.data);
    // As in Packer, file functions join relative paths to the template directory as given
    // ("" without a template), so their messages name paths the way the user wrote them.
    return { variables: vars, functions: functions_packerFunctions(scope.baseDir) };
}

;// CONCATENATED MODULE: ./build/hcl/json/lower.js

const lowered = new WeakMap();
const origins = new WeakMap();
/** The JSON value an expression (or object key) was lowered from, if it came from JSON. */
function jsonValueOf(expr) {
    return origins.get(expr);
}
/**
 * The expression for a JSON value, with the diagnostics of parsing its strings as
 * templates. hcl reports those when the value is evaluated; Kiln when it is
 * decoded, which for Packer's attributes is the same moment. Results are cached,
 * so asking twice gives the same nodes.
 */
function lowerJsonValue(v) {
    const cached = lowered.get(v);
    if (cached)
        return cached;
    const diags = [];
    const expr = lower(v, diags);
    const result = { expr, diags };
    lowered.set(v, result);
    return result;
}
function lower(v, diags) {
    let expr;
    switch (v.kind) {
        case 'string':
            expr = lowerString(v, diags);
            break;
        case 'number':
            expr = { kind: 'Literal', type: 'number', text: v.text, range: v.range };
            break;
        case 'bool':
            expr = { kind: 'Literal', type: 'bool', value: v.value, range: v.range };
            break;
        case 'array':
            expr = {
                kind: 'Tuple',
                items: v.items.map((item) => lower(item, diags)),
                openRange: v.openRange,
                range: v.range,
            };
            break;
        case 'object': {
            const items = v.properties.map((prop) => {
                const name = { kind: 'string', value: prop.name, range: prop.nameRange };
                const key = {
                    kind: 'ObjectKey',
                    wrapped: lowerString(name, diags),
                    forceNonLiteral: false,
                    range: prop.nameRange,
                };
                origins.set(key, name);
                return { key, value: lower(prop.value, diags) };
            });
            expr = { kind: 'Object', items, openRange: v.openRange, range: v.range };
            break;
        }
        case 'null':
        case 'invalid':
            // An invalid value exists only where parsing already failed; null keeps the tree whole.
            expr = { kind: 'Literal', type: 'null', range: v.range };
            break;
    }
    origins.set(expr, v);
    return expr;
}
/**
 * A string's contents parsed as a template. Inner ranges start just after the
 * opening quote (escapes in the JSON text shift them, as in hcl); the template
 * node itself spans the whole JSON string, quotes included.
 */
function lowerString(v, diags) {
    const { start } = v.range;
    const parsed = parseTemplate(v.value, v.range.filename, {
        line: start.line,
        column: start.column + 1,
        byte: start.byte + 1,
    });
    diags.push(...parsed.diags);
    const expr = { ...parsed.expr, range: v.range };
    origins.set(expr, v);
    return expr;
}

;// CONCATENATED MODULE: ./build/hcl/json/values.js
/** The range a diagnostic about the whole value points at: the opening brace or bracket of containers. */
function values_startRange(v) {
    return v.kind === 'object' || v.kind === 'array' ? v.openRange : v.range;
}

;// CONCATENATED MODULE: ./build/hcl/json/body.js





/**
 * HclBody over a JSON value, as hcl's json body (json/structure.go and spec.md):
 * the schema decides whether a property is an attribute or blocks; a body may be
 * an object or an array of objects; `"//"` properties are comments.
 */
class JsonBody {
    value;
    hiddenAttrs;
    constructor(value, hiddenAttrs = new Set()) {
        this.value = value;
        this.hiddenAttrs = hiddenAttrs;
    }
    content(schema) {
        const { content, remain, diags } = this.partial(schema);
        const suggestions = [
            ...schema.attributes.map((a) => a.name).filter((n) => !remain.hiddenAttrs.has(n)),
            // Blocks may repeat, so their types are suggested even when used.
            ...schema.blocks.map((b) => b.type),
        ];
        // hcl collects the properties a second time here, repeating any shape errors.
        const { properties, diags: shapeDiags } = collectProperties(this.value);
        diags.push(...shapeDiags);
        for (const prop of properties) {
            if (prop.name === '//' || remain.hiddenAttrs.has(prop.name))
                continue;
            const similar = nameSuggestion(prop.name, suggestions);
            const hint = similar === undefined ? '' : ` Did you mean ${JSON.stringify(similar)}?`;
            diags.push(diagnostics_errorDiag('Extraneous JSON object property', `No argument or block type is named ${JSON.stringify(prop.name)}.${hint}`, prop.nameRange, prop.nameRange));
        }
        return { content, diags };
    }
    partialContent(schema) {
        return this.partial(schema);
    }
    justAttributes() {
        const attributes = new Map();
        if (this.value.kind !== 'object') {
            const diag = diagnostics_errorDiag('Incorrect JSON value type', 'A JSON object is required here, setting the arguments for this block.', values_startRange(this.value));
            return { attributes, diags: [diag] };
        }
        const diags = [];
        for (const prop of this.value.properties) {
            if (prop.name === '//' || this.hiddenAttrs.has(prop.name))
                continue;
            const existing = attributes.get(prop.name);
            if (existing) {
                diags.push(diagnostics_errorDiag('Duplicate attribute definition', `The argument ${JSON.stringify(prop.name)} was already set at ${range_formatRange(existing.range)}.`, prop.nameRange));
                continue;
            }
            attributes.set(prop.name, attribute(prop, diags));
        }
        return { attributes, diags };
    }
    missingItemRange() {
        switch (this.value.kind) {
            case 'object':
                return this.value.closeRange;
            case 'array':
                return this.value.openRange;
            default:
                return values_startRange(this.value);
        }
    }
    partial(schema) {
        const { properties, diags } = collectProperties(this.value);
        const used = new Set(this.hiddenAttrs);
        const attributes = new Map();
        const blocks = [];
        for (const prop of properties) {
            if (this.hiddenAttrs.has(prop.name))
                continue;
            const blockS = schema.blocks.find((b) => b.type === prop.name);
            if (schema.attributes.some((a) => a.name === prop.name)) {
                const existing = attributes.get(prop.name);
                if (existing) {
                    diags.push(diagnostics_errorDiag('Duplicate argument', `The argument ${JSON.stringify(prop.name)} was already set at ${range_formatRange(existing.range)}.`, prop.nameRange, prop.nameRange));
                    continue;
                }
                attributes.set(prop.name, attribute(prop, diags));
                used.add(prop.name);
            }
            else if (blockS) {
                unpackBlock(prop.value, { type: prop.name, typeRange: prop.nameRange }, blockS.labelNames, [], [], blocks, diags);
                used.add(prop.name);
            }
        }
        for (const attrS of schema.attributes) {
            if (attrS.required && !attributes.has(attrS.name)) {
                diags.push(diagnostics_errorDiag('Missing required argument', `The argument ${JSON.stringify(attrS.name)} is required, but no definition was found.`, this.missingItemRange()));
            }
        }
        return {
            content: { attributes, blocks, missingItemRange: this.missingItemRange() },
            remain: new JsonBody(this.value, used),
            diags,
        };
    }
}
function attribute(prop, diags) {
    const lowered = lowerJsonValue(prop.value);
    diags.push(...lowered.diags);
    return {
        name: prop.name,
        expr: lowered.expr,
        range: rangeBetween(prop.nameRange, prop.value.range),
        nameRange: prop.nameRange,
    };
}
/** Peels one nesting level per label, then reads one block body or an array of them. */
function unpackBlock(v, head, labelsLeft, labels, labelRanges, blocks, diags) {
    const [labelName, ...rest] = labelsLeft;
    if (labelName !== undefined) {
        const { properties, diags: shapeDiags } = collectProperties(v, labelName);
        diags.push(...shapeDiags);
        if (properties.length === 0) {
            diags.push(diagnostics_errorDiag('Missing block label', `At least one object property is required, whose name represents the ${head.type} block's ${labelName}.`, values_startRange(v)));
            return;
        }
        for (const prop of properties) {
            unpackBlock(prop.value, head, rest, [...labels, prop.name], [...labelRanges, prop.nameRange], blocks, diags);
        }
        return;
    }
    const block = (body, defRange) => ({
        type: head.type,
        labels,
        body: new JsonBody(body),
        defRange,
        typeRange: head.typeRange,
        labelRanges,
    });
    switch (v.kind) {
        case 'null':
            return;
        case 'object':
            blocks.push(block(v, v.openRange));
            return;
        case 'array':
            // Elements that are not objects fail when their content is asked for.
            for (const item of v.items)
                blocks.push(block(item, v.openRange));
            return;
        default:
            diags.push(diagnostics_errorDiag('Incorrect JSON value type', `Either a JSON object or a JSON array is required, representing the contents of one or more ${JSON.stringify(head.type)} blocks.`, values_startRange(v)));
    }
}
/**
 * The properties of an object, or of every object in an array, in order. With a
 * label name the wording of shape errors speaks of labels instead of arguments.
 */
function collectProperties(v, labelName) {
    const properties = [];
    const diags = [];
    const purpose = labelName === undefined ? 'to define arguments and child blocks' : `to specify ${labelName} labels for this block`;
    switch (v.kind) {
        case 'null':
            break;
        case 'object':
            properties.push(...v.properties);
            break;
        case 'array':
            for (const item of v.items) {
                if (item.kind === 'object')
                    properties.push(...item.properties);
                else
                    diags.push(diagnostics_errorDiag('Incorrect JSON value type', `A JSON object is required here, ${purpose}.`, values_startRange(item)));
            }
            break;
        default:
            diags.push(diagnostics_errorDiag('Incorrect JSON value type', `Either a JSON object or JSON array of objects is required here, ${purpose}.`, values_startRange(v)));
    }
    return { properties, diags };
}

;// CONCATENATED MODULE: ./build/hcl/json/scanner.js
const PUNCTUATION = new Set(['{', '}', '[', ']', ',', ':', '=']);
const NUMBER_START = new Set([...'-+.0123456789']);
const NUMBER_BYTE = new Set([...'-+.eE0123456789']);
// Made on first use: the first Intl.Segmenter in a process loads ICU's break
// rules, ~8 ms of every CLI start otherwise.
let scanner_graphemes;
function scan(buf, filename, start) {
    const tokens = [];
    let i = 0;
    let line = start.line;
    let column = start.column;
    let byte = start.byte;
    const here = () => ({ line, column, byte });
    const push = (type, from, end) => {
        tokens.push({
            type,
            bytes: buf.subarray(from.byte - start.byte, end),
            range: { filename, start: from, end: here() },
        });
    };
    for (;;) {
        // Whitespace.
        for (; i < buf.length; i++) {
            const b = buf[i];
            if (b === 0x20)
                column++;
            else if (b === 0x0a) {
                line++;
                column = 1;
            }
            else if (b === 0x09)
                column += 2;
            else if (b !== 0x0d)
                break;
            byte++;
        }
        const from = here();
        if (i >= buf.length) {
            push('eof', from, i);
            return tokens;
        }
        const ch = String.fromCharCode(buf[i] ?? 0);
        if (PUNCTUATION.has(ch)) {
            i++;
            column++;
            byte++;
            push(ch, from, i);
        }
        else if (ch === '"') {
            const end = stringEnd(buf, i);
            column += countGraphemes(buf, i, end);
            byte += end - i;
            i = end;
            push('string', from, i);
        }
        else if (NUMBER_START.has(ch)) {
            const begin = i;
            while (i < buf.length && NUMBER_BYTE.has(String.fromCharCode(buf[i] ?? 0)))
                i++;
            column += i - begin;
            byte += i - begin;
            push('number', from, i);
        }
        else if (isAlphabetical(buf[i] ?? 0)) {
            const begin = i;
            while (i < buf.length && (isAlphabetical(buf[i] ?? 0) || buf[i] === 0x5f))
                i++;
            column += i - begin;
            byte += i - begin;
            push('keyword', from, i);
        }
        else {
            // Nothing can follow an invalid byte, so the scan ends here with a synthetic EOF.
            i++;
            column++;
            byte++;
            push('invalid', from, i);
            push('eof', here(), i);
            return tokens;
        }
    }
}
/**
 * The end of the string token starting at `start`: after the closing quote, or at
 * the first control byte or end of input for an unterminated string.
 */
function stringEnd(buf, start) {
    let escaping = false;
    for (let i = start + 1; i < buf.length; i++) {
        const b = buf[i] ?? 0;
        if (b === 0x5c) {
            escaping = !escaping;
        }
        else if (b === 0x22) {
            if (!escaping)
                return i + 1;
            escaping = false;
        }
        else if (b < 0x20) {
            return i;
        }
        else {
            escaping = false;
        }
    }
    return buf.length;
}
function countGraphemes(buf, start, end) {
    let n = 0;
    scanner_graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    for (const _ of scanner_graphemes.segment(buf.toString('utf8', start, end)))
        n++;
    return n;
}
function isAlphabetical(b) {
    return (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a);
}

;// CONCATENATED MODULE: ./build/hcl/json/strings.js
/*
 * Decoding of JSON string tokens. Where the token is not a valid JSON string the
 * result is the error offset Go's encoding/json would report (the count of bytes
 * read up to and including the offending one, or the length at a premature end),
 * because hcl places its "Invalid JSON string" diagnostic from that offset.
 */
const strings_SIMPLE_ESCAPES = {
    '"': '"',
    '\\': '\\',
    '/': '/',
    b: '\b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
};
function decodeString(token) {
    // Work on the raw bytes for offsets; literal runs are decoded as UTF-8 in one go.
    let out = '';
    let runStart = 1;
    let i = 1;
    while (i < token.length) {
        const b = token[i] ?? 0;
        if (b === 0x22) {
            // The scanner ends a string token at its first unescaped quote.
            return { ok: true, value: replaceLoneSurrogates(out + token.toString('utf8', runStart, i)) };
        }
        if (b < 0x20)
            return { ok: false, offset: i + 1 };
        if (b !== 0x5c) {
            i++;
            continue;
        }
        out += token.toString('utf8', runStart, i);
        if (i + 1 >= token.length)
            return { ok: false, offset: token.length };
        const esc = String.fromCharCode(token[i + 1] ?? 0);
        const simple = strings_SIMPLE_ESCAPES[esc];
        if (simple !== undefined) {
            out += simple;
            i += 2;
        }
        else if (esc === 'u') {
            const unit = hexUnit(token, i + 2);
            if (typeof unit !== 'number')
                return { ok: false, offset: unit.offset };
            i += 6;
            out += String.fromCharCode(unit);
        }
        else {
            return { ok: false, offset: i + 2 };
        }
        runStart = i;
    }
    return { ok: false, offset: token.length };
}
/** Four hex digits at `at`, or the Go-style error offset of the first bad one. */
function hexUnit(token, at) {
    let unit = 0;
    for (let k = at; k < at + 4; k++) {
        if (k >= token.length)
            return { offset: token.length };
        const digit = parseInt(String.fromCharCode(token[k] ?? 0), 16);
        if (Number.isNaN(digit))
            return { offset: k + 1 };
        unit = unit * 16 + digit;
    }
    return unit;
}
/** Go replaces unpaired UTF-16 surrogates from \u escapes with U+FFFD. */
function replaceLoneSurrogates(s) {
    return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

;// CONCATENATED MODULE: ./build/hcl/json/parser.js






/*
 * A recursive-descent JSON parser with hcl's json/parser.go diagnostics, including
 * its recovery: after an error inside an object or array the containing value
 * becomes `invalid` and parsing of the enclosing structure goes on.
 */
const VALUE_START = 'A JSON value must start with a brace, a bracket, a number, a string, or a keyword.';
const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;
function parseJsonValue(buf, filename, start = { line: 1, column: 1, byte: 0 }) {
    const p = new Peeker(scan(buf, filename, start));
    const diags = [];
    const value = parseValue(p, diags);
    if (diags.length === 0 && p.peek().type !== 'eof') {
        diags.push(diagnostics_errorDiag('Extraneous data after value', 'Extra characters appear after the JSON value.', p.peek().range));
    }
    return { value, diags };
}
class Peeker {
    tokens;
    pos = 0;
    constructor(tokens) {
        this.tokens = tokens;
    }
    peek() {
        return this.tokens[this.pos] ?? this.eof();
    }
    read() {
        const tok = this.peek();
        if (tok.type !== 'eof')
            this.pos++;
        return tok;
    }
    eof() {
        const last = this.tokens[this.tokens.length - 1];
        if (!last)
            throw new Error('scanner produced no tokens');
        return last;
    }
}
function parseValue(p, diags) {
    const tok = p.peek();
    const value = parseValueOrFail(p, tok, diags);
    return value ?? { kind: 'invalid', range: tok.range };
}
function parseValueOrFail(p, tok, diags) {
    switch (tok.type) {
        case '{':
            return parser_parseObject(p, diags);
        case '[':
            return parseArray(p, diags);
        case 'number':
            return parser_parseNumber(p.read(), diags);
        case 'string':
            return parseString(p.read(), diags);
        case 'keyword':
            return parseKeyword(p.read(), diags);
        case '}':
            diags.push(diagnostics_errorDiag('Missing JSON value', VALUE_START, tok.range));
            return undefined;
        case ']':
            diags.push(diagnostics_errorDiag('Missing array element value', VALUE_START, tok.range));
            return undefined;
        case 'eof':
            diags.push(diagnostics_errorDiag('Missing value', 'The JSON data ends prematurely.', tok.range));
            return undefined;
        default:
            diags.push(diagnostics_errorDiag('Invalid start of value', VALUE_START, tok.range));
            return undefined;
    }
}
/**
 * Skips to what seems the end of the current container, as hcl's recover: `tok`
 * has been read already; nested openers of the same kind are counted.
 */
function recover(p, tok, open, close) {
    let depth = 1;
    for (;;) {
        if (tok.type === open)
            depth++;
        else if (tok.type === close) {
            depth--;
            if (depth <= 1)
                return;
        }
        else if (tok.type === 'eof')
            return;
        tok = p.read();
    }
}
function parser_parseObject(p, diags) {
    const open = p.read();
    const properties = [];
    while (p.peek().type !== '}') {
        const key = parseValue(p, diags);
        if (key.kind !== 'string') {
            diags.push(diagnostics_errorDiag('Invalid object property name', 'A JSON object property name must be a string', values_startRange(key)));
            return undefined;
        }
        const colon = p.read();
        if (colon.type !== ':') {
            recover(p, colon, '{', '}');
            if (colon.type === '}' || colon.type === ',') {
                diags.push(diagnostics_errorDiag('Missing object value', 'A JSON object attribute must have a value, introduced by a colon.', colon.range));
            }
            else if (colon.type === '=') {
                // Likely confusion with the native syntax.
                diags.push(diagnostics_errorDiag('Missing property value colon', 'JSON uses a colon as its name/value delimiter, not an equals sign.', colon.range));
            }
            else {
                diags.push(diagnostics_errorDiag('Missing property value colon', "A colon must appear between an object property's name and its value.", colon.range));
            }
            return undefined;
        }
        const value = parseValue(p, diags);
        properties.push({ name: key.value, value, nameRange: key.range });
        const next = p.peek();
        if (next.type === ',') {
            const comma = p.read();
            if (p.peek().type === '}') {
                diags.push(diagnostics_errorDiag('Trailing comma in object', 'JSON does not permit a trailing comma after the final property in an object.', comma.range));
                return undefined;
            }
            continue;
        }
        if (next.type === '}')
            break;
        if (next.type === 'eof') {
            diags.push(diagnostics_errorDiag('Unclosed object', 'No closing brace was found for this JSON object.', open.range));
            return undefined;
        }
        if (next.type === ']') {
            p.read();
            diags.push(diagnostics_errorDiag('Mismatched braces', 'A JSON object must be closed with a brace, not a bracket.', p.peek().range));
            return undefined;
        }
        recover(p, p.read(), '{', '}');
        diags.push(diagnostics_errorDiag('Missing attribute seperator comma', 'A comma must appear between each property definition in an object.', p.peek().range));
        return undefined;
    }
    const close = p.read();
    return {
        kind: 'object',
        properties,
        range: rangeBetween(open.range, close.range),
        openRange: open.range,
        closeRange: close.range,
    };
}
function parseArray(p, diags) {
    const open = p.read();
    const items = [];
    while (p.peek().type !== ']') {
        items.push(parseValue(p, diags));
        const next = p.peek();
        if (next.type === ',') {
            const comma = p.read();
            if (p.peek().type === ']') {
                diags.push(diagnostics_errorDiag('Trailing comma in array', 'JSON does not permit a trailing comma after the final value in an array.', comma.range));
                return undefined;
            }
            continue;
        }
        if (next.type === ']')
            break;
        recover(p, p.read(), '[', ']');
        if (next.type === ':') {
            diags.push(diagnostics_errorDiag('Invalid array value', 'A colon is not used to introduce values in a JSON array.', p.peek().range));
        }
        else if (next.type === 'eof') {
            diags.push(diagnostics_errorDiag('Unclosed object', 'No closing bracket was found for this JSON array.', open.range));
        }
        else if (next.type === '}') {
            diags.push(diagnostics_errorDiag('Mismatched brackets', 'A JSON array must be closed with a bracket, not a brace.', p.peek().range));
        }
        else {
            diags.push(diagnostics_errorDiag('Missing attribute seperator comma', 'A comma must appear between each value in an array.', p.peek().range));
        }
        return undefined;
    }
    const close = p.read();
    return { kind: 'array', items, range: rangeBetween(open.range, close.range), openRange: open.range };
}
function parser_parseNumber(tok, diags) {
    const text = tok.bytes.toString('latin1');
    if (!JSON_NUMBER.test(text)) {
        diags.push(diagnostics_errorDiag('Invalid JSON number', 'There is a syntax error in the given JSON number.', tok.range));
        return undefined;
    }
    return { kind: 'number', text, range: tok.range };
}
function parseString(tok, diags) {
    const decoded = decodeString(tok.bytes);
    if (decoded.ok)
        return { kind: 'string', value: decoded.value, range: tok.range };
    // hcl advances the column by the byte offset too (a known upstream approximation).
    const at = {
        line: tok.range.start.line,
        column: tok.range.start.column + decoded.offset,
        byte: tok.range.start.byte + decoded.offset,
    };
    const subject = {
        filename: tok.range.filename,
        start: at,
        end: { line: at.line, column: at.column + 1, byte: at.byte + 1 },
    };
    diags.push(diagnostics_errorDiag('Invalid JSON string', 'There is a syntax error in the given JSON string.', subject, parser_sameRange(subject, tok.range) ? undefined : tok.range));
    return undefined;
}
function parseKeyword(tok, diags) {
    const word = tok.bytes.toString('latin1');
    switch (word) {
        case 'true':
        case 'false':
            return { kind: 'bool', value: word === 'true', range: tok.range };
        case 'null':
            return { kind: 'null', range: tok.range };
        case 'undefined':
        case 'NaN':
        case 'Infinity':
            diags.push(diagnostics_errorDiag('Invalid JSON keyword', `The JavaScript identifier "${word}" cannot be used in JSON.`, tok.range));
            return undefined;
        default: {
            const similar = nameSuggestion(word, ['false', 'true', 'null']);
            const hint = similar === undefined ? '' : ` Did you mean "${similar}"?`;
            diags.push(diagnostics_errorDiag('Invalid JSON keyword', `"${word}" is not a valid JSON keyword.${hint}`, tok.range));
            return undefined;
        }
    }
}
function parser_sameRange(a, b) {
    return a.start.byte === b.start.byte && a.end.byte === b.end.byte && a.start.line === b.start.line;
}

;// CONCATENATED MODULE: ./build/hcl/json/parse.js




/**
 * Parses an HCL JSON-syntax file, as hcl's json.Parse. The root must be an object
 * or an array of objects; otherwise the body is empty so that asking it for
 * content adds no second error about the same thing.
 */
function parseJSON(src, filename) {
    const bytes = typeof src === 'string' ? Buffer.from(src, 'utf8') : src;
    const parsed = parseJsonValue(bytes, filename);
    const diags = parsed.diags;
    let root = parsed.value;
    if (root.kind !== 'object' && root.kind !== 'array') {
        diags.push(diagnostics_errorDiag('Root value must be object', 'The root value in a JSON-based configuration must be either a JSON object or a JSON array of objects.', values_startRange(root)));
        const start = { line: 1, column: 1, byte: 0 };
        const nowhere = { filename, start, end: start };
        root = { kind: 'object', properties: [], range: nowhere, openRange: nowhere, closeRange: nowhere };
    }
    return { file: { filename, root, bytes }, body: new JsonBody(root), diags };
}

;// CONCATENATED MODULE: ./build/hcl/native-body.js



/**
 * HclBody over a native-syntax body, as hclsyntax.Body. PartialContent hides what
 * it returned from the remaining body; Content reports whatever is left over.
 * Unlike Go's map iteration, diagnostics come in written order.
 */
class NativeBody {
    body;
    hiddenAttrs;
    hiddenBlocks;
    constructor(body, hiddenAttrs = new Set(), hiddenBlocks = new Set()) {
        this.body = body;
        this.hiddenAttrs = hiddenAttrs;
        this.hiddenBlocks = hiddenBlocks;
    }
    content(schema) {
        const { content, remain, diags } = this.partial(schema);
        for (const attr of this.visibleAttributes(remain.hiddenAttrs)) {
            const unused = schema.attributes.map((a) => a.name).filter((n) => !content.attributes.has(n));
            const similar = nameSuggestion(attr.name, unused);
            let hint = similar === undefined ? '' : ` Did you mean ${JSON.stringify(similar)}?`;
            if (similar === undefined && schema.blocks.some((b) => b.type === attr.name)) {
                hint = ` Did you mean to define a block of type ${JSON.stringify(attr.name)}?`;
            }
            diags.push(diagnostics_errorDiag('Unsupported argument', `An argument named ${JSON.stringify(attr.name)} is not expected here.${hint}`, attr.nameRange));
        }
        for (const block of this.body.blocks) {
            if (remain.hiddenBlocks.has(block.type))
                continue;
            const similar = nameSuggestion(block.type, schema.blocks.map((b) => b.type));
            let hint = similar === undefined ? '' : ` Did you mean ${JSON.stringify(similar)}?`;
            if (similar === undefined && schema.attributes.some((a) => a.name === block.type)) {
                hint = ` Did you mean to define argument ${JSON.stringify(block.type)}? If so, use the equals sign to assign it a value.`;
            }
            diags.push(diagnostics_errorDiag('Unsupported block type', `Blocks of type ${JSON.stringify(block.type)} are not expected here.${hint}`, block.typeRange));
        }
        return { content, diags };
    }
    partialContent(schema) {
        return this.partial(schema);
    }
    justAttributes() {
        const diags = [];
        const first = this.body.blocks[0];
        if (first) {
            // hcl reports only the first block, then still returns the attributes it found.
            diags.push(diagnostics_errorDiag(`Unexpected ${JSON.stringify(first.type)} block`, 'Blocks are not allowed here.', first.typeRange));
        }
        const attributes = new Map();
        for (const attr of this.visibleAttributes(this.hiddenAttrs))
            attributes.set(attr.name, asHclAttribute(attr));
        return { attributes, diags };
    }
    missingItemRange() {
        return rangeAtStart(this.body.range);
    }
    partial(schema) {
        const diags = [];
        const hiddenAttrs = new Set(this.hiddenAttrs);
        const hiddenBlocks = new Set(this.hiddenBlocks);
        const attributes = new Map();
        for (const attrS of schema.attributes) {
            const attr = hiddenAttrs.has(attrS.name) ? undefined : this.firstAttribute(attrS.name);
            if (!attr) {
                if (attrS.required) {
                    diags.push(diagnostics_errorDiag('Missing required argument', `The argument ${JSON.stringify(attrS.name)} is required, but no definition was found.`, this.missingItemRange()));
                }
                continue;
            }
            hiddenAttrs.add(attrS.name);
            attributes.set(attrS.name, asHclAttribute(attr));
        }
        const blocks = [];
        for (const block of this.body.blocks) {
            if (hiddenBlocks.has(block.type))
                continue;
            const blockS = schema.blocks.find((b) => b.type === block.type);
            if (!blockS)
                continue;
            const labelDiag = checkLabels(block, blockS.labelNames);
            if (labelDiag) {
                diags.push(labelDiag);
                continue;
            }
            blocks.push(asContentBlock(block));
        }
        // Hidden only after the loop, so that every block of a wanted type is returned.
        for (const blockS of schema.blocks)
            hiddenBlocks.add(blockS.type);
        return {
            content: { attributes, blocks, missingItemRange: this.missingItemRange() },
            remain: new NativeBody(this.body, hiddenAttrs, hiddenBlocks),
            diags,
        };
    }
    /** The parser reports a redefined attribute and keeps the first definition, as hclsyntax does. */
    firstAttribute(name) {
        return this.body.attributes.find((a) => a.name === name);
    }
    visibleAttributes(hidden) {
        return this.body.attributes.filter((a) => !hidden.has(a.name) && this.firstAttribute(a.name) === a);
    }
}
function checkLabels(block, labelNames) {
    const context = rangeBetween(block.typeRange, block.openBraceRange);
    const name = block.type;
    if (block.labels.length > labelNames.length) {
        const detail = labelNames.length === 0
            ? `No labels are expected for ${name} blocks.`
            : `Only ${labelNames.length} labels (${labelNames.join(', ')}) are expected for ${name} blocks.`;
        return diagnostics_errorDiag(`Extraneous label for ${name}`, detail, block.labelRanges[labelNames.length], context);
    }
    if (block.labels.length < labelNames.length) {
        return diagnostics_errorDiag(`Missing ${labelNames[block.labels.length] ?? ''} for ${name}`, `All ${name} blocks must have ${labelNames.length} labels (${labelNames.join(', ')}).`, block.openBraceRange, context);
    }
    return undefined;
}
function asHclAttribute(attr) {
    return { name: attr.name, expr: attr.expr, range: attr.range, nameRange: attr.nameRange };
}
function asContentBlock(block) {
    const lastHeader = block.labelRanges[block.labelRanges.length - 1] ?? block.typeRange;
    return {
        type: block.type,
        labels: block.labels,
        body: new NativeBody(block.body),
        defRange: rangeBetween(block.typeRange, lastHeader),
        typeRange: block.typeRange,
        labelRanges: block.labelRanges,
    };
}

;// CONCATENATED MODULE: ./build/template/files.js







/*
 * Finding and parsing template files as Packer does (hcl2template/parser.go):
 * a `*.pkr.hcl` or `*.pkr.json` file, or every regular file directly in a
 * directory, `*.pkr.hcl` first and then `*.pkr.json`, each group in lexical
 * order; `*.auto.pkrvars.*` only for a directory. Files are named by the path
 * as the user gave it (joined with the entry name for a directory), as Packer's
 * diagnostics show them; they are read relative to `cwd`.
 */
const HCL_SUFFIX = '.pkr.hcl';
const JSON_SUFFIX = '.pkr.json';
const VARS_HCL_SUFFIX = '.pkrvars.hcl';
const VARS_JSON_SUFFIX = '.pkrvars.json';
const AUTO_VARS_HCL_SUFFIX = '.auto.pkrvars.hcl';
const AUTO_VARS_JSON_SUFFIX = '.auto.pkrvars.json';
/** Parses one HCL or JSON file, choosing the syntax by extension. */
function parseFile(filename, cwd) {
    let bytes;
    try {
        bytes = (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.resolve)(cwd, filename));
    }
    catch (e) {
        return {
            diags: [diagnostics_errorDiag('Failed to read file', `The file "${filename}" could not be read: ${errnoMessage(e)}.`)],
        };
    }
    if (filename.endsWith('.json')) {
        const { body, diags } = parseJSON(bytes, filename);
        return { file: { filename, body, source: sourceOnlyFile(filename, bytes) }, diags };
    }
    const { file, diags } = parseConfig(bytes, filename);
    return { file: { filename, body: new NativeBody(file.body), source: file }, diags };
}
/** Loads the template at `path` (a file or a directory, relative to `cwd`). */
function loadTemplateFiles(path, cwd) {
    const diags = [];
    const kind = pathKind((0,external_node_path_namespaceObject.resolve)(cwd, path));
    if (kind === 'missing') {
        diags.push(diagnostics_errorDiag('Failed to read file', `The file "${path}" could not be read: no such file or directory.`));
        return { files: { baseDir: path, configFiles: [], autoVarFiles: [] }, diags };
    }
    const isDir = kind === 'directory';
    const names = isDir ? listDirectory((0,external_node_path_namespaceObject.resolve)(cwd, path)).map((n) => (0,external_node_path_namespaceObject.join)(path, n)) : [path];
    const pick = (suffix) => names.filter((n) => n.endsWith(suffix));
    const configPaths = [...pick(HCL_SUFFIX), ...pick(JSON_SUFFIX)];
    const autoPaths = isDir ? [...pick(AUTO_VARS_HCL_SUFFIX), ...pick(AUTO_VARS_JSON_SUFFIX)] : [];
    if (configPaths.length === 0) {
        diags.push(diagnostics_errorDiag('Could not find any config file in ' + path, 'A config file must be suffixed with `.pkr.hcl` or `.pkr.json`. A folder can be referenced.'));
    }
    const parseAll = (paths) => paths.flatMap((p) => {
        const r = parseFile(p, cwd);
        diags.push(...r.diags);
        return r.file ? [r.file] : [];
    });
    const baseDir = isDir ? path : (0,external_node_path_namespaceObject.normalize)((0,external_node_path_namespaceObject.dirname)(path)); // Go's filepath.Dir cleans
    const files = { baseDir, configFiles: parseAll(configPaths), autoVarFiles: parseAll(autoPaths) };
    return { files, diags };
}
function pathKind(path) {
    try {
        return (0,external_node_fs_namespaceObject.statSync)(path).isDirectory() ? 'directory' : 'file';
    }
    catch {
        return 'missing';
    }
}
function listDirectory(dir) {
    return (0,external_node_fs_namespaceObject.readdirSync)(dir, { withFileTypes: true })
        .filter((e) => !e.isDirectory())
        .map((e) => e.name)
        .sort();
}
function errnoMessage(e) {
    return e instanceof Error && 'code' in e && e.code === 'ENOENT' ? 'no such file or directory' : String(e);
}
/**
 * Var files given with -var-file, by extension (`.hcl` or `.json`); one that
 * does not parse is left out, as Packer does. Parsed sources are added to `files`.
 */
function parseVarFiles(paths, cwd, files, diags) {
    return paths.flatMap((path) => {
        const ext = (0,external_node_path_namespaceObject.extname)(path);
        if (ext !== '.hcl' && ext !== '.json') {
            diags.push(diagnostics_errorDiag(`Could not guess format of ${path}`, 'A var file must be suffixed with `.hcl` or `.json`.'));
            return [];
        }
        const r = parseFile(path, cwd);
        diags.push(...r.diags);
        if (!r.file)
            return [];
        files.set(r.file.filename, r.file.source);
        return diagnostics_hasErrors(r.diags) ? [] : [r.file];
    });
}

;// CONCATENATED MODULE: ./build/template/literal.js



/**
 * gohcl.DecodeExpression with no scope: a constant expression converted to
 * `type`, or undefined after an "Unsuitable value type" diagnostic.
 */
function decodeLiteral(expr, type, diags) {
    return decodeExpression(expr, type, undefined, diags);
}
/**
 * gohcl.DecodeExpression: the expression evaluated in `ctx` and converted to
 * `type`; undefined for null, unknown, or after a diagnostic.
 */
function decodeExpression(expr, type, ctx, diags) {
    const evaluated = evaluate_evaluate(expr, ctx);
    diags.push(...evaluated.diags);
    if (diagnostics_hasErrors(evaluated.diags))
        return undefined;
    try {
        const value = convert_convert(evaluated.value, type);
        return value.isWhollyKnown() && !value.isNull() ? value : undefined;
    }
    catch (e) {
        if (!(e instanceof convert_ConversionError))
            throw e;
        const start = { filename: expr.range.filename, start: expr.range.start, end: expr.range.start };
        diags.push(diagnostics_errorDiag('Unsuitable value type', `Unsuitable value: ${e.message}`, start, expr.range));
        return undefined;
    }
}

;// CONCATENATED MODULE: ./build/template/names.js
// For an ASCII name the Unicode test is the same as this one, which is cheap to
// compile; the Unicode classes cost ~1.5 ms the first time, on every start that
// loads a template. (\p{L} and \p{Nd} are A-Za-z and 0-9 in ASCII, \p{Pc} is _,
// and \p{Nl}, \p{Mn} and \p{Mc} have no ASCII members.)
const NON_ASCII = /[^\p{ASCII}]/u;
const ASCII_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** hclsyntax.ValidIdentifier: a letter or underscore, then letters, digits, underscores and dashes. */
function isValidIdentifier(name) {
    if (!NON_ASCII.test(name))
        return ASCII_IDENTIFIER.test(name);
    return /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_-]*$/u.test(name);
}
const BAD_IDENTIFIER_DETAIL = 'A name must start with a letter or underscore and may contain only letters, digits, underscores, and dashes.';

;// CONCATENATED MODULE: ./build/template/locals.js







function decodeLocalsBlock(body) {
    const { attributes, diags } = body.justAttributes();
    const locals = [...attributes.values()].map((a) => ({
        name: a.name,
        expr: a.expr,
        sensitive: false,
        nameRange: a.nameRange,
    }));
    return { locals, diags };
}
const localBlockSchema = { attributes: [{ name: 'expression' }, { name: 'sensitive' }], blocks: [] };
function decodeLocalBlock(block) {
    const name = block.labels[0] ?? '';
    const { content, diags } = block.body.content(localBlockSchema);
    if (!isValidIdentifier(name))
        diags.push(diagnostics_errorDiag('Invalid local name', BAD_IDENTIFIER_DETAIL, block.labelRanges[0]));
    const sensitiveAttr = content.attributes.get('sensitive');
    const sensitive = sensitiveAttr ? (decodeLiteral(sensitiveAttr.expr, types_BoolType, diags)?.asBool() ?? false) : false;
    const expression = content.attributes.get('expression');
    if (!expression)
        return { diags };
    return {
        local: { name, expr: expression.expr, sensitive, nameRange: block.labelRanges[0] ?? block.defRange },
        diags,
    };
}
/** The definitions of the `locals` and `local` blocks among `blocks`, in order; other types are skipped. */
function decodeLocalBlocks(blocks) {
    const locals = [];
    const diags = [];
    for (const block of blocks) {
        if (block.type === 'locals') {
            const r = decodeLocalsBlock(block.body);
            diags.push(...r.diags);
            locals.push(...r.locals);
        }
        else if (block.type === 'local') {
            const r = decodeLocalBlock(block);
            diags.push(...r.diags);
            if (r.local)
                locals.push(r.local);
        }
    }
    return { locals, diags };
}
/** "Duplicate local definition" for each later definition of a name. */
function duplicateLocalDiags(locals) {
    const seen = new Map();
    const diags = [];
    for (const l of locals) {
        const first = seen.get(l.name);
        if (!first) {
            seen.set(l.name, l);
            continue;
        }
        const at = first.expr.range;
        diags.push(diagnostics_errorDiag('Duplicate local definition', `Local variable ${JSON.stringify(l.name)} is defined twice in your templates. Other definition found at ${JSON.stringify(`${at.filename}:${at.start.line},${at.start.column}-${at.end.line === at.start.line ? '' : `${at.end.line},`}${at.end.column}`)}`, l.expr.range));
    }
    return diags;
}
/**
 * Evaluates every local after the locals it references. `contextWith` builds
 * the scope from the locals known so far. A local whose evaluation fails is
 * left out, so locals depending on it report their own "Unsupported attribute".
 */
function evaluateLocals(locals, contextWith) {
    const byName = new Map(locals.map((l) => [l.name, l]));
    const values = new Map();
    const diags = [];
    const order = dependencyOrder(locals, byName, diags);
    for (const local of order) {
        const { value, diags: d } = evaluate_evaluate(local.expr, contextWith(values));
        diags.push(...d);
        if (diagnostics_hasErrors(d))
            continue;
        values.set(local.name, local.sensitive ? value.mark(Sensitive) : value);
    }
    return { values, diags };
}
function localDependencies(local, byName) {
    return variables(local.expr)
        .filter((t) => t[0].name === 'local' && t[1]?.kind === 'attr')
        .map((t) => byName.get(t[1].name))
        .filter((d) => d !== undefined);
}
/**
 * Dependency order by Tarjan's strongly connected components (as Packer's dag
 * package): each component comes after the ones it references. Components of
 * more than one local, and locals that reference themselves, are left out and
 * reported in one diagnostic worded as Packer's graph validation error (which
 * has no range; ours points at the first local of the first problem).
 */
function dependencyOrder(locals, byName, diags) {
    const order = [];
    const cycles = [];
    const selfReferences = [];
    let firstProblem;
    const index = new Map();
    const stack = [];
    const visit = (local) => {
        const own = index.size + 1;
        index.set(local, own);
        stack.push(local);
        let low = own;
        const deps = localDependencies(local, byName);
        for (const dep of deps) {
            const seen = index.get(dep);
            if (seen === undefined)
                low = Math.min(low, visit(dep));
            else if (stack.includes(dep))
                low = Math.min(low, seen);
        }
        if (low === own) {
            const component = stack.splice(stack.indexOf(local)).reverse();
            if (component.length > 1)
                cycles.push(`Cycle: ${component.map(localAddress).join(', ')}`);
            else if (deps.includes(local))
                selfReferences.push(`Self reference: ${localAddress(local)}`);
            else
                order.push(local);
            if (component.length > 1 || deps.includes(local))
                firstProblem ??= component[0]?.nameRange;
        }
        return low;
    };
    for (const local of locals)
        if (!index.has(local))
            visit(local);
    const problems = [...cycles, ...selfReferences];
    if (problems.length > 0) {
        // hashicorp/go-multierror's list format around errors.Join of every problem.
        diags.push(diagnostics_errorDiag('failed to prepare execution graph', `An error occurred while building the graph for datasources/locals: 1 error occurred:\n\t* ${problems.join('\n')}\n\n`, firstProblem));
    }
    return order;
}
function localAddress(local) {
    return `local.${local.name}`;
}

;// CONCATENATED MODULE: ./build/eval/functions/env.js


/*
 * env(key): an environment variable's value, "" when unset. Packer allows it
 * only in variable defaults; the template layer decides where it is in scope.
 */
const envFunctions = {
    env: {
        description: 'Returns the value of an environment variable, or an empty string when it is not set.',
        params: [{ name: 'key', type: StringType }],
        returnType: () => StringType,
        impl: (args) => value_Value.string(process.env[args[0].asString()] ?? ''),
    },
};

;// CONCATENATED MODULE: ./build/template/variable-validation.js










const schema = {
    attributes: [
        { name: 'condition', required: true },
        { name: 'error_message', required: true },
    ],
    blocks: [],
};
function decodeValidationBlock(varName, block, diags) {
    const { content, diags: d } = block.body.content(schema);
    diags.push(...d);
    const condition = content.attributes.get('condition');
    if (condition) {
        let good = 0;
        for (const t of variables(condition.expr)) {
            const step = t[1];
            if (t[0].name === 'var' && step?.kind === 'attr' && step.name === varName) {
                good++;
                continue;
            }
            diags.push(diagnostics_errorDiag('Invalid reference in variable validation', `The condition for variable ${JSON.stringify(varName)} can only refer to the variable itself, using var.${varName}.`, traversalRange(t)));
        }
        if (good < 1) {
            diags.push(diagnostics_errorDiag('Invalid variable validation condition', `The condition for variable ${JSON.stringify(varName)} must refer to var.${varName} in order to test incoming values.`, condition.expr.range));
        }
    }
    let errorMessage = '';
    const message = content.attributes.get('error_message');
    if (message) {
        const own = [];
        errorMessage = decodeLiteral(message.expr, StringType, own)?.asString() ?? '';
        diags.push(...own);
        if (!diagnostics_hasErrors(own)) {
            const summary = 'Invalid validation error message';
            if (errorMessage === '') {
                diags.push(diagnostics_errorDiag(summary, 'An empty string is not a valid nor useful error message.', message.expr.range));
            }
            else if (!looksLikeSentences(errorMessage)) {
                diags.push(diagnostics_errorDiag(summary, 'Validation error message must be at least one full sentence starting with an uppercase letter ( if the alphabet permits it ) and ending with a period or question mark.', message.expr.range));
            }
        }
    }
    return { condition: condition?.expr, errorMessage, declRange: block.defRange };
}
function looksLikeSentences(text) {
    const s = text.trim();
    const runes = [...s];
    const first = runes[0];
    const last = runes[runes.length - 1];
    if (first === undefined || last === undefined)
        return false;
    if (/\p{L}/u.test(first) && !/\p{Lu}/u.test(first))
        return false;
    return last === '.' || last === '?' || last === '!';
}
/** Variable.validateValue: every rule against the assignment that won. */
function validateValue(name, validations, assignment) {
    if (validations.length === 0)
        return [];
    const diags = [];
    const ctx = {
        variables: new Map([['var', Value.object({ [name]: assignment.value })]]),
        functions: packerFunctions(''),
    };
    for (const rule of validations) {
        if (!rule.condition)
            continue;
        const summary = 'Invalid variable validation result';
        const evaluated = evaluate(rule.condition, ctx);
        diags.push(...evaluated.diags);
        let result = evaluated.value;
        if (!result.isKnown())
            continue;
        if (result.isNull()) {
            const d = errorDiag(summary, 'Validation condition expression must return either true or false, not null.', rule.condition.range);
            diags.push(withValues(d, rule.condition, ctx));
            continue;
        }
        try {
            result = convert(result, BoolType);
        }
        catch (e) {
            if (!(e instanceof ConversionError))
                throw e;
            const d = errorDiag(summary, `Invalid validation condition result value: ${e.message}.`, rule.condition.range);
            diags.push(withValues(d, rule.condition, ctx));
            continue;
        }
        if (!result.unmark()[0].asBool()) {
            diags.push(errorDiag(`Invalid value for ${assignment.from} variable`, `${rule.errorMessage}\n\nThis was checked by the validation rule at ${formatRange(rule.declRange)}.`, assignment.expr?.range ?? rule.declRange));
        }
    }
    return diags;
}

;// CONCATENATED MODULE: ./build/template/variables.js












const variableBlockSchema = {
    attributes: [{ name: 'description' }, { name: 'default' }, { name: 'type' }, { name: 'sensitive' }],
    blocks: [{ type: 'validation', labelNames: [] }],
};
/** `default` may call env() and nothing else. */
const defaultContext = { variables: new Map(), functions: new Map(Object.entries(envFunctions)) };
function decodeVariableBlock(block, into) {
    const name = block.labels[0] ?? '';
    if (into.has(name)) {
        return [diagnostics_errorDiag('Duplicate variable', `Duplicate ${name} variable definition found.`, undefined, block.defRange)];
    }
    const { content, diags } = block.body.content(variableBlockSchema);
    if (!isValidIdentifier(name)) {
        diags.push(diagnostics_errorDiag('Invalid variable name', BAD_IDENTIFIER_DETAIL, block.labelRanges[0]));
    }
    let type = DynamicPseudoType;
    let typeDefaults;
    const typeAttr = content.attributes.get('type');
    if (typeAttr) {
        const tc = typeConstraint(typeExpression(typeAttr.expr));
        diags.push(...tc.diags);
        if (diagnostics_hasErrors(tc.diags))
            return diags;
        type = tc.type;
        typeDefaults = tc.defaults;
    }
    const descriptionAttr = content.attributes.get('description');
    const sensitiveAttr = content.attributes.get('sensitive');
    const description = descriptionAttr && decodeLiteral(descriptionAttr.expr, StringType, diags)?.asString();
    const sensitive = (sensitiveAttr && decodeLiteral(sensitiveAttr.expr, types_BoolType, diags)?.asBool()) ?? false;
    const values = [];
    const def = content.attributes.get('default');
    if (def) {
        const evaluated = evaluate_evaluate(def.expr, defaultContext);
        diags.push(...evaluated.diags);
        if (diagnostics_hasErrors(evaluated.diags))
            return diags;
        let value = evaluated.value;
        try {
            value = convert_convert(applyDefaults(value, typeDefaults), type);
        }
        catch (e) {
            if (!(e instanceof convert_ConversionError))
                throw e;
            diags.push(diagnostics_errorDiag('Invalid default value for variable', `This default value is not compatible with the variable's type constraint: ${e.message}.`, def.expr.range));
            value = value_Value.unknown(DynamicPseudoType);
        }
        values.push({ from: 'default', value, expr: def.expr });
        // With no type, the default's type becomes the variable's, except `{}` and `[]`.
        if (type.kind === 'dynamic' &&
            !typeEquals(value.type, EmptyObjectType) &&
            !typeEquals(value.type, EmptyTupleType)) {
            type = value.type;
        }
    }
    const validations = content.blocks.map((b) => decodeValidationBlock(name, b, diags));
    into.set(name, { name, type, typeDefaults, description, sensitive, declRange: block.defRange, values, validations });
    return diags;
}
/**
 * In a .pkr.json file `type` is a JSON string holding the native type
 * expression: hcl's JSON ExprCall and AsTraversal parse it, counting positions
 * from the opening quote. When it does not parse, typeexpr sees no keyword and
 * no call, as with the JSON string itself.
 */
function typeExpression(expr) {
    const json = jsonValueOf(expr);
    if (json?.kind !== 'string')
        return expr;
    const parsed = parse_parseExpression(json.value, json.range.filename, json.range.start);
    return diagnostics_hasErrors(parsed.diags) ? expr : parsed.expr;
}
/** Declares the `variable` and `variables` blocks among `blocks`, in order; other types are skipped. */
function decodeVariableBlocks(blocks, into) {
    return blocks.flatMap((block) => {
        if (block.type === 'variable')
            return decodeVariableBlock(block, into);
        return block.type === 'variables' ? decodeVariablesBlock(block.body, into) : [];
    });
}
/** The legacy `variables { name = default }` block. */
function decodeVariablesBlock(body, into) {
    const { attributes, diags } = body.justAttributes();
    for (const attr of attributes.values()) {
        if (into.has(attr.name)) {
            diags.push(diagnostics_errorDiag('Duplicate variable', `Duplicate ${attr.name} variable definition found.`, attr.nameRange));
            continue;
        }
        const evaluated = evaluate_evaluate(attr.expr, defaultContext);
        diags.push(...evaluated.diags);
        if (diagnostics_hasErrors(evaluated.diags))
            continue;
        into.set(attr.name, {
            name: attr.name,
            type: evaluated.value.type,
            sensitive: false,
            declRange: attr.range,
            values: [{ from: 'default', value: evaluated.value, expr: attr.expr }],
        });
    }
    return diags;
}
const VAR_ENV_PREFIX = 'PKR_VAR_';
/** Appends env, var-file and -var values to the declared variables (collectInputVariableValues). */
function collectVariableValues(variables, inputs) {
    const diags = [];
    for (const [key, raw] of Object.entries(inputs.env)) {
        if (!key.startsWith(VAR_ENV_PREFIX) || raw === undefined)
            continue;
        const name = key.slice(VAR_ENV_PREFIX.length);
        const variable = variables.get(name);
        if (!variable)
            continue; // undeclared PKR_VAR_ values are ignored
        assignFromText(variable, 'env', raw, `<value for var.${name} from env>`, diags, 'Invalid value for variable');
    }
    for (const body of inputs.varFiles)
        diags.push(...collectVarFile(variables, body, inputs.warnOnUndeclaredVar));
    for (const [name, raw] of inputs.argv) {
        const variable = variables.get(name);
        if (!variable) {
            diags.push(diagnostics_errorDiag('Undefined -var variable', `A ${JSON.stringify(name)} variable was passed in the command line but was not found in known variables. ` +
                `To declare variable ${JSON.stringify(name)}, place this block in one of your .pkr files, such as variables.pkr.hcl`));
            continue;
        }
        assignFromText(variable, 'cmd', raw, `<value for var.${name} from arguments>`, diags, 'Invalid argument value for -var variable');
    }
    return diags;
}
function collectVarFile(variables, body, warnOnUndeclared) {
    const diags = [];
    const probe = body.partialContent({ attributes: [], blocks: [{ type: 'variable', labelNames: ['name'] }] });
    for (const block of probe.content.blocks) {
        const name = block.labels[0] ?? '';
        diags.push(diagnostics_errorDiag('Variable declaration in a .pkrvar file', `A .pkrvar file is used to assign values to variables that have already been declared in .pkr files, not to declare new variables. ` +
            `To declare variable ${JSON.stringify(name)}, place this block in one of your .pkr files, such as variables.pkr.hcl\n\n` +
            `To set a value for this variable in ${block.typeRange.filename}, use the definition syntax instead:\n    ${name} = <value>`, block.typeRange));
    }
    if (diagnostics_hasErrors(diags))
        return diags;
    const { attributes, diags: attrDiags } = body.justAttributes();
    diags.push(...attrDiags);
    for (const attr of attributes.values()) {
        const variable = variables.get(attr.name);
        if (!variable) {
            if (warnOnUndeclared)
                diags.push(undeclaredWarning(attr));
            continue;
        }
        const evaluated = evaluate_evaluate(attr.expr, undefined);
        diags.push(...evaluated.diags);
        const value = convertForVariable(variable, evaluated.value, attr.expr.range, diags, 'Invalid value for variable');
        variable.values.push({ from: 'varfile', value, expr: attr.expr });
    }
    return diags;
}
function undeclaredWarning(attr) {
    const q = JSON.stringify(attr.name);
    return warningDiag('Undefined variable', `The variable ${q} was set but was not declared as an input variable.\n` +
        `To declare variable ${q} place this block in one of your .pkr.hcl files, such as variables.pkr.hcl\n\n` +
        `variable ${q} {\n  type    = string\n  default = null\n}`, undefined, attr.range);
}
/**
 * Env and -var values are literal strings for string, number and untyped
 * variables, and HCL expressions for every other type.
 */
function assignFromText(variable, from, raw, fakeFilename, diags, summary) {
    const t = variable.type.kind;
    let value;
    let expr;
    if (t === 'string' || t === 'number' || t === 'dynamic') {
        value = value_Value.string(raw);
    }
    else {
        const parsed = parse_parseExpression(raw, fakeFilename);
        diags.push(...parsed.diags);
        if (diagnostics_hasErrors(parsed.diags))
            return;
        expr = parsed.expr;
        const evaluated = evaluate_evaluate(parsed.expr, undefined);
        diags.push(...evaluated.diags);
        value = evaluated.value;
    }
    value = convertForVariable(variable, value, expr?.range, diags, summary, from === 'cmd');
    variable.values.push({ from, value, expr });
}
function convertForVariable(variable, value, subject, diags, summary, fromArgs = false) {
    try {
        return convert_convert(applyDefaults(value, variable.typeDefaults), variable.type);
    }
    catch (e) {
        if (!(e instanceof convert_ConversionError))
            throw e;
        const detail = fromArgs
            ? `The received arg value for ${variable.name} is not compatible with the variable's type constraint: ${e.message}.`
            : `The value for ${variable.name} is not compatible with the variable's type constraint: ${e.message}.`;
        diags.push(diagnostics_errorDiag(summary, detail, fromArgs ? undefined : subject));
        return value_Value.unknown(DynamicPseudoType);
    }
}
/** The value `var.NAME` evaluates to: the last assignment, sensitive-marked when declared so. */
function variableValue(v) {
    const last = v.values[v.values.length - 1];
    const value = last ? last.value : value_Value.unknown(v.type);
    return v.sensitive ? value.mark(Sensitive) : value;
}
/** `Unset variable` errors for variables with no value at all. */
function unsetVariableDiags(variables) {
    return [...variables.values()]
        .filter((v) => v.values.length === 0)
        .map((v) => diagnostics_errorDiag(`Unset variable ${JSON.stringify(v.name)}`, 'A used variable must be set or have a default value; see https://packer.io/docs/templates/hcl_templates/syntax for details.', undefined, v.declRange));
}

;// CONCATENATED MODULE: ./build/template/console-scope.js







const consoleBlocks = {
    attributes: [],
    blocks: [
        { type: 'variable', labelNames: ['name'] },
        { type: 'variables', labelNames: [] },
        { type: 'locals', labelNames: [] },
        { type: 'local', labelNames: ['name'] },
    ],
};
/**
 * `diags` are what Packer's Parse reports: any error there ends the console
 * before it reads a line. `initDiags` are Initialize's (unset variables,
 * locals), which Packer's console evaluates past.
 */
function loadConsoleScope(opts) {
    const diags = [];
    const files = new Map();
    const variables = new Map();
    const locals = [];
    // Packer's cfg.Basedir: the template path as given, empty without a template.
    let baseDir = '';
    let autoVarFiles = [];
    if (opts.template !== undefined) {
        const loaded = loadTemplateFiles(opts.template, opts.cwd);
        diags.push(...loaded.diags);
        baseDir = loaded.files.baseDir;
        autoVarFiles = loaded.files.autoVarFiles;
        for (const f of [...loaded.files.configFiles, ...autoVarFiles])
            files.set(f.filename, f.source);
        // Like Packer, stop at files that do not parse.
        if (diagnostics_hasErrors(loaded.diags))
            return { scope: emptyScope(opts.cwd, baseDir, files), diags, initDiags: [] };
        const contents = loaded.files.configFiles.map((file) => {
            const { content, diags: d } = file.body.partialContent(consoleBlocks);
            diags.push(...d);
            return content;
        });
        // Packer decodes the variables of every file before any locals.
        const blocks = contents.flatMap((c) => c.blocks);
        diags.push(...decodeVariableBlocks(blocks, variables));
        const decoded = decodeLocalBlocks(blocks);
        diags.push(...decoded.diags);
        locals.push(...decoded.locals);
    }
    diags.push(...duplicateLocalDiags(locals));
    // Since Packer 1.13 var files apply in the order given, after the auto ones (HCL, then JSON).
    const varFiles = [...autoVarFiles, ...parseVarFiles(opts.varFiles, opts.cwd, files, diags)];
    diags.push(...collectVariableValues(variables, {
        env: opts.env,
        varFiles: varFiles.map((f) => f.body),
        argv: opts.vars,
        warnOnUndeclaredVar: false,
    }));
    const initDiags = unsetVariableDiags(variables);
    const variableValues = new Map([...variables].map(([name, v]) => [name, variableValue(v)]));
    const scopeWith = (known) => templateContext({ cwd: opts.cwd, baseDir, variables: variableValues, locals: known });
    const evaluated = evaluateLocals(locals, scopeWith);
    initDiags.push(...evaluated.diags);
    const scope = {
        context: scopeWith(evaluated.values),
        files,
        describeVariables: () => describeVariables(variableValues, evaluated.values),
    };
    return { scope, diags, initDiags };
}
function emptyScope(cwd, baseDir, files) {
    const none = new Map();
    return {
        context: templateContext({ cwd, baseDir, variables: none, locals: none }),
        files,
        describeVariables: () => describeVariables(none, none),
    };
}
/** PackerConfig.printVariables: each value printed as the console prints it, then Go-quoted (%q). */
function describeVariables(variables, locals) {
    const lines = (prefix, values) => [...values.keys()]
        .sort()
        .map((k) => `${prefix}.${k}: ${goQuote(formatConsoleValue(values.get(k)))}\n`)
        .join('');
    return `> input-variables:\n\n${lines('var', variables)}\n> local-variables:\n\n${lines('local', locals)}`;
}

;// CONCATENATED MODULE: ./build/cli/goflag.js
/**
 * Command-line flags parsed the way Go's `flag` package does (Packer's commands use it):
 * `-name`, `--name`, `-name=value`, `-name value` (non-bool only), `--` ends the flags,
 * and parsing stops at the first argument that is not a flag.
 */

const goBools = {
    '1': true,
    t: true,
    T: true,
    TRUE: true,
    true: true,
    True: true,
    '0': false,
    f: false,
    F: false,
    FALSE: false,
    false: false,
    False: false,
};
function parseGoFlags(argv, flags) {
    const rest = [...argv];
    const fail = (message) => ({ ok: false, help: false, message });
    for (;;) {
        const s = rest[0];
        if (s === undefined || s.length < 2 || !s.startsWith('-'))
            break;
        const dashes = s[1] === '-' ? 2 : 1;
        if (s === '--') {
            rest.shift();
            break;
        }
        let name = s.slice(dashes);
        if (name === '' || name.startsWith('-') || name.startsWith('='))
            return fail(`bad flag syntax: ${s}`);
        rest.shift();
        let value;
        const eq = name.indexOf('=');
        if (eq > 0) {
            value = name.slice(eq + 1);
            name = name.slice(0, eq);
        }
        const flag = Object.hasOwn(flags, name) ? flags[name] : undefined;
        if (flag === undefined) {
            if (name === 'help' || name === 'h')
                return { ok: false, help: true, message: '' };
            return fail(`flag provided but not defined: -${name}`);
        }
        if (flag.kind === 'bool') {
            const b = value === undefined ? true : goBools[value];
            if (b === undefined)
                return fail(`invalid boolean value ${goQuote(value ?? '')} for -${name}: parse error`);
            flag.set(b);
            continue;
        }
        if (value === undefined)
            value = rest.shift();
        if (value === undefined)
            return fail(`flag needs an argument: -${name}`);
        try {
            flag.set(value);
        }
        catch (e) {
            return fail(`invalid value ${goQuote(value)} for flag -${name}: ${e.message}`);
        }
    }
    return { ok: true, args: rest };
}

;// CONCATENATED MODULE: ./build/cli/meta-args.js




function newMetaArgs() {
    return { only: [], except: [], vars: [], varFiles: [], configType: 'json' };
}
function metaFlags(args) {
    return {
        only: { kind: 'value', set: (v) => void args.only.push(...v.split(',')) },
        except: { kind: 'value', set: (v) => void args.except.push(...v.split(',')) },
        ...varFlags(args),
        'config-type': {
            kind: 'value',
            set: (v) => {
                if (v !== 'json' && v !== 'hcl2')
                    throw new Error(`${v} does not belong to configType values`);
                args.configType = v;
            },
        },
    };
}
/** -var (Packer's kvflag; the flag package prints its error after "invalid value ... for flag -var: ") and -var-file. */
function varFlags(args) {
    return {
        var: {
            kind: 'value',
            set: (v) => {
                const eq = v.indexOf('=');
                if (eq < 0)
                    throw new Error(`No '=' value in arg: ${v}`);
                args.vars.push([v.slice(0, eq), v.slice(eq + 1)]);
            },
        },
        'var-file': { kind: 'value', set: (v) => void args.varFiles.push(v) },
    };
}
/** GetConfigType: HCL2 for *.pkr.hcl, *.pkr.json or a directory; else -config-type (json by default). */
function configTypeOf(args, cwd) {
    const path = args.path ?? '';
    if (path === '' || path === '-')
        return { type: args.configType };
    if (path.endsWith('.pkr.hcl') || path.endsWith('.pkr.json'))
        return { type: 'hcl2' };
    try {
        return { type: statSync(resolve(cwd, path)).isDirectory() ? 'hcl2' : args.configType };
    }
    catch {
        return { type: args.configType, error: `stat ${path}: no such file or directory` };
    }
}
/** writeDiags: diagnostics as hcl's text writer renders them; errors through Ui.Error and status 1. */
function writeDiags(ui, files, diags) {
    const text = formatDiagnostics(diags, files, { width: 80, color: false });
    if (text.length === 0)
        return 0;
    if (hasErrors(diags)) {
        ui.error(text);
        return 1;
    }
    ui.say(text);
    return 0;
}
/** mitchellh/cli answers -h, -help and --help anywhere before "--" with the command's help. */
function helpRequested(args) {
    const before = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
    return before.some((a) => a === '-h' || a === '-help' || a === '--help');
}
/** configTypeOf for a command: prints Packer's error for an unusable path and gives undefined. */
function templateKind(ui, meta, cwd) {
    const kind = configTypeOf(meta, cwd);
    if (kind.error === undefined)
        return kind.type;
    ui.error(`${JSON.stringify(meta.path ?? '')}: ${kind.error}`);
    return undefined;
}
/** `packer build`'s error when -only/-except (or the template) leave no build to run. */
const NO_BUILDS_TO_RUN = {
    severity: 'error',
    summary: 'No builds to run',
    detail: 'A build command cannot run without at least one build to process. ' +
        'If the only or except flags have been specified at run time check that at least one build is selected for execution.',
};

;// CONCATENATED MODULE: ./build/cli/console.js










/*
 * `kiln console [options] [TEMPLATE]`, as `packer console` in HCL2 mode
 * (command/console.go, hcl2template PackerConfig.EvaluateExpression): piped
 * stdin evaluates every line and prints the last result; a terminal gets a
 * `> ` prompt and a result per line. Errors are diagnostics on stdout, where
 * Packer's UI writes them; the exit status is 1 when the last line that
 * produced diagnostics had an error. Unlike Packer, the diagnostics quote the
 * console line instead of saying "(source code not available)".
 */
const help = `Usage: kiln console [options] [TEMPLATE]

  Creates a console for testing variable interpolation.
  If a template is provided, this command will load the template and any
  variables defined therein into its context to be referenced during
  interpolation.

Options:
  -var 'key=value'              Variable for templates, can be used multiple times.
  -var-file=path                JSON or HCL2 file containing user variables.
  -config-type                  Accepted for compatibility; Kiln's console is always HCL2.
  -use-sequential-evaluation    Accepted for compatibility; locals are always evaluated in dependency order.`;
const consoleHelp = `Packer console HCL2 Mode.
The Packer console allows you to experiment with Packer interpolations.
You may access variables and functions in the Packer config you called the
console with.

Type in the interpolation to test and hit <enter> to see the result.

"upper(var.foo.id)" would evaluate to the ID of "foo" and uppercase is, if it
exists in your config file.

"variables" will dump all available variables and their values.

To exit the console, type "exit" and hit <enter>, or use Control-C.

/!\\ It is not possible to use go templating interpolation like "{{timestamp}}"
with in HCL2 mode.`;
async function runConsole(argv, io) {
    const say = (text) => io.stdout.write(`${text}\n`);
    if (helpRequested(argv)) {
        say(help);
        return 0;
    }
    const args = { vars: [], varFiles: [] };
    const parsed = parseGoFlags(argv, {
        ...varFlags(args),
        // Kiln's console is always HCL2, so any -config-type is accepted.
        'config-type': { kind: 'value', set: () => undefined },
        'use-sequential-evaluation': { kind: 'bool', set: () => undefined },
    });
    if (!parsed.ok || parsed.args.length > 1) {
        if (!parsed.ok && parsed.message)
            say(parsed.message);
        say(help);
        return 1;
    }
    args.template = parsed.args[0];
    const { scope, diags, initDiags } = loadConsoleScope({
        template: args.template,
        cwd: io.cwd,
        env: io.env,
        vars: args.vars,
        varFiles: args.varFiles,
    });
    // As Packer: errors while parsing the template end the command; those of
    // evaluating it (unset variables, locals) do not, and Kiln shows them on stderr.
    if (writeDiagnostics(io, diags, scope.files) !== 0)
        return 1;
    if (initDiags.length > 0)
        io.stderr.write(`${diagnostic_text_formatDiagnostics(initDiags, scope.files, { width: 80, color: false })}\n`);
    return io.stdin.isTTY ? interactive(io, scope) : piped(io, scope);
}
async function piped(io, scope) {
    let last = '';
    let status = 0;
    for await (const line of (0,external_node_readline_namespaceObject.createInterface)({ input: io.stdin, crlfDelay: Infinity })) {
        const { out, diags } = evaluateLine(line.trim(), scope);
        if (diags.length > 0)
            status = writeDiagnostics(io, diags, scope.files);
        last = out ?? '';
    }
    io.stdout.write(`${last}\n`);
    return status;
}
async function interactive(io, scope) {
    const rl = (0,external_node_readline_namespaceObject.createInterface)({ input: io.stdin, output: io.stdout, prompt: '> ', terminal: true });
    rl.prompt();
    for await (const line of rl) {
        if (line === 'exit')
            break;
        const { out, diags } = evaluateLine(line, scope);
        writeDiagnostics(io, diags, scope.files);
        io.stdout.write(`${out ?? ''}\n`);
        rl.prompt();
    }
    rl.close();
    return 0;
}
/** One console line: a command (help, variables) or an expression. */
function evaluateLine(line, scope) {
    if (line === '' || line === 'exit')
        return { out: '', diags: [] };
    if (line === 'help')
        return { out: consoleHelp, diags: [] };
    if (line === 'variables')
        return { out: scope.describeVariables(), diags: [] };
    const filename = '<console-input>';
    scope.files.set(filename, sourceOnlyFile(filename, Buffer.from(line)));
    const parsed = parse_parseExpression(line, filename);
    if (diagnostics_hasErrors(parsed.diags))
        return { diags: parsed.diags };
    const { value, diags } = evaluate_evaluate(parsed.expr, scope.context);
    if (diagnostics_hasErrors(diags))
        return { diags: [...parsed.diags, ...diags] };
    return { out: formatConsoleValue(value), diags: [...parsed.diags, ...diags] };
}
/** Packer's writeDiags: the text goes to the UI (stdout) either way; errors make the status 1. */
function writeDiagnostics(io, diags, files) {
    if (diags.length === 0)
        return 0;
    io.stdout.write(`${diagnostic_text_formatDiagnostics(diags, files, { width: 80, color: false })}\n`);
    return diagnostics_hasErrors(diags) ? 1 : 0;
}

var __webpack_exports__evaluateLine = __webpack_exports__.i;
var __webpack_exports__runConsole = __webpack_exports__.R;
export { __webpack_exports__evaluateLine as evaluateLine, __webpack_exports__runConsole as runConsole };
