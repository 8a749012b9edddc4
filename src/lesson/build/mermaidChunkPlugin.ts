import type { Plugin } from 'vite';

/**
 * What a lesson's diagrams need, in one chunk: mermaid's core, the two diagram types the course
 * draws (flowchart, sequence) and the dagre layout, with everything they import. Left to itself
 * the bundler splits these into ~30 chunks that arrive in three waves (the core, then the
 * diagram type the core detects, then the layout it picks), each a round trip after the last.
 * Other diagram types, ELK and their libraries stay in chunks of their own, loaded only if a
 * lesson ever uses them. A renamed file in a later mermaid only makes the group smaller
 * (`npm run bench -- app` shows it). The group takes in everything its modules import, so a
 * module the app's entry shares with mermaid is kept out of it (else every page would load it).
 */
const WHAT_LESSONS_DRAW =
  /[\\/]node_modules[\\/]mermaid[\\/]dist[\\/](mermaid\.core\.mjs|chunks[\\/]mermaid\.core[\\/](flowDiagram|sequenceDiagram|dagre)-[\w-]+\.mjs)$/;

export function mermaidChunkPlugin(): Plugin {
  return {
    name: 'secrets-lab-mermaid-chunk',
    apply: 'build',
    config: () => ({
      build: {
        rolldownOptions: {
          output: {
            codeSplitting: {
              groups: [
                // Vite's preload helper (mermaid's lazy imports use it, and so does the app's entry)
                // must not be pulled into the group: the entry would then load mermaid on every page.
                { name: 'preload-helper', test: /^\0vite[\\/]preload-helper/, priority: 2 },
                { name: 'mermaid', test: WHAT_LESSONS_DRAW, priority: 1 },
              ],
            },
          },
        },
      },
    }),
  };
}
