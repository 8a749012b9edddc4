import { font, loaders } from 'virtual:lesson-drawings';
import { diagramKey, holdInMemory } from './cache';
import { fontFingerprint, fontsLoaded } from './fontCheck';

/**
 * The drawings the build made of each lesson's diagrams (src/lesson/build/drawAtBuildPlugin.ts):
 * loaded with the lesson's text and held in memory like kept drawings (cache.ts), so even a first
 * visit shows them in its first paint without mermaid. Used only where text measures as it did in
 * the build's Chromium (fontCheck.ts): with other fonts, labels would not fit their boxes, and the
 * page draws the diagrams itself. `npm run dev` has none.
 */
let fontsMatch: Promise<boolean> | undefined;

/** Whether text measures here as in the build, once the page's font has loaded. */
function sameFonts(): Promise<boolean> {
  if (font === undefined) return Promise.resolve(false);
  fontsMatch ??= (async () => {
    const family = getComputedStyle(document.body).fontFamily;
    await fontsLoaded(family);
    return fontFingerprint(family) === font;
  })();
  return fontsMatch;
}

/** True when this lesson's diagrams come drawn with the app, and fit in this browser. */
export async function drawnAtBuild(slug: string): Promise<boolean> {
  // (Own keys only: a lesson may be called `constructor`, which every object has.)
  return Object.hasOwn(loaders, slug) && (await sameFonts());
}

/** Loads the build's drawings of a lesson in a theme into memory (nothing if there are none to use). */
export async function loadBuildDrawings(slug: string, dark: boolean): Promise<void> {
  if (!(await drawnAtBuild(slug))) return;
  const lesson = loaders[slug];
  if (!lesson) return;
  try {
    const { default: drawings } = await lesson[dark ? 'dark' : 'light']();
    for (const [source, svg] of Object.entries(drawings)) holdInMemory(diagramKey(source, dark), svg);
  } catch {
    /* offline without it, say: the page draws them */
  }
}
