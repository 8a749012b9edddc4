import { type ExerciseSummary, exercises, loaders } from 'virtual:exercises';
import type { ExerciseMeta } from '../schema/exercise';

/** The lab's exercises, in order. Built from `content/exercises/` at build time. */
export const exerciseList: readonly ExerciseSummary[] = exercises;

export function findExercise(slug: string): ExerciseSummary | undefined {
  return exerciseList.find((e) => e.slug === slug);
}

export async function loadExercise(slug: string): Promise<ExerciseMeta> {
  const loader = loaders[slug];
  if (!loader) throw new Error(`No exercise "${slug}"`);
  return (await loader()).default;
}
