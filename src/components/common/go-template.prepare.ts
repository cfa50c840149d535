import { validateGoTemplate } from '../../template/gotemplate/render.js';

/*
 * interpolate.Validate as plugins call it on their output path templates:
 * the text must parse as a Go template whose functions exist. `extraFuncs`
 * are the plugin's own template functions. Config decoding has already checked
 * every string the same way ("invalid '<field>': ..." from
 * schema/render-templates.ts), so these checks see text that parses unless a
 * plugin builds a template itself or validates one that decoding left alone.
 */

/** Go's parse error for `text`, or undefined when it parses. */
export function goTemplateProblem(text: string, extraFuncs: readonly string[] = []): string | undefined {
  return validateGoTemplate(text, extraFuncs)?.message;
}
