import { cacheDiagram, cachedDiagram, diagramId, diagramKey } from './cache';
import { smallestLabel } from './measure';

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

/**
 * Lays the SVG out once, out of sight, and records its smallest label (px at natural size) on
 * it as `data-smallest-label`: kept with the SVG, so sizing it later needs no measuring.
 */
function measured(svg: string): string {
  const scratch = document.createElement('div');
  scratch.style.cssText = 'position:absolute;left:-100000px;top:0;visibility:hidden;contain:layout';
  scratch.innerHTML = svg;
  document.body.append(scratch);
  try {
    const root = scratch.querySelector('svg');
    const size = root ? smallestLabel(root) : undefined;
    if (!root || !size) return svg;
    return svg.replace(/^<svg\b/, `<svg data-smallest-label="${Math.round(size * 100) / 100}"`);
  } finally {
    scratch.remove();
  }
}
