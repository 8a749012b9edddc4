import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy… and waitFor wait for the page's state up to this long (Testing Library's default, 1 s, is
// shorter than a lazy page's first load on a busy two-core machine); a pass never waits longer.
configure({ asyncUtilTimeout: 15_000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
});
