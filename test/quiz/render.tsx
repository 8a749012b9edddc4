import { render } from '@testing-library/react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { type Attempt, createAttempt } from '../../src/quiz/attempt';
import { QuizRoutes } from '../../src/quiz/views/QuizRoutes';
import { initialState, useAppStore } from '../../src/store/store';
import { questions } from './fixtureBank';

export function resetStore() {
  useAppStore.setState(initialState, true);
}

/** Renders the quiz pages at `path`; `location.history` records every navigation. */
export function renderQuiz(path: string) {
  const location = memoryLocation({ path, record: true });
  const view = render(
    <Router hook={location.hook} searchHook={location.searchHook}>
      <QuizRoutes />
    </Router>,
  );
  return { location, ...view };
}

/** Puts an attempt in progress into the store, as if the learner had started it. */
export function activate(mode: 'practice' | 'exam', ids: string[], options: Partial<Attempt> = {}, now = Date.now()) {
  const attempt = {
    ...createAttempt({
      id: `${mode}-test`,
      mode,
      questions: ids.map((id) => questions.find((q) => q.id === id)!),
      seed: 'fixed',
      now,
      keepOrder: true,
      timeLimitMs: mode === 'exam' ? 60 * 60_000 : null,
    }),
    ...options,
  };
  useAppStore.setState({
    quizActive: {
      [mode]: {
        label: mode === 'exam' ? 'Timed exam' : 'Practice · test',
        kind: mode === 'exam' ? 'full' : 'practice',
        focus: false,
        attempt,
      },
    },
  });
  return attempt;
}
