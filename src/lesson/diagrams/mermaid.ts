import { cacheDiagram, cachedDiagram, diagramId, diagramKey } from './cache';
import { DRAWING_ROOM_STYLE, mermaidConfig } from './config';
import { fontsLoaded } from './fontCheck';
import { withSmallestLabel } from './measure';

/**
 * Mermaid is ~250 KB gzip: it is imported only when a page has a diagram to draw, once, and
 * configured for the dagre layout (ELK would add ~450 KB). The build puts mermaid's core, the
 * flowchart and sequence renderers and dagre in one chunk (build/mermaidChunkPlugin.ts), so it
 * arrives in one request. Renders are serialised because mermaid keeps global state between
 * `initialize` and `render`. A diagram drawn once is kept (cache.ts): drawn again from there, it
 * needs no mermaid at all.
 */
type Mermaid = typeof import('mermaid').default;

let loading: Promise<Mermaid> | undefined;
let queue: Promise<unknown> = Promise.resolve();
let fontReady: Promise<void> | undefined;

/** Starts downloading mermaid early (when a lesson with diagrams opens, before its HTML arrives). */
export function preloadMermaid(): void {
  void loadMermaid();
}

function loadMermaid(): Promise<Mermaid> {
  if (!loading) {
    const start = performance.now();
    loading = import('mermaid').then((m) => {
      // Download and evaluation, for `npm run bench -- diagrams` (as the measures below).
      performance.measure('mermaid:load', { start });
      return m.default;
    });
  }
  return loading;
}

/** The theme mermaid was last configured for: `initialize` runs again only when it changes. */
let configured: boolean | undefined;

export interface DiagramResult {
  svg?: string;
  error?: string;
  /** Drawn earlier and taken from the cache. */
  cached?: boolean;
}

/** Diagrams being drawn now, by key: asked for twice (the next lesson made ready, then opened), drawn once. */
const drawing = new Map<string, Promise<DiagramResult>>();

export async function renderDiagram(source: string, dark: boolean): Promise<DiagramResult> {
  const key = diagramKey(source, dark);
  const svg = await cachedDiagram(key);
  if (svg) return { svg, cached: true };
  let job = drawing.get(key);
  if (!job) {
    job = drawDiagram(source, dark, key).then((result) => {
      if (result.svg) void cacheDiagram(key, result.svg);
      return result;
    });
    drawing.set(key, job);
    void job.finally(() => drawing.delete(key));
  }
  return job;
}

function drawDiagram(source: string, dark: boolean, key: string): Promise<DiagramResult> {
  const job = queue.then(async (): Promise<DiagramResult> => {
    const mermaid = await loadMermaid();
    // Mermaid sizes each box to its label as measured now: in the page's font, not a fallback.
    fontReady ??= fontsLoaded(getComputedStyle(document.body).fontFamily);
    await fontReady;
    if (configured !== dark) configure(mermaid, dark);
    // Stable per diagram, so a kept SVG's scoped CSS never meets another's (the same diagram
    // twice on one page gets a suffix).
    let id = diagramId(key);
    for (let n = 2; document.getElementById(id); n++) id = `${diagramId(key)}-${n}`;
    try {
      const start = performance.now();
      const { svg } = await mermaid.render(id, source, drawingRoom());
      performance.measure('diagram:render', { start });
      return { svg: measured(svg) };
    } catch (e) {
      // A failed render leaves its scratch element behind.
      document.getElementById(id)?.remove();
      document.getElementById(`d${id}`)?.remove();
      return { error: e instanceof Error ? e.message : String(e) };
    }
  });
  queue = job.catch(() => undefined);
  return job;
}

function configure(mermaid: Mermaid, dark: boolean): void {
  configured = dark;
  mermaid.initialize(mermaidConfig(dark));
}

/**
 * Where mermaid draws (it lays each drawing out in the page to measure its text, then takes the SVG
 * away): out of sight, hidden from assistive technology, and laid out on its own (`contain`), so
 * a drawing made while the learner reads (the next lesson's) neither moves nor relays the page,
 * nor shows up half-drawn to a screen reader. Inside the body, so text has the page's font.
 */
function drawingRoom(): HTMLElement {
  let room = document.getElementById('diagram-drawing-room');
  if (!room) {
    room = document.createElement('div');
    room.id = 'diagram-drawing-room';
    room.setAttribute('aria-hidden', 'true');
    room.style.cssText = DRAWING_ROOM_STYLE;
    document.body.append(room);
  }
  return room;
}

/** The SVG with its smallest label recorded on it (measure.ts), timed for the bench. */
function measured(svg: string): string {
  const start = performance.now();
  try {
    return withSmallestLabel(svg, drawingRoom());
  } finally {
    performance.measure('diagram:measure', { start });
  }
}
