import type { SearchSection } from '../schema/lesson';

export interface SearchHit {
  slug: string;
  anchor: string;
  heading: string;
  lessonTitle: string;
  snippet: string;
}

type Index = { search: (q: string) => SearchHit[] };
let index: Promise<Index> | undefined;

/**
 * The search index (MiniSearch over lesson sections) is built in the browser the first time the
 * learner searches: neither the library nor the text is in the initial bundle.
 */
export function loadSearchIndex(titles: Record<string, string>): Promise<Index> {
  index ??= Promise.all([import('minisearch'), import('virtual:search')]).then(
    ([{ default: MiniSearch }, { default: sections }]) => {
      const docs = (sections as SearchSection[]).map((s, id) => ({ id, ...s }));
      const ms = new MiniSearch({
        fields: ['heading', 'text'],
        storeFields: ['slug', 'anchor', 'heading', 'text'],
        searchOptions: { boost: { heading: 3 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' },
      });
      ms.addAll(docs);
      return {
        search: (q: string) =>
          ms
            .search(q)
            .slice(0, 8)
            .map((r) => ({
              slug: r.slug as string,
              anchor: r.anchor as string,
              heading: r.heading as string,
              lessonTitle: titles[r.slug as string] ?? '',
              snippet: snippet(r.text as string, r.terms),
            })),
      };
    },
  );
  return index;
}

function snippet(text: string, terms: string[]): string {
  const lower = text.toLowerCase();
  const at = Math.max(0, Math.min(...terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0), text.length));
  const start = Math.max(0, at - 40);
  return `${start > 0 ? '…' : ''}${text.slice(start, start + 140)}${start + 140 < text.length ? '…' : ''}`;
}
