import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig, type Plugin } from 'vite';

const VIRTUAL = 'virtual:learner-runtime';
const RESOLVED = `\0${VIRTUAL}`;
const DEV_PATH = '/@secrets-lab/learner-runtime.js';
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const ENTRY = here('../learner/learner.worker.ts');
const SOURCES = here('..');
/** The SDK packages kept out of the runtime (sdkModules.ts LAZY_SDK_PACKAGES): package → its entry and file name. */
const LAZY = { '@aws-sdk/client-sts': { entry: here('../learner/stsPackage.ts'), file: 'learner-sts' } } as const;
const NOT_BUNDLED = here('../learner/notBundled.ts');

interface Bundles {
  runtime: string;
  /** Each lazy package's ES module: package name → code. */
  packages: Record<string, string>;
}

/**
 * The learner realm's runtime as one classic script: the sandboxed frame starts it from a blob:
 * URL, whose CSP lets it load nothing else, so everything it needs (the three JSON-protocol SDK
 * packages included) is in this one file. The STS client is a file of its own, an ES module the
 * page hands the runtime as text (browserRunner.ts) and the worker imports from a blob: URL only
 * when learner code imports it: it would take the runtime over its size budget, for the one
 * exercise that uses it. Its XML parser is the SDK's own DOM-free one (`xml-parser.js`): the
 * browser build's uses DOMParser, which no worker has.
 * `virtual:learner-runtime` gives the URLs: assets of the build (precached for offline use), or in
 * `npm run dev` paths this plugin serves, rebuilt when a file under src/sandbox changes.
 */
export function learnerRuntimePlugin(): Plugin {
  let bundled: Promise<Bundles> | undefined;
  let command: 'build' | 'serve' = 'build';
  let base = '/';
  const bundle = () =>
    (bundled ??= Promise.all([
      bundleOne(ENTRY, 'iife', { '@aws-sdk/client-sts': NOT_BUNDLED }),
      ...Object.entries(LAZY).map(async ([name, { entry }]) => [name, await bundleOne(entry, 'es', {})] as const),
    ]).then(([runtime, ...packages]) => ({
      runtime: runtime as string,
      packages: Object.fromEntries(packages as [string, string][]),
    })));
  const devPath = (name: string) => `/@secrets-lab/${LAZY[name as keyof typeof LAZY].file}.js`;
  return {
    name: 'secrets-lab:learner-runtime',
    configResolved(config) {
      command = config.command;
      base = config.base;
    },
    resolveId: (id) => (id === VIRTUAL ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const prefix = base.replace(/\/$/, '');
      if (command === 'serve') {
        const packages = Object.fromEntries(Object.keys(LAZY).map((name) => [name, `${prefix}${devPath(name)}`]));
        return `export default ${JSON.stringify(`${prefix}${DEV_PATH}`)};\nexport const packages = ${JSON.stringify(packages)};`;
      }
      const { runtime, packages } = await bundle();
      const emit = (name: string, code: string) => {
        const fileName = `assets/${name}-${createHash('sha256').update(code).digest('hex').slice(0, 8)}.js`;
        this.emitFile({ type: 'asset', fileName, source: code });
        return fileName;
      };
      const files = Object.entries(packages).map(
        ([name, code]) =>
          `${JSON.stringify(name)}: import.meta.env.BASE_URL + ${JSON.stringify(emit(LAZY[name as keyof typeof LAZY].file, code))}`,
      );
      return `export default import.meta.env.BASE_URL + ${JSON.stringify(emit('learner-runtime', runtime))};\nexport const packages = {${files.join(', ')}};`;
    },
    configureServer(server) {
      server.watcher.on('change', (file) => {
        if (file.startsWith(SOURCES)) bundled = undefined;
      });
      const serve = (url: string, pick: (b: Bundles) => string | undefined) =>
        server.middlewares.use(url, (_req, res, next) => {
          bundle().then((b) => {
            res.setHeader('content-type', 'text/javascript');
            res.setHeader('cache-control', 'no-store');
            res.end(pick(b));
          }, next);
        });
      serve(DEV_PATH, (b) => b.runtime);
      for (const name of Object.keys(LAZY)) serve(devPath(name), (b) => b.packages[name]);
    },
  };
}

/** One file: the runtime (a classic script) or a lazy package (an ES module), everything inlined. */
async function bundleOne(entry: string, format: 'iife' | 'es', alias: Record<string, string>): Promise<string> {
  const config: InlineConfig = {
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    resolve: { alias },
    plugins: [domFreeXmlParser()],
    build: {
      write: false,
      emptyOutDir: false,
      copyPublicDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      rolldownOptions: { output: { codeSplitting: false } },
      lib: { entry, formats: [format], name: 'secretsLabLearner', fileName: () => 'learner.js' },
    },
  };
  const out = await build(config);
  const outputs = (Array.isArray(out) ? out : [out]) as { output: { type: string; code?: string }[] }[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (!chunk?.code) throw new Error(`the learner runtime did not build (${path.basename(entry)})`);
  return chunk.code;
}

/**
 * `@aws-sdk/xml-builder` maps its parser to a DOMParser one for browsers; workers have no
 * DOMParser, so the learner realm gets the package's plain-JavaScript parser instead.
 */
function domFreeXmlParser(): Plugin {
  return {
    name: 'secrets-lab:dom-free-xml-parser',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== './xml-parser' || !importer?.includes('/@aws-sdk/xml-builder/')) return null;
      return path.join(path.dirname(importer), 'xml-parser.js');
    },
  };
}
