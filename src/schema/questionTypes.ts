import type { DomainId } from './dva-c02.ts';

/**
 * A quiz question as the app holds it once `src/schema/question.ts` has validated it, and the pure
 * helpers the quiz engine needs. No zod here: the quiz route imports these at run time and only
 * loads the schema when it validates something.
 */
export const QUESTION_TYPES = ['single', 'multiple', 'ordering'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** 1 easy, 2 medium, 3 hard. */
export type Difficulty = 1 | 2 | 3;

export interface QuestionOption {
  /** The authored id, or the option's letter in the file (a, b, c...). */
  id: string;
  text: string;
  /** Present for single and multiple; absent for ordering steps. */
  correct?: boolean | undefined;
  explanation: string;
}

export interface Question {
  id: string;
  type: QuestionType;
  /** Markdown. */
  stem: string;
  options: QuestionOption[];
  domain: DomainId;
  /** A task statement id, "2.3". */
  task: string;
  difficulty: Difficulty;
  /** slug, or slug#heading-anchor. */
  lesson: string;
  exercise?: string | undefined;
  note?: string | undefined;
  sources?: string[] | undefined;
}

/** A question's markdown fields, rendered to HTML at build time (the page ships no markdown parser). */
export interface QuestionHtml {
  stem: string;
  /** Option id → its text (inline when it is one paragraph) and its explanation. */
  options: Record<string, { text: string; explanation: string }>;
  note?: string;
}

/** "(Choose TWO.)", "(Select 3)"... The number the stem asks for. */
const CHOOSE = /\((?:choose|select)\s+(two|three|four|five|[2-5])\.?\)/i;
const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5 };

/** How many options a multiple-response stem asks for, or undefined when it does not say. */
export function chooseCount(stem: string): number | undefined {
  const m = CHOOSE.exec(stem);
  if (!m?.[1]) return undefined;
  const word = m[1].toLowerCase();
  return NUMBER_WORDS[word] ?? Number(word);
}

/** The key: the correct option ids (single, multiple) or every step id in the right order (ordering). */
export function answerKey(q: Question): string[] {
  return q.type === 'ordering' ? q.options.map((o) => o.id) : q.options.filter((o) => o.correct).map((o) => o.id);
}

/** "rotation#the-four-steps" → { slug: "rotation", anchor: "the-four-steps" }. */
export function lessonLink(q: Pick<Question, 'lesson'>): { slug: string; anchor?: string } {
  const [slug = '', anchor] = q.lesson.split('#');
  return anchor ? { slug, anchor } : { slug };
}
