import path from 'node:path';
import { type Plugin, searchForWorkspaceRoot } from 'vite';
import { contentDir } from './loadLessons.ts';

/**
 * A course kept in a folder of its own, outside this project (`--content ../my-course`): its
 * exercises' checks import packages (`@aws-sdk/client-ssm`, `@lab/checks`) that live here, not
 * beside the course, so their bare imports are resolved from the project; and the dev server may
 * serve the folder's files.
 */
export function courseFolderPlugin(options: { projectRoot: string }): Plugin {
  const root = options.projectRoot;
  const content = contentDir(root);
  const outside = path.relative(root, content).startsWith('..');
  const inContent = (file: string) => file.startsWith(`${content}${path.sep}`);
  return {
    name: 'secrets-lab-course-folder',
    enforce: 'pre',
    config: () => (outside ? { server: { fs: { allow: [searchForWorkspaceRoot(root), content] } } } : undefined),
    async resolveId(id, importer) {
      if (!outside || !importer || !inContent(importer)) return undefined;
      if (id.startsWith('.') || id.startsWith('/') || id.startsWith('\0') || /^[a-z]+:/i.test(id)) return undefined;
      return this.resolve(id, path.join(root, 'package.json'), { skipSelf: true });
    },
  };
}
