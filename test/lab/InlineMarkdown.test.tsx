import { render } from '@testing-library/react';
import { expect, test } from 'vitest';
import { InlineMarkdown } from '../../src/lab/InlineMarkdown';

test('a check message draws its code, emphasis and links', () => {
  const { container } = render(
    <InlineMarkdown text="Call `client.send(...)` *once*; see [the guide](https://docs.aws.amazon.com/secretsmanager/)." />,
  );
  expect(container.querySelector('code')?.textContent).toBe('client.send(...)');
  expect(container.querySelector('em')?.textContent).toBe('once');
  const link = container.querySelector('a');
  expect(link?.getAttribute('href')).toBe('https://docs.aws.amazon.com/secretsmanager/');
  expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  expect(container.querySelector('p, div')).toBeNull();
});

test('raw HTML stays text and script links are dropped', () => {
  const { container } = render(
    <InlineMarkdown
      text={'<img src=x onerror="alert(1)"> and [click](javascript:alert(1)) and [data](data:text/html,x)'}
    />,
  );
  expect(container.querySelector('img')).toBeNull();
  expect(container.textContent).toContain('<img src=x onerror="alert(1)">');
  for (const a of container.querySelectorAll('a'))
    expect(a.getAttribute('href') ?? '').not.toMatch(/^(javascript|data):/i);
});
