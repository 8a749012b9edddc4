import { useEffect, useState } from 'react';

/** The wall clock, refreshed every `intervalMs`: the UI's only source of time besides actions. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** Sets the tab title and starts the page at the top. */
export function usePage(title: string): void {
  useEffect(() => {
    document.title = `${title} · Secrets Lab`;
  }, [title]);
  useEffect(() => {
    window.scrollTo?.(0, 0);
  }, []);
}
