declare module 'virtual:course' {
  import type { LessonMeta } from './catalog/lesson';
  export const lessons: LessonMeta[];
  export const loaders: Record<string, () => Promise<{ default: { slug: string; html: string } }>>;
}
declare module 'virtual:search' {
  import type { SearchSection } from './catalog/lesson';
  const sections: SearchSection[];
  export default sections;
}
declare module 'virtual:code.css';
declare module 'virtual:exercises' {
  import type { ExerciseMeta } from './catalog/exercise';
  export type ExerciseSummary = Omit<ExerciseMeta, 'html' | 'starter' | 'solution' | 'hints'>;
  export const exercises: ExerciseSummary[];
  export const loaders: Record<string, () => Promise<{ default: ExerciseMeta }>>;
}
declare module 'virtual:exercise-runtime' {
  import type { Fixture } from './catalog/fixture';
  import type { CheckTask } from './sandbox/checkKit';
  export const runtimes: Record<string, () => Promise<{ tasks: CheckTask[]; fixture: Fixture }>>;
}
declare module 'virtual:quiz' {
  import type { Question } from './catalog/question';
  import type { QuestionHtml } from './catalog/quizPlugin';
  export const questions: Question[];
  export const html: Record<string, QuestionHtml>;
}
declare module 'virtual:sdk-types' {
  const files: Record<string, string>;
  export default files;
}
