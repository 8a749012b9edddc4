import { z } from 'zod';

/**
 * The frontmatter of a lesson (`content/lessons/<slug>.md`). This schema is the authors'
 * documentation: content/README.md's field table is generated from these descriptions.
 */
export const lessonFrontmatterSchema = z
  .object({
    title: z.string().min(3).max(120).describe('The lesson title, shown in the outline and as the page heading.'),
    order: z.number().int().positive().describe('Position in the course: 1, 2, 3... Unique across lessons.'),
    summary: z.string().min(10).max(400).describe('One or two sentences shown under the title and in the outline.'),
    domain: z
      .number()
      .int()
      .min(1)
      .max(4)
      .describe(
        'DVA-C02 domain: 1 Development with AWS Services, 2 Security, 3 Deployment, 4 Troubleshooting and Optimization.',
      ),
    task: z
      .string()
      .regex(/^[1-4]\.[1-4]$/, 'Expected a task statement like "2.3"')
      .describe(
        'The DVA-C02 task statement the lesson serves, e.g. "2.3" (Manage sensitive data in application code).',
      ),
    minutes: z.number().int().min(1).max(120).describe('Estimated reading time in minutes.'),
    sources: z
      .array(z.url({ protocol: /^https$/, error: 'a source is an https:// address, e.g. an AWS documentation page' }))
      .min(1)
      .optional()
      .describe("Authoring notes: the AWS documentation pages (https addresses) the lesson's facts follow."),
  })
  .strict();

export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;

export interface LessonHeading {
  depth: number;
  id: string;
  text: string;
}

/** What the app knows about a lesson without loading its body. */
export interface LessonMeta extends LessonFrontmatter {
  slug: string;
  headings: LessonHeading[];
  diagrams: number;
}

/** A section of a lesson as plain text, for the search index. */
export interface SearchSection {
  slug: string;
  anchor: string;
  heading: string;
  text: string;
}

export interface CompiledLesson extends LessonMeta {
  /** Source file, relative to the project root. */
  file: string;
  html: string;
  sections: SearchSection[];
}
