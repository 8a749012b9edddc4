import { lazy, Suspense, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { inAppPath } from '../ui/inAppLink';
import { useDarkMode } from '../ui/theme';
import { loadBuildDrawings } from './diagrams/buildDrawings';
import { markLessonDiagramsKept } from './diagrams/cache';
import { columnOf, diagramTitle, refit, shownDrawing } from './diagrams/figure';
import type { Drawing } from './diagrams/layout';
import { drawRest, showKept } from './diagrams/present';
import { prepareLessonWhenIdle } from './preload';

// Pan and zoom load with the first "Enlarge" (and are fetched while the page is idle before that).
const loadDialog = () => import('./diagrams/DiagramDialog');
const DiagramDialog = lazy(loadDialog);

/**
 * Shows a lesson's pre-rendered HTML and brings it to life: diagrams (kept ones in the first
 * paint, the rest drawn by a lazily loaded mermaid, again when the theme changes) with an
 * "Enlarge" view, copy buttons, in-app links, and a scroll to the heading named in the URL once
 * the content is there.
 */
export function LessonBody({
  html,
  slug,
  next,
}: {
  html: string;
  /** The lesson's slug, to remember that all its diagrams are kept (see diagrams/cache.ts). */
  slug?: string;
  /** The next lesson's slug: made ready while this one is read (see preload.ts). */
  next?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const dark = useDarkMode();
  const [, navigate] = useLocation();
  const [enlarged, setEnlarged] = useState<{ drawing: Drawing; title: string }>();

  // A layout effect: diagrams kept from an earlier visit are placed before the browser paints.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `html` and `dark` are the triggers: new content or a new theme redraws the diagrams.
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    let cancelled = false;
    let stopPreparing = () => {};
    markScrollingTables(root);
    const figures = [...root.querySelectorAll<HTMLElement>('figure.mermaid-diagram')];
    const finish = (allDrawn: boolean) => {
      if (cancelled) return;
      if (slug && figures.length && allDrawn) markLessonDiagramsKept(slug, dark);
      root.dataset.diagrams = 'done';
      if (figures.length) {
        performance.mark('lesson:diagrams');
        // Diagrams change the page's height as they are drawn: land on the linked heading again.
        scrollToHash();
        prefetchWhenIdle(loadDialog);
      }
      // Its figures will have the width this page's have (a lesson without any: no turned drawings).
      const first = figures[0];
      if (next) stopPreparing = prepareLessonWhenIdle(next, () => (first?.isConnected ? columnOf(first) : 0));
    };
    const rest = showKept(figures, dark);
    if (!rest.length) finish(true);
    else {
      root.dataset.diagrams = 'drawing';
      // (A new theme: the build's drawings in it load first, if it made any.)
      void (slug ? loadBuildDrawings(slug, dark) : Promise.resolve())
        .then(() => drawRest(rest, dark, () => cancelled))
        .then(finish);
    }
    return () => {
      cancelled = true;
      stopPreparing();
    };
  }, [html, dark, slug, next]);

  // A new column width (a phone turned, a window resized) may suit the other drawing of a flowchart.
  useEffect(() => {
    const root = ref.current;
    if (!root || typeof ResizeObserver === 'undefined') return;
    let width = root.clientWidth;
    const observer = new ResizeObserver(() => {
      if (root.clientWidth === width) return;
      width = root.clientWidth;
      markScrollingTables(root);
      for (const figure of root.querySelectorAll<HTMLElement>('figure.mermaid-diagram')) refit(figure);
    });
    observer.observe(root);
    return () => observer.disconnect();
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: new content is the trigger to land on the linked heading.
  useEffect(() => {
    scrollToHash();
  }, [html]);

  const onClick = (event: React.MouseEvent) => {
    const target = event.target as HTMLElement;
    const enlarge = target.closest('button.diagram-enlarge');
    if (enlarge) {
      const figure = enlarge.closest<HTMLElement>('figure.mermaid-diagram');
      const drawing = figure && shownDrawing(figure);
      if (figure && drawing) setEnlarged({ drawing, title: diagramTitle(figure) });
      return;
    }
    const copy = target.closest('button.copy-button');
    if (copy) {
      const code = copy.closest('.code-block')?.querySelector('pre')?.textContent ?? '';
      void navigator.clipboard?.writeText(code).then(
        () => flash(copy as HTMLButtonElement, 'Copied'),
        () => flash(copy as HTMLButtonElement, 'Copy failed'),
      );
      return;
    }
    const link = target.closest('a');
    const path = link ? inAppPath(link, event) : undefined;
    if (path) {
      event.preventDefault();
      navigate(path);
      const hash = path.split('#')[1];
      if (hash) requestAnimationFrame(() => document.getElementById(hash)?.scrollIntoView());
      else window.scrollTo(0, 0);
    }
  };

  return (
    <>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions lint/security/noDangerouslySetInnerHtml: clicks are delegated to the buttons and links inside (keyboard-operable themselves); the HTML is the course's own, compiled at build time. */}
      <div ref={ref} className="prose" onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />
      {enlarged && (
        <Suspense fallback={null}>
          <DiagramDialog drawing={enlarged.drawing} title={enlarged.title} onClose={() => setEnlarged(undefined)} />
        </Suspense>
      )}
    </>
  );
}

/**
 * A table wider than the column scrolls sideways (see styles.css): it joins the tab order so the
 * keyboard can scroll it too (a scrolling region nobody can reach is an accessibility failure).
 */
function markScrollingTables(root: HTMLElement) {
  for (const table of root.querySelectorAll<HTMLElement>('table')) {
    if (table.scrollWidth > table.clientWidth + 1) table.tabIndex = 0;
    else table.removeAttribute('tabindex');
  }
}

function scrollToHash() {
  const id = decodeURIComponent(window.location.hash.slice(1));
  if (id) document.getElementById(id)?.scrollIntoView();
}

function prefetchWhenIdle(load: () => Promise<unknown>) {
  const start = () => void load().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 5000 });
  else setTimeout(start, 2000);
}

function flash(button: HTMLButtonElement, text: string) {
  button.textContent = text;
  setTimeout(() => {
    button.textContent = 'Copy';
  }, 1500);
}
