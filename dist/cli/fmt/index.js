import { fileURLToPath as __kilnFileUrl } from 'node:url';
var __filename = __kilnFileUrl(import.meta.url);
var __dirname = __kilnFileUrl(new URL('.', import.meta.url));
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 23:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
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
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  x: () => (/* binding */ runFmt)
});

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
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
function formatDiagnostics(diags, files, opts = {}) {
    return diags.map((d) => formatDiagnostic(d, files, opts)).join('');
}
/** Diagnostics without their source files (Packer's fmt passes none): every snippet is "not available". */
function diagnosticsText(diags, width = DEFAULT_WIDTH) {
    return formatDiagnostics(diags, new Map(), { width });
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
function errorDiag(summary, detail, subject, context) {
    return { severity: 'error', summary, detail, subject, context };
}
function warningDiag(summary, detail, subject, context) {
    return { severity: 'warning', summary, detail, subject, context };
}
function hasErrors(diags) {
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

;// CONCATENATED MODULE: ./build/hcl/range.js
function rangeBetween(from, to) {
    return { filename: from.filename, start: from.start, end: to.end };
}
/** A zero-width range at the given range's start. */
function rangeAtStart(r) {
    return { filename: r.filename, start: r.start, end: r.start };
}
function formatRange(r) {
    return `${r.filename}:${r.start.line},${r.start.column}-${r.end.line === r.start.line ? '' : `${r.end.line},`}${r.end.column}`;
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
;// CONCATENATED MODULE: ./build/hcl/scanner-tokens.js
/**
 * Token kinds of the native syntax, as hclsyntax's TokenType. Operators and
 * punctuation that HCL rejects (`&`, `;`, backtick ...) are still scanned so the
 * parser can explain them.
 */
var scanner_tokens_T;
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
})(scanner_tokens_T || (scanner_tokens_T = {}));

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
            this.diags.push(errorDiag('Nesting too deep', `Expressions and blocks may be nested at most ${MAX_NESTING} levels deep.`, at));
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
            if (tok.type === scanner_tokens_T.Comment) {
                // A line comment absorbs its newline; it still ends a body item.
                if (includeNewlines && this.src.charCodeAt(tok.end - 1) === 10) {
                    if (consume)
                        this.next = i + 1;
                    return { type: scanner_tokens_T.Newline, start: tok.end - 1, end: tok.end, range: tok.range };
                }
                continue;
            }
            if (tok.type === scanner_tokens_T.Newline && !includeNewlines)
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
            if (end === scanner_tokens_T.TemplateSeqEnd && ty === scanner_tokens_T.TemplateControl)
                ty = scanner_tokens_T.TemplateInterp;
            if (ty === start)
                nest++;
            else if (ty === end) {
                if (nest < 1)
                    return tok;
                nest--;
            }
            else if (ty === scanner_tokens_T.EOF)
                return tok;
        }
    }
    /** Skips to the next `start` bracket and then past its matching closer. */
    recoverOver(start) {
        for (;;) {
            const ty = this.read().type;
            if (ty === start || ty === scanner_tokens_T.EOF)
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
                case scanner_tokens_T.Newline:
                    if (open.length === 0)
                        return;
                    break;
                case scanner_tokens_T.EOF:
                    return;
                case scanner_tokens_T.OBrace:
                case scanner_tokens_T.OBrack:
                case scanner_tokens_T.OParen:
                case scanner_tokens_T.OQuote:
                case scanner_tokens_T.OHeredoc:
                case scanner_tokens_T.TemplateInterp:
                case scanner_tokens_T.TemplateControl:
                    open.push(tok.type);
                    break;
                case scanner_tokens_T.CBrace:
                case scanner_tokens_T.CBrack:
                case scanner_tokens_T.CParen:
                case scanner_tokens_T.CQuote:
                case scanner_tokens_T.CHeredoc: {
                    const opener = opposite(tok.type);
                    while (open.length > 0 && open[open.length - 1] !== opener)
                        open.pop();
                    open.pop();
                    break;
                }
                case scanner_tokens_T.TemplateSeqEnd:
                    while (open.length > 0 &&
                        open[open.length - 1] !== scanner_tokens_T.TemplateInterp &&
                        open[open.length - 1] !== scanner_tokens_T.TemplateControl) {
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
        case scanner_tokens_T.OBrace:
            return scanner_tokens_T.CBrace;
        case scanner_tokens_T.OBrack:
            return scanner_tokens_T.CBrack;
        case scanner_tokens_T.OParen:
            return scanner_tokens_T.CParen;
        case scanner_tokens_T.OQuote:
            return scanner_tokens_T.CQuote;
        case scanner_tokens_T.OHeredoc:
            return scanner_tokens_T.CHeredoc;
        case scanner_tokens_T.CBrace:
            return scanner_tokens_T.OBrace;
        case scanner_tokens_T.CBrack:
            return scanner_tokens_T.OBrack;
        case scanner_tokens_T.CParen:
            return scanner_tokens_T.OParen;
        case scanner_tokens_T.CQuote:
            return scanner_tokens_T.OQuote;
        case scanner_tokens_T.CHeredoc:
            return scanner_tokens_T.OHeredoc;
        case scanner_tokens_T.TemplateControl:
        case scanner_tokens_T.TemplateInterp:
            return scanner_tokens_T.TemplateSeqEnd;
        case scanner_tokens_T.TemplateSeqEnd:
            return scanner_tokens_T.TemplateInterp;
        default:
            return scanner_tokens_T.Nil;
    }
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
    const makeObject = open.type === scanner_tokens_T.OBrace;
    const closeType = opposite(open.type);
    const fail = (detail) => {
        if (!p.recovery) {
            const at = p.peek().range;
            p.diags.push(errorDiag("Invalid 'for' expression", detail, at, rangeBetween(open.range, at)));
        }
        const close = p.recover(closeType);
        return placeholder(rangeBetween(open.range, close.range));
    };
    const bail = () => placeholder(rangeBetween(open.range, p.recover(closeType).range));
    if (p.peek().type !== scanner_tokens_T.Ident)
        return fail("For expression requires variable name after 'for'.");
    let valueVar = p.text(p.read());
    let keyVar;
    if (p.peek().type === scanner_tokens_T.Comma) {
        keyVar = valueVar;
        p.read();
        if (p.peek().type !== scanner_tokens_T.Ident)
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
    if (p.peek().type !== scanner_tokens_T.Colon)
        return fail('For expression requires a colon after the collection expression.');
    p.read();
    mark = p.diags.length;
    let keyExpr;
    let valueExpr = parseExpression(p);
    if (p.peek().type === scanner_tokens_T.FatArrow) {
        p.read();
        keyExpr = valueExpr;
        valueExpr = parseExpression(p);
    }
    if (p.recovery && p.diags.length > mark)
        return bail();
    let ellipsis;
    if (p.peek().type === scanner_tokens_T.Ellipsis)
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
            p.diags.push(errorDiag("Invalid 'for' expression", "Extra characters after the end of the 'for' expression.", at, rangeBetween(open.range, at)));
        }
        close = p.recover(closeType);
    }
    const whole = rangeBetween(open.range, close.range);
    if (!makeObject) {
        if (keyExpr) {
            p.diags.push(errorDiag("Invalid 'for' expression", 'Key expression is not valid when building a tuple.', keyExpr.range, whole));
        }
        if (ellipsis) {
            p.diags.push(errorDiag("Invalid 'for' expression", 'Grouping ellipsis (...) cannot be used when building a tuple.', ellipsis.range, whole));
        }
    }
    else if (!keyExpr) {
        p.diags.push(errorDiag("Invalid 'for' expression", 'Key expression is required when building an object.', valueExpr.range, whole));
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
                diags.push(errorDiag('Invalid escape sequence', 'Backslash must be followed by an escape sequence selector character.', sliceRange(i, i + 1)));
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
                    diags.push(errorDiag('Invalid escape sequence', sel === 117
                        ? 'The \\u escape sequence must be followed by four hexadecimal digits.'
                        : 'The \\U escape sequence must be followed by eight hexadecimal digits.', sliceRange(i, j)));
                    out += text;
                }
                else if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) {
                    diags.push(errorDiag('Invalid escape sequence', `Cannot encode character U+${cp.toString(16).padStart(4, '0')} in UTF-8.`, sliceRange(i, j)));
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
            diags.push(errorDiag('Invalid escape sequence', `The symbol ${goQuote(selText)} is not a valid escape sequence selector.`, sliceRange(i, i + 1 + selLen)));
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
    const heredoc = open.type === scanner_tokens_T.OHeredoc;
    const flush = heredoc && p.src.charCodeAt(open.start + 2) === 45;
    const { exprs, passthru } = parseTemplateInner(p, opposite(open.type), flush, heredoc);
    const range = rangeBetween(open.range, p.prevRange());
    if (passthru && exprs[0])
        return { kind: 'TemplateWrap', wrapped: exprs[0], range };
    return { kind: 'Template', parts: exprs, heredoc, range };
}
/** A whole input as a bare template (no quotes), up to EOF. */
function parser_templates_parseBareTemplate(p) {
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
        if (next.type === scanner_tokens_T.StringLit || next.type === scanner_tokens_T.QuotedLit) {
            const { value, diags } = decodeStringLiteral(p.src, next, next.type === scanner_tokens_T.QuotedLit);
            p.diags.push(...diags);
            parts.push({ kind: 'literal', value: ltrim ? value.replace(LEADING_SPACE, '') : value, range: next.range });
            nextCanTrimPrev = true;
            continue;
        }
        if (next.type !== scanner_tokens_T.TemplateInterp && next.type !== scanner_tokens_T.TemplateControl) {
            if (!p.recovery) {
                p.diags.push(errorDiag('Unterminated template string', 'No closing marker was found for the string.', next.range, rangeBetween(startRange, next.range)));
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
        const close = next.type === scanner_tokens_T.TemplateInterp
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
    if (close.type !== scanner_tokens_T.TemplateSeqEnd) {
        if (!p.recovery) {
            if (close.type === scanner_tokens_T.EOF) {
                p.diags.push(errorDiag('Unclosed template interpolation sequence', 'There is no closing brace for this interpolation sequence before the end of the file. This might be caused by incorrect nesting inside the given expression.', startRange));
            }
            else if (close.type === scanner_tokens_T.Colon) {
                p.diags.push(errorDiag('Extra characters after interpolation expression', 'Template interpolation doesn\'t expect a colon at this location. Did you intend this to be a literal sequence to be processed as part of another language? If so, you can escape it by starting with "$${" instead of just "${".', close.range, rangeBetween(startRange, close.range)));
            }
            else if ((close.type === scanner_tokens_T.CQuote || close.type === scanner_tokens_T.OQuote) && end === scanner_tokens_T.CQuote) {
                p.diags.push(errorDiag('Unclosed template interpolation sequence', 'There is no closing brace for this interpolation sequence before the end of the quoted template. This might be caused by incorrect nesting inside the given expression.', startRange));
            }
            else {
                p.diags.push(errorDiag('Extra characters after interpolation expression', 'Expected a closing brace to end the interpolation expression, but found extra characters.\n\nThis can happen when you include interpolation syntax for another language, such as shell scripting, but forget to escape the interpolation start token. If this is an embedded sequence for another language, escape it by starting with "$${" instead of just "${".', close.range, rangeBetween(startRange, close.range)));
            }
        }
        p.recover(scanner_tokens_T.TemplateSeqEnd);
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
    if (kw.type !== scanner_tokens_T.Ident) {
        if (!p.recovery) {
            p.diags.push(errorDiag('Invalid template directive', 'A template directive keyword ("if", "for", etc) is expected at the beginning of a %{ sequence.', kw.range, rangeBetween(opener.range, kw.range)));
        }
        p.recover(scanner_tokens_T.TemplateSeqEnd);
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
                    p.diags.push(errorDiag("Invalid 'for' directive", detail, p.peek().range));
                p.recover(scanner_tokens_T.TemplateSeqEnd);
                return undefined;
            };
            if (p.peek().type !== scanner_tokens_T.Ident)
                return fail("For directive requires variable name after 'for'.");
            let valueVar = p.text(p.read());
            let keyVar;
            if (p.peek().type === scanner_tokens_T.Comma) {
                keyVar = valueVar;
                p.read();
                if (p.peek().type !== scanner_tokens_T.Ident)
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
                p.diags.push(errorDiag('Invalid template control keyword', `${goQuote(word)} is not a valid template control keyword.${suggestion ? ` Did you mean ${goQuote(suggestion)}?` : ''}`, kw.range, rangeBetween(opener.range, kw.range)));
            }
            p.recover(scanner_tokens_T.TemplateSeqEnd);
            return undefined;
        }
    }
    const close = p.peek();
    if (close.type !== scanner_tokens_T.TemplateSeqEnd) {
        if (!p.recovery) {
            p.diags.push(errorDiag(`Extra characters in ${word} marker`, 'Expected a closing brace to end the sequence, but found extra characters.', close.range, rangeBetween(startRange, close.range)));
        }
        p.recover(scanner_tokens_T.TemplateSeqEnd);
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
                this.p.diags.push(errorDiag('Unexpected end of template', 'The control directives within this template are unbalanced.', part.range));
                return placeholder(part.range);
            default:
                this.p.diags.push(errorDiag(`Unexpected ${part.kind} directive`, 'The control directives within this template are unbalanced.', part.range));
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
        this.p.diags.push(errorDiag('Unexpected end of template', `The ${directive} directive at ${formatRange(openRange)} is missing its corresponding end${directive} directive.`, at));
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
                    ? errorDiag('Unexpected else directive', `Already in the else clause for the if started at ${formatRange(open.range)}.`, next.range)
                    : errorDiag(`Unexpected ${next.kind} directive`, `Expecting an endif directive for the if started at ${formatRange(open.range)}.`, next.range));
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
                    ? errorDiag('Unexpected else directive', 'An else clause is not expected for a for directive.', next.range)
                    : errorDiag(`Unexpected ${next.kind} directive`, `Expecting an endfor directive corresponding to the for directive at ${formatRange(open.range)}.`, next.range));
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
    [[scanner_tokens_T.Or, '||']],
    [[scanner_tokens_T.And, '&&']],
    [
        [scanner_tokens_T.EqualOp, '=='],
        [scanner_tokens_T.NotEqual, '!='],
    ],
    [
        [scanner_tokens_T.GreaterThan, '>'],
        [scanner_tokens_T.GreaterThanEq, '>='],
        [scanner_tokens_T.LessThan, '<'],
        [scanner_tokens_T.LessThanEq, '<='],
    ],
    [
        [scanner_tokens_T.Plus, '+'],
        [scanner_tokens_T.Minus, '-'],
    ],
    [
        [scanner_tokens_T.Star, '*'],
        [scanner_tokens_T.Slash, '/'],
        [scanner_tokens_T.Percent, '%'],
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
    if (p.peek().type !== scanner_tokens_T.Question)
        return condition;
    p.read();
    mark = p.diags.length;
    const trueResult = parseExpression(p);
    if (p.recovery && failedSince(p, mark))
        return condition;
    const colon = p.peek();
    if (colon.type !== scanner_tokens_T.Colon) {
        p.diags.push(errorDiag('Missing false expression in conditional', 'The conditional operator (...?...:...) requires a false expression, delimited by a colon.', colon.range, rangeBetween(startRange, colon.range)));
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
        if (next.type === scanner_tokens_T.Dot) {
            const dot = p.read();
            const attr = p.peek();
            if (attr.type === scanner_tokens_T.Ident) {
                p.read();
                const nameRange = rangeBetween(dot.range, attr.range);
                ret = { kind: 'GetAttr', source: ret, name: p.text(attr), nameRange, range: rangeBetween(startOf, nameRange) };
            }
            else if (attr.type === scanner_tokens_T.NumberLit) {
                p.read();
                ret = legacyIndex(p, ret, dot, attr, startOf, false);
            }
            else if (attr.type === scanner_tokens_T.Star) {
                ret = parseAttrSplat(p, ret, from, dot);
            }
            else {
                p.diags.push(errorDiag('Invalid attribute name', 'An attribute name is required after a dot.', attr.range));
                p.recovery = true;
                // hclsyntax returns an error placeholder covering the source and the dot.
                return placeholder(rangeBetween(from.range, dot.range));
            }
        }
        else if (next.type === scanner_tokens_T.OBrack) {
            const open = p.read();
            if (p.peek().type === scanner_tokens_T.Star) {
                ret = parseFullSplat(p, ret, from, open);
                continue;
            }
            p.pushNewlines(false);
            const mark = p.diags.length;
            const key = parseExpression(p);
            let close;
            if (p.recovery && failedSince(p, mark)) {
                close = p.recover(scanner_tokens_T.CBrack);
            }
            else {
                close = p.read();
                if (close.type !== scanner_tokens_T.CBrack && !p.recovery) {
                    close = p.recover(scanner_tokens_T.CBrack);
                    // hclsyntax's subject points at its `close` variable, which recovery has since moved on.
                    p.diags.push(errorDiag('Missing close bracket on index', 'The index operator must end with a closing bracket ("]").', close.range));
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
        p.diags.push(errorDiag('Invalid legacy index syntax', inSplat
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
    while (p.peek().type === scanner_tokens_T.Dot) {
        const stepDot = p.read();
        const tok = p.peek();
        if (tok.type === scanner_tokens_T.NumberLit) {
            p.read();
            each = legacyIndex(p, each, stepDot, tok, firstRange, true);
            lastRange = tok.range;
            continue;
        }
        if (tok.type !== scanner_tokens_T.Ident) {
            if (!p.recovery) {
                p.diags.push(tok.type === scanner_tokens_T.Star
                    ? errorDiag('Nested splat expression not allowed', 'A splat expression (*) cannot be used inside another attribute-only splat expression.', tok.range)
                    : errorDiag('Invalid attribute name', 'An attribute name is required after a dot.', tok.range));
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
    if (close.type !== scanner_tokens_T.CBrack && !p.recovery) {
        close = p.recover(scanner_tokens_T.CBrack);
        // As for a plain index, the subject ends up at the token recovery stopped on.
        p.diags.push(errorDiag('Missing close bracket on splat index', 'The star for a full splat operator must be immediately followed by a closing bracket ("]").', close.range));
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
        p.diags.push(errorDiag('Invalid number literal', 'Failed to recognize the value of this number literal.', tok.range));
    }
}
function parseTerm(p) {
    const start = p.peek();
    switch (start.type) {
        case scanner_tokens_T.OParen:
            return parseParentheses(p);
        case scanner_tokens_T.NumberLit: {
            p.read();
            checkNumber(p, start);
            return { kind: 'Literal', type: 'number', text: p.text(start), range: start.range };
        }
        case scanner_tokens_T.Ident: {
            p.read();
            const afterName = p.peek().type;
            if (afterName === scanner_tokens_T.OParen || afterName === scanner_tokens_T.DoubleColon)
                return parseFunctionCall(p, start);
            const name = p.text(start);
            if (name === 'true' || name === 'false') {
                return { kind: 'Literal', type: 'bool', value: name === 'true', range: start.range };
            }
            if (name === 'null')
                return { kind: 'Literal', type: 'null', range: start.range };
            return { kind: 'Variable', name, range: start.range };
        }
        case scanner_tokens_T.OQuote:
        case scanner_tokens_T.OHeredoc:
            return parseQuotedTemplate(p);
        case scanner_tokens_T.Minus:
        case scanner_tokens_T.Bang: {
            p.read();
            // Only a term with its traversals: -46+5 is (-46)+5.
            const operand = parseTermWithTraversals(p);
            return {
                kind: 'UnaryOp',
                op: start.type === scanner_tokens_T.Minus ? '-' : '!',
                operand,
                symbolRange: start.range,
                range: rangeBetween(start.range, operand.range),
            };
        }
        case scanner_tokens_T.OBrack:
            return parseTuple(p);
        case scanner_tokens_T.OBrace:
            return parseObject(p);
        default:
            if (!p.recovery) {
                p.diags.push(start.type === scanner_tokens_T.EOF
                    ? errorDiag('Missing expression', 'Expected the start of an expression, but found the end of the file.', start.range)
                    : errorDiag('Invalid expression', 'Expected the start of an expression, but found an invalid expression token.', start.range));
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
        p.recover(scanner_tokens_T.CParen);
        p.popNewlines();
        return expression;
    }
    const close = p.peek();
    if (close.type !== scanner_tokens_T.CParen) {
        p.diags.push(errorDiag('Unbalanced parentheses', 'Expected a closing parenthesis to terminate the expression.', close.range, rangeBetween(open.range, close.range)));
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
    while (open.type === scanner_tokens_T.DoubleColon) {
        const part = p.read();
        if (part.type !== scanner_tokens_T.Ident) {
            p.diags.push(errorDiag('Missing function name', 'Function scope resolution symbol :: must be followed by a function name in this scope.', part.range, rangeBetween(name.range, part.range)));
            p.recoverOver(scanner_tokens_T.OParen);
            return placeholder(rangeBetween(name.range, part.range));
        }
        nameText += `::${p.text(part)}`;
        nameEnd = part.range.end;
        open = p.read();
    }
    const nameRange = { filename: name.range.filename, start: name.range.start, end: nameEnd };
    if (open.type !== scanner_tokens_T.OParen) {
        p.diags.push(errorDiag('Missing open parenthesis', 'Function selector must be followed by an open parenthesis to begin the function call.', open.range, rangeBetween(name.range, open.range)));
        p.recoverOver(scanner_tokens_T.OParen);
        return placeholder(rangeBetween(name.range, open.range));
    }
    const args = [];
    let expandFinal = false;
    // Without a closing parenthesis the call ends at its opening one, as hclsyntax's zero-value token would not.
    let close = open;
    p.pushNewlines(false);
    for (;;) {
        if (p.peek().type === scanner_tokens_T.CParen) {
            close = p.read();
            break;
        }
        const mark = p.diags.length;
        args.push(parseExpression(p));
        if (p.recovery && failedSince(p, mark)) {
            const recovered = p.recover(scanner_tokens_T.CParen);
            if (recovered.type === scanner_tokens_T.CParen)
                close = recovered;
            break;
        }
        const sep = p.read();
        if (sep.type === scanner_tokens_T.CParen) {
            close = sep;
            break;
        }
        if (sep.type === scanner_tokens_T.Ellipsis) {
            expandFinal = true;
            if (p.peek().type !== scanner_tokens_T.CParen) {
                if (!p.recovery) {
                    p.diags.push(errorDiag('Missing closing parenthesis', 'An expanded function argument (with ...) must be immediately followed by closing parentheses.', sep.range, rangeBetween(name.range, sep.range)));
                }
                close = p.recover(scanner_tokens_T.CParen);
            }
            else {
                close = p.read();
            }
            break;
        }
        if (sep.type !== scanner_tokens_T.Comma) {
            p.diags.push(sep.type === scanner_tokens_T.EOF
                ? errorDiag('Unterminated function call', 'There is no closing parenthesis for this function call before the end of the file. This may be caused by incorrect parenthesis nesting elsewhere in this file.', rangeBetween(name.range, open.range))
                : errorDiag('Missing argument separator', 'A comma is required to separate each function argument from the next.', sep.range, rangeBetween(name.range, sep.range)));
            close = p.recover(scanner_tokens_T.CParen);
            break;
        }
        if (p.peek().type === scanner_tokens_T.CParen) {
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
    return tok.type === scanner_tokens_T.Ident && tok.end - tok.start === word.length && p.text(tok) === word;
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
            if (p.peek().type === scanner_tokens_T.CBrack) {
                close = p.read();
                break;
            }
            const mark = p.diags.length;
            items.push(parseExpression(p));
            if (p.recovery && failedSince(p, mark)) {
                close = p.recover(scanner_tokens_T.CBrack);
                break;
            }
            const next = p.peek();
            if (next.type === scanner_tokens_T.CBrack) {
                close = p.read();
                break;
            }
            if (next.type !== scanner_tokens_T.Comma) {
                if (!p.recovery) {
                    p.diags.push(next.type === scanner_tokens_T.EOF
                        ? errorDiag('Unterminated tuple constructor expression', 'There is no corresponding closing bracket before the end of the file. This may be caused by incorrect bracket nesting elsewhere in this file.', open.range)
                        : errorDiag('Missing item separator', 'Expected a comma to mark the beginning of the next item.', next.range, rangeBetween(open.range, next.range)));
                }
                close = p.recover(scanner_tokens_T.CBrack);
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
        if (next.type === scanner_tokens_T.Newline) {
            p.read();
            continue;
        }
        if (next.type === scanner_tokens_T.CBrace) {
            close = p.read();
            break;
        }
        const forceNonLiteral = next.type === scanner_tokens_T.OParen;
        let mark = p.diags.length;
        const keyExpr = parseExpression(p);
        if (p.recovery && failedSince(p, mark)) {
            close = p.recover(scanner_tokens_T.CBrace);
            break;
        }
        const key = { kind: 'ObjectKey', wrapped: keyExpr, forceNonLiteral, range: keyExpr.range };
        const sep = p.peek();
        if (sep.type !== scanner_tokens_T.Equal && sep.type !== scanner_tokens_T.Colon) {
            if (!p.recovery)
                p.diags.push(missingKeySeparator(sep, open));
            close = p.recover(scanner_tokens_T.CBrace);
            break;
        }
        p.read();
        mark = p.diags.length;
        const value = parseExpression(p);
        if (p.recovery && failedSince(p, mark)) {
            close = p.recover(scanner_tokens_T.CBrace);
            break;
        }
        items.push({ key, value });
        const after = p.peek();
        if (after.type === scanner_tokens_T.CBrace) {
            close = p.read();
            break;
        }
        if (after.type !== scanner_tokens_T.Comma && after.type !== scanner_tokens_T.Newline) {
            if (!p.recovery) {
                p.diags.push(after.type === scanner_tokens_T.EOF
                    ? unterminatedObject(open)
                    : errorDiag('Missing attribute separator', 'Expected a newline or comma to mark the beginning of the next attribute.', after.range, rangeBetween(open.range, after.range)));
            }
            close = p.recover(scanner_tokens_T.CBrace);
            break;
        }
        p.read();
    }
    p.popNewlines();
    return { kind: 'Object', items, openRange: open.range, range: rangeBetween(open.range, close.range) };
}
function unterminatedObject(open) {
    return errorDiag('Unterminated object constructor expression', 'There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.', open.range);
}
function missingKeySeparator(next, open) {
    const context = rangeBetween(open.range, next.range);
    switch (next.type) {
        case scanner_tokens_T.Newline:
        case scanner_tokens_T.Comma:
            return errorDiag('Missing attribute value', 'Expected an attribute value, introduced by an equals sign ("=").', next.range, context);
        case scanner_tokens_T.Ident:
            // Perhaps an HCL1-style name with a period and digits, like foo1.2_bar.
            return errorDiag('Missing key/value separator', 'Expected an equals sign ("=") to mark the beginning of the attribute value. If you intended to given an attribute name containing periods or spaces, write the name in quotes to create a string literal.', next.range, context);
        case scanner_tokens_T.EOF:
            return unterminatedObject(open);
        default:
            return errorDiag('Missing key/value separator', 'Expected an equals sign ("=") to mark the beginning of the attribute value.', next.range, context);
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
        if (next.type === scanner_tokens_T.Newline) {
            p.read();
            continue;
        }
        if (next.type === scanner_tokens_T.Ident) {
            const item = parseBodyItem(p);
            if (item?.kind === 'Block') {
                blocks.push(item);
            }
            else if (item) {
                const existing = byName.get(item.name);
                if (existing) {
                    p.diags.push(errorDiag('Attribute redefined', `The argument "${item.name}" was already set at ${formatRange(existing.nameRange)}. Each argument may be set only once.`, item.nameRange));
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
    if (bad.type === scanner_tokens_T.OQuote)
        return errorDiag('Invalid argument name', 'Argument names must not be quoted.', bad.range);
    if (bad.type !== scanner_tokens_T.EOF)
        return errorDiag('Argument or block definition required', ITEM_REQUIRED, bad.range);
    return end === scanner_tokens_T.CBrace
        ? errorDiag('Unclosed configuration block', 'There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.', startRange)
        : errorDiag('Unclosed configuration body', 'Found end of file before the end of this configuration body.', startRange);
}
function parseBodyItem(p) {
    const ident = p.read();
    const next = p.peek();
    if (next.type === scanner_tokens_T.Equal)
        return finishAttribute(p, ident, false);
    if (next.type === scanner_tokens_T.OQuote || next.type === scanner_tokens_T.OBrace || next.type === scanner_tokens_T.Ident) {
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
    p.diags.push(errorDiag('Argument or block definition required', `${ITEM_REQUIRED} To set an argument, use the equals sign "=" to introduce the argument value.`, ident.range));
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
        if (end.type !== scanner_tokens_T.Newline && end.type !== scanner_tokens_T.EOF) {
            if (!p.recovery) {
                const comma = end.type === scanner_tokens_T.Comma;
                p.diags.push(errorDiag(comma ? 'Unexpected comma after argument' : 'Missing newline after argument', comma
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
        if (tok.type === scanner_tokens_T.OBrace) {
            open = p.read();
        }
        else if (tok.type === scanner_tokens_T.OQuote) {
            const label = parseQuotedStringLiteral(p);
            labels.push(label.value);
            labelRanges.push(label.range);
        }
        else if (tok.type === scanner_tokens_T.Ident) {
            p.read();
            labels.push(p.text(tok));
            labelRanges.push(tok.range);
        }
        else {
            const context = rangeBetween(ident.range, tok.range);
            if (tok.type === scanner_tokens_T.Equal) {
                p.diags.push(errorDiag('Invalid block definition', 'The equals sign "=" indicates an argument definition, and must not be used when defining a block.', tok.range, context));
            }
            else if (tok.type === scanner_tokens_T.Newline) {
                p.diags.push(errorDiag('Invalid block definition', 'A block definition must have block content delimited by "{" and "}", starting on the same line as the block header.', tok.range, context));
            }
            else if (!p.recovery) {
                p.diags.push(errorDiag('Invalid block definition', 'Either a quoted string block label or an opening brace ("{") is expected here.', tok.range, context));
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
    if (first === scanner_tokens_T.Newline || first === scanner_tokens_T.EOF || first === scanner_tokens_T.CBrace) {
        body = parseBody(p, scanner_tokens_T.CBrace);
    }
    else {
        body = parseSingleAttrBody(p);
        finishSingleLineBlock(p, ident, open);
    }
    const closeBraceRange = p.prevRange();
    const eol = p.peek();
    if (eol.type === scanner_tokens_T.Newline || eol.type === scanner_tokens_T.EOF) {
        p.read();
    }
    else {
        if (!p.recovery) {
            p.diags.push(errorDiag('Missing newline after block definition', 'A block definition must end with a newline.', eol.range, rangeBetween(ident.range, eol.range)));
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
        case scanner_tokens_T.CBrace:
            p.read();
            return;
        case scanner_tokens_T.Comma:
            p.diags.push(errorDiag('Invalid single-argument block definition', 'Single-line block syntax can include only one argument definition. To define multiple arguments, use the multi-line block syntax with one argument definition per line.', next.range));
            break;
        case scanner_tokens_T.Newline:
            p.diags.push(errorDiag('Invalid single-argument block definition', "An argument definition on the same line as its containing block creates a single-line block definition, which must also be closed on the same line. Place the block's closing brace immediately after the argument definition.", next.range));
            break;
        default:
            if (!p.recovery) {
                p.diags.push(next.type === scanner_tokens_T.EOF
                    ? errorDiag('Unclosed configuration block', 'There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.', open.range, rangeBetween(ident.range, open.range))
                    : errorDiag('Invalid single-argument block definition', 'A single-line block definition must end with a closing brace immediately after its single argument definition.', next.range));
            }
    }
    p.recover(scanner_tokens_T.CBrace);
}
/** `block { name = value }`: exactly one attribute on the block's line. */
function parseSingleAttrBody(p) {
    const ident = p.read();
    if (ident.type !== scanner_tokens_T.Ident) {
        p.recoverAfterBodyItem();
        p.diags.push(errorDiag('Argument or block definition required', ITEM_REQUIRED, ident.range));
        return undefined;
    }
    const next = p.peek();
    if (next.type === scanner_tokens_T.Equal) {
        const attr = finishAttribute(p, ident, true);
        return { kind: 'Body', attributes: [attr], blocks: [], range: attr.range, endRange: zeroWidthAt(attr.range) };
    }
    p.recoverAfterBodyItem();
    p.diags.push(next.type === scanner_tokens_T.OQuote || next.type === scanner_tokens_T.OBrace || next.type === scanner_tokens_T.Ident
        ? errorDiag('Argument definition required', `A single-line block definition can contain only a single argument. If you meant to define argument "${p.text(ident)}", use an equals sign to assign it a value. To define a nested block, place it on a line of its own within its parent block.`, rangeBetween(ident.range, next.range))
        : errorDiag('Argument or block definition required', `${ITEM_REQUIRED} To set an argument, use the equals sign "=" to introduce the argument value.`, ident.range));
    return undefined;
}
/** A quoted string with no template sequences, such as a block label. */
function parseQuotedStringLiteral(p) {
    const open = p.read();
    let value = '';
    let endRange;
    for (;;) {
        const tok = p.read();
        if (tok.type === scanner_tokens_T.CQuote) {
            endRange = tok.range;
            break;
        }
        if (tok.type === scanner_tokens_T.QuotedLit) {
            const lit = decodeStringLiteral(p.src, tok, true);
            p.diags.push(...lit.diags);
            value += lit.value;
            continue;
        }
        if (tok.type === scanner_tokens_T.TemplateInterp || tok.type === scanner_tokens_T.TemplateControl) {
            const which = tok.type === scanner_tokens_T.TemplateControl ? '%' : '$';
            p.diags.push(errorDiag('Invalid string literal', `Template sequences are not allowed in this string. To include a literal "${which}", double it (as "${which}${which}") to escape it.`, tok.range, rangeBetween(open.range, tok.range)));
            // Marks the partial result as not what was written.
            value += `${which}{ ... }`;
            p.recover(scanner_tokens_T.TemplateSeqEnd);
            continue;
        }
        if (tok.type === scanner_tokens_T.EOF) {
            p.diags.push(errorDiag('Unterminated string literal', 'Unable to find the closing quote mark before the end of the file.', tok.range, rangeBetween(open.range, tok.range)));
            endRange = tok.range;
            break;
        }
        p.diags.push(errorDiag('Invalid string literal', 'This item is not valid in a string literal.', tok.range, rangeBetween(open.range, tok.range)));
        p.recover(scanner_tokens_T.CQuote);
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
    [scanner_tokens_T.BitwiseAnd]: ' Did you mean boolean AND ("&&")?',
    [scanner_tokens_T.BitwiseOr]: ' Did you mean boolean OR ("||")?',
    [scanner_tokens_T.BitwiseNot]: ' Did you mean boolean NOT ("!")?',
    [scanner_tokens_T.BitwiseXor]: '',
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
            case scanner_tokens_T.BitwiseAnd:
            case scanner_tokens_T.BitwiseOr:
            case scanner_tokens_T.BitwiseNot:
            case scanner_tokens_T.BitwiseXor:
                if (bitwise < 4) {
                    diags.push(errorDiag('Unsupported operator', `Bitwise operators are not supported.${BITWISE_HINT[tok.type] ?? ''}`, r));
                    bitwise++;
                }
                break;
            case scanner_tokens_T.Backtick:
                // Only every other one, so a backtick-quoted string is reported once.
                if (backtick % 2 === 0) {
                    diags.push(errorDiag('Invalid character', 'The "`" character is not valid. To create a multi-line string, use the "heredoc" syntax, like "<<EOT".', r));
                }
                if (backtick <= 2)
                    backtick++;
                break;
            case scanner_tokens_T.Apostrophe:
                if (apostrophe % 2 === 0) {
                    diags.push(errorDiag('Invalid character', 'Single quotes are not valid. Use double quotes (") to enclose strings.', r));
                }
                if (apostrophe <= 2)
                    apostrophe++;
                break;
            case scanner_tokens_T.Semicolon:
                if (semicolon < 1) {
                    diags.push(errorDiag('Invalid character', 'The ";" character is not valid. Use newlines to separate arguments and blocks, and commas to separate items in collection values.', r));
                    semicolon++;
                }
                break;
            case scanner_tokens_T.BadUTF8:
                if (badUtf8 < 1) {
                    diags.push(errorDiag('Invalid character encoding', 'All input files must be UTF-8 encoded. Ensure that UTF-8 encoding is selected in your editor.', r));
                    badUtf8++;
                }
                break;
            case scanner_tokens_T.QuotedNewline:
                diags.push(errorDiag('Invalid multi-line string', 'Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n escape to represent a newline character or use the "heredoc" multi-line template syntax.', r));
                break;
            case scanner_tokens_T.Invalid: {
                const ch = src.slice(tok.start, tok.end);
                diags.push(ch === '\u201c' || ch === '\u201d'
                    ? errorDiag('Invalid character', '"Curly quotes" are not valid here. These can sometimes be inadvertently introduced when sharing code via documents or discussion forums. It might help to replace the character with a "straight quote".', r)
                    : errorDiag('Invalid character', 'This character is not used within the language.', r));
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
        this.emit(scanner_tokens_T.EOF, n, n);
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
            this.emit(scanner_tokens_T.TemplateSeqEnd, start, this.i);
            this.braces--;
            this.retBraces.pop();
            this.pop();
        }
        else {
            // hclsyntax yields a sequence end for a stray `~}` too, so the parser reports it.
            this.emit(len === 2 ? scanner_tokens_T.TemplateSeqEnd : scanner_tokens_T.CBrace, start, this.i);
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
            this.emit(scanner_tokens_T.Ident, start, this.i);
            return;
        }
        switch (c) {
            case 10:
                return this.single(scanner_tokens_T.Newline);
            case 13:
                return next === 10 ? this.single(scanner_tokens_T.Newline, 2) : this.single(scanner_tokens_T.Invalid);
            case 35: // #
                return this.lineComment();
            case 47: // /
                if (next === 47)
                    return this.lineComment();
                if (next === 42)
                    return this.blockComment();
                return this.single(scanner_tokens_T.Slash);
            case 61: // =
                return next === 61
                    ? this.single(scanner_tokens_T.EqualOp, 2)
                    : next === 62
                        ? this.single(scanner_tokens_T.FatArrow, 2)
                        : this.single(scanner_tokens_T.Equal);
            case 33: // !
                return next === 61 ? this.single(scanner_tokens_T.NotEqual, 2) : this.single(scanner_tokens_T.Bang);
            case 62: // >
                return next === 61 ? this.single(scanner_tokens_T.GreaterThanEq, 2) : this.single(scanner_tokens_T.GreaterThan);
            case 60: // <
                if (next === 61)
                    return this.single(scanner_tokens_T.LessThanEq, 2);
                if (next === 60 && this.heredocIntro())
                    return;
                return this.single(scanner_tokens_T.LessThan);
            case 38: // &
                return next === 38 ? this.single(scanner_tokens_T.And, 2) : this.single(scanner_tokens_T.BitwiseAnd);
            case 124: // |
                return next === 124 ? this.single(scanner_tokens_T.Or, 2) : this.single(scanner_tokens_T.BitwiseOr);
            case 58: // :
                return next === 58 ? this.single(scanner_tokens_T.DoubleColon, 2) : this.single(scanner_tokens_T.Colon);
            case 46: // .
                return next === 46 && src.charCodeAt(this.i + 2) === 46 ? this.single(scanner_tokens_T.Ellipsis, 3) : this.single(scanner_tokens_T.Dot);
            case 123: // {
                this.braces++;
                return this.single(scanner_tokens_T.OBrace);
            case 125: // }
                return this.closeBrace(1);
            case 126: // ~
                return next === 125 ? this.closeBrace(2) : this.single(scanner_tokens_T.BitwiseNot);
            case 34: // "
                this.single(scanner_tokens_T.OQuote);
                return this.push(Mode.String);
            case 91:
                return this.single(scanner_tokens_T.OBrack);
            case 93:
                return this.single(scanner_tokens_T.CBrack);
            case 40:
                return this.single(scanner_tokens_T.OParen);
            case 41:
                return this.single(scanner_tokens_T.CParen);
            case 44:
                return this.single(scanner_tokens_T.Comma);
            case 42:
                return this.single(scanner_tokens_T.Star);
            case 37:
                return this.single(scanner_tokens_T.Percent);
            case 43:
                return this.single(scanner_tokens_T.Plus);
            case 45:
                return this.single(scanner_tokens_T.Minus);
            case 63:
                return this.single(scanner_tokens_T.Question);
            case 94:
                return this.single(scanner_tokens_T.BitwiseXor);
            case 59:
                return this.single(scanner_tokens_T.Semicolon);
            case 96:
                return this.single(scanner_tokens_T.Backtick);
            case 39:
                return this.single(scanner_tokens_T.Apostrophe);
            default:
                return this.single(c === 0xfffd && this.badUtf8 ? scanner_tokens_T.BadUTF8 : scanner_tokens_T.Invalid, cpLen(src, this.i));
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
        this.emit(scanner_tokens_T.NumberLit, start, end);
    }
    /** `#` or `//` comments take their terminating newline with them. */
    lineComment() {
        const start = this.i;
        const nl = this.src.indexOf('\n', start);
        this.i = nl < 0 ? this.src.length : nl + 1;
        this.emit(scanner_tokens_T.Comment, start, this.i);
    }
    blockComment() {
        const close = this.src.indexOf('*/', this.i + 2);
        if (close < 0)
            return this.single(scanner_tokens_T.Slash);
        const start = this.i;
        this.i = close + 2;
        this.emit(scanner_tokens_T.Comment, start, this.i);
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
        this.emit(scanner_tokens_T.OHeredoc, start, this.i);
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
            this.beginSequence(scanner_tokens_T.TemplateInterp);
        else if (c === 37)
            this.beginSequence(scanner_tokens_T.TemplateControl);
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
            this.single(scanner_tokens_T.CQuote);
            return this.pop();
        }
        if (c === 10 || c === 13) {
            const start = this.i;
            let i = start + 1;
            for (let d = src.charCodeAt(i); d === 10 || d === 13; d = src.charCodeAt(++i))
                ;
            this.i = i;
            return this.emit(scanner_tokens_T.QuotedNewline, start, i);
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
            return this.single(scanner_tokens_T.Invalid);
        }
        this.i = i;
        this.emit(scanner_tokens_T.QuotedLit, start, i);
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
            return this.emit(scanner_tokens_T.StringLit, start, end);
        }
        if (doc.startOfLine && this.src.slice(start, end).trim() === doc.marker) {
            // The closing marker and its newline are separate tokens, so the newline still ends the attribute.
            const nl = this.src.charCodeAt(end - 2) === 13 ? end - 2 : end - 1;
            this.emit(scanner_tokens_T.CHeredoc, start, nl);
            this.emit(scanner_tokens_T.Newline, nl, end);
            this.heredocs.pop();
            return this.pop();
        }
        doc.startOfLine = true;
        this.emit(scanner_tokens_T.StringLit, start, end);
    }
    scanBare() {
        if (this.sequence())
            return;
        const start = this.i;
        this.i = this.literalRunEnd();
        this.emit(scanner_tokens_T.StringLit, start, this.i);
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
    const body = parseBody(p, scanner_tokens_T.EOF);
    return { file: { filename, body, bytes }, diags: [...scanDiags, ...p.diags] };
}
/** Parses one expression; anything after it is an error. Newlines inside are insignificant. */
function parse_parseExpression(src, filename, start = FILE_START) {
    const { p, scanDiags } = parserFor(src, filename, start, 'normal');
    p.pushNewlines(false);
    const expr = parseExpr(p);
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

;// CONCATENATED MODULE: ./build/hcl/format.js








// The Go program registers its functions on this global object when it starts.
const exportsGlobal = '__hcl_helpers_config_wasm__';
/**
 * The compressed WASM: beside the running module in a bundle (the build copies it there, since
 * @vercel/ncc cannot trace @cdktf/hcl-tools' own fs-extra + __dirname loader and an ESM bundle has
 * no __dirname), else from the installed package.
 */
function wasmPath() {
    const beside = external_node_path_namespaceObject.join(external_node_path_namespaceObject.dirname((0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url)), 'main.wasm.gz');
    return (0,external_node_fs_namespaceObject.existsSync)(beside) ? beside : (0,external_node_module_namespaceObject.createRequire)(import.meta.url).resolve('@cdktf/hcl-tools/main.wasm.gz');
}
let wasmFormat;
async function loadWasm() {
    await __nccwpck_require__.e(/* import() */ 467).then(__nccwpck_require__.t.bind(__nccwpck_require__, 467, 19)); // defines globalThis.Go
    const Go = globalThis.Go;
    const go = new Go();
    const { instance } = await WebAssembly.instantiate((0,external_node_zlib_namespaceObject.gunzipSync)(await (0,promises_namespaceObject.readFile)(wasmPath())), go.importObject);
    const exported = {};
    globalThis[exportsGlobal] = exported;
    void go.run(instance); // never settles: the Go main blocks forever, serving calls
    const format = exported['format'];
    if (!format)
        throw new Error('hcl-tools WASM did not register format');
    return (src) => new Promise((resolve, reject) => format(src, (err, out) => (err ? reject(new Error(err)) : resolve(out))));
}
/**
 * hclwrite.Format: canonical layout of HCL native syntax (indentation, `=` alignment, spacing).
 * It is Go's own implementation compiled to WASM (from @cdktf/hcl-tools), loaded on first use.
 */
async function hclwriteFormat(src) {
    wasmFormat ??= loadWasm();
    return (await wasmFormat)(src);
}
/**
 * Formats a configuration file as `packer fmt` does: the source must parse as HCL native syntax
 * (hclwrite.Format itself accepts anything), then it is laid out by hclwrite.Format.
 */
async function formatConfig(src, filename) {
    const { diags } = parseConfig(src, filename);
    if (hasErrors(diags))
        return { formatted: undefined, diags };
    return { formatted: Buffer.from(await hclwriteFormat(src.toString('utf8')), 'utf8'), diags };
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./build/cli/fmt-files.js





/* File system work for `kiln fmt`, with errors worded as Go's (Packer's) for the same failure. */
/** A failure `packer fmt` reports as a diagnostic for the file at hand, and then goes on. */
class FmtError extends Error {
}
const goErrno = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'is a directory',
    ENOTDIR: 'not a directory',
    ELOOP: 'too many levels of symbolic links',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on device',
};
function errnoCode(e) {
    return e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}
/** The text of Go's *fs.PathError for the same failure, e.g. "open x.pkr.hcl: permission denied". */
function goError(op, p, e) {
    const code = errnoCode(e);
    return `${op} ${p}: ${(code && goErrno[code]) ?? e.message}`;
}
/**
 * Replaces the file in one rename so a reader (or a crash) never sees half a file. Writes through
 * symlinks to their target, and keeps the file's permission bits, as os.WriteFile would.
 */
async function writeFileAtomic(file, data, shown) {
    const target = await (0,promises_namespaceObject.realpath)(file).catch(() => file);
    const mode = (await (0,promises_namespaceObject.stat)(target).catch(() => undefined))?.mode ?? 0o644;
    const tmp = external_node_path_namespaceObject.join(external_node_path_namespaceObject.dirname(target), `.${external_node_path_namespaceObject.basename(target)}.${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}~`);
    try {
        const fh = await (0,promises_namespaceObject.open)(tmp, 'wx', 0o600);
        try {
            await fh.writeFile(data);
            await fh.sync();
        }
        finally {
            await fh.close();
        }
        await (0,promises_namespaceObject.chmod)(tmp, mode & 0o7777);
        await (0,promises_namespaceObject.rename)(tmp, target);
    }
    catch (e) {
        await (0,promises_namespaceObject.rm)(tmp, { force: true });
        throw new FmtError(goError('open', shown, e), { cause: e });
    }
}
/** `diff -u` with old/ and new/ labels, exactly as Packer shells out to it (GNU diff's output is the contract). */
async function unifiedDiff(before, after, filename) {
    const dir = await (0,promises_namespaceObject.mkdtemp)(external_node_path_namespaceObject.join((0,external_node_os_namespaceObject.tmpdir)(), 'kiln-fmt-'));
    try {
        const [f1, f2] = [external_node_path_namespaceObject.join(dir, 'old'), external_node_path_namespaceObject.join(dir, 'new')];
        await (0,promises_namespaceObject.writeFile)(f1, before);
        await (0,promises_namespaceObject.writeFile)(f2, after);
        const output = await combinedOutput('diff', [`--label=old/${filename}`, `--label=new/${filename}`, '-u', f1, f2]);
        if (output.length === 0)
            throw new Error('diff produced no output');
        return output;
    }
    finally {
        await (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true });
    }
}
/** stdout and stderr interleaved as written; the exit status is ignored (diff exits 1 on differences). */
function combinedOutput(cmd, args) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        const chunks = [];
        child.stdout.on('data', (c) => chunks.push(c));
        child.stderr.on('data', (c) => chunks.push(c));
        child.on('error', (e) => reject(errnoCode(e) === 'ENOENT' ? new Error(`exec: "${cmd}": executable file not found in $PATH`) : e));
        child.on('close', () => resolve(Buffer.concat(chunks)));
    });
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

;// CONCATENATED MODULE: ./build/cli/fmt.js








// Current Packer's text (1.6.6 lacks the stdin and -recursive lines and misspells TEMPLATE).
const help = `Usage: packer fmt [options] [TEMPLATE]

  Rewrites all Packer configuration files to a canonical format. Both
  configuration files (.pkr.hcl) and variable files (.pkrvars.hcl) are updated.
  JSON files (.json) are not modified.

  If TEMPLATE is "." the current directory will be used.
  If TEMPLATE is "-" then content will be read from STDIN.

  The given content must be in Packer's HCL2 configuration language; JSON is
  not supported.

Options:
  -check        Check if the input is formatted. Exit status will be 0 if all
                 input is properly formatted and non-zero otherwise.

  -diff         Display diffs of formatting change

  -write=false  Don't write to source files
                (always disabled if using -check)

  -recursive     Also process files in subdirectories. By default, only the
                 given directory (or current directory) is processed.`;
/**
 * `kiln fmt [options] PATH...`, as `packer fmt` (command/fmt.go). Packer's Ui writes errors to
 * stdout too, so everything goes to stdout. Exit codes: 0, 1 on usage or formatting errors,
 * 3 when -check finds files to reformat.
 */
async function runFmt(args, io) {
    const say = (s) => io.stdout.write(`${s}\n`);
    // The CLI layer (mitchellh/cli in Packer) answers -h/-help/--help anywhere before "--".
    const beforeDashes = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
    if (beforeDashes.some((a) => a === '-h' || a === '-help' || a === '--help')) {
        say(help);
        return 0;
    }
    const opts = { check: false, diff: false, write: true, recursive: false };
    const parsed = parseGoFlags(args, fmtFlags(opts));
    if (!parsed.ok || parsed.args.length === 0) {
        if (!parsed.ok && parsed.message)
            say(parsed.message);
        say(help);
        return 1;
    }
    if (opts.check)
        opts.write = false;
    const formatter = new Formatter(opts, io);
    for (const p of parsed.args)
        await formatter.formatPath(p);
    // Packer writes these without source files (hcl.NewDiagnosticTextWriter(w, nil, 80, false)).
    const text = formatDiagnostics(formatter.diags, new Map());
    if (text !== '') {
        say(text);
        if (hasErrors(formatter.diags))
            return 1;
    }
    return opts.check && formatter.bytesModified > 0 ? 3 : 0;
}
/** -check/-diff/-write/-recursive plus the MetaArgs flags every Packer command accepts (ignored here). */
function fmtFlags(opts) {
    const bool = (key) => ({ kind: 'bool', set: (v) => (opts[key] = v) });
    const ignored = { kind: 'value', set: () => undefined };
    return {
        check: bool('check'),
        diff: bool('diff'),
        write: bool('write'),
        recursive: bool('recursive'),
        only: ignored,
        except: ignored,
        'var-file': ignored,
        var: {
            kind: 'value',
            set: (raw) => {
                if (!raw.includes('='))
                    throw new Error(`No '=' value in arg: ${raw}`);
            },
        },
        'config-type': {
            kind: 'value',
            set: (raw) => {
                if (raw !== 'hcl2' && raw !== 'json')
                    throw new Error(`${raw} does not belong to configType values`);
            },
        },
    };
}
const isHclFile = (name) => name.endsWith('.pkr.hcl') || name.endsWith('.pkrvars.hcl');
// Editor swap files and hidden files (hcl2template/formatter.go shouldIgnoreFile).
const isIgnored = (name) => name.startsWith('.') || name.endsWith('~') || (name.startsWith('#') && name.endsWith('#'));
/** hcl2template.HCL2Formatter: paths are shown as given and resolved against io.cwd. */
class Formatter {
    opts;
    io;
    diags = [];
    bytesModified = 0;
    showDiff;
    constructor(opts, io) {
        this.opts = opts;
        this.io = io;
        this.showDiff = opts.diff;
    }
    async formatPath(p) {
        const st = await (0,promises_namespaceObject.stat)(this.resolve(p)).catch(() => undefined);
        if (!st?.isDirectory())
            return this.formatFile(p);
        let entries;
        try {
            entries = await (0,promises_namespaceObject.readdir)(this.resolve(p), { withFileTypes: true });
        }
        catch (e) {
            this.diags.push(errorDiag('Cannot read hcl directory', goError('open', p, e)));
            return;
        }
        // os.ReadDir sorts by name, byte-wise.
        entries.sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
        for (const entry of entries) {
            if (isIgnored(entry.name))
                continue;
            const child = external_node_path_namespaceObject.join(p, entry.name);
            if (entry.isDirectory()) {
                if (this.opts.recursive)
                    await this.formatPath(child);
            }
            else if (isHclFile(child)) {
                await this.formatFile(child);
            }
        }
    }
    async formatFile(p) {
        try {
            this.bytesModified += await this.processFile(p);
        }
        catch (e) {
            if (!(e instanceof FmtError))
                throw e;
            this.diags.push(errorDiag(`encountered an error while formatting ${p}`, e.message));
        }
    }
    /** Returns the length of the new text when the file changes, 0 when it is already canonical. */
    async processFile(filename) {
        const stdin = filename === '-';
        if (!stdin && !isHclFile(filename))
            throw new FmtError(`file ${filename} is not a HCL file`);
        // Packer turns diffs off for good once it has read stdin.
        if (stdin)
            this.showDiff = false;
        const src = stdin ? await readAll(this.io.stdin) : await this.readSource(filename);
        const { formatted, diags } = await formatConfig(src, filename);
        if (formatted === undefined)
            throw new FmtError(multiError(diags.filter((d) => d.severity === 'error')));
        if (src.equals(formatted)) {
            if (stdin)
                this.io.stdout.write(formatted);
            return 0;
        }
        if (!stdin)
            this.io.stdout.write(`${filename}\n`);
        if (this.opts.write) {
            if (stdin)
                this.io.stdout.write(formatted);
            else
                await writeFileAtomic(this.resolve(filename), formatted, filename);
        }
        if (this.showDiff) {
            try {
                this.io.stdout.write(await unifiedDiff(src, formatted, filename));
            }
            catch (e) {
                this.bytesModified += formatted.length;
                throw new FmtError(`failed to generate diff for ${filename}: ${e.message}`, { cause: e });
            }
        }
        return formatted.length;
    }
    async readSource(filename) {
        try {
            return await (0,promises_namespaceObject.readFile)(this.resolve(filename));
        }
        catch (e) {
            if (errnoCode(e) === 'EISDIR')
                throw new FmtError(`failed to read ${filename}: ${goError('read', filename, e)}`, { cause: e });
            throw new FmtError(`failed to open ${filename}: ${goError('open', filename, e)}`, { cause: e });
        }
    }
    resolve(p) {
        return external_node_path_namespaceObject.resolve(this.io.cwd, p);
    }
}
async function readAll(stream) {
    const chunks = [];
    for await (const chunk of stream)
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks);
}
/** go-multierror's text for a list of hcl.Diagnostic errors ("<range>: <summary>; <detail>"). */
function multiError(diags) {
    const points = diags.map((d) => `* ${d.subject ? formatRange(d.subject) : '%!s(<nil>)'}: ${d.summary}; ${d.detail ?? ''}`);
    if (points.length === 1)
        return `1 error occurred:\n\t${points[0]}\n\n`;
    return `${points.length} errors occurred:\n\t${points.join('\n\t')}\n\n`;
}

var __webpack_exports__runFmt = __webpack_exports__.x;
export { __webpack_exports__runFmt as runFmt };
