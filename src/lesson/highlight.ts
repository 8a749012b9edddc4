/** A piece of text, marked when it is one of the matched words. */
export interface Piece {
  text: string;
  mark: boolean;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Splits text into pieces, marking every whole word that is one of `terms` (case-insensitive).
 * The terms are the words of the documents that matched (MiniSearch's `terms`), so a prefix or
 * fuzzy query marks the word it found ("rota" marks "rotation").
 */
export function highlight(text: string, terms: readonly string[]): Piece[] {
  const words = [...new Set(terms.filter(Boolean))].sort((a, b) => b.length - a.length).map(escapeRegExp);
  if (!words.length) return [{ text, mark: false }];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const pieces: Piece[] = [];
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > at) pieces.push({ text: text.slice(at, m.index), mark: false });
    pieces.push({ text: m[0], mark: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), mark: false });
  return pieces;
}

/**
 * About `length` characters of text around its first matched word, cut at word boundaries,
 * with an ellipsis where it was cut.
 */
export function snippet(text: string, terms: readonly string[], length = 150): string {
  const first = highlight(text, terms).findIndex((p) => p.mark);
  const at =
    first < 0
      ? 0
      : highlight(text, terms)
          .slice(0, first)
          .reduce((n, p) => n + p.text.length, 0);
  let start = Math.max(0, at - Math.round(length / 3));
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  let end = Math.min(text.length, start + length);
  if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}
