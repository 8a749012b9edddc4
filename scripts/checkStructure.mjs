/**
 * `npm run lint`'s structure check: the import rules of .dependency-cruiser.cjs (layers, no
 * circles, pages apart, an emulator core free of frameworks) and the size of source files.
 * Prints the figures (circles, imports that run up the layers, longest file) and fails on any
 * violation that the allowlists below do not name, and on an allowlist entry that is no longer
 * needed, so the lists only shrink.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

/** The longest a source file under src/ may be, in lines. */
const MAX_LINES = 300;

/**
 * Known violations in other engineers' folders (issue 13), each removed by its owner's change.
 * A circle is allowed only when every module on it belongs to one entry's set.
 */
const KNOWN_CIRCLES = [];
/** Files over MAX_LINES that their owners are splitting (issue 13). */
const KNOWN_LONG_FILES = {};

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const config = require('../.dependency-cruiser.cjs');

const { output } = await cruise(
  ['src'],
  { ...config.options, ruleSet: { forbidden: config.forbidden }, validate: true, outputType: 'json' },
  undefined,
  { tsConfig: extractTSConfig('tsconfig.json') },
);
const result = typeof output === 'string' ? JSON.parse(output) : output;

// Circles, counted as knots (strongly connected components of two or more modules).
const graph = new Map(
  result.modules
    .filter((m) => m.source.startsWith('src/'))
    .map((m) => [m.source, m.dependencies.map((d) => d.resolved).filter((r) => r.startsWith('src/'))]),
);
const knots = stronglyConnected(graph).filter((c) => c.length > 1);
const knownFor = (modules) => KNOWN_CIRCLES.find((k) => modules.every((m) => k.modules.includes(m)));

const problems = [];
const allowed = [];
for (const v of result.summary.violations) {
  const line = `${v.rule.name}: ${v.from} → ${v.to}`;
  const known = v.rule.name === 'no-circular' ? knownFor(v.cycle.map((c) => c.name).concat(v.from)) : undefined;
  if (known) allowed.push(`circle in ${known.owner}`);
  else problems.push(line);
}
for (const k of KNOWN_CIRCLES) {
  if (!knots.some((knot) => knot.some((m) => k.modules.includes(m))))
    problems.push(
      `allowlist: no circle runs through ${k.owner} any more: remove its entry from scripts/checkStructure.mjs`,
    );
}

const sizes = [...graph.keys()]
  .filter((f) => /\.(ts|tsx|mjs|js)$/.test(f))
  .map((f) => ({ file: f, lines: readFileSync(f, 'utf8').split('\n').length - 1 }))
  .sort((a, b) => b.lines - a.lines);
for (const { file, lines } of sizes.filter((s) => s.lines > MAX_LINES)) {
  if (KNOWN_LONG_FILES[file]) allowed.push(`max-lines: ${file} (${lines} lines): ${KNOWN_LONG_FILES[file]}`);
  else problems.push(`max-lines: ${file} has ${lines} lines; split it by concept (at most ${MAX_LINES})`);
}
for (const file of Object.keys(KNOWN_LONG_FILES)) {
  if (!sizes.some((s) => s.file === file && s.lines > MAX_LINES))
    problems.push(`allowlist: ${file} is no longer over ${MAX_LINES} lines: remove it from KNOWN_LONG_FILES`);
}

const count = (name) => result.summary.violations.filter((v) => v.rule.name === name).length;
const longest = sizes[0];
console.log(
  `structure: ${result.summary.totalCruised} modules, ${knots.length} circle${knots.length === 1 ? '' : 's'} ` +
    `(${knots.map((k) => k[0]?.split('/').slice(0, 2).join('/')).join(', ') || 'none'}), ` +
    `${count('no-upward-import')} imports up the layers, ${count('no-page-to-page')} page-to-page imports, ` +
    `longest file ${longest?.file} (${longest?.lines} lines)`,
);
const tally = [...new Set(allowed)].map((a) => {
  const n = allowed.filter((b) => b === a).length;
  return n > 1 ? `${a} (${n} imports)` : a;
});
if (tally.length) console.log(`allowlisted until their owners land the fix:\n  ${tally.join('\n  ')}`);
if (problems.length) {
  const names = new Set(problems.map((p) => p.split(':')[0]));
  const why = config.forbidden.filter(
    (r, i, all) => names.has(r.name) && all.findIndex((o) => o.name === r.name) === i,
  );
  console.error(`\nstructure check failed:\n  ${problems.join('\n  ')}`);
  console.error(
    `\nThe rules (layers: .dependency-cruiser.cjs):\n${why.map((r) => `  ${r.name}: ${r.comment}`).join('\n')}`,
  );
  process.exit(1);
}

/** Tarjan's algorithm: the strongly connected components of a directed graph. */
function stronglyConnected(edges) {
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const out = [];
  const visit = (v) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), indices.get(w)));
    }
    if (low.get(v) === indices.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      out.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!indices.has(v)) visit(v);
  return out;
}
