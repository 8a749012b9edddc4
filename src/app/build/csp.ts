import type { Plugin } from 'vite';

/**
 * The Content Security Policy of the built app, as a <meta> tag (static hosting sets no headers).
 * Only our own origin, for everything:
 * - script-src 'self': no inline or third-party script, no eval on the page;
 * - style-src adds 'unsafe-inline' because Monaco and mermaid inject <style> elements and style
 *   attributes at run time (no script runs from a style);
 * - worker-src 'self' blob:: the sandbox, Monaco's workers and the service worker are our files;
 * - connect-src 'self': the page talks to nobody else (AWS calls never leave the sandbox worker).
 * The sandbox worker is a separate context that a <meta> policy does not reach; there `fetch` is
 * answered by the emulator alone and every other way out is removed (src/sandbox/network.ts,
 * hardenWorker.ts). Dev mode has no policy (Vite's client injects inline code).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
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

export function cspPlugin(): Plugin {
  return {
    name: 'secrets-lab-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}
