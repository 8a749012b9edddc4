import path from 'node:path';
import { contentDir } from '../compiler/loadLessons.ts';
import { takeContentOption } from './contentOption.ts';
import { SCAFFOLD_KINDS, type ScaffoldKind, scaffold } from './scaffold.ts';
import { scaffoldCourse } from './scaffoldCourse.ts';

/**
 * `npm run new -- lesson|quiz|exercise <slug> [--content <folder>]`: scaffolds valid files in the
 * content folder and lists every placeholder the author has to replace, as `file:line` (editors
 * open them on click). `npm run new -- course <folder>`: an empty course folder of its own.
 */
const usage = [
  'Usage: npm run new -- lesson|quiz|exercise <name> [--content <course folder>]   (name: lowercase words joined by hyphens)',
  '       npm run new -- course <folder>   (an empty course folder of its own, e.g. ../my-course)',
].join('\n');
const root = process.cwd();
try {
  const { dir, rest } = takeContentOption(process.argv.slice(2));
  const [kind, name] = rest;
  if (kind === 'course' && name) await newCourse(path.resolve(root, name));
  else if (kind && name && (SCAFFOLD_KINDS as readonly string[]).includes(kind))
    await newContent(kind as ScaffoldKind, name, dir ?? contentDir(root));
  else {
    console.error(usage);
    process.exit(2);
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}

async function newContent(kind: ScaffoldKind, slug: string, dir: string) {
  const { files, placeholders } = await scaffold(kind, slug, dir, root);
  console.log(`Created:\n${files.map((f) => `  ${f}`).join('\n')}\n`);
  console.log('Now replace each placeholder (marked TODO(author)):');
  for (const p of placeholders) console.log(`  ${p.file}:${p.line}  ${p.text}`);
  console.log(`\nThe format of every field: ${path.relative(root, path.join(dir, 'README.md'))}`);
  console.log('Then run `npm run content:check`: it lists the placeholders still left, and any other problem.');
}

async function newCourse(folder: string) {
  const files = await scaffoldCourse(folder, root);
  const where = path.relative(root, folder) || '.';
  console.log(`Created an empty course:\n${files.map((f) => `  ${path.relative(root, f)}`).join('\n')}\n`);
  console.log('Next, from this folder:');
  console.log(`  npm run new -- lesson first-steps --content ${where}   add a lesson (then quiz, exercise)`);
  console.log(`  npm run dev -- --content ${where}                      see it as you write`);
  console.log(`  npm run content:check -- --content ${where}            check every file`);
  console.log(`  npm run build -- --content ${where} --base /my-course/  publish it (README: "Publishing")`);
}
