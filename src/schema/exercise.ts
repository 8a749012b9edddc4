import { z } from 'zod';

/**
 * The frontmatter of `content/exercises/<slug>/exercise.md`. The folder also holds `starter.ts`,
 * `solution.ts`, `checks.ts`, `fixture.yaml` and optionally `wrong/*.ts`. This schema is the
 * authors' documentation: content/README.md's field table is generated from these descriptions.
 */
export const exerciseFrontmatterSchema = z
  .object({
    title: z.string().min(3).max(120).describe('The exercise title.'),
    order: z.number().int().positive().describe('Position in the list of exercises: 1, 2, 3... Unique.'),
    summary: z.string().min(10).max(400).describe('One sentence: what the learner builds.'),
    lesson: z
      .string()
      .regex(/^[a-z0-9-]+(#[\w-]+)?$/, 'Expected a lesson slug, optionally with #heading-anchor')
      .describe('The lesson (and heading) that teaches this, e.g. caching#a-ttl-cache.'),
    difficulty: z.enum(['easy', 'medium', 'hard']).describe('How hard the exercise is.'),
    timeLimitMs: z
      .number()
      .int()
      .min(500)
      .max(30_000)
      .default(5000)
      .describe('Run time limit in ms before the run is stopped (default 5000).'),
    clock: z
      .boolean()
      .default(false)
      .describe('Show the simulated-clock controls (exercises about time: TTLs, rotation schedules).'),
    hints: z.array(z.string().min(5)).min(1).describe('Hints, shown one at a time, from gentle to explicit.'),
  })
  .strict();

export type ExerciseFrontmatter = z.infer<typeof exerciseFrontmatterSchema>;

/** What the app knows about an exercise (no checks code: that runs in the sandbox). */
export interface ExerciseMeta extends ExerciseFrontmatter {
  slug: string;
  /** The instructions, compiled from exercise.md's body. */
  html: string;
  starter: string;
  solution: string;
}

/** A file of known-wrong code and the failure it must produce (`wrong/*.ts`, first line `// expect: <task-id>: <text>`). */
export interface WrongAnswer {
  file: string;
  code: string;
  taskId: string;
  message: string;
}
