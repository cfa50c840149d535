import { validateGoTemplate } from '../../template/gotemplate/render.js';

/*
 * interpolate.Validate as plugins call it on their output path templates:
 * the text must parse as a Go template whose functions exist. `extraFuncs`
 * are the plugin's own template functions. (Packer's config decoding first
 * checks every string field the same way and reports "invalid '<field>': ...";
 * Kiln's decoding does not do that yet, so these checks are what catch it.)
 */

/** Go's parse error for `text`, or undefined when it parses. */
export function goTemplateProblem(text: string, extraFuncs: readonly string[] = []): string | undefined {
  return validateGoTemplate(text, extraFuncs)?.message;
}
