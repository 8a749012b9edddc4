import { DOMAINS, type DomainId } from '../schema/dva-c02';
import type { Question } from '../schema/questionTypes';
import { pickCount } from './attempt';
import { retrievability, type StoredCard } from './reviewSchedule';
import { scaledScore } from './scaledScore';

/**
 * "Am I ready?": per DVA-C02 task statement and domain, what the learner has done and how likely
 * they are to answer an exam question right today, and a predicted scaled score with a range.
 * Pure: the page passes the course, the bank, the learner's records and the time.
 *
 * The method (READINESS_METHOD says it in words on the page):
 * 1. Each exam-type question (multiple choice, multiple response) answered: its latest answer wrong
 *    counts 0; right counts the FSRS retrievability of its card today (the chance it is still
 *    recalled). That is the learner's "mastery" of it.
 * 2. Mastery per domain is a Beta-binomial estimate: the domain's answers pulled towards the
 *    learner's overall mastery with the weight of PRIOR_WEIGHT answers, so a domain with few answers
 *    says little. A task statement is pulled towards its domain the same way.
 * 3. A question's chance adds a lucky guess: guess + (1 − guess) × mastery (1 in 4 for one of four
 *    options, 1 in 10 for two of five).
 * 4. The predicted share of a 50-question scored exam is the domains' chances weighted as DVA-C02
 *    weights them (over the domains the bank has questions for); the scaled score uses the app's
 *    stated mapping (scaledScore.ts). The 90% range adds the uncertainty of each domain's estimate
 *    to the luck of one sitting (binomial, 50 questions).
 * No prediction before NEEDED_ANSWERS exam-type questions are answered.
 */
export const PRIOR_WEIGHT = 2;
export const NEEDED_ANSWERS = 10;
const SCORED_QUESTIONS = 50;
const Z90 = 1.645;

export const READINESS_METHOD = [
  'Only your answers make the prediction. For each multiple-choice or multiple-response question you have answered, your latest answer counts: a wrong one counts 0, a right one counts the chance that you still remember it today, as the review schedule (FSRS) estimates it.',
  'Each domain and task statement averages these, pulled towards your overall average while it has few answers, so a handful of answers cannot make a domain look perfect or hopeless. A question you could still guess adds the chance of a lucky guess (1 in 4 for one answer of four).',
  'The predicted score weights the four domains as the DVA-C02 exam guide does (32%, 26%, 24%, 18%) and maps the result to 100–1,000 the way the results page does (72% → 720). The range covers 90% of the outcomes: how little is known about each domain, plus the luck of one 50-question sitting.',
  'It covers the secrets topics this course teaches, not the whole exam, and AWS does not publish its scaling: treat it as a guide to what to practise next, not a promise.',
];

export interface Meter {
  done: number;
  total: number;
}

export interface TaskReadiness {
  task: string;
  title: string;
  domain: DomainId;
  lessons: Meter;
  exercises: Meter;
  /** Questions answered of the bank's questions for this task (every type). */
  questions: Meter;
  /** Of those answered, how many were right at the latest answer. */
  correct: number;
  /** correct / answered, or null before any answer. */
  accuracy: number | null;
  /** Mean FSRS retrievability today of the task's questions last answered right, or null when none is. */
  recall: number | null;
  /** Exam-type questions (multiple choice and response) in the bank for this task. */
  examQuestions: number;
  /** Estimated chance of answering one of them right today (0..1). */
  chance: number;
}

export interface DomainReadiness {
  domain: DomainId;
  title: string;
  weight: number;
  tasks: TaskReadiness[];
  /** Exam-type questions answered, of those in the bank. */
  answered: Meter;
  chance: number;
}

export interface Prediction {
  /** Expected share right of a scored exam, and the 90% range. */
  share: number;
  low: number;
  high: number;
  scaled: number;
  scaledLow: number;
  scaledHigh: number;
}

export interface Readiness {
  domains: DomainReadiness[];
  tasks: TaskReadiness[];
  /** Exam-type questions answered (of the bank's). */
  answered: Meter;
  /** Null until NEEDED_ANSWERS exam-type questions are answered. */
  prediction: Prediction | null;
  /** The three task statements with the lowest chance (that have questions to practise). */
  weakest: TaskReadiness[];
}

export interface ReadinessInput {
  questions: readonly Question[];
  lessons: readonly { slug: string; task: string }[];
  exercises: readonly { slug: string; task: string }[];
  lessonsRead: Readonly<Record<string, number>>;
  exerciseProgress: Readonly<Record<string, { passed: boolean }>>;
  answers: Readonly<Record<string, { correct: boolean }>>;
  cards: Readonly<Record<string, StoredCard>>;
  now: number;
}

const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

const isExamType = (q: Question) => q.type === 'single' || q.type === 'multiple';

/** The chance of a blind guess: 1 / the number of possible answers. */
export function guessRate(q: Question): number {
  const n = q.options.length;
  const k = Math.min(pickCount(q), n);
  if (q.type === 'ordering') return 0;
  let ways = 1;
  for (let i = 0; i < k; i++) ways = (ways * (n - i)) / (i + 1);
  return ways > 0 ? 1 / ways : 0;
}

interface Evidence {
  answered: number;
  mastery: number;
  guess: number;
  examQuestions: number;
}

