import { Link, useLocation } from 'wouter';

const SECTIONS = [
  { href: '/', label: 'Lessons', match: (p: string) => p === '/' || p.startsWith('/lessons') },
  { href: '/lab', label: 'Lab', match: (p: string) => p.startsWith('/lab') },
  { href: '/quiz', label: 'Quiz', match: (p: string) => p.startsWith('/quiz') },
  { href: '/readiness', label: 'Readiness', match: (p: string) => p.startsWith('/readiness'), icon: true },
];

/** A small gauge: "Readiness" on a phone, where its word would push the bar past the screen's edge. */
function GaugeIcon() {
  return (
    <svg className="topnav-icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <path d="M3 14a7 7 0 1 1 14 0" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      <path d="M10 14l3.5-4.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

/** The pillars, in the top bar. */
export function TopNav() {
  const [location] = useLocation();
  return (
    <nav className="topnav" aria-label="Sections">
      {SECTIONS.map((s) => (
        <Link
          key={s.href}
          href={s.href}
          className={s.icon ? 'topnav-link has-icon' : 'topnav-link'}
          aria-current={s.match(location) ? 'page' : undefined}
          title={s.icon ? s.label : undefined}
        >
          {s.icon && <GaugeIcon />}
          <span className="topnav-label">{s.label}</span>
        </Link>
      ))}
    </nav>
  );
}
