import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';

const VIRTUAL = 'virtual:learner-runtime';
const RESOLVED = `\0${VIRTUAL}`;
const DEV_PATH = '/@secrets-lab/learner-runtime.js';
const ENTRY = fileURLToPath(new URL('../learner/learner.worker.ts', import.meta.url));
const SOURCES = fileURLToPath(new URL('..', import.meta.url));

/**
 * The learner realm's runtime as one classic script: the sandboxed frame starts it from a blob:
 * URL, whose CSP lets it load nothing else, so everything it needs (the three SDK packages
 * included) is in this one file. `virtual:learner-runtime` gives its URL: an asset of the build
 * (precached for offline use), or in `npm run dev` a path this plugin serves, rebuilt when a
 * file under src/sandbox changes.
 */
export function learnerRuntimePlugin(): Plugin {
  let bundled: Promise<string> | undefined;
  let command: 'build' | 'serve' = 'build';
  let base = '/';
  const bundle = () =>
    (bundled ??= build({
      configFile: false,
      logLevel: 'warn',
      publicDir: false,
      define: { 'process.env.NODE_ENV': '"production"' },
      build: {
        write: false,
        emptyOutDir: false,
        copyPublicDir: false,
        target: 'es2022',
        minify: true,
        sourcemap: false,
        lib: { entry: ENTRY, formats: ['iife'], name: 'secretsLabLearner', fileName: () => 'learner-runtime.js' },
      },
    }).then((out) => {
      const outputs = (Array.isArray(out) ? out : [out]) as { output: { type: string; code?: string }[] }[];
      const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
      if (!chunk?.code) throw new Error('the learner runtime did not build');
      return chunk.code;
    }));
  return {
    name: 'secrets-lab:learner-runtime',
    configResolved(config) {
      command = config.command;
      base = config.base;
    },
    resolveId: (id) => (id === VIRTUAL ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      if (command === 'serve') return `export default ${JSON.stringify(`${base.replace(/\/$/, '')}${DEV_PATH}`)};`;
      const code = await bundle();
      const fileName = `assets/learner-runtime-${createHash('sha256').update(code).digest('hex').slice(0, 8)}.js`;
      this.emitFile({ type: 'asset', fileName, source: code });
      return `export default import.meta.env.BASE_URL + ${JSON.stringify(fileName)};`;
    },
    configureServer(server) {
      server.watcher.on('change', (file) => {
        if (file.startsWith(SOURCES)) bundled = undefined;
      });
      server.middlewares.use(DEV_PATH, (_req, res, next) => {
        bundle().then((code) => {
          res.setHeader('content-type', 'text/javascript');
          res.setHeader('cache-control', 'no-store');
          res.end(code);
        }, next);
      });
    },
  };
}
