import { DOMAINS } from '../schema/dva-c02';

/** "Security · Task 2.3" */
export function domainLabel(domain: number, task: string): string {
  const title = DOMAINS.find((d) => d.id === domain)?.title;
  return `${title ?? `Domain ${domain}`} · Task ${task}`;
}
