/**
 * The font size of a drawn diagram's smallest label, in the SVG's own units (px when the SVG is
 * shown at its natural size, its viewBox). Labels are SVG <text> or HTML inside <foreignObject>
 * (mermaid's flowchart labels); each is scaled by every transform between it and the SVG root.
 * (These functions also run in the Chromium the build draws in, as text: they use nothing but
 * each other and the DOM.)
 */
export function smallestLabel(svg: SVGSVGElement): number | undefined {
  const rootScale = scaleOf(svg.getScreenCTM());
  if (!rootScale) return undefined;
  let smallest = Number.POSITIVE_INFINITY;
  for (const el of svg.querySelectorAll<Element>('text, tspan, foreignObject *')) {
    if (!ownText(el)) continue;
    const host = el instanceof SVGGraphicsElement ? el : el.closest('foreignObject');
    if (!host) continue;
    const scale = scaleOf(host.getScreenCTM());
    const size = Number.parseFloat(getComputedStyle(el).fontSize);
    if (scale && size) smallest = Math.min(smallest, (size * scale) / rootScale);
  }
  return Number.isFinite(smallest) ? smallest : undefined;
}

/** True when the element itself holds visible text (not only through its children). */
export function ownText(el: Element): boolean {
  for (const node of el.childNodes) if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) return true;
  return false;
}

export function scaleOf(m: DOMMatrix | null): number {
  return m ? Math.hypot(m.a, m.b) : 0;
}

/**
 * Lays the SVG out once in `room` (out of sight) and records its smallest label (px at natural
 * size) on it as `data-smallest-label`: kept with the SVG, so sizing it later needs no measuring.
 */
export function withSmallestLabel(svg: string, room: HTMLElement): string {
  const scratch = document.createElement('div');
  scratch.innerHTML = svg;
  room.append(scratch);
  try {
    const root = scratch.querySelector('svg');
    const size = root ? smallestLabel(root) : undefined;
    if (!root || !size) return svg;
    return svg.replace(/^<svg\b/, `<svg data-smallest-label="${Math.round(size * 100) / 100}"`);
  } finally {
    scratch.remove();
  }
}
