/**
 * How mermaid is configured to draw the course's diagrams, in one place: the page (mermaid.ts)
 * and the build, which draws them ahead of time (build/drawAtBuildPlugin.ts), must draw alike.
 * Plain data, so the build can hand it to the Chromium it draws in.
 */
export function mermaidConfig(dark: boolean) {
  return {
    startOnLoad: false,
    layout: 'dagre',
    securityLevel: 'strict',
    theme: dark ? 'dark' : 'default',
    fontFamily: 'inherit',
    // Edge labels sit on this colour: the dark theme's default leaves them below WCAG AA contrast.
    themeVariables: dark
      ? { edgeLabelBackground: '#1d212c', textColor: '#e5e7ee' }
      : { edgeLabelBackground: '#f1f3f8' },
  } as const;
}

/** Where mermaid draws: out of sight, laid out on its own (see `drawingRoom` in mermaid.ts). */
export const DRAWING_ROOM_STYLE =
  'position:absolute;left:-100000px;top:0;width:100vw;visibility:hidden;contain:layout style';
