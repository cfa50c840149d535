import { z } from 'zod';
import { parseGoDuration } from './go-duration.js';

/**
 * A Go duration string ("5m", "1h30m") in HCL, milliseconds in the decoded
 * config. Invalid text fails with Go's time.ParseDuration message.
 */
export function duration() {
  return z.string().transform((text, ctx) => {
    const parsed = parseGoDuration(text);
    if (parsed.ok) return parsed.ms;
    ctx.issues.push({ code: 'custom', message: parsed.error, input: text });
    return z.NEVER;
  });
}
