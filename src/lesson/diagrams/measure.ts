/**
 * The font size of a drawn diagram's smallest label, in the SVG's own units (px when the SVG is
 * shown at its natural size, its viewBox). Labels are SVG <text> or HTML inside <foreignObject>
 * (mermaid's flowchart labels); each is scaled by every transform between it and the SVG root.
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
function ownText(el: Element): boolean {
  for (const node of el.childNodes) if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) return true;
  return false;
}

function scaleOf(m: DOMMatrix | null): number {
  return m ? Math.hypot(m.a, m.b) : 0;
}
