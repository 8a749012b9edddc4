/**
 * The AWS Certified Developer – Associate (DVA-C02) exam as data: its shape, its four domains with
 * their weights, and the task statements each question and lesson is filed under. Source: the
 * DVA-C02 exam guide. The quiz engine builds exam blueprints and per-domain results from this file.
 */

export type DomainId = 1 | 2 | 3 | 4;

export interface TaskStatement {
  /** "2.3": domain, dot, task number. */
  id: string;
  title: string;
}

export interface ExamDomain {
  id: DomainId;
  title: string;
  /** Share of the scored questions, in percent; the four weights sum to 100. */
  weight: number;
  tasks: readonly TaskStatement[];
}

export const DVA_C02 = {
  code: 'DVA-C02',
  title: 'AWS Certified Developer – Associate',
  /** 65 questions: 50 scored and 15 unscored, indistinguishable to the candidate. */
  questionCount: 65,
  scoredCount: 50,
  unscoredCount: 15,
  minutes: 130,
  /** Scaled score range and the pass line. */
  minScaled: 100,
  maxScaled: 1000,
  passingScaled: 720,
} as const;

export const DOMAINS: readonly ExamDomain[] = [
  {
    id: 1,
    title: 'Development with AWS Services',
    weight: 32,
    tasks: [
      { id: '1.1', title: 'Develop code for applications hosted on AWS' },
      { id: '1.2', title: 'Develop code for AWS Lambda' },
      { id: '1.3', title: 'Use data stores in application development' },
    ],
  },
  {
    id: 2,
    title: 'Security',
    weight: 26,
    tasks: [
      { id: '2.1', title: 'Implement authentication and/or authorization for applications and AWS services' },
      { id: '2.2', title: 'Implement encryption by using AWS services' },
      { id: '2.3', title: 'Manage sensitive data in application code' },
    ],
  },
  {
    id: 3,
    title: 'Deployment',
    weight: 24,
    tasks: [
      { id: '3.1', title: 'Prepare application artifacts to be deployed to AWS' },
      { id: '3.2', title: 'Test applications in development environments' },
      { id: '3.3', title: 'Automate deployment testing' },
      { id: '3.4', title: 'Deploy code by using AWS CI/CD services' },
    ],
  },
  {
    id: 4,
    title: 'Troubleshooting and Optimization',
    weight: 18,
    tasks: [
      { id: '4.1', title: 'Assist in a root cause analysis' },
      { id: '4.2', title: 'Instrument code for observability' },
      { id: '4.3', title: 'Optimize applications by using AWS services and features' },
    ],
  },
];

export const DOMAIN_IDS: readonly DomainId[] = [1, 2, 3, 4];

export const TASK_IDS: readonly string[] = DOMAINS.flatMap((d) => d.tasks.map((t) => t.id));

export function domainOf(id: DomainId): ExamDomain {
  const domain = DOMAINS.find((d) => d.id === id);
  if (!domain) throw new RangeError(`No DVA-C02 domain ${id}`);
  return domain;
}

/** The task statement with this id ("2.3"), or undefined. */
export function taskOf(id: string): TaskStatement | undefined {
  return DOMAINS.flatMap((d) => d.tasks).find((t) => t.id === id);
}
