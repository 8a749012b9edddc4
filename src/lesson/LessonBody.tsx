import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';
import { inAppPath } from '../ui/inAppLink';
import { useDarkMode } from '../ui/theme';
import { markLessonDiagramsKept } from './diagramCache';
import { renderDiagram } from './mermaid';

/**
 * Shows a lesson's pre-rendered HTML and brings it to life: diagrams drawn by a lazily loaded
 * mermaid (again when the theme changes), copy buttons, in-app links, and a scroll to the heading
 * named in the URL once the content is there.
 */
export function LessonBody({
  html,
  slug,
  onDiagramsDone,
}: {
  html: string;
  /** The lesson's slug, to remember that all its diagrams are kept (see diagramCache.ts). */
  slug?: string;
  onDiagramsDone?: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const dark = useDarkMode();
  const [, navigate] = useLocation();

  // biome-ignore lint/correctness/useExhaustiveDependencies: `html` and `dark` are the triggers: new content or a new theme redraws the diagrams.
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    let cancelled = false;
    const figures = [...root.querySelectorAll<HTMLElement>('figure.mermaid-diagram')];
    Promise.all(
      figures.map(async (figure) => {
        const source = figure.dataset.source ?? figure.querySelector('.mermaid-source')?.textContent ?? '';
        figure.dataset.source = source;
        figure.setAttribute('aria-busy', 'true');
        const result = await renderDiagram(source, dark);
        if (cancelled) return false;
        figure.removeAttribute('aria-busy');
        figure.replaceChildren();
        if (result.svg) {
          figure.innerHTML = result.svg;
          figure.toggleAttribute('data-from-cache', Boolean(result.cached));
          figure.classList.remove('has-error');
          figure.setAttribute('role', 'img');
          figure.setAttribute('aria-label', `Diagram: ${describe(source)}`);
          return true;
        }
        figure.classList.add('has-error');
        figure.append(errorBox(result.error ?? 'Unknown error', source));
        return false;
      }),
    ).then((drawn) => {
      if (cancelled) return;
      if (slug && drawn.length && drawn.every(Boolean)) void markLessonDiagramsKept(slug, dark);
      root.dataset.diagrams = 'done';
      // Diagrams change the page's height as they are drawn: land on the linked heading again.
      if (figures.length) scrollToHash();
      onDiagramsDone?.();
    });
    return () => {
      cancelled = true;
    };
  }, [html, dark, slug, onDiagramsDone]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: new content is the trigger to land on the linked heading.
  useEffect(() => {
    scrollToHash();
  }, [html]);

  const onClick = (event: React.MouseEvent) => {
    const target = event.target as HTMLElement;
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
    // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions lint/security/noDangerouslySetInnerHtml: clicks are delegated to the buttons and links inside (keyboard-operable themselves); the HTML is the course's own, compiled at build time.
    <div ref={ref} className="prose" onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />
  );
}

function scrollToHash() {
  const id = decodeURIComponent(window.location.hash.slice(1));
  if (id) document.getElementById(id)?.scrollIntoView();
}

function errorBox(message: string, source: string): HTMLElement {
  const box = document.createElement('div');
  box.className = 'diagram-error';
  box.setAttribute('role', 'alert');
  const title = document.createElement('strong');
  title.textContent = 'This diagram could not be drawn';
  const msg = document.createElement('pre');
  msg.className = 'diagram-error-message';
  msg.textContent = message;
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = 'Diagram source';
  const src = document.createElement('pre');
  src.textContent = source;
  details.append(summary, src);
  box.append(title, msg, details);
  return box;
}

function describe(source: string): string {
  const kind = source.trim().split(/\s/)[0] ?? 'diagram';
  return kind === 'sequenceDiagram'
    ? 'sequence diagram'
    : kind === 'graph' || kind === 'flowchart'
      ? 'flowchart'
      : kind;
}

function flash(button: HTMLButtonElement, text: string) {
  button.textContent = text;
  setTimeout(() => {
    button.textContent = 'Copy';
  }, 1500);
}
