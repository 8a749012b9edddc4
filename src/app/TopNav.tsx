import { Link, useLocation } from 'wouter';

const SECTIONS = [
  { href: '/', label: 'Lessons', match: (p: string) => p === '/' || p.startsWith('/lessons') },
  { href: '/lab', label: 'Lab', match: (p: string) => p.startsWith('/lab') },
  { href: '/quiz', label: 'Quiz', match: (p: string) => p.startsWith('/quiz') },
  { href: '/readiness', label: 'Readiness', match: (p: string) => p.startsWith('/readiness') },
];

/** The pillars, in the top bar. On a phone they take a row of their own (styles.css), so every word fits. */
export function TopNav() {
  const [location] = useLocation();
  return (
    <nav className="topnav" aria-label="Sections">
      {SECTIONS.map((s) => (
        <Link key={s.href} href={s.href} className="topnav-link" aria-current={s.match(location) ? 'page' : undefined}>
          {s.label}
        </Link>
      ))}
    </nav>
  );
}
