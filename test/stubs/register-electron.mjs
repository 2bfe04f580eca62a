// Test-only loader hook: maps the bare specifier `electron` to test/stubs/electron.ts (run after `--import tsx`).
import { register } from 'node:module';
import { URL } from 'node:url';

const stubUrl = new URL('./electron.ts', import.meta.url).href;

// Inline hook module: it runs on the loader thread, and only ever rewrites this one specifier.
const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: ${JSON.stringify(stubUrl)}, format: 'module', shortCircuit: true };
  return next(specifier, context);
}
`;

register(`data:text/javascript,${encodeURIComponent(hooks)}`);
