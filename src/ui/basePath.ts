/**
 * Where the app lives on its host: "" at the root of a domain, "/secrets-lab" under a project path
 * (`npm run build -- --base /secrets-lab/`). The router takes it as its base, so every route, link
 * and `navigate()` in the app is written from the app's root ("/lab") and works under any base.
 */
export const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

/** The app's own path for a path of this site ("/secrets-lab/lab/x" → "/lab/x"), or undefined outside the app. */
export function appPath(pathname: string): string | undefined {
  if (!BASE) return pathname;
  if (pathname === BASE) return '/';
  return pathname.startsWith(`${BASE}/`) ? pathname.slice(BASE.length) : undefined;
}
