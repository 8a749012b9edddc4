import { expect, test } from 'vitest';
import { renderMarkdown } from './markdown';
import { classifyUrl } from './safeUrls';

test('web, mail, relative and #anchor addresses are allowed and told apart', () => {
  expect(classifyUrl('https://docs.aws.amazon.com/')).toEqual({ kind: 'external' });
  expect(classifyUrl('http://example.com/a')).toEqual({ kind: 'external' });
  expect(classifyUrl('//example.com/a')).toEqual({ kind: 'external' });
  expect(classifyUrl('mailto:course@example.com')).toEqual({ kind: 'mail' });
  for (const url of ['/lab', 'rotation.md#the-four-steps', '../quiz', '#a-heading', '?q=1'])
    expect(classifyUrl(url)).toEqual({ kind: 'internal' });
});

test('every other scheme is refused, however it is spelt', () => {
  for (const url of [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'blob:https://example.com/x',
  ])
    expect(classifyUrl(url), url).toHaveProperty('refused');
  expect(classifyUrl('http://[bad')).toEqual({ refused: 'it is not a valid address' });
});

test('the HTML keeps no refused address, and a link to another host opens apart from the page', async () => {
  // Prepare: each way markdown makes a link (inline, entity-encoded, reference, autolink, image).
  const markdown = [
    '[a](javascript:alert(1)) [b](&#106;avascript:alert(2)) [c][ref] <vbscript:msgbox(3)> ![d](data:image/png;base64,AA==)',
    '[e](//example.com/page) [f](https://example.com/)',
    '',
    '[ref]: javascript:alert(4)',
  ].join('\n');
  // Act
  const { html, refused } = await renderMarkdown(markdown);
  // Assess
  expect(html).not.toMatch(/(href|src)="\s*(javascript|vbscript|data):/i);
  expect(html).toContain('<p>a b c vbscript:msgbox(3) d');
  expect(refused.map((r) => [r.line, r.column])).toEqual([
    [1, 1],
    [1, 26],
    [1, 65],
    [1, 86],
    [4, 1],
  ]);
  expect(html).toContain('<a href="//example.com/page" target="_blank" rel="noopener noreferrer">e</a>');
  expect(html).toContain('<a href="https://example.com/" target="_blank" rel="noopener noreferrer">f</a>');
});
