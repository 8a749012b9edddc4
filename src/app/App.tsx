import { useEffect, useState } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { LessonPage } from '../lesson/LessonPage';
import { Outline } from '../lesson/Outline';
import { Search } from '../lesson/Search';
import { storageIssues } from '../store/storage';
import { ErrorBoundary } from './ErrorBoundary';
import { Home } from './Home';
import { useApplyTheme } from './theme';
import { ThemeToggle } from './ThemeToggle';
import { BrandMark } from './BrandMark';

export function App() {
  useApplyTheme();
  const [location] = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const [notices, setNotices] = useState<string[]>([]);
  useEffect(() => setNotices([...storageIssues]), []);
  useEffect(() => setMenuOpen(false), [location]);

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
        <Search />
        <ThemeToggle />
      </header>
      {notices.length > 0 && (
        <div className="notice" role="status">
          {notices.map((n) => (
            <p key={n}>{n}</p>
          ))}
          <button type="button" className="button" onClick={() => setNotices([])}>
            Dismiss
          </button>
        </div>
      )}
      <div className="body">
        <aside id="sidebar" className={menuOpen ? 'sidebar open' : 'sidebar'}>
          <Outline onNavigate={() => setMenuOpen(false)} />
        </aside>
        <main id="main" tabIndex={-1}>
          <ErrorBoundary resetKey={location} label="page">
            <Switch>
              <Route path="/" component={Home} />
              <Route path="/lessons/:slug">{(params) => <LessonPage slug={params.slug} />}</Route>
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
    </div>
  );
}
