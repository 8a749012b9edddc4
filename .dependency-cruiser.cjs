/**
 * The import rules of Secrets Lab, checked by `npm run lint` (dependency-cruiser; summary and
 * allowlist bookkeeping in scripts/checkStructure.mjs). The folder map is in README.md.
 *
 * Layers, bottom to top. A module imports from its own layer or a lower one; an import that runs
 * back up the stack is a violation, except a type-only import (types may be shared either way: they
 * vanish at build time and make no load-order knot).
 *
 *   entry points  app (the shell), authoring (content:check, npm run new), server (npm run emulator)
 *   pages         lesson, lab, quiz/views, instructor, progress, readiness    (never import one another)
 *   shared        course (the built course as the browser reads it), ui (widgets, theme),
 *                 path (the learner's path: blocks pages and the shell place, e.g. a lesson's check),
 *                 classReport (an instructor's class report from students' progress files)
 *   state         store
 *   engines       quiz (pure engine), sandbox (runs and grades code), compiler (build time, Node)
 *   core          aws (the emulator: no React, DOM or msw outside its adapters), schema (content formats)
 *
 * Also: no import circles (type-only imports count: a circle of types is still a knot to untie).
 * Known violations in other engineers' folders are allowlisted in scripts/checkStructure.mjs.
 */
const LAYERS = [
  ['core', ['aws', 'schema']],
  ['engines', ['quiz(?!/views/)', 'sandbox', 'compiler']],
  ['state', ['store']],
  ['shared', ['course', 'ui', 'path', 'classReport']],
  ['pages', ['lesson', 'lab', 'quiz/views', 'instructor', 'progress', 'readiness']],
  ['entry points', ['app', 'authoring', 'server']],
];
const PAGES = '^src/(lesson|lab|quiz/views|instructor|progress|readiness)/';
const folders = (list) => `^src/(${list.join('|')})/`;

/** The MSW adapters of the emulator: the only files of src/aws that may import msw (as in .biome.json). */
const AWS_ADAPTERS = '^src/aws/adapters/';

const upward = LAYERS.flatMap(([name, own], i) => {
  const above = LAYERS.slice(i + 1).flatMap(([, f]) => f);
  return above.length === 0
    ? []
    : [
        {
          name: 'no-upward-import',
          comment: `A module imports only from its own layer or a lower one (types excepted): ${name} is below ${above.join(', ')}.`,
          severity: 'error',
          from: { path: folders(own) },
          to: { path: folders(above), dependencyTypesNot: ['type-only'] },
        },
      ];
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import circles make load order matter and modules impossible to understand alone.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...upward,
    {
      name: 'no-page-to-page',
      comment:
        'A page never imports another page: shared code goes to src/course (content) or src/ui (widgets, theme).',
      severity: 'error',
      from: { path: PAGES },
      to: { path: PAGES, pathNot: '^src/$1/' },
    },
    {
      name: 'aws-core-is-framework-free',
      comment:
        'src/aws runs unchanged in a worker, Node and vitest: no React, DOM libraries or msw outside its adapters.',
      severity: 'error',
      from: { path: '^src/aws/', pathNot: AWS_ADAPTERS },
      to: { path: 'node_modules/(react|react-dom|msw|@mswjs|@testing-library)/' },
    },
    {
      name: 'aws-core-imports-only-itself',
      comment: 'src/aws is the bottom of the stack: it imports nothing else from src/.',
      severity: 'error',
      from: { path: '^src/aws/' },
      to: { path: '^src/(?!aws/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.test\\.tsx?$', '^src/virtual\\.d\\.ts$'] },
    tsConfig: { fileName: 'tsconfig.json' },
    // Keep type-only imports in the graph: they count for circles, and rules tell them apart.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.mjs', '.js'] },
  },
};
