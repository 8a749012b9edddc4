import { useEffect } from 'react';
import { Link } from 'wouter';
import { exerciseList } from '../course/exercises';
import { useAppStore } from '../store/store';

const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const yearFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
/** "Nov 30" this year, "Nov 30, 2025" before: short enough for a card's first line. */
const passDate = (at: number) =>
  new Date(at).getFullYear() === new Date().getFullYear() ? dayFormat.format(at) : yearFormat.format(at);

export default function LabIndex() {
  const progress = useAppStore((s) => s.exerciseProgress);
  useEffect(() => {
    document.title = 'Lab · Secrets Lab';
  }, []);
  const passed = exerciseList.filter((e) => progress[e.slug]?.passed).length;
  return (
    <div className="page lab-index">
      <p className="eyebrow">Hands-on lab</p>
      <h1>Write the code, run it, get graded</h1>
      <p className="lede">
        Each exercise runs your TypeScript with the real AWS SDK for JavaScript v3 against an emulated Secrets Manager,
        Parameter Store and KMS in your browser: no account, no network, no cost. {passed} of {exerciseList.length}{' '}
        passed.
      </p>
      <ol className="card-grid">
        {exerciseList.map((e) => {
          const p = progress[e.slug];
          return (
            <li key={e.slug} className="card">
              <Link href={`/lab/${e.slug}`} className="card-link">
                <span className="card-kicker">
                  Exercise {e.order} · {e.difficulty}
                  {p?.passed && (
                    <>
                      {' · ✓ passed'}
                      {p.firstPassAt !== undefined && (
                        <>
                          {' '}
                          <time dateTime={new Date(p.firstPassAt).toISOString()}>{passDate(p.firstPassAt)}</time>
                        </>
                      )}
                    </>
                  )}
                  {p?.attempts ? ` · ${p.attempts} attempt${p.attempts > 1 ? 's' : ''}` : ''}
                </span>
                <span className="card-title">{e.title}</span>
                <span className="card-summary">{e.summary}</span>
              </Link>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
