const DOMAINS: Record<number, string> = {
  1: 'Development with AWS Services',
  2: 'Security',
  3: 'Deployment',
  4: 'Troubleshooting and Optimization',
};

/** "Security · Task 2.3" */
export function domainLabel(domain: number, task: string): string {
  return `${DOMAINS[domain] ?? `Domain ${domain}`} · Task ${task}`;
}
