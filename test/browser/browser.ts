import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { storageKeyFor } from '../../src/store/storageKey';
import { launchChromium } from './chromiumPath.mjs';
import { APP_BASE } from './globalSetup';

/** Where the app under APP_BASE keeps its saved state (the key names the course by its base path). */
export const APP_STORAGE_KEY = storageKeyFor(APP_BASE);

export interface PageProbe {
  page: Page;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
  /** Requests that went anywhere but the app's own origin. */
  foreign: string[];
}

// A lesson opened by its address first shows its prerendered copy (src/lesson/build/prerenderPlugin.ts),
// inert until the app replaces it. Playwright's getByRole and getByText still match inside an inert
// copy (a click waits, since nothing there can receive it): a test that reads the page waits first
// for something only the live page has (`.lesson-end`, `.prose[data-diagrams="done"]`, the shell
// without `inert`).

/**
 * One headless Chromium for a test file; `open()` gives a fresh context (fresh storage), closed when
 * the test ends.
 */
export function useBrowser() {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  // A test's pages are closed when it ends: left open, their workers (Monaco's, the sandbox's) would
  // keep competing for the CPU with every later test of the file.
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async open(
      baseUrl: string,
      options: {
        colorScheme?: 'light' | 'dark';
        viewport?: { width: number; height: number };
        bypassCSP?: boolean;
        /** 'block': no service worker (a page.route sees every request, none answered from its cache). */
        serviceWorkers?: 'allow' | 'block';
        /** Kept open until the file ends (a page opened in `beforeAll` for several tests). */
        shared?: boolean;
        /** false: the page as a browser without JavaScript (or before any script) shows it. */
        javaScriptEnabled?: boolean;
      } = {},
    ): Promise<PageProbe & { context: BrowserContext }> {
      if (!browser) throw new Error('browser not started');
      const context = await browser.newContext({
        colorScheme: options.colorScheme ?? 'light',
        viewport: options.viewport ?? { width: 1280, height: 900 },
        permissions: ['clipboard-read', 'clipboard-write'],
        // Only for injecting test tooling (axe-core) into a page whose CSP forbids inline script.
        bypassCSP: options.bypassCSP ?? false,
        serviceWorkers: options.serviceWorkers ?? 'allow',
        javaScriptEnabled: options.javaScriptEnabled ?? true,
      });
      if (!options.shared) contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      const foreign: string[] = [];
      const origin = new URL(baseUrl).origin;
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (r) => {
        const url = r.url();
        if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
      });
      return { page, context, errors, foreign };
    },
  };
}

/**
 * Presses Tab until the focused element matches `selector` (and, if given, its accessible text
 * matches `name`): the control is reachable by keyboard, in the page's own tab order.
 */
export async function tabTo(page: Page, selector: string, name?: RegExp, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate((sel) => {
      const el = document.activeElement as HTMLInputElement | null;
      if (!el?.matches(sel)) return undefined;
      return (el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? el.textContent ?? '').trim();
    }, selector);
    if (focused !== undefined && (!name || name.test(focused))) return;
  }
  throw new Error(`No ${selector}${name ? ` named ${name}` : ''} within ${max} presses of Tab`);
}