export function computeReadiness(input: ReadinessInput): Readiness {
  const { now } = input;
  const mastery = (q: Question): number | undefined => {
    const answer = own(input.answers, q.id);
    if (!answer) return undefined;
    if (!answer.correct) return 0;
    const card = own(input.cards, q.id);
    return card ? retrievability(card, now) : 1;
  };
  const evidence = (qs: readonly Question[]): Evidence => {
    const exam = qs.filter(isExamType);
    const known = exam.map(mastery).filter((m): m is number => m !== undefined);
    return {
      answered: known.length,
      mastery: known.reduce((a, b) => a + b, 0),
      guess: exam.length ? exam.reduce((a, q) => a + guessRate(q), 0) / exam.length : 0.25,
      examQuestions: exam.length,
    };
  };
  const pull = (e: Evidence, prior: number) => (PRIOR_WEIGHT * prior + e.mastery) / (PRIOR_WEIGHT + e.answered);
  const chanceOf = (e: Evidence, m: number) => e.guess + (1 - e.guess) * m;

  const all = evidence(input.questions);
  const overall = (1 + all.mastery) / (2 + all.answered);

  const domains: DomainReadiness[] = [];
  const variance: { weight: number; guess: number; v: number; chance: number; domain: DomainId }[] = [];
  for (const d of DOMAINS) {
    const dq = input.questions.filter((q) => q.domain === d.id);
    const de = evidence(dq);
    const dm = pull(de, overall);
    const tasks = d.tasks
      .map((t) => {
        const qs = input.questions.filter((q) => q.task === t.id);
        const te = evidence(qs);
        return { ...doneFor(input, t.id, qs), title: t.title, domain: d.id, chance: chanceOf(te, pull(te, dm)) };
      })
      .filter((t) => t.lessons.total + t.exercises.total + t.questions.total > 0);
    const chance = chanceOf(de, dm);
    domains.push({
      domain: d.id,
      title: d.title,
      weight: d.weight,
      tasks,
      answered: { done: de.answered, total: de.examQuestions },
      chance,
    });
    if (de.examQuestions > 0)
      variance.push({
        weight: d.weight,
        guess: de.guess,
        v: (dm * (1 - dm)) / (PRIOR_WEIGHT + de.answered + 1),
        chance,
        domain: d.id,
      });
  }

  const tasks = domains.flatMap((d) => d.tasks);
  const weakest = tasks
    .filter((t) => t.examQuestions > 0)
    .sort(
      (a, b) =>
        a.chance - b.chance ||
        (DOMAINS.find((d) => d.id === b.domain)?.weight ?? 0) - (DOMAINS.find((d) => d.id === a.domain)?.weight ?? 0) ||
        a.task.localeCompare(b.task),
    )
    .slice(0, 3);

  return {
    domains,
    tasks,
    answered: { done: all.answered, total: all.examQuestions },
    prediction: all.answered >= NEEDED_ANSWERS && variance.length > 0 ? predict(variance) : null,
    weakest,
  };
}

/** What the learner did for one task statement: lessons, exercises, answers, recall. */
function doneFor(input: ReadinessInput, task: string, qs: readonly Question[]) {
  const lessons = input.lessons.filter((l) => l.task === task);
  const exercises = input.exercises.filter((e) => e.task === task);
  const answered = qs.filter((q) => own(input.answers, q.id));
  const correct = answered.filter((q) => own(input.answers, q.id)?.correct).length;
  // Recall is asked only of what the learner got right (as the method counts it): a card just
  // answered wrong is "fresh" to FSRS, and "0% right, recall 95%" read as a contradiction.
  const cards = answered
    .filter((q) => own(input.answers, q.id)?.correct)
    .map((q) => own(input.cards, q.id))
    .filter((c): c is StoredCard => c !== undefined);
  return {
    task,
    lessons: {
      done: lessons.filter((l) => own(input.lessonsRead, l.slug) !== undefined).length,
      total: lessons.length,
    },
    exercises: {
      done: exercises.filter((x) => own(input.exerciseProgress, x.slug)?.passed === true).length,
      total: exercises.length,
    },
    questions: { done: answered.length, total: qs.length },
    correct,
    accuracy: answered.length ? correct / answered.length : null,
    recall: cards.length ? cards.reduce((a, c) => a + retrievability(c, input.now), 0) / cards.length : null,
    examQuestions: qs.filter(isExamType).length,
  };
}

function predict(domains: readonly { weight: number; guess: number; v: number; chance: number }[]): Prediction {
  const total = domains.reduce((a, d) => a + d.weight, 0);
  const share = domains.reduce((a, d) => a + (d.weight / total) * d.chance, 0);
  const estimate = domains.reduce((a, d) => a + (d.weight / total) ** 2 * (1 - d.guess) ** 2 * d.v, 0);
  const luck = (share * (1 - share)) / SCORED_QUESTIONS;
  const spread = Z90 * Math.sqrt(estimate + luck);
  const low = Math.max(0, share - spread);
  const high = Math.min(1, share + spread);
  const scaled = (ratio: number) => scaledScore(Math.round(ratio * 1000), 1000);
  return { share, low, high, scaled: scaled(share), scaledLow: scaled(low), scaledHigh: scaled(high) };
}
