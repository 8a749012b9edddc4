/**
 * A Node module hook for `npm run content:check -- --content ../my-course`: the course's exercise
 * checks import packages (the AWS SDK, `@lab/checks`) that live in this project, not beside the
 * course, so a bare import from a file of the course is resolved as if this project imported it.
 * The course's TypeScript files are ES modules, as in this project: a folder with no package.json
 * would otherwise be loaded as CommonJS, whose require() no module hook reaches.
 * Registered by cli.ts with `module.register`; the same rule as src/compiler/courseFolderPlugin.ts.
 */
let course = '';
let project = '';

export function initialize(data) {
  course = data.courseUrl;
  project = data.projectUrl;
}

export async function resolve(specifier, context, nextResolve) {
  const bare = !/^(\.|\/|[a-z][a-z0-9+.-]*:)/i.test(specifier);
  if (bare && context.parentURL?.startsWith(course)) return nextResolve(specifier, { ...context, parentURL: project });
  const resolved = await nextResolve(specifier, context);
  if (resolved.url.startsWith(course) && /\.tsx?$/.test(resolved.url)) return { ...resolved, format: 'module' };
  return resolved;
}
