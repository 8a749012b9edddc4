import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { type ExerciseMeta, exerciseFrontmatterSchema, type WrongAnswer } from '../schema/exercise.ts';
import { type Fixture, fixtureSchema } from '../schema/fixture.ts';
import { fieldProblems } from './fieldProblems.ts';
import { readFrontmatter } from './frontmatter.ts';
import { type RenderOptions, renderMarkdown } from './markdown.ts';
import type { DiagramBlock } from './mermaidCheck.ts';
import { type Problem, parseLocatedYaml } from './problems.ts';
import { yamlSyntaxProblems } from './yamlProblems.ts';

export interface LoadedExercise {
  meta: ExerciseMeta;
  dir: string;
  /** Absolute path of checks.ts (imported by the sandbox bundle and by Node tools). */
  checksPath: string;
  fixture: Fixture;
  wrong: WrongAnswer[];
}

const REQUIRED = ['exercise.md', 'starter.ts', 'solution.ts', 'checks.ts', 'fixture.yaml'];

/**
 * Reads every exercise folder under `<content>/exercises/`: frontmatter and instructions, starter,
 * solution, fixture and known-wrong answers. Checks code is not run here (see src/sandbox).
 */
export async function loadExercises(
  dir: string,
  root = process.cwd(),
  options: RenderOptions = {},
): Promise<{ exercises: LoadedExercise[]; problems: Problem[]; diagrams: DiagramBlock[] }> {
  const base = path.join(dir, 'exercises');
  const slugs = (await readdir(base, { withFileTypes: true }).catch(() => []))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const problems: Problem[] = [];
  const exercises: LoadedExercise[] = [];
  const diagrams: DiagramBlock[] = [];
  for (const slug of slugs) {
    const folder = path.join(base, slug);
    const rel = (name: string) => path.relative(root, path.join(folder, name)).split(path.sep).join('/');
    const files = new Set(await readdir(folder));
    const missing = REQUIRED.filter((f) => !files.has(f));
    for (const f of missing)
      problems.push({
        file: rel(f),
        line: 1,
        column: 1,
        message: `Missing file: every exercise folder needs ${REQUIRED.join(', ')}`,
      });
    if (missing.length) continue;
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug))
      problems.push({
        file: rel('exercise.md'),
        line: 1,
        column: 1,
        message: `Folder name "${slug}" must be lowercase-kebab-case (it is the exercise's URL)`,
      });
    const read = (name: string) => readFile(path.join(folder, name), 'utf8');
    const fm = readFrontmatter(rel('exercise.md'), await read('exercise.md'), exerciseFrontmatterSchema);
    problems.push(...fm.problems);
    const yamlText = await read('fixture.yaml');
    const y = parseLocatedYaml(yamlText);
    const syntax = yamlSyntaxProblems(rel('fixture.yaml'), y);
    problems.push(...syntax);
    const parsed = syntax.length ? undefined : fixtureSchema.safeParse(y.doc.toJS() ?? {});
    if (parsed && !parsed.success)
      problems.push(...fieldProblems(rel('fixture.yaml'), y, parsed.error, { schema: fixtureSchema }));
    const wrong: WrongAnswer[] = [];
    if (files.has('wrong')) {
      for (const name of (await readdir(path.join(folder, 'wrong'))).filter((n) => n.endsWith('.ts')).sort()) {
        const code = await read(path.join('wrong', name));
        const m = code.match(/^\/\/ expect: ([a-z0-9-]+): (.+)$/m);
        if (!m?.[1] || !m[2]) {
          problems.push({
            file: rel(`wrong/${name}`),
            line: 1,
            column: 1,
            message: 'A wrong answer starts with a line "// expect: <task-id>: <text of the failure message>"',
          });
          continue;
        }
        wrong.push({ file: rel(`wrong/${name}`), code, taskId: m[1], message: m[2].trim() });
      }
    }
    // The instructions are checked even when the frontmatter or the fixture is broken: every problem at once.
    const rendered = await renderMarkdown(fm.body, fm.bodyLine, options);
    problems.push(...rendered.refused.map((r) => ({ file: rel('exercise.md'), ...r })));
    diagrams.push(...rendered.diagrams.map((d) => ({ file: rel('exercise.md'), ...d })));
    if (!fm.data || !parsed?.success) continue;
    exercises.push({
      meta: {
        ...fm.data,
        slug,
        html: rendered.html,
        starter: await read('starter.ts'),
        solution: await read('solution.ts'),
      },
      dir: folder,
      checksPath: path.join(folder, 'checks.ts'),
      fixture: parsed.data,
      wrong,
    });
  }
  exercises.sort((a, b) => a.meta.order - b.meta.order);
  return { exercises, problems, diagrams };
}
