/**
 * Stands in for `tough-cookie` in the sandbox worker's build only (see `noCookiesPlugin.ts`).
 * msw's handlers look up cookies for every request; AWS JSON calls and the Lambda extension use
 * none, and the emulator never sets one, so the worker keeps none and saves tough-cookie's public
 * suffix list (tldts, about 110 KB gzip). Only what msw's cookie store touches is here.
 */
export class Cookie {
  key = '';
  value = '';
  static fromJSON(_json: unknown): Cookie | null {
    return null;
  }
}

export class MemoryCookieStore {
  idx: Record<string, unknown> = {};
}

export class CookieJar {
  getCookiesSync(_url: string): Cookie[] {
    return [];
  }
  async setCookie(_cookie: string, _url: string): Promise<void> {}
}
