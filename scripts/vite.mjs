/**
 * `npm run dev | build | preview -- [--content ../my-course] [Vite's own options, e.g. --base /secrets-lab/]`:
 * Vite's command line, plus `--content`, the course folder to build (as SECRETS_LAB_CONTENT does).
 * Vite refuses options it does not know, so this one is taken out before Vite reads the rest.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const rest = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--content' || arg.startsWith('--content=')) {
    const value = arg === '--content' ? args[++i] : arg.slice('--content='.length);
    if (!value || value.startsWith('--')) {
      console.error('--content needs a folder: npm run build -- --content ../my-course');
      process.exit(2);
    }
    process.env.SECRETS_LAB_CONTENT = path.resolve(value);
  } else rest.push(arg);
}
const vite = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
process.argv = [process.argv[0], vite, ...rest];
await import(pathToFileURL(vite).href);
