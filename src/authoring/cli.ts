import { readFile, writeFile } from 'node:fs/promises';
import { register } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentDir } from '../compiler/loadLessons.ts';
import { formatProblem } from '../compiler/problems.ts';
import { checkContent } from './checkContent.ts';
import { takeContentOption } from './contentOption.ts';
import { updateFieldTables } from './fieldTables.ts';

/**
 * `npm run content:check [-- [--write-docs] [--no-prove] [--content folder]]`: every problem in the
 * content folder (default `content/`, or `SECRETS_LAB_CONTENT`; a bare folder argument works too) as `file:line:column  message`, all at
 * once; exit code 1 when any is an error. `--write-docs` first regenerates content/README.md's
 * field tables from the schemas; `--no-prove` skips running the exercises (quicker while writing).
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

let option: ReturnType<typeof takeContentOption>;
try {
  option = takeContentOption(process.argv.slice(2));
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
const args = option.rest;
const flags = new Set(args.filter((a) => a.startsWith('--')));
const unknown = [...flags].filter((f) => !['--write-docs', '--no-prove'].includes(f));
if (unknown.length) {
  console.error(
    `Unknown option ${unknown.join(', ')}. Usage: npm run content:check -- [--write-docs] [--no-prove] [--content folder]`,
  );
  process.exit(2);
}
const root = process.cwd();
const folder = args.find((a) => !a.startsWith('--'));
const dir = option.dir ?? (folder ? path.resolve(root, folder) : contentDir(root));
// A course outside this project: its checks import the SDK and @lab/checks from here.
if (path.relative(root, dir).startsWith('..'))
  register('./resolveFromProject.mjs', import.meta.url, {
    data: {
      courseUrl: pathToFileURL(`${dir}${path.sep}`).href,
      projectUrl: pathToFileURL(path.join(root, 'package.json')).href,
    },
  });

if (flags.has('--write-docs')) {
  const readme = path.join(dir, 'README.md');
  const before = await readFile(readme, 'utf8');
  const after = updateFieldTables(before);
  if (after !== before) await writeFile(readme, after);
  console.log(
    after === before
      ? `${path.relative(root, readme)}: field tables already up to date`
      : `${path.relative(root, readme)}: field tables regenerated`,
  );
}

const started = Date.now();
const problems = await checkContent(dir, { root, prove: !flags.has('--no-prove') });
const errors = problems.filter((p) => p.severity !== 'warning');
for (const p of problems) {
  const line = formatProblem(p.severity === 'warning' ? { ...p, message: `warning: ${p.message}` } : p);
  (p.severity === 'warning' ? console.warn : console.error)(line);
}
const warnings = problems.length - errors.length;
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const where = path.relative(root, dir) || '.';
console.log(
  errors.length
    ? `\n${where}: ${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} (${seconds} s)`
    : `${where}: no errors, ${warnings} warning${warnings === 1 ? '' : 's'} (${seconds} s)`,
);
process.exit(errors.length ? 1 : 0);
