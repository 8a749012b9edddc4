import { type DomainId, domainOf } from '../../schema/dva-c02';
import type { Difficulty } from '../../schema/questionTypes';

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];

/** "TWO", as the exam's stems say it. */
export function countWord(n: number): string {
  return (WORDS[n] ?? String(n)).toUpperCase();
}

export function optionLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

export function domainName(id: DomainId): string {
  return domainOf(id).title;
}

export const DIFFICULTY: Record<Difficulty, string> = { 1: 'Easy', 2: 'Medium', 3: 'Hard' };

/** Markdown → plain words, for labels read by screen readers. */
export function plainText(markdown: string): string {
  return markdown.replace(/[`*_]/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
}
