import { useId, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { course } from '../course/lessons';
import { loadSearchIndex, type SearchHit } from './searchIndex';

const titles = Object.fromEntries(course.map((l) => [l.slug, l.title]));

/** Search across lessons: type, arrow through results, Enter opens the section. */
export function Search() {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [, navigate] = useLocation();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);

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

  const go = (hit: SearchHit) => {
    setOpen(false);
    setQuery('');
    setHits([]);
    navigate(`/lessons/${hit.slug}${hit.anchor ? `#${hit.anchor}` : ''}`);
    requestAnimationFrame(() => {
      if (hit.anchor) document.getElementById(hit.anchor)?.scrollIntoView();
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
      input.current?.blur();
    }
  };

  const showList = open && query.trim().length >= 2;
  return (
    <div className="search">
      <label htmlFor={`${listId}-input`} className="sr-only">
        Search lessons
      </label>
      <input
        ref={input}
        id={`${listId}-input`}
        type="search"
        placeholder="Search lessons…"
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
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onChange={(e) => void run(e.target.value)}
        onKeyDown={onKeyDown}
      />
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
              key={`${hit.slug}#${hit.anchor}`}
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
              <span className="search-heading">{hit.heading}</span>
              <span className="search-lesson">{hit.lessonTitle}</span>
              <span className="search-snippet">{hit.snippet}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
