import type { Page } from 'playwright-core';
import { bank } from '../../src/course/questions';
import { toProgressFile } from '../../src/store/progressFile';
import { type AppState, defaultState } from '../../src/store/state';

/**
 * Visits every page a learner can reach, each reached as a learner would (the quiz's modes by
 * their own buttons), and calls `check` once each page shows. Lessons and exercises come from
 * the app's own outline, so a new one is visited without editing this list.
 *
 * One cold load, then in-app navigation (the router follows `history.pushState`, as its own links
 * do): forty cold loads of the app would cost CI minutes. Between two pages the app passes through
 * its "not found" page, so every page mounts afresh and its own ready state can be awaited.
 */
export async function everyPage(page: Page, appUrl: string, check: (name: string) => Promise<void>): Promise<string[]> {
  // The app is served under a project path ("/secrets-lab"): its links and history entries carry it.
  const base = new URL(appUrl).pathname.replace(/\/$/, '');
  const visited: string[] = [];
  const visit = async (name: string) => {
    await check(name);
    visited.push(name);
  };
  await page.goto(`${appUrl}/`);
  await page.locator('main h1').first().waitFor({ timeout: 60_000 });
  // (On a phone the outline is folded away: its links are read all the same.)
  const links = (prefix: string) =>
    page
      .locator(`#sidebar .outline-list a[href^="${base}${prefix}"]`)
      .evaluateAll((as, at) => as.map((a) => (a.getAttribute('href') ?? '').slice(at)), base.length);
  const lessons = await links('/lessons/');
  const exercises = await links('/lab/');
  if (lessons.length < 10 || exercises.length < 8) throw new Error('the outline lists too few lessons or exercises');

  const routes = [
    '/',
    ...lessons,
    '/lab',
    ...exercises,
    '/quiz',
    '/quiz/exam',
    '/quiz/review',
    '/quiz/history',
    '/progress',
    '/readiness',
    '/instructor',
    '/no-such-page',
  ];
  for (const route of routes) {
    await go(page, base, '/no-such-page');
    await go(page, base, route);
    if (route.startsWith('/lessons/')) await page.waitForSelector('.prose[data-diagrams="done"]', { timeout: 60_000 });
    if (route.startsWith('/lab/')) await page.locator('.monaco-editor').waitFor({ timeout: 60_000 });
    await visit(route);
  }

  // The instructor's class report with students' files loaded through the page's own file input.
  await go(page, base, '/instructor');
  await page.getByLabel('Choose files…').setInputFiles(classFiles());
  await page.getByTestId('class-summary').waitFor();
  await visit('/instructor (class report)');

  // The quiz in use: a practice session, its results, and a timed exam under way.
  await go(page, base, '/quiz');
  await page.getByRole('button', { name: /^Start practice/ }).click();
  await page.waitForURL(/\/quiz\/practice$/);
  await page.getByRole('heading', { level: 2, name: /^Question 1 of/ }).waitFor();
  await visit('/quiz/practice (a question)');
  await page.getByRole('button', { name: 'Finish now' }).click();
  await page.waitForURL(/\/quiz\/results\//);
  await page.locator('main h1').first().waitFor();
  await visit('/quiz/results/…');
  await go(page, base, '/quiz/exam');
  await page.getByRole('button', { name: /^Start the exam/ }).click();
  await page.getByRole('heading', { level: 2, name: /^Question 1 of/ }).waitFor();
  await visit('/quiz/exam (under way)');
  return visited;
}

/** Goes to an in-app path (under the app's base) as the app's links do, and waits for that page's heading. */
export async function go(page: Page, base: string, path: string): Promise<void> {
  await page.evaluate((to) => history.pushState(null, '', to), `${base}${path}`);
  const notFound = path === '/no-such-page';
  await page.waitForFunction(
    (nf) => {
      const h1 = document.querySelector('main h1');
      return !!h1 && (h1.textContent === 'Page not found') === nf;
    },
    notFound,
    { timeout: 60_000 },
  );
}

/**
 * Progress files as "Export progress" writes them, for the class report: students who answered
 * questions (one with a name that is a single long word), one who has not started, and a file
 * that is refused, named with a long word too (names must wrap, not widen the page).
 */
function classFiles() {
  const now = new Date();
  const file = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  const progress = (state: Partial<AppState>, name?: string) =>
    JSON.stringify(toProgressFile({ ...defaultState(), ...state }, now, name));
  const answered = (n: number) =>
    Object.fromEntries(bank.slice(0, n).map((q, i) => [q.id, { correct: i % 3 !== 0, at: now.getTime() }]));
  return [
    file('ana.json', progress({ questionResults: answered(40) }, 'Ana')),
    file('b.json', progress({ questionResults: answered(12) }, 'W'.repeat(60))),
    file('c.json', progress({}, 'Not Started Yet')),
    file(`${'Q'.repeat(120)}.json`, 'not a progress file'),
  ];
}
