import Markdown from 'markdown-to-jsx/react';

const OPTIONS = {
  // Check messages and hints are one paragraph: no block wrapper around them.
  forceInline: true,
  // Text only becomes elements through markdown syntax: `<img onerror=…>` stays text. Link URLs go
  // through the library's sanitizer (no javascript:, vbscript: or data: links).
  disableParsingRawHTML: true,
  overrides: { a: { props: { target: '_blank', rel: 'noopener noreferrer' } } },
};

/**
 * A hint or a check message with its Markdown drawn (`code`, *emphasis*, **strong**, links), as
 * React elements built by markdown-to-jsx: no HTML string is ever put into the page.
 */
export function InlineMarkdown({ text }: { text: string }) {
  return <Markdown options={OPTIONS}>{text}</Markdown>;
}
