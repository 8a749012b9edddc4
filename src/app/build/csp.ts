import { randomBytes } from 'node:crypto';
import type { Plugin } from 'vite';
import { PAGE_SCRIPT_SOURCES } from '../../sandbox/frame/bootstrap.ts';
import { themeBootHash } from './themeBoot.ts';

/**
 * The Content Security Policy of the app, as a <meta> tag (static hosting sets no headers), the
 * same in the build and under `npm run dev`. Only our own origin, for everything:
 * - script-src 'self': no third-party script, no eval on the page, and no inline script but the
 *   theme's boot script (themeBoot.ts), allowed by its hash: that one text and no other;
 * - style-src adds 'unsafe-inline' because Monaco and mermaid inject <style> elements and style
 *   attributes at run time (no script runs from a style);
 * - worker-src 'self' blob:: the sandbox, Monaco's workers and the service worker are our files;
 * - connect-src 'self': the page talks to nobody else (AWS calls never leave the sandbox worker).
 * - script-src also allows the sandboxed frame's bootstrap (by its hash) and blob: scripts: the
 *   learner's code runs as a blob: module in the frame's worker, which inherits this policy as well
 *   as the frame's own, stricter one (src/sandbox/frame/bootstrap.ts, src/sandbox/README.md).
 *
 * Dev adds exactly one thing: a nonce in script-src for the one inline script the dev server
 * writes (@vitejs/plugin-react's Fast Refresh preamble); Vite stamps it on its script tags
 * (`html.cspNonce`), fresh each time the server starts. Everything else dev needs is already
 * allowed: Vite's client and every module are same-origin scripts, its HMR WebSocket is
 * same-origin ('self' covers ws: to the page's own host and port), and it injects CSS as <style>.
 */
export function contentSecurityPolicy(nonce?: string, base = '/'): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...(nonce ? [`'nonce-${nonce}'`] : []), themeBootHash(base), ...PAGE_SCRIPT_SOURCES].join(
      ' ',
    ),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

export function cspPlugin(): Plugin {
  let nonce: string | undefined;
  let base = '/';
  return {
    name: 'secrets-lab-csp',
    config(_, { command, isPreview }) {
      if (command !== 'serve' || isPreview) return undefined;
      nonce = randomBytes(18).toString('base64');
      return { html: { cspNonce: nonce } };
    },
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(nonce, base) },
        injectTo: 'head-prepend',
      },
    ],
  };
}
