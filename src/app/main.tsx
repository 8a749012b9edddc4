// First: every module below may build zod schemas, and none may probe eval (the CSP forbids it).
import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Router } from 'wouter';
import { App } from './App';
import './styles.css';
import { preloadLessonAssets } from '../lesson/preload';
import { appPath, BASE } from '../ui/basePath';

// A page opened directly starts what it will need before React has even rendered: a lesson its
// diagram renderer, an exercise its sandbox worker (the lab's own chunks load meanwhile).
const path = appPath(window.location.pathname) ?? '/';
preloadLessonAssets(path);
if (/^\/lab\/./.test(path)) import('../lab/runnerInstance').then(({ runner }) => runner.warm()).catch(() => undefined);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Router base={BASE}>
      <App />
    </Router>
  </StrictMode>,
);
