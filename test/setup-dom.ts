import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy… and waitFor wait for the page's state up to this long (Testing Library's default, 1 s, is
// shorter than a lazy page's first load on a busy two-core machine); a pass never waits longer.
configure({ asyncUtilTimeout: 15_000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
});

// What jsdom lacks and the app calls: media queries (the system theme: never dark here) and scrolling.
window.matchMedia = ((q: string) => ({
  matches: false,
  media: q,
  addEventListener() {},
  removeEventListener() {},
})) as never;
window.scrollTo = () => {};
Element.prototype.scrollIntoView = () => {};
