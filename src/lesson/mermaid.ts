import { cacheDiagram, cachedDiagram, diagramId, diagramKey } from './diagramCache';

/**
 * Mermaid is ~250 KB gzip: it is imported only when a page has a diagram to draw, once, and
 * configured for the dagre layout (ELK would add ~450 KB). Renders are serialised because mermaid
 * keeps global state between `initialize` and `render`. A diagram drawn once is kept
 * (diagramCache.ts): drawn again from there, it needs no mermaid at all.
 */
type Mermaid = typeof import('mermaid').default;

let loading: Promise<Mermaid> | undefined;
let queue: Promise<unknown> = Promise.resolve();

/** Starts downloading mermaid early (when a lesson with diagrams opens, before its HTML arrives). */
export function preloadMermaid(): void {
  void loadMermaid();
}

function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then((m) => m.default);
  return loading;
}

export interface DiagramResult {
  svg?: string;
  error?: string;
  /** Drawn earlier and taken from the cache. */
  cached?: boolean;
}

export async function renderDiagram(source: string, dark: boolean): Promise<DiagramResult> {
  const key = diagramKey(source, dark);
  const svg = await cachedDiagram(key);
  if (svg) return { svg, cached: true };
  const result = await drawDiagram(source, dark, key);
  if (result.svg) void cacheDiagram(key, result.svg);
  return result;
}

function drawDiagram(source: string, dark: boolean, key: string): Promise<DiagramResult> {
  const job = queue.then(async (): Promise<DiagramResult> => {
    const mermaid = await loadMermaid();
    mermaid.initialize({
      startOnLoad: false,
      layout: 'dagre',
      securityLevel: 'strict',
      theme: dark ? 'dark' : 'default',
      fontFamily: 'inherit',
      // Edge labels sit on this colour: the dark theme's default leaves them below WCAG AA contrast.
      themeVariables: dark
        ? { edgeLabelBackground: '#1d212c', textColor: '#e5e7ee' }
        : { edgeLabelBackground: '#f1f3f8' },
    });
    // Stable per diagram, so a kept SVG's scoped CSS never meets another's (the same diagram
    // twice on one page gets a suffix).
    let id = diagramId(key);
    for (let n = 2; document.getElementById(id); n++) id = `${diagramId(key)}-${n}`;
    try {
      const { svg } = await mermaid.render(id, source);
      return { svg };
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
