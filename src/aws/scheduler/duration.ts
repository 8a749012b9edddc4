const UNITS: Record<string, number> = {
  ms: 1,
  millisecond: 1,
  s: 1000,
  sec: 1000,
  second: 1000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  w: 604_800_000,
  week: 604_800_000,
};

/** "30 days", "6 minutes", "2h", or a number of milliseconds → milliseconds. Throws on anything else. */
export function parseDuration(text: number | string): number {
  if (typeof text === 'number') {
    if (!Number.isFinite(text) || text < 0) throw new RangeError(`Invalid duration: ${text}`);
    return text;
  }
  const m = text.trim().match(/^(\d+(?:\.\d+)?)\s*([a-z]+?)s?$/i);
  const unit = m?.[2] ? UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined)
    throw new RangeError(`Cannot read the duration "${text}" (try "30 days" or "6 minutes")`);
  return Number(m[1]) * unit;
}
