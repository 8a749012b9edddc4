import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** The sandbox worker's build resolves `tough-cookie` to the cookie-less stand-in beside this file. */
export function noCookiesPlugin(): Plugin {
  const stub = fileURLToPath(new URL('./noCookies.ts', import.meta.url));
  return {
    name: 'secrets-lab:no-cookies',
    enforce: 'pre',
    resolveId(id) {
      return id === 'tough-cookie' ? stub : undefined;
    },
  };
}
