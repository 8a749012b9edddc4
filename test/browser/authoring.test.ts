import { spawn } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { contentSecurityPolicy } from '../../src/app/build/csp';
import { useBrowser } from './browser';
import { ADDED_LESSON, copyFixtureCourse } from './globalSetup';

const root = path.resolve(__dirname, '../..');
const browser = useBrowser();
const appUrl = inject('appUrl');
// The fixture course is an author's course outside the project (`copyFixtureCourse`): its build,
// served by the global setup, is what `npm run build -- --content ../my-course` makes of it.
const url = inject('fixtureUrl');
// The dev server below edits files: it gets a copy of its own, with the fixture's deliberately
// broken diagram mended (the dev server refuses it), so the only errors are the ones the test writes.
let copy: string;

beforeAll(async () => {
  copy = await copyFixtureCourse();
  const broken = path.join(copy, 'lessons/broken-diagram.md');
  await writeFile(broken, (await readFile(broken, 'utf8')).replace('  A -->\n', '  A --> B\n'));
});

afterAll(async () => {
  if (copy) await rm(copy, { recursive: true, force: true });
});

test('a lesson file added to a course outside the project appears in the outline of the built app, last, and opens', async () => {
  const { page, errors } = await browser.open(url);
  await page.goto(url);
  const outline = page.getByRole('navigation', { name: 'Course outline' });
  const entries = outline.locator('ol[aria-labelledby="outline-lessons"] > li > a');
  await entries.first().waitFor();
  const titles = await entries.allTextContents();
  expect(titles.at(-1)).toContain(ADDED_LESSON.title);
  await outline.getByRole('link', { name: ADDED_LESSON.title }).click();
  await page.waitForURL(new RegExp(`/lessons/${ADDED_LESSON.slug}$`));
  await expect.poll(() => page.locator('h1').textContent()).toBe(ADDED_LESSON.title);
  // The title comes with the outline; the body is the lesson's own chunk, drawn a moment later.
  await expect.poll(() => page.locator('#a-first-section').count()).toBe(1);
  expect(errors).toEqual([]);
});

test('the instructor preview lists every lesson, question and exercise with its status', async () => {
  const { page, errors } = await browser.open(url);
  const row = (table: string, key: string) =>
    page.getByRole('table', { name: table }).locator(`tr[data-slug="${key}"], tr[data-id="${key}"]`);
  // The author's course: the added lesson has no question yet, a warning, not an error.
  await page.goto(`${url}/instructor`);
  await page.getByRole('heading', { name: 'Content preview' }).waitFor();
  const added = row('Lessons', ADDED_LESSON.slug);
  expect(await added.locator('.badge-warning').textContent()).toBe('1 warning');
  await added.locator('summary').click();
  expect(await added.locator('.status-warnings li').textContent()).toContain('No quiz question links to this lesson');
  expect(await row('Exercises', 'read-db-credentials').count()).toBe(1);
  // The real course, in the same tab's browser: every question with the lesson heading it links.
  await page.goto(`${appUrl}/instructor`);
  await page.getByRole('heading', { name: 'Content preview' }).waitFor();
  expect(await row('Lessons', 'rotation').locator('.status-valid').textContent()).toBe('valid');
  expect(await page.getByRole('table', { name: 'Questions' }).locator('tbody tr').count()).toBeGreaterThanOrEqual(80);
  expect(await row('Questions', 'cache-module-scope').locator('td').nth(3).textContent()).toBe(
    'caching-secrets#an-in-process-ttl-cache',
  );
  expect(await page.getByRole('table', { name: 'Exercises' }).locator('tbody tr').count()).toBeGreaterThanOrEqual(6);
  expect(errors).toEqual([]);
});

test('a lesson link to another host (even protocol-relative) opens apart from the page, and never throws on click', async () => {
  // Prepare: the fixture lesson links `//example.invalid/secrets`; the host answers from the test.
  const { page, context, errors } = await browser.open(url);
  await context.route(/^https?:\/\/example\.invalid\//, (r) =>
    r.fulfill({ contentType: 'text/html', body: 'elsewhere' }),
  );
  await page.goto(`${url}/lessons/first-steps`);
  const away = page.locator('.prose a', { hasText: 'on another host' });
  expect(await away.getAttribute('target')).toBe('_blank');
  // Act: a click opens a new tab, with no hold on this one.
  const [tab] = await Promise.all([context.waitForEvent('page'), away.click()]);
  await tab.waitForLoadState();
  // Assess
  expect(tab.url()).toBe('http://example.invalid/secrets');
  expect(await tab.evaluate(() => window.opener)).toBeNull();
  expect(page.url()).toBe(`${url}/lessons/first-steps`);
  // Without its target (HTML from elsewhere), the router still leaves another origin to the browser.
  await away.evaluate((a) => a.removeAttribute('target'));
  await Promise.all([page.waitForURL('http://example.invalid/secrets'), away.click()]);
  expect(errors).toEqual([]);
});

async function runAndCount(page: Page): Promise<string | null> {
  await page.getByRole('button', { name: '▶ Run' }).click();
  await page.getByRole('button', { name: '▶ Run' }).waitFor({ timeout: 20_000 });
  await page.getByRole('tab', { name: /Checks/ }).click();
  return page.locator('.checks-summary').textContent();
}

