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
  E: () => (/* binding */ runMergeManifests)
});

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./build/core/go-json.js
/*
 * Go's json.MarshalIndent(v, "", "  ") for plain JSON data: the same text as
 * JSON.stringify with two-space indent, plus Go's HTML-safe escapes. Files
 * Packer writes this way (the manifest) stay byte-identical.
 */
const escapes = {
    '<': '\\u003c',
    '>': '\\u003e',
    '&': '\\u0026',
    '\u2028': '\\u2028',
    '\u2029': '\\u2029',
};
function goJsonIndent(value) {
    return JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => escapes[c] ?? c);
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
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
function quote_goQuote(s) {
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
function errorDiag(summary, detail, subject, context) {
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

;// CONCATENATED MODULE: ./build/cli/merge-manifests.js




/*
 * `kiln merge-manifests OUT IN...` (Kiln's own): joins manifests in Packer's
 * manifest post-processor format ({"builds":[...],"last_run_uuid":"..."}),
 * typically one per matrix job of a distributed build, into OUT. Build entries
 * are kept as written, in argument order; last_run_uuid is that of the last
 * input that has one. OUT is written as Packer writes a manifest.
 */
const help = `Usage: kiln merge-manifests OUT IN...

  Joins the builds of Packer manifest files IN... into the manifest OUT,
  for example the manifests of the jobs of a matrix build. OUT may be one
  of the inputs.`;
async function runMergeManifests(args, io) {
    if (helpRequested(args)) {
        io.stdout.write(`${help}\n`);
        return 0;
    }
    const [out, ...inputs] = args;
    if (out === undefined || inputs.length === 0) {
        io.stdout.write(`${help}\n`);
        return 1;
    }
    const builds = [];
    let lastRunUuid = '';
    for (const input of inputs) {
        let manifest;
        try {
            manifest = await readManifest((0,external_node_path_namespaceObject.resolve)(io.cwd, input), input);
        }
        catch (error) {
            io.stdout.write(`Error: ${error.message}\n`);
            return 1;
        }
        builds.push(...manifest.builds);
        if (manifest.lastRunUuid !== '')
            lastRunUuid = manifest.lastRunUuid;
    }
    try {
        await (0,promises_namespaceObject.writeFile)((0,external_node_path_namespaceObject.resolve)(io.cwd, out), goJsonIndent({ builds, last_run_uuid: lastRunUuid }));
    }
    catch (error) {
        io.stdout.write(`Error: Unable to write ${out}: ${error.message}\n`);
        return 1;
    }
    io.stdout.write(`Merged ${builds.length} build(s) from ${inputs.length} manifest(s) into ${out}\n`);
    return 0;
}
async function readManifest(path, shown) {
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)(path, 'utf8');
    }
    catch (error) {
        throw new Error(`Unable to open ${shown} for reading: ${error.message}`, { cause: error });
    }
    // The manifest post-processor treats an empty file as an empty manifest.
    if (text.trim() === '')
        return { builds: [], lastRunUuid: '' };
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`Unable to parse content from ${shown}: ${error.message}`, { cause: error });
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new Error(`Unable to parse content from ${shown}: not a manifest object`);
    }
    const { builds, last_run_uuid: uuid } = parsed;
    if (builds != null && !Array.isArray(builds)) {
        throw new Error(`Unable to parse content from ${shown}: "builds" is not a list`);
    }
    return { builds: builds ?? [], lastRunUuid: typeof uuid === 'string' ? uuid : '' };
}

var __webpack_exports__runMergeManifests = __webpack_exports__.E;
export { __webpack_exports__runMergeManifests as runMergeManifests };
