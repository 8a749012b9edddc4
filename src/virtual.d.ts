declare module 'virtual:course' {
  import type { LessonMeta } from '@src/schema/lesson';
  export const lessons: LessonMeta[];
  export const loaders: Record<string, () => Promise<{ default: { slug: string; html: string } }>>;
}
declare module 'virtual:search' {
  import type { SearchSection } from '@src/schema/lesson';

  const sections: SearchSection[];
  export default sections;
}
declare module 'virtual:code.css';
declare module 'virtual:exercises' {
  import type { ExerciseMeta } from '@src/schema/exercise';
  export type ExerciseSummary = Omit<ExerciseMeta, 'html' | 'starter' | 'solution' | 'hints'>;
  export const exercises: ExerciseSummary[];
  export const loaders: Record<string, () => Promise<{ default: ExerciseMeta }>>;
}
declare module 'virtual:exercise-runtime' {
  import type { CheckTask } from '@src/sandbox/checkKit';
  import type { Fixture } from '@src/schema/fixture';
  export const runtimes: Record<string, () => Promise<{ tasks: CheckTask[]; fixture: Fixture }>>;
}
declare module 'virtual:quiz' {
  import type { Question, QuestionHtml } from '@src/schema/questionTypes';
  export const questions: Question[];
  export const html: Record<string, QuestionHtml>;
}
declare module 'virtual:sdk-types' {
  const files: Record<string, string>;
  export default files;
}
declare module 'virtual:learner-runtime' {
  /** URL of the learner realm's runtime: one classic script (src/sandbox/build/learnerRuntimePlugin.ts). */
  const url: string;
  export default url;
  /** URLs of the SDK packages kept out of the runtime (ES modules, imported only by code that needs them). */
  export const packages: Record<string, string>;
}
declare module 'virtual:lesson-drawings' {
  /** How text measured where the build drew (fontCheck.ts); undefined when the build drew nothing. */
  export const font: string | undefined;
  /** Per lesson drawn at build time, its SVGs by diagram source, per theme (src/lesson/build/). */
  export const loaders: Record<string, Record<'light' | 'dark', () => Promise<{ default: Record<string, string> }>>>;
}
