import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { NEEDED_ANSWERS, READINESS_METHOD } from '../quiz/readiness';
import { DVA_C02 } from '../schema/dva-c02';
import { ScoreGauge } from './ScoreGauge';
import { TaskRow } from './TaskRow';
import { useReadiness } from './useReadiness';
import './readiness.css';

const pct = (ratio: number) => `${Math.round(ratio * 100)}%`;

/**
 * /readiness: "am I ready?" By exam domain and task statement: lessons read, exercises passed,
 * questions answered and right, recall, the chance of a right answer today; a predicted scaled
 * score with its range and the method; the three weakest task statements, one click to practise each.
 */
export default function ReadinessPage() {
  const [now] = useState(() => Date.now());
  const readiness = useReadiness(now);
  const { prediction, answered, weakest, domains } = readiness;
  useEffect(() => {
    document.title = 'Readiness · Secrets Lab';
  }, []);

  return (
    <div className="page readiness-page">
      <header className="quiz-header">
        <p className="eyebrow">Readiness · {DVA_C02.code}</p>
        <h1>Am I ready?</h1>
        <p className="lede">
          Where you stand on each exam domain and task statement this course covers, from what you have read, built and
          answered in this browser.
        </p>
      </header>

      <section className="card readiness-score" aria-labelledby="score-title">
        <h2 id="score-title" className="readiness-kicker">
          Predicted exam score
        </h2>
        {prediction ? (
          <>
            <p className="readiness-number" data-testid="predicted-score">
              {prediction.scaled}
              <span className="readiness-scale"> / {DVA_C02.maxScaled.toLocaleString('en')}</span>
            </p>
            <p className="readiness-range" data-testid="predicted-range">
              Likely between {prediction.scaledLow} and {prediction.scaledHigh} (90% range) ·{' '}
              {prediction.scaledLow >= DVA_C02.passingScaled
                ? 'above the pass line'
                : prediction.scaledHigh < DVA_C02.passingScaled
                  ? 'below the pass line'
                  : `the pass line (${DVA_C02.passingScaled}) is within reach`}
            </p>
            <ScoreGauge prediction={prediction} />
            <p className="quiz-muted" data-testid="answered-count">
              From {answered.done} of {answered.total} exam-style questions answered.
            </p>
          </>
        ) : (
          <>
            <p className="readiness-empty" data-testid="answered-count">
              Answer at least {NEEDED_ANSWERS} exam-style questions for a prediction: you have answered {answered.done}.
            </p>
            <div className="meter-track readiness-needed" aria-hidden="true">
              <span className="meter-fill" style={{ width: `${Math.min(1, answered.done / NEEDED_ANSWERS) * 100}%` }} />
            </div>
            <p className="quiz-actions">
              <Link href="/quiz/exam" className="button button-primary">
                Take a short exam
              </Link>
              <Link href="/quiz" className="button">
                Practise
              </Link>
            </p>
          </>
        )}
      </section>

      {weakest.length > 0 && (
        <section aria-labelledby="weakest-title" className="readiness-weakest">
          <h2 id="weakest-title">{prediction ? 'Practise next' : 'Where to start'}</h2>
          <p className="quiz-muted">
            {prediction
              ? 'Your three weakest task statements: the lowest chance of a right answer today.'
              : 'The task statements with the least to go on yet.'}
          </p>
          <ol className="weakest-list">
            {weakest.map((t) => (
              <li key={t.task} className="card weakest-card">
                <span className="weakest-id">Task {t.task}</span>
                <span className="weakest-title">{t.title}</span>
                {t.questions.done > 0 && (
                  <span className="task-bar" aria-hidden="true">
                    <span
                      className={t.chance >= 0.72 ? 'task-fill is-pass' : 'task-fill'}
                      style={{ width: pct(t.chance) }}
                    />
                    <span className="task-mark" />
                  </span>
                )}
                <span className="quiz-muted">
                  {/* With nothing answered the chance is only the model's prior: say so rather than show it. */}
                  {t.questions.done > 0 ? `${pct(t.chance)} chance` : 'No estimate yet'} · {t.questions.done} of{' '}
                  {t.questions.total} questions answered
                </span>
                <Link href={`/quiz/drill/${t.task}`} className="button button-primary weakest-go">
                  Practise task {t.task}
                </Link>
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="domains-title">
        <h2 id="domains-title">By domain and task statement</h2>
        <p className="quiz-muted">
          Each bar is the estimated chance of answering an exam question of that task statement right today; the line
          marks 72%, where the pass mark sits.
        </p>
        {domains
          .filter((d) => d.tasks.length > 0)
          .map((d) => (
            <section key={d.domain} className="card readiness-domain" aria-labelledby={`domain-${d.domain}`}>
              <div className="readiness-domain-head">
                <h3 id={`domain-${d.domain}`}>
                  {d.domain}. {d.title}
                </h3>
                <span className="quiz-muted">
                  {d.weight}% of the exam{d.answered.total ? ` · ${pct(d.chance)} chance` : ''}
                </span>
              </div>
              <ul className="task-list">
                {d.tasks.map((t) => (
                  <TaskRow key={t.task} task={t} />
                ))}
              </ul>
            </section>
          ))}
      </section>

      <section className="callout callout-note readiness-method" aria-labelledby="method-title">
        <h2 id="method-title" className="callout-title">
          How this is estimated
        </h2>
        {READINESS_METHOD.map((p) => (
          <p key={p}>{p}</p>
        ))}
      </section>
    </div>
  );
}
