import { appPath } from './basePath';

/**
 * The router path a click on this link should go to, or undefined when the browser should handle
 * it as usual: a link to another origin (`https://…`, a protocol-relative `//host/…`), outside the
 * app's base path, a `#heading` on this page, a new tab or window (modifier keys, `target`), or a
 * download. Only same-origin paths under the base go through the router: pushing any other URL
 * into the history throws.
 */
export function inAppPath(link: HTMLAnchorElement, event: MouseEvent | React.MouseEvent): string | undefined {
  if (event.defaultPrevented || event.button !== 0) return undefined;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return undefined;
  if ((link.target && link.target !== '_self') || link.hasAttribute('download')) return undefined;
  const href = link.getAttribute('href');
  if (!href || href.startsWith('#')) return undefined;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin) return undefined;
  // The router's paths start at the base path ("/" or "/secrets-lab/").
  const path = appPath(url.pathname);
  return path === undefined ? undefined : `${path}${url.search}${url.hash}`;
}
