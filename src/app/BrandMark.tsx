/** The padlock mark, drawn inline so it needs no font or request. */
export function BrandMark() {
  return (
    <svg className="brand-mark" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="9" fill="var(--accent)" />
      <rect x="9" y="14" width="14" height="11" rx="2.5" fill="var(--on-accent)" />
      <path d="M12 14v-3a4 4 0 0 1 8 0v3" fill="none" stroke="var(--on-accent)" strokeWidth="2.5" />
      <circle cx="16" cy="19" r="1.6" fill="var(--accent)" />
    </svg>
  );
}
