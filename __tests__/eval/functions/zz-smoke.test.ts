import { test } from 'vitest';
import { value, errorOf } from './library-helpers.js';
const exprs = process.env.EXPRS!.split('\n').filter(Boolean);
test('smoke', () => {
  for (const e of exprs) {
    let out: string;
    try { out = value(e).toString(); } catch { try { out = 'ERR ' + errorOf(e); } catch (x) { out = 'THROW ' + String(x).slice(0, 300); } }
    console.log(e, ' => ', out);
  }
});
