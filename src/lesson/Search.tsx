import { useEffect, useId, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { course } from '../course/lessons';
import { highlight } from './highlight';
import { loadSearchIndex, type SearchDoc, type SearchHit } from './searchIndex';

const titles = Object.fromEntries(course.map((l) => [l.slug, l.title]));
const KIND: Record<SearchDoc['kind'], string> = { lesson: 'Lesson', exercise: 'Lab', question: 'Question' };

/**
 * Search the course: type, arrow through results, Enter opens one. Matched words are marked.
 * On a phone the box folds into a button in the top bar and opens over it, full width.
 */
export function Search() {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const [, navigate] = useLocation();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  // The list folds a moment after the input loses focus (so a click on a result lands first); the
  // timer is cleared if the search is unmounted meanwhile, so it never sets state on a gone component.
  const foldTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(foldTimer.current), []);

  useEffect(() => {
    if (expanded) input.current?.focus();
  }, [expanded]);

  const run = async (q: string) => {
    setQuery(q);
    setActive(0);
    if (q.trim().length < 2) {
      setHits([]);
      return;
    }
    const index = await loadSearchIndex(titles);
    setHits(index.search(q));
    setOpen(true);
  };

  const fold = (focusToggle: boolean) => {
    setExpanded(false);
    if (focusToggle) toggle.current?.focus();
  };

  const go = (hit: SearchHit) => {
    setOpen(false);
    setQuery('');
    setHits([]);
    fold(false);
    navigate(hit.href);
    const anchor = hit.href.split('#')[1];
    requestAnimationFrame(() => {
      if (anchor) document.getElementById(anchor)?.scrollIntoView();
      else window.scrollTo(0, 0);
    });
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && hits[active]) {
      e.preventDefault();
      go(hits[active]);
    } else if (e.key === 'Escape') {
      setOpen(false);
      if (expanded) fold(true);
      else input.current?.blur();
    }
  };

  const showList = open && query.trim().length >= 2;
  return (
    <div className={expanded ? 'search search-open' : 'search'}>
      <button
        ref={toggle}
        type="button"
        className="search-toggle"
        aria-label="Search the course"
        aria-expanded={expanded}
        aria-controls={`${listId}-field`}
        onClick={() => setExpanded(true)}
      >
        <span className="search-icon" aria-hidden="true" />
      </button>
      <div className="search-field" id={`${listId}-field`}>
        <label htmlFor={`${listId}-input`} className="sr-only">
          Search lessons, exercises and questions
        </label>
        <input
          ref={input}
          id={`${listId}-input`}
          type="search"
          placeholder="Search…"
          autoComplete="off"
          role="combobox"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={showList && hits[active] ? `${listId}-${active}` : undefined}
          value={query}
          onFocus={() => {
            void loadSearchIndex(titles);
            setOpen(true);
          }}
          onBlur={() => {
            clearTimeout(foldTimer.current);
            foldTimer.current = setTimeout(() => {
              setOpen(false);
              if (!input.current?.value) setExpanded(false);
            }, 150);
          }}
          onChange={(e) => void run(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="search-close" onClick={() => fold(true)}>
          Cancel
        </button>
        {showList && (
          // The ARIA combobox pattern: focus stays in the input, options are pointed at by aria-activedescendant.
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a listbox of options is this pattern's markup.
          <ul id={listId} role="listbox" className="search-results" aria-label="Search results">
            {hits.length === 0 && (
              // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole lint/a11y/useFocusableInteractive: see the listbox above.
              <li className="search-empty" role="option" aria-selected={false} aria-disabled="true">
                No matches for “{query}”
              </li>
            )}
            {hits.map((hit, i) => (
              // biome-ignore lint/a11y/useFocusableInteractive: see the listbox above.
              <li
                key={hit.href}
                id={`${listId}-${i}`}
                // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: see the listbox above.
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  go(hit);
                }}
              >
                <span className="search-heading">
                  <span className={`search-kind search-kind-${hit.kind}`}>{KIND[hit.kind]}</span>{' '}
                  <Marked text={hit.title} terms={hit.terms} />
                </span>
                {hit.where && <span className="search-lesson">{hit.where}</span>}
                <span className="search-snippet">
                  <Marked text={hit.snippet} terms={hit.terms} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function Marked({ text, terms }: { text: string; terms: string[] }) {
  return (
    <>
      {highlight(text, terms).map((p, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one text, in order; they never move.
        p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>,
      )}
    </>
  );
}
