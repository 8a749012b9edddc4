// First: every module below may build zod schemas, and none may probe eval (the CSP forbids it).
import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Router } from 'wouter';
import { App } from './App';
import './styles.css';
import { loadLessonForReading, preloadLessonAssets } from '../lesson/preload';
import { appPath, BASE } from '../ui/basePath';

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
// "Loading" in between. (The text failing to load: the app starts and says so.)
const prerendered = root.dataset.prerendered;
if (prerendered) {
  delete root.dataset.prerendered;
  loadLessonForReading(prerendered).then(start, start);
} else start();
