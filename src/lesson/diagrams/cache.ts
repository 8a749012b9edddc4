import { createStore, delMany, get, getMany, keys, set } from 'idb-keyval';
import { version as mermaidVersion } from 'mermaid/package.json';

/**
 * Drawn diagrams, kept in IndexedDB: a lesson opened again shows its diagrams with its text, in
 * the same first paint, without loading mermaid (about 250 KB gzip and a second of work on a slow
 * laptop). An entry is keyed by everything that shapes the SVG: mermaid's version, our drawing
 * settings (bump DRAWING_REVISION when `mermaid.ts` changes how it draws or what it records on
 * the SVG), the theme and the source. What this page has read or drawn is also held in memory,
 * so the lesson page can place it synchronously before the browser paints.
 * Storage that fails (private mode, quota, no IndexedDB) only means drawing again.
 */
export const DRAWING_REVISION = 3;

/** The part of every key that names this build's mermaid and drawing settings. */
const CURRENT = `mermaid ${mermaidVersion} · drawing ${DRAWING_REVISION} ·`;

let opened: ReturnType<typeof createStore> | undefined | null;
function diagramStore() {
  if (opened === undefined) {
    try {
      opened = typeof indexedDB === 'undefined' ? null : createStore('secrets-lab-diagrams', 'svg');
    } catch {
      opened = null;
    }
  }
  return opened;
}

export function diagramKey(source: string, dark: boolean): string {
  return `${CURRENT} ${dark ? 'dark' : 'light'}\n${source}`;
}

/** SVGs read from the store or drawn during this visit, by key. */
const inMemory = new Map<string, string>();

async function cachedValue(key: string): Promise<unknown> {
  const s = diagramStore();
  if (!s) return undefined;
  try {
    return await get<unknown>(key, s);
  } catch {
    return undefined;
  }
}

async function keep(key: string, value: unknown): Promise<void> {
  const s = diagramStore();
  if (!s) return;
  try {
    await set(key, value, s);
  } catch {
    /* best effort: the diagram is simply drawn again next time */
  }
}

const isSvg = (value: unknown): value is string => typeof value === 'string' && value.startsWith('<svg');

/** Holds an SVG in memory only (the build's drawings: they come with the app, see buildDrawings.ts). */
export function holdInMemory(key: string, svg: string): void {
  if (isSvg(svg)) inMemory.set(key, svg);
}

/** A kept SVG already in memory (read earlier by `readKept`, or drawn on this page). */
export function keptNow(key: string): string | undefined {
  return inMemory.get(key);
}

/** Reads these keys from the store into memory, in one transaction; `keptNow` answers after. */
export async function readKept(wanted: string[]): Promise<void> {
  const missing = wanted.filter((k) => !inMemory.has(k));
  const s = missing.length ? diagramStore() : undefined;
  if (!s) return;
  try {
    const values = await getMany<unknown>(missing, s);
    values.forEach((value, i) => {
      if (isSvg(value)) inMemory.set(missing[i] as string, value);
    });
  } catch {
    /* drawn again instead */
  }
}

export async function cachedDiagram(key: string): Promise<string | undefined> {
  const held = inMemory.get(key);
  if (held) return held;
  const svg = await cachedValue(key);
  if (!isSvg(svg)) return undefined;
  inMemory.set(key, svg);
  return svg;
}

export async function cacheDiagram(key: string, svg: string): Promise<void> {
  inMemory.set(key, svg);
  await keep(key, svg);
  void forgetOtherVersions();
}

let forgotten: Promise<void> | undefined;
/**
 * Once per page, when something new is kept: drops what older mermaid versions or drawing
 * settings drew (after an app update), so the store does not grow with every release.
 */
export function forgetOtherVersions(): Promise<void> {
  forgotten ??= (async () => {
    const s = diagramStore();
    if (!s) return;
    try {
      // (Also what is not a drawing: earlier releases kept a flag per lesson here.)
      const stale = (await keys(s)).filter((k) => typeof k !== 'string' || !k.startsWith(CURRENT));
      if (stale.length) await delMany(stale, s);
    } catch {
      /* best effort */
    }
  })();
  return forgotten;
}

/** A short, stable id for a diagram's SVG (mermaid scopes its CSS by it), from its key. */
export function diagramId(key: string): string {
  // FNV-1a, 32 bits: enough to keep the few diagrams of one page apart.
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `diagram-${(h >>> 0).toString(36)}`;
}

/** Opens the store now (a page that will read kept drawings soon saves the wait for it then). */
export function openKeptDrawings(): void {
  diagramStore();
}

/**
 * "Every diagram of this lesson is kept, in this theme": read synchronously at start-up, before the
 * lesson's text has loaded, to start loading mermaid at once unless it will not be needed. A few
 * short strings in localStorage (IndexedDB would keep mermaid waiting for the database to open).
 * After a content change, or if the drawings were cleared but not this, it may be wrong; then
 * mermaid simply loads when a diagram needs drawing.
 */
const KEPT_LESSONS = 'secrets-lab-diagrams-kept';
const lessonKey = (slug: string, dark: boolean) => `${slug} · ${CURRENT} ${dark ? 'dark' : 'light'}`;

function keptLessons(): string[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(KEPT_LESSONS) ?? '[]');
    return Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

export function lessonDiagramsKept(slug: string, dark: boolean): boolean {
  return keptLessons().includes(lessonKey(slug, dark));
}

export function markLessonDiagramsKept(slug: string, dark: boolean): void {
  const key = lessonKey(slug, dark);
  const list = keptLessons();
  if (list.includes(key)) return;
  try {
    // What an older mermaid or drawing revision kept is gone from the store: forget it here too.
    localStorage.setItem(KEPT_LESSONS, JSON.stringify([...list.filter((k) => k.includes(CURRENT)), key]));
  } catch {
    /* best effort: mermaid then loads with the lesson, as on a first visit */
  }
}
