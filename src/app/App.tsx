import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { LessonPage } from '../lesson/LessonPage';
import { Outline } from '../lesson/Outline';
import { Search } from '../lesson/Search';
import { StorageNotices } from '../progress/StorageNotices';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { useApplyTheme } from '../ui/theme';
import { Home } from './Home';
import { ThemeToggle } from './ThemeToggle';
import { TopNav } from './TopNav';

// The lab (Monaco, the sandbox) loads only on its own routes.
const LabIndex = lazy(() => import('../lab/LabIndex'));
const LabPage = lazy(() => import('../lab/LabPage'));
// The quiz (bank, engine, ts-fsrs) loads only on /quiz routes.
const QuizRoutes = lazy(() => import('../quiz/views/QuizRoutes').then((m) => ({ default: m.QuizRoutes })));
// The instructor preview (every lesson, question and exercise with its status) loads only on its route.
const InstructorPage = lazy(() => import('../instructor/InstructorPage'));

import { BrandMark } from './BrandMark';
import { ServiceWorkerHost } from './pwa/ServiceWorkerHost';

// What is stored, export / import, reset: loads only on its route.
const ProgressPage = lazy(() => import('../progress/ProgressPage'));
// "Am I ready?": readiness by domain and task statement (the bank, the engine): only on its route.
const ReadinessPage = lazy(() => import('../readiness/ReadinessPage'));

export function App() {
  useApplyTheme();
  const [location] = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  // Navigating closes the phone menu: the effect runs on every change of location.
  // biome-ignore lint/correctness/useExhaustiveDependencies: location is the trigger, not an input.
  useEffect(() => setMenuOpen(false), [location]);
  // An exercise needs the whole width: the outline folds away behind the menu button.
  const wide = /^\/lab\/./.test(location);
  // On the lab's routes the sandbox worker starts loading at once, alongside the page's own chunks
  // (and, on the exercise list, before an exercise is even chosen). Leaving the lab stops its
  // workers, so reading a lesson does not keep two SDK-laden workers in memory.
  const onLab = /^\/lab(\/|$)/.test(location);
  useEffect(() => {
    if (!onLab) return;
    const runner = import('../lab/runnerInstance').then((m) => m.runner);
    // A sandbox that cannot start says so when a run asks for it.
    runner.then((r) => r.warm()).catch(() => undefined);
    return () => {
      runner.then((r) => r.dispose()).catch(() => undefined);
    };
  }, [onLab]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="sidebar"
          onClick={() => setMenuOpen((o) => !o)}
        >
          <span aria-hidden="true">☰</span>
          <span className="sr-only">Course outline</span>
        </button>
        <Link href="/" className="brand">
          <BrandMark />
          <span className="brand-name">Secrets Lab</span>
        </Link>
        <TopNav />
        <Search />
        <ThemeToggle />
      </header>
      <StorageNotices />
      <div className={wide ? 'body body-wide' : 'body'}>
        <aside id="sidebar" className={menuOpen ? 'sidebar open' : 'sidebar'}>
          <Outline onNavigate={() => setMenuOpen(false)} />
          <nav className="sidebar-footer" aria-label="Your data">
            <Link
              href="/progress"
              className="sidebar-footer-link"
              aria-current={location === '/progress' ? 'page' : undefined}
            >
              Your progress
            </Link>
          </nav>
        </aside>
        <main id="main" tabIndex={-1}>
          <ErrorBoundary resetKey={location} label="page">
            <Switch>
              <Route path="/" component={Home} />
              <Route path="/lessons/:slug">{(params) => <LessonPage slug={params.slug} />}</Route>
              <Route path="/lab">
                <Suspense fallback={<p className="page loading">Loading the lab…</p>}>
                  <LabIndex />
                </Suspense>
              </Route>
              <Route path="/lab/:slug">
                {(params) => (
                  <Suspense fallback={<p className="page loading">Loading the lab…</p>}>
                    <LabPage slug={params.slug} />
                  </Suspense>
                )}
              </Route>
              <Route path="/instructor">
                <Suspense fallback={<p className="page loading">Loading the preview…</p>}>
                  <InstructorPage />
                </Suspense>
              </Route>
              <Route path="/progress">
                <Suspense fallback={<p className="page loading">Loading your progress…</p>}>
                  <ProgressPage />
                </Suspense>
              </Route>
              <Route path="/readiness">
                <Suspense fallback={<p className="page loading">Loading your readiness…</p>}>
                  <ReadinessPage />
                </Suspense>
              </Route>
              <Route path="/quiz/*?">
                <Suspense fallback={<p className="page loading">Loading the quiz…</p>}>
                  <QuizRoutes />
                </Suspense>
              </Route>
              <Route>
                <div className="page">
                  <h1>Page not found</h1>
                  <p>
                    Nothing lives at <code>{location}</code>. <Link href="/">Back to the course</Link>
                  </p>
                </div>
              </Route>
            </Switch>
          </ErrorBoundary>
        </main>
      </div>
      <ServiceWorkerHost />
    </div>
  );
}
