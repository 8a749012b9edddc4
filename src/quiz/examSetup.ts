import { DOMAIN_IDS, type DomainId, DVA_C02, domainOf } from '../schema/dva-c02';
import type { AttemptKind } from './attempt';
import { type Blueprint, EXAM_BLUEPRINT } from './drawBlueprint';

/**
 * How a timed exam is set up: full (the real exam's 65 questions in 130 minutes, 15 of them
 * unscored, every domain), short (20 questions in 40 minutes) or custom (any length and time,
 * optionally some domains only). Every kind draws multiple choice and multiple response only, by
 * the DVA-C02 domain weights (of the domains chosen). Only the full exam has unscored questions:
 * a shorter one would have too few scored questions left.
 */
export type ExamKind = Exclude<AttemptKind, 'practice'>;

export interface ExamSetup {
  kind: ExamKind;
  /** Questions and minutes (short and custom; the full exam's are fixed). */
  questions: number;
  minutes: number;
  /** Domains to draw from (short and custom); empty = all. */
  domains: readonly DomainId[];
  /** Hide the course outline and the top bar's navigation during the exam. */
  focus: boolean;
}

export const EXAM_PRESETS = {
  full: { questions: DVA_C02.questionCount, minutes: DVA_C02.minutes },
  short: { questions: 20, minutes: 40 },
} as const;

export const CUSTOM_RANGE = { questions: { min: 5, max: 130 }, minutes: { min: 5, max: 260 } } as const;

const clamp = (n: number, lo: number, hi: number) =>
  Math.min(hi, Math.max(lo, Math.round(Number.isFinite(n) ? n : lo)));

/** The setup as it will run: presets applied, custom values held to CUSTOM_RANGE, unknown domains dropped. */
export function normalizeSetup(setup: ExamSetup): ExamSetup {
  const domains = DOMAIN_IDS.filter((d) => setup.kind !== 'full' && setup.domains.includes(d));
  if (setup.kind === 'custom')
    return {
      ...setup,
      questions: clamp(setup.questions, CUSTOM_RANGE.questions.min, CUSTOM_RANGE.questions.max),
      minutes: clamp(setup.minutes, CUSTOM_RANGE.minutes.min, CUSTOM_RANGE.minutes.max),
      domains: domains.length === DOMAIN_IDS.length ? [] : domains,
    };
  return {
    ...setup,
    ...EXAM_PRESETS[setup.kind],
    domains: domains.length === DOMAIN_IDS.length ? [] : domains,
  };
}

export function blueprintFor(raw: ExamSetup): Blueprint {
  const setup = normalizeSetup(raw);
  const chosen = setup.domains.length ? setup.domains : DOMAIN_IDS;
  const full = setup.kind === 'full';
  return {
    ...EXAM_BLUEPRINT,
    total: setup.questions,
    unscored: full ? EXAM_BLUEPRINT.unscored : 0,
    minutes: setup.minutes,
    weights: Object.fromEntries(
      DOMAIN_IDS.map((d) => [d, chosen.includes(d) ? EXAM_BLUEPRINT.weights[d] : 0]),
    ) as Record<DomainId, number>,
  };
}

/** "Full exam", "Short exam · Security", "Custom exam · 30 questions". */
export function examLabel(raw: ExamSetup): string {
  const setup = normalizeSetup(raw);
  const name = { full: 'Full exam', short: 'Short exam', custom: 'Custom exam' }[setup.kind];
  const parts = [name];
  if (setup.kind === 'custom') parts.push(`${setup.questions} questions`);
  if (setup.domains.length) parts.push(setup.domains.map((d) => domainOf(d).title).join(', '));
  return parts.join(' · ');
}
