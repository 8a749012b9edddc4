import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { APP_STORAGE_KEY, type PageProbe, useBrowser } from './browser';
import { openInLab, resultText, runCode } from './editor';

// Issue 12's attacks, each as a hostile learner would type it on the production build. The tests
// share one page, as a learner going from one exercise to the next (a cold load of the lab per test
// costs CI seconds): each forged-grade test opens its exercise afresh through the app's own
// navigation and judges only the attempt its own run recorded; the network tests run one after the
// other in one exercise, each running everything it needs itself.

const appUrl = inject('appUrl');
const browser = useBrowser();

/** A server on another origin that records every request and WebSocket upgrade it receives. */
let listener: Server;
let listenerUrl = '';
const hits: string[] = [];
beforeAll(async () => {
  listener = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' });
    res.end('export default "reached the listener";');
  });
  listener.on('upgrade', (req, socket) => {
    hits.push(`UPGRADE ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const address = listener.address();
  listenerUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => listener.close(() => resolve())));

const hitsFor = (token: string) => hits.filter((h) => h.includes(token));

let probe: PageProbe;
beforeAll(async () => {
  probe = await browser.open(appUrl, { shared: true });
});

/** Opens the exercise afresh; answers the page and the attempts recorded for it so far. */
async function openLab(slug = 'read-db-credentials') {
  await openInLab(probe.page, appUrl, slug);
  return { page: probe.page, attempts: (await stored(probe.page, slug)).attempts };
}

/** What the store keeps for the exercise (localStorage is the store's persistence). */
function stored(page: Page, slug: string) {
  return page.evaluate(
    ({ s, key }) => {
      const raw = localStorage.getItem(key) ?? '{}';
      const progress = (
        JSON.parse(raw) as { state?: { exerciseProgress?: Record<string, { passed?: unknown; attempts?: number }> } }
      ).state?.exerciseProgress?.[s];
      return { passed: progress?.passed, attempts: progress?.attempts ?? 0, storedChars: raw.length };
    },
    { s: slug, key: APP_STORAGE_KEY },
  );
}

/**
 * What the store recorded for the exercise once this run is recorded (the lab records it after
 * drawing the result): a pass not recorded yet is no proof. `before`: the attempts before the run.
 */
async function recorded(page: Page, before: number, slug = 'read-db-credentials') {
  await expect
    .poll(async () => (await stored(page, slug)).attempts, { message: 'the run is recorded' })
    .toBeGreaterThan(before);
  return stored(page, slug);
}

describe('forged grades: learner code cannot make a check, a verdict or a recorded pass lie', () => {
  test('patching Array.prototype.every does not turn a failing run into a pass', async () => {
    const { page, attempts } = await openLab();
    await runCode(page, 'Array.prototype.every = function () { return true; };\nexport const nothing = 1;');
    const checks = await resultText(page, 'Checks');
    expect(checks, 'the checks ran and failed').toMatch(/Export the function/);
    expect(checks).not.toMatch(/All \d+ checks passed/);
    expect((await recorded(page, attempts)).passed).not.toBe(true);
    await page.getByRole('tab', { name: 'Solution' }).click();
    expect(await page.locator('.brief-panel').textContent()).toContain('The solution opens once your code passes');
  });

  test('patching Array.prototype.push does not flip check results', async () => {
    const { page, attempts } = await openLab();
    await runCode(
      page,
      [
        'const push = Array.prototype.push;',
        'Array.prototype.push = function (...items: any[]) {',
        "  for (const item of items) if (item && typeof item === 'object' && 'passed' in item) item.passed = true;",
        '  return push.apply(this, items);',
        '};',
        'export const nothing = 1;',
      ].join('\n'),
    );
    const checks = await resultText(page, 'Checks');
    expect(checks).not.toMatch(/All \d+ checks passed/);
    expect(checks).toMatch(/Export the function/);
    expect((await recorded(page, attempts)).passed).not.toBe(true);
  });

  test('hijacking Function.prototype.call cannot post a forged result, nor a 5 MB one', async () => {
    const { page, attempts } = await openLab();
    await runCode(
      page,
      [
        'const apply = Reflect.apply;',
        'let forged = false;',
        'Function.prototype.call = function (this: any, thisArg: any, ...args: any[]) {',
        '  const m = args[0];',
        "  if (!forged && m && typeof m === 'object' && 'runId' in m) {",
        '    forged = true;',
        "    const result = { ok: 'x'.repeat(5e6), passed: true, durationMs: 1, output: [], calls: [],",
        "      checks: [{ id: 'forged', title: 'Forged check', passed: true }], state: { version: 1, now: 0, accounts: {} }, now: 0 };",
        "    apply(this, thisArg, [{ type: 'done', runId: m.runId, result }]);",
        '  }',
        '  return apply(this, thisArg, args);',
        '} as any;',
        "console.log('trigger');",
        'export const nothing = 1;',
      ].join('\n'),
    );
    expect(await resultText(page, 'Output'), 'the code ran').toContain('trigger');
    const checks = await resultText(page, 'Checks');
    expect(checks, 'the real checks ran and failed').toMatch(/Export the function/);
    expect(checks).not.toContain('Forged check');
    const after = await recorded(page, attempts);
    expect(after.passed).not.toBe(true);
    expect(after.storedChars).toBeLessThan(100_000);
  });

  test("requests dressed as the checks' own are still counted as the learner's", async () => {
    const { page, attempts } = await openLab('ttl-cache');
    // No cache at all: every request after the first is marked as if a check had made it.
    await runCode(
      page,
      [
        "import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';",
        'const client = new SecretsManagerClient({});',
        'let sent = 0;',
        'client.middlewareStack.add((next: any) => (args: any) => {',
        "  if (sent++ > 0) args.request.headers['x-secrets-lab-source'] = 'check';",
        '  return next(args);',
        "}, { step: 'build' });",
        'export async function getDbCredentials() {',
        "  const out = await client.send(new GetSecretValueCommand({ SecretId: 'pettracker/dev/db-credentials' }));",
        "  return JSON.parse(out.SecretString ?? '{}');",
        '}',
      ].join('\n'),
    );
    expect(await resultText(page, 'Checks')).toMatch(/GetSecretValue was called \d+ times in one 5-minute window/);
    expect((await recorded(page, attempts, 'ttl-cache')).passed).not.toBe(true);
  });
});

describe('nothing leaves the box, during or after a run', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await openLab());
  }, 120_000);

  test('WebSocketStream reaches nobody', async () => {
    await runCode(
      page,
      [
        `const ws = new (globalThis as any).WebSocketStream('${listenerUrl.replace('http', 'ws')}/wss-during');`,
        "await ws.opened.then(() => console.log('opened'), (e: any) => console.log('refused', e?.name));",
      ].join('\n'),
    );
    expect(await resultText(page, 'Output'), 'the sandbox stopped it').toContain(
      'Network access is blocked in the sandbox: WebSocketStream',
    );
    expect(hitsFor('wss-during')).toEqual([]);
  });

  test("an eval'd import() of another origin's module is refused", async () => {
    await runCode(page, `await (0, eval)('import("${listenerUrl}/eval-import.js")');\nconsole.log('imported');`);
    const out = await resultText(page, 'Output');
    expect(out, 'the code ran and was stopped').toMatch(/EvalError|refused/);
    expect(out).not.toContain('imported');
    expect(hitsFor('eval-import')).toEqual([]);
  });

  test('data: and blob: modules cannot reach the network either', async () => {
    const inner = (token: string) =>
      `import("${listenerUrl}/${token}.js").then(() => console.log("${token} reached"));`;
    await runCode(
      page,
      [
        `const fromData = 'data:text/javascript,' + encodeURIComponent(${JSON.stringify(inner('from-data'))});`,
        "await import(/* sandbox */ fromData).catch((e: any) => console.log('data import refused', e?.name));",
        `const blob = new Blob([${JSON.stringify(inner('from-blob'))}], { type: 'text/javascript' });`,
        "await (0, eval)('u => import(u)')(URL.createObjectURL(blob)).catch((e: any) => console.log('blob import refused', e?.name));",
        "await (0, eval)('u => import(u)')(fromData).catch((e: any) => console.log('eval data import refused', e?.name));",
        'await new Promise((r) => setTimeout(r, 300));',
      ].join('\n'),
    );
    const out = await resultText(page, 'Output');
    expect(out, 'the code ran').toMatch(/refused/);
    expect(out).not.toMatch(/from-(data|blob) reached/);
    expect(hitsFor('from-data')).toEqual([]);
    expect(hitsFor('from-blob')).toEqual([]);
  });

  test("the app's own files (the checks' source, the fixture) can be neither named nor loaded", async () => {
    const assets = path.resolve(__dirname, '../../node_modules/.cache/browser-test/app/assets');
    const checksChunk = readdirSync(assets).find(
      (f) => f.endsWith('.js') && readFileSync(path.join(assets, f), 'utf8').includes('no-password-in-logs'),
    );
    expect(checksChunk, 'the build has a chunk with the checks').toBeDefined();
    await runCode(
      page,
      [
        // Each attempt in its own try, so one refused does not spare the others from being tried.
        'const perf = performance as any;',
        "console.log('entries:', typeof perf.getEntriesByType === 'function' ? perf.getEntriesByType('resource').map((e: any) => e.name).join(' ') : 'none');",
        'try {',
        `  const m: any = await (0, eval)('import("${appUrl}/assets/${checksChunk}")');`,
        "  console.log('loaded the checks:', JSON.stringify(m.default ?? Object.keys(m)));",
        "} catch (e: any) { console.log('import refused', e?.name); }",
        'try {',
        `  console.log('read the app:', (await (await fetch('${appUrl}/index.html')).text()).length);`,
        "} catch (e: any) { console.log('fetch refused', e?.name); }",
      ].join('\n'),
    );
    const out = await resultText(page, 'Output');
    // Every attempt was made (a run stopped at its first line proves nothing).
    expect(out).toContain('entries:');
    expect(out).toContain('import refused');
    expect(out).toContain('fetch refused');
    expect(out).not.toContain('/assets/');
    expect(out).not.toContain('loaded the checks');
    expect(out).not.toContain('read the app');
    expect(out).not.toContain('no-password-in-logs');
  });

  test('a timer left behind reaches nothing after the run: the learner worker is gone', async () => {
    const token = `late-${Date.now()}`;
    await runCode(
      page,
      [
        // One line: the editor adds nothing to it as it is typed.
        [
          'setTimeout(() => {',
          `fetch('${listenerUrl}/${token}-fetch').catch(() => undefined);`,
          `try { const x = new XMLHttpRequest(); x.open('GET', '${listenerUrl}/${token}-xhr'); x.send(); } catch {}`,
          `try { new EventSource('${listenerUrl}/${token}-es'); } catch {}`,
          `try { new WebSocket('${listenerUrl.replace('http', 'ws')}/${token}-ws'); } catch {}`,
          `(0, eval)('import("${listenerUrl}/${token}-import.js")').catch(() => undefined);`,
          '}, 200);',
        ].join(' '),
        "console.log('scheduled');",
      ].join('\n'),
    );
    expect(await resultText(page, 'Output')).toContain('scheduled');
    // Another run comes and goes: long after the timer was due.
    await runCode(page, "await new Promise((r) => setTimeout(r, 1500));\nconsole.log('second run');");
    expect(await resultText(page, 'Output')).toContain('second run');
    expect(hitsFor(token)).toEqual([]);
  });

  test('OPFS, Storage Buckets and Web Locks are not there: nothing survives into the next run', async () => {
    const probe = [
      'const nav = navigator as any;',
      "console.log('storage:', typeof nav.storage?.getDirectory, 'buckets:', typeof nav.storageBuckets, 'locks:', typeof nav.locks);",
      'try {',
      '  const dir = await nav.storage.getDirectory();',
      '  const names: string[] = []; for await (const name of dir.keys()) names.push(name);',
      "  console.log('found:', names.join(',') || 'nothing');",
      "  await dir.getFileHandle('learner-was-here', { create: true });",
      "  nav.locks?.request('held-by-learner', () => new Promise(() => {}));",
      "} catch (e: any) { console.log('refused:', e?.name); }",
    ].join('\n');
    await runCode(page, probe);
    await runCode(page, probe);
    const out = await resultText(page, 'Output');
    expect(out).toContain('storage: undefined buckets: undefined locks: undefined');
    expect(out).not.toContain('learner-was-here');
  });
});
