import { DOMAINS, type DomainId, DVA_C02 } from '../schema/dva-c02';
import type { Question, QuestionType } from '../schema/questionTypes';
import { apportion } from './apportion';
import { createRandom, type Random } from './random';
import { shuffle } from './shuffle';

/**
 * An exam blueprint: how many questions, how many of them unscored, the domain weights and the time.
 * Questions are drawn without replacement: a question never appears twice in one exam.
 */
export interface Blueprint {
  total: number;
  unscored: number;
  minutes: number;
  /** Percent of the questions per domain. */
  weights: Readonly<Record<DomainId, number>>;
  /** DVA-C02 has only multiple choice and multiple response; ordering stays in practice. */
  types: readonly QuestionType[];
  /**
   * When a domain has fewer questions than the blueprint asks for:
   * - "scale": shrink the whole exam in proportion so every domain keeps its weight (and the time
   *   shrinks with it, about two minutes a question);
   * - "fill": keep the length, and take the missing questions from the other domains by weight.
   */
  shortfall: 'scale' | 'fill';
}

export const EXAM_BLUEPRINT: Blueprint = {
  total: DVA_C02.questionCount,
  unscored: DVA_C02.unscoredCount,
  minutes: DVA_C02.minutes,
  weights: { 1: 32, 2: 26, 3: 24, 4: 18 },
  types: ['single', 'multiple'],
  shortfall: 'scale',
};

export interface DomainDraw {
  domain: DomainId;
  weight: number;
  /** What the full blueprint asks of this domain (scored + unscored). */
  target: number;
  available: number;
  scored: number;
  unscored: number;
}

export interface BlueprintDraw {
  questions: Question[];
  unscoredIds: string[];
  timeLimitMs: number;
  domains: DomainDraw[];
  /** True when the bank could not serve the full blueprint. */
  degraded: boolean;
  /** What happened, in a sentence the UI can show. */
  note: string;
}

export function drawBlueprint(bank: readonly Question[], blueprint: Blueprint, seed: string): BlueprintDraw {
  const random = createRandom(`${seed}:blueprint`);
  const weights = DOMAINS.map((d) => blueprint.weights[d.id] ?? 0);
  const pools = DOMAINS.map((d) => bank.filter((q) => q.domain === d.id && blueprint.types.includes(q.type)));
  const available = pools.map((p) => p.length);
  const target = apportion(blueprint.total, weights);
  const short = DOMAINS.filter((_, i) => (available[i] ?? 0) < (target[i] ?? 0));
  let size = blueprint.total;
  if (short.length > 0 && blueprint.shortfall === 'scale') {
    const factor = Math.min(...target.map((t, i) => (t > 0 ? (available[i] ?? 0) / t : 1)));
    size = Math.floor(blueprint.total * factor);
  }
  size = Math.min(
    size,
    available.reduce((a, b) => a + b, 0),
  );
  const unscoredTotal = blueprint.total > 0 ? Math.round((size * blueprint.unscored) / blueprint.total) : 0;
  const scored = apportion(size - unscoredTotal, weights, available);
  const unscored = apportion(
    unscoredTotal,
    weights,
    available.map((a, i) => a - (scored[i] ?? 0)),
  );
  const questions: Question[] = [];
  const unscoredIds: string[] = [];
  const domains = DOMAINS.map((d, i): DomainDraw => {
    const picked = spreadOverTasks(pools[i] ?? [], random).slice(0, (scored[i] ?? 0) + (unscored[i] ?? 0));
    questions.push(...picked);
    unscoredIds.push(...picked.slice(scored[i] ?? 0).map((q) => q.id));
    return {
      domain: d.id,
      weight: weights[i] ?? 0,
      target: target[i] ?? 0,
      available: available[i] ?? 0,
      scored: scored[i] ?? 0,
      unscored: unscored[i] ?? 0,
    };
  });
  const timeLimitMs = blueprint.total > 0 ? Math.round((blueprint.minutes * 60_000 * size) / blueprint.total) : 0;
  const degraded = size < blueprint.total || short.length > 0;
  return {
    questions,
    unscoredIds,
    timeLimitMs,
    domains,
    degraded,
    note: describe(blueprint, size, unscoredTotal, timeLimitMs, short, domains),
  };
}

/** A domain's questions in random order, taking one per task statement in turn, so a short draw covers more tasks. */
function spreadOverTasks(pool: readonly Question[], random: Random): Question[] {
  const byTask = new Map<string, Question[]>();
  for (const q of shuffle(pool, random)) byTask.set(q.task, [...(byTask.get(q.task) ?? []), q]);
  const queues = shuffle([...byTask.values()], random);
  const out: Question[] = [];
  while (queues.some((queue) => queue.length > 0)) {
    for (const queue of queues) {
      const q = queue.shift();
      if (q) out.push(q);
    }
  }
  return out;
}

function describe(
  blueprint: Blueprint,
  size: number,
  unscored: number,
  timeLimitMs: number,
  short: readonly (typeof DOMAINS)[number][],
  domains: readonly DomainDraw[],
): string {
  const exam = `${size} questions (${size - unscored} scored, ${unscored} unscored) in ${Math.round(timeLimitMs / 60_000)} minutes`;
  if (short.length === 0 && size === blueprint.total) return `A full exam: ${exam}.`;
  const lacking = short
    .map((d) => {
      const draw = domains.find((x) => x.domain === d.id);
      return `${d.title} has ${draw?.available ?? 0} of the ${draw?.target ?? 0} it needs`;
    })
    .join('; ');
  const how =
    blueprint.shortfall === 'scale'
      ? 'so the exam is scaled down to keep the domain weights'
      : 'so the other domains fill the gap and the weights are approximate';
  return `The question bank is too small for the full blueprint (${lacking}), ${how}: ${exam}.`;
}
