import { expect, test } from 'vitest';
import { highlight, snippet } from './highlight';

const marked = (text: string, terms: string[]) =>
  highlight(text, terms)
    .map((p) => (p.mark ? `[${p.text}]` : p.text))
    .join('');

test('whole matched words are marked, whatever their case', () => {
  expect(marked('Rotation rotates the secret; rotation is scheduled.', ['rotation'])).toBe(
    '[Rotation] rotates the secret; [rotation] is scheduled.',
  );
  expect(marked('GetSecretValue and getsecretvalue', ['getsecretvalue'])).toBe('[GetSecretValue] and [getsecretvalue]');
});

test('a word inside another word is not marked', () => {
  expect(marked('The secretsmanager endpoint', ['secrets'])).toBe('The secretsmanager endpoint');
});

test('several terms, the longer first, and characters special to regular expressions', () => {
  expect(marked('Use aws/secretsmanager (the AWS managed key)', ['aws', 'secretsmanager', '(the'])).toBe(
    'Use [aws]/[secretsmanager] [(the] [AWS] managed key)',
  );
});

test('no terms, nothing marked', () => {
  expect(highlight('plain', [])).toEqual([{ text: 'plain', mark: false }]);
});

test('a snippet is cut around the first match, at word boundaries', () => {
  const text = `${'word '.repeat(60)}the staging label AWSPENDING moves ${'more '.repeat(60)}`;
  const s = snippet(text, ['awspending'], 80);
  expect(s).toMatch(/^…word .*AWSPENDING.* more…$/);
  expect(s.length).toBeLessThanOrEqual(82);
  expect(snippet('short text', ['none'])).toBe('short text');
});
