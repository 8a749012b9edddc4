/**
 * Splits `total` into whole parts proportional to `weights` (largest-remainder method: floor each
 * share, then hand the leftover units to the largest fractional parts, ties to the earlier index).
 * With `caps`, no part exceeds its cap; what a capped part cannot take goes to the others, still in
 * proportion. The parts always sum to min(total, sum of caps).
 */
export function apportion(total: number, weights: readonly number[], caps?: readonly number[]): number[] {
  const limit = (i: number) => caps?.[i] ?? Number.POSITIVE_INFINITY;
  const parts = weights.map(() => 0);
  const fixed = new Set<number>();
  let remaining = Math.min(
    Math.max(0, Math.floor(total)),
    weights.reduce((sum, _, i) => sum + limit(i), 0),
  );
  // Each round either places every remaining unit or fixes at least one part at its cap.
  while (remaining > 0) {
    const open = weights.map((_, i) => i).filter((i) => !fixed.has(i));
    const weightSum = open.reduce((sum, i) => sum + Math.max(0, weights[i] ?? 0), 0);
    const share = (i: number) => (weightSum > 0 ? Math.max(0, weights[i] ?? 0) / weightSum : 1 / open.length);
    const quota = new Map(open.map((i) => [i, remaining * share(i)]));
    const alloc = new Map(open.map((i) => [i, Math.floor(quota.get(i) ?? 0)]));
    let leftover = remaining - [...alloc.values()].reduce((a, b) => a + b, 0);
    const byRemainder = [...open].sort((a, b) => {
      const ra = (quota.get(a) ?? 0) - (alloc.get(a) ?? 0);
      const rb = (quota.get(b) ?? 0) - (alloc.get(b) ?? 0);
      return rb - ra || a - b;
    });
    for (const i of byRemainder) {
      if (leftover <= 0) break;
      alloc.set(i, (alloc.get(i) ?? 0) + 1);
      leftover--;
    }
    const over = open.filter((i) => (parts[i] ?? 0) + (alloc.get(i) ?? 0) >= limit(i));
    if (over.length === 0) {
      for (const i of open) parts[i] = (parts[i] ?? 0) + (alloc.get(i) ?? 0);
      break;
    }
    for (const i of over) {
      remaining -= limit(i) - (parts[i] ?? 0);
      parts[i] = limit(i);
      fixed.add(i);
    }
  }
  return parts;
}
