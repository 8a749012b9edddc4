import type { Browser } from 'playwright-core';

/**
 * Launches the headless Chromium the build draws and prerenders lessons with (the browser tests'
 * own: test/browser/chromiumPath.mjs), or says why it cannot: the build then goes on without it.
 * playwright-core is loaded only here, so a build without it still builds.
 */
export async function buildChromium(
  /** Where Chromium is (found as the tests find it when not given; null: there is none). */
  chromiumPath?: string | null,
): Promise<{ browser: Browser } | { why: string; howToInstall?: string }> {
  const tools = await Promise.all([import('playwright-core'), import('../../../test/browser/chromiumPath.mjs')]).catch(
    (e: unknown) => ({ why: e instanceof Error ? e.message : String(e) }),
  );
  if ('why' in tools) return tools;
  const [{ chromium }, { CHROMIUM_ARGS, findChromium, HOW_TO_INSTALL }] = tools;
  const executablePath = chromiumPath === undefined ? findChromium() : chromiumPath;
  if (!executablePath) return { why: 'no Chromium', howToInstall: HOW_TO_INSTALL };
  try {
    return { browser: await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS }) };
  } catch (e) {
    return { why: `Chromium at ${executablePath} did not start: ${e}` };
  }
}
