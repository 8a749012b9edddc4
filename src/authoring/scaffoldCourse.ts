import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * `npm run new -- course ../my-course`: an empty course folder of its own (a repository, say) that
 * already passes content:check: the three folders content:check reads, and the authors' guide
 * (this project's content/README.md, whose field tables content:check keeps in step with the app).
 */
export async function scaffoldCourse(folder: string, root = process.cwd()): Promise<string[]> {
  const existing = await readdir(folder).catch(() => undefined);
  if (existing?.length) throw new Error(`${folder} is not empty: a new course starts in an empty folder`);
  const guide = await readFile(path.join(root, 'content', 'README.md'), 'utf8');
  const files: Record<string, string> = {
    'README.md': guide,
    'lessons/.gitkeep': '',
    'quiz/.gitkeep': '',
    'exercises/.gitkeep': '',
  };
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(folder, name)), { recursive: true });
    await writeFile(path.join(folder, name), text, { flag: 'wx' });
  }
  return Object.keys(files).map((name) => path.join(folder, name));
}
