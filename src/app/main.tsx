// First: every module below may build zod schemas, and none may probe eval (the CSP forbids it).
import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Router } from 'wouter';
import { App } from './App';
import './styles.css';
import { loadLessonForReading, preloadLessonAssets } from '../lesson/preload';
import { appPath, BASE } from '../ui/basePath';

// A prerendered lesson is a file, lessons/<slug>.html, which a host also serves at that address: the
// app's own address for it has no ".html" (the router would find no such lesson).
const file = window.location.pathname.match(/^(.*\/lessons\/[^/]+)\.html$/);
if (file?.[1]) history.replaceState(history.state, '', `${file[1]}${window.location.search}${window.location.hash}`);

// A page opened directly starts what it will need before React has even rendered: a lesson its
// diagram renderer, an exercise its sandbox worker (the lab's own chunks load meanwhile).
const path = appPath(window.location.pathname) ?? '/';
preloadLessonAssets(path);
if (/^\/lab\/./.test(path)) import('../lab/runnerInstance').then(({ runner }) => runner.warm()).catch(() => undefined);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const start = () =>
  createRoot(root).render(
    <StrictMode>
      <Router base={BASE}>
        <App />
      </Router>
    </StrictMode>,
  );
// A lesson's prerendered page (src/lesson/build/prerenderPlugin.ts) stays on screen until the app
// can show the same lesson, text and drawings, in its first render, which replaces it: no
// "Loading" in between. The text failing to load, the app starts and says so; the text not
// arriving (a stalled request), the app starts anyway after TAKEOVER_WAIT_MS and shows its own
// "Loading lesson…", since the copy is inert: nothing in it answers a click.
const TAKEOVER_WAIT_MS = 3000;
const prerendered = root.dataset.prerendered;
if (prerendered) {
  delete root.dataset.prerendered;
  let started = false;
  const startOnce = () => {
    if (started) return;
    started = true;
    start();
  };
  loadLessonForReading(prerendered).then(startOnce, startOnce);
  setTimeout(startOnce, TAKEOVER_WAIT_MS);
} else start();
