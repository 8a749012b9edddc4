import type { SearchSection } from '../schema/lesson';
import { snippet } from './highlight';

/** What a search can find, in the one shape results are shown in. */
export interface SearchDoc {
  kind: 'lesson' | 'exercise' | 'question';
  /** Where the result leads, an in-app path. */
  href: string;
  /** The result's own title: a lesson section's heading, an exercise's title, a question's stem. */
  title: string;
  /** What it belongs to: the lesson's title, "Lab exercise", the question's lesson. */
  where: string;
  text: string;
}

export interface SearchHit extends Omit<SearchDoc, 'text'> {
  snippet: string;
  /** The document words that matched, to mark in the title and snippet. */
  terms: string[];
}

type Index = { search: (q: string) => SearchHit[] };
let index: Promise<Index> | undefined;

/** Lesson sections as search documents. */
export function lessonDocs(sections: readonly SearchSection[], titles: Record<string, string>): SearchDoc[] {
  return sections.map((s) => ({
    kind: 'lesson',
    href: `/lessons/${s.slug}${s.anchor ? `#${s.anchor}` : ''}`,
    title: s.heading,
    where: titles[s.slug] ?? '',
    text: s.text,
  }));
}

/**
 * The search index (MiniSearch) is built in the browser the first time the learner searches:
 * neither the library nor the text is in the initial bundle.
 */
export function loadSearchIndex(titles: Record<string, string>): Promise<Index> {
  index ??= Promise.all([import('minisearch'), import('virtual:search')]).then(
    ([{ default: MiniSearch }, { default: sections }]) => {
      const docs = lessonDocs(sections as SearchSection[], titles).map((d, id) => ({ id, ...d }));
      const ms = new MiniSearch({
        fields: ['title', 'text'],
        storeFields: ['kind', 'href', 'title', 'where', 'text'],
        searchOptions: { boost: { title: 3 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' },
      });
      ms.addAll(docs);
      return {
        search: (q: string) =>
          ms
            .search(q)
            .slice(0, 10)
            .map((r) => ({
              kind: r.kind as SearchDoc['kind'],
              href: r.href as string,
              title: r.title as string,
              where: r.where as string,
              snippet: snippet(r.text as string, r.terms),
              terms: r.terms,
            })),
      };
    },
  );
  return index;
}
