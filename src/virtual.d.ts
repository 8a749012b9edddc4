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
