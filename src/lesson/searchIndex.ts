import type MiniSearch from 'minisearch';
import type { SearchSection } from '../schema/lesson';
import type { Question, QuestionHtml } from '../schema/questionTypes';
import { snippet } from './highlight';

/** What a search can find, in the one shape results are shown in. */
export interface SearchDoc {
  kind: 'lesson' | 'exercise' | 'question';
  /** Where the result leads, an in-app path. */
  href: string;
  /** The result's own title: a lesson section's heading, an exercise's title, a question's stem. */
  title: string;
  /** What it belongs to: the lesson's title, "Lab exercise 3", the question's lesson. */
  where: string;
  text: string;
}

export interface SearchHit extends Omit<SearchDoc, 'text'> {
  snippet: string;
  /** The document words that matched, to mark in the title and snippet. */
  terms: string[];
}

export type SearchIndex = { search: (q: string) => SearchHit[] };
let index: Promise<SearchIndex> | undefined;

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

/** The lab's exercises as search documents: title, summary and instructions (never hints or code). */
export function exerciseDocs(
  exercises: readonly { slug: string; title: string; summary: string }[],
  instructionsHtml: Record<string, string | undefined>,
): SearchDoc[] {
  return exercises.map((e, i) => {
    const html = instructionsHtml[e.slug];
    return {
      kind: 'exercise',
      href: `/lab/${e.slug}`,
      title: e.title,
      where: `Lab exercise ${i + 1}`,
      text: html ? `${e.summary} ${plainText(html)}` : e.summary,
    };
  });
}

/** The question bank as search documents: the scenario, the options and their explanations. */
export function questionDocs(
  questions: readonly Question[],
  html: Record<string, QuestionHtml | undefined>,
  titles: Record<string, string>,
): SearchDoc[] {
  return questions.map((q) => {
    const h = html[q.id];
    const stem = h ? plainText(h.stem) : q.stem;
    const options = h
      ? Object.values(h.options).map((o) => `${plainText(o.text)} ${plainText(o.explanation)}`)
      : q.options.map((o) => o.text);
    return {
      kind: 'question',
      href: `/quiz/question/${q.id}`,
      title: shorten(stem, 110),
      where: titles[q.lesson.split('#')[0] ?? ''] ?? '',
      text: `${stem} ${options.join(' ')}`,
    };
  });
}

/** The words of the course's own HTML (parsed inert, in a template: nothing loads or runs). */
function plainText(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  return (template.content.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function shorten(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.lastIndexOf(' ', length);
  return `${text.slice(0, cut > 0 ? cut : length)}…`;
}

/**
 * A MiniSearch index over the documents: titles weigh three times the text, a word matches its
 * prefix and small typos, and every word of the query must match. Results: ten at most.
 */
export function searchOver(MiniSearchClass: typeof MiniSearch, docs: readonly SearchDoc[]): SearchIndex {
  const ms = new MiniSearchClass<SearchDoc & { id: number }>({
    fields: ['title', 'text'],
    storeFields: ['kind', 'href', 'title', 'where', 'text'],
    searchOptions: { boost: { title: 3 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' },
  });
  ms.addAll(docs.map((d, id) => ({ id, ...d })));
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
}

/**
 * The search index is built in the browser the first time the learner searches: neither the
 * library nor the texts (lesson sections, exercises' instructions, the question bank) are in the
 * first page's bundle.
 */
export function loadSearchIndex(titles: Record<string, string>): Promise<SearchIndex> {
  index ??= Promise.all([
    import('minisearch'),
    import('virtual:search'),
    import('../course/exercises'),
    import('../course/questions'),
  ]).then(async ([{ default: MiniSearchClass }, { default: sections }, exercises, questions]) => {
    const loaded = await Promise.allSettled(exercises.exerciseList.map((e) => exercises.loadExercise(e.slug)));
    const instructions = Object.fromEntries(
      loaded.flatMap((r) => (r.status === 'fulfilled' ? [[r.value.slug, r.value.html] as const] : [])),
    );
    const html = Object.fromEntries(questions.bank.map((q) => [q.id, questions.questionHtml(q.id)]));
    return searchOver(MiniSearchClass, [
      ...lessonDocs(sections as SearchSection[], titles),
      ...exerciseDocs(exercises.exerciseList, instructions),
      ...questionDocs(questions.bank, html, titles),
    ]);
  });
  return index;
}
