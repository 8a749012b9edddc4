import path from 'node:path';
import { contentDir } from '../compiler/loadLessons.ts';
import { SCAFFOLD_KINDS, type ScaffoldKind, scaffold } from './scaffold.ts';

/**
 * `npm run new -- lesson|quiz|exercise <slug>`: scaffolds valid files in the content folder and
 * lists every placeholder the author has to replace, as `file:line` (editors open them on click).
 */
const [kind, slug] = process.argv.slice(2);
const usage = 'Usage: npm run new -- lesson|quiz|exercise <name>   (name: lowercase words joined by hyphens)';
if (!kind || !slug || !(SCAFFOLD_KINDS as readonly string[]).includes(kind)) {
  console.error(usage);
  process.exit(2);
}
const root = process.cwd();
try {
  const { files, placeholders } = await scaffold(kind as ScaffoldKind, slug, contentDir(root), root);
  console.log(`Created:\n${files.map((f) => `  ${f}`).join('\n')}\n`);
  console.log('Now replace each placeholder (marked TODO(author)):');
  for (const p of placeholders) console.log(`  ${p.file}:${p.line}  ${p.text}`);
  console.log(`\nThe format of every field: ${path.relative(root, path.join(contentDir(root), 'README.md'))}`);
  console.log('Then run `npm run content:check`: it lists the placeholders still left, and any other problem.');
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