test('an exercise opens from the preview with its solution loaded, passes, and leaves no draft behind', async () => {
  const { page } = await browser.open(url);
  await page.goto(`${url}/instructor`);
  await page.getByRole('link', { name: /With the solution\s*:\s*Read the database credentials/ }).click();
  await page.waitForURL(/\/lab\/read-db-credentials\?solution=1$/);
  await page.locator('.monaco-editor').waitFor({ timeout: 30_000 });
  expect(await page.getByRole('note').filter({ hasText: 'Solution loaded' }).count()).toBe(1);
  expect(await runAndCount(page)).toMatch(/^All \d+ checks passed/);
  // Without the parameter, the learner's editor still starts from the starter: nothing was saved.
  await page.goto(`${url}/lab/read-db-credentials`);
  await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
  await expect.poll(() => page.locator('.monaco-editor .view-lines').textContent()).toMatch(/TODO\s1/);
  await page.goto(`${url}/lab`);
  const card = page.locator('.card-link').filter({ hasText: 'Read the database credentials' });
  expect(await card.textContent()).not.toContain('passed');
});

test('npm run dev on a course outside the project, under a base path and the same CSP as the build: a content error shows an overlay naming file and line, and the fix updates the open page', {
  timeout: 240_000,
}, async () => {
  // Started as an author does, `npm run dev -- --content <course> --base <path>`, on a free port.
  const dev = spawn(process.execPath, ['scripts/vite.mjs', '--content', copy, '--base', '/my-course/', '--port', '0'], {
    cwd: root,
    env: { ...process.env, SECRETS_LAB_CONTENT: undefined, NO_COLOR: '1' },
  });
  try {
    const devUrl = await new Promise<string>((resolve, reject) => {
      let out = '';
      const seen = (chunk: Buffer) => {
        out += chunk.toString();
        const local = out.match(/Local:\s+(http:\/\/\S+)/)?.[1];
        if (local) resolve(local.replace(/\/$/, ''));
      };
      dev.stdout.on('data', seen);
      dev.stderr.on('data', seen);
      dev.on('exit', (code) => reject(new Error(`npm run dev exited (${code}): ${out}`)));
    });
    expect(devUrl).toMatch(/\/my-course$/);
    // The course's exercise checks are served from outside the project (Vite refuses such files
    // unless --content named their folder), every import resolved from here.
    const checks = await fetch(`${devUrl}/@fs${path.join(copy, 'exercises/read-db-credentials/checks.ts')}`);
    const checksCode = await checks.text();
    expect(checks.status, checksCode).toBe(200);
    expect(checksCode).not.toMatch(/from ['"]@(aws-sdk|lab)\//);
    const { page } = await browser.open(devUrl);
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    // The dev server compiles modules on first request: slower than a build to load.
    await page.goto(`${devUrl}/lessons/first-steps`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.locator('h1').waitFor({ timeout: 120_000 });
    // The same policy as the build, plus a nonce for the dev server's one inline script (Fast Refresh);
    // the theme script it allows by its hash is the one for this base (its storage key).
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy?.replace(/ 'nonce-[^']+'/, '')).toBe(contentSecurityPolicy(undefined, '/my-course/'));
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'[^;]*;/);
    // It is enforced: an inline script without the nonce does not run.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.head.append(script);
    });
    expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
    const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    await expect.poll(violations).toEqual(['script-src-elem inline']);
    const file = path.join(copy, 'lessons/first-steps.md');
    const text = await readFile(file, 'utf8');
    // Two mistakes in one file: a value out of range and, at the end, a diagram that does not parse.
    await writeFile(
      file,
      `${text.replace('domain: 2', 'domain: 9')}\n\`\`\`mermaid\nflowchart LR\n  A[PetTracker --> B\n\`\`\`\n`,
    );
    const overlay = page.locator('vite-error-overlay');
    await overlay.waitFor({ state: 'attached', timeout: 60_000 });
    const shown = await overlay.evaluate((el) => ({
      file: el.shadowRoot?.querySelector('.file')?.textContent,
      message: el.shadowRoot?.querySelector('.message-body')?.textContent,
      frame: el.shadowRoot?.querySelector('.frame')?.textContent,
      stack: el.shadowRoot?.querySelector('.stack')?.textContent ?? '',
    }));
    expect(shown.file).toBe(`${file}:5:1`);
    // Every problem of the file, in the author's terms, and none of our stack frames.
    expect(shown.message).toContain(
      'lessons/first-steps.md:5:1  domain: 9 is out of range: expected whole number, 1–4',
    );
    expect(shown.message).toMatch(
      /lessons\/first-steps\.md:\d+:\d+ {2}Diagram line 2 "A\[PetTracker --> B": mermaid expects one of "\]"/,
    );
    expect(shown.stack).not.toMatch(/\bat\s/);
    expect(shown.frame).toContain('> 5 | domain: 9');
    await writeFile(file, text.replace('title: First steps', 'title: First steps, edited live'));
    await page.waitForFunction(
      () => document.querySelector('h1')?.textContent === 'First steps, edited live',
      undefined,
      { timeout: 60_000 },
    );
    expect(await overlay.count()).toBe(0);
    // Hot reload, the overlay and the page itself needed nothing the policy refuses.
    expect(await violations()).toEqual([]);
  } finally {
    dev.kill();
  }
});
