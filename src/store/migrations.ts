/**
 * Saved state carries a schema version. Each step takes the state saved by version N and returns
 * what version N+1 saved; they run in order, so state from any earlier version loads (the store
 * checks the result with `schema.ts` and fills missing fields with defaults).
 *
 * Steps are frozen: each one writes the literal values its version had and never calls today's
 * code (defaults, the quiz engine), which may change. Saved data is untrusted here: read it
 * defensively, let the schema judge the result.
 */
export const STORE_VERSION = 3;

type State = Record<string, unknown>;

const obj = (v: unknown): Record<string, any> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, any>) : {};
const list = (v: unknown): any[] => (Array.isArray(v) ? v : []);
const has = (o: object, key: string) => Object.hasOwn(o, key);

const steps: Record<number, (state: State) => State> = {
  // 0 → 1: the first release stored read lessons as a list of slugs.
  0: (s) => ({
    ...s,
    lessonsRead: Array.isArray(s.lessonsRead)
      ? Object.fromEntries((s.lessonsRead as unknown[]).map((slug) => [String(slug), 0]))
      : (s.lessonsRead ?? {}),
  }),

  // 1 → 2: the quiz slice (attempt history, attempts in progress, FSRS cards, latest outcomes).
  1: (s) => ({
    quizHistory: [],
    quizActive: {},
    reviewSchedule: { version: 1, questions: {}, exercises: {} },
    questionResults: {},
    ...s,
  }),

  // 2 → 3: honest counts. Version 2 recorded an exam's unanswered questions as wrong answers, gave
  // practice a scaled score, and knew one kind of exam. Now:
  // - an answer is kept only if it was one: right, or its review card was updated at that moment
  //   (answers and cards were always written together), or a saved attempt shows it answered;
  // - each finished attempt says its kind and how many of its counted questions had an answer
  //   (null when its detail was already trimmed); practice loses its scaled score;
  // - every version 2 exam was the full blueprint; attempts in progress say their kind;
  // - the lesson opened last is not known.
  2: (s) => {
    const history = list(s.quizHistory);
    const answeredSomewhere = new Set<string>();
    for (const record of history) {
      const attempt = obj(obj(record).attempt);
      for (const q of list(attempt.questions)) {
        const id = String(obj(q).id);
        if (list(obj(obj(attempt.entries)[id]).answer).length > 0) answeredSomewhere.add(id);
      }
    }
    const cards = obj(obj(s.reviewSchedule).questions);
    const results = obj(s.questionResults);
    const questionResults = Object.fromEntries(
      Object.entries(results).filter(([id, r]) => {
        const result = obj(r);
        const card = has(cards, id) ? obj(cards[id]) : undefined;
        return result.correct === true || card?.last_review === result.at || answeredSomewhere.has(id);
      }),
    );
    const quizHistory = history.map((r) => {
      const { scaled, passed, ...record } = obj(r);
      const attempt = record.attempt ? obj(record.attempt) : undefined;
      const unscored = new Set(list(attempt?.unscoredIds));
      const counted = attempt
        ? list(attempt.questions).filter((q) => record.mode !== 'exam' || !unscored.has(obj(q).id))
        : undefined;
      const answered = counted
        ? counted.filter((q) => list(obj(obj(attempt?.entries)[obj(q).id]).answer).length > 0).length
        : null;
      return record.mode === 'exam'
        ? { ...record, kind: 'full', answered, scaled, passed }
        : { ...record, kind: 'practice', answered };
    });
    const quizActive = Object.fromEntries(
      Object.entries(obj(s.quizActive)).map(([mode, a]) => [
        mode,
        { ...obj(a), kind: mode === 'exam' ? 'full' : 'practice', focus: false },
      ]),
    );
    return { ...s, questionResults, quizHistory, quizActive, lastLesson: null };
  },
};

export function migrate(persisted: unknown, fromVersion: number): State {
  let state: State = { ...obj(persisted) };
  for (let v = fromVersion; v < STORE_VERSION; v++) state = steps[v]?.(state) ?? state;
  return state;
}
