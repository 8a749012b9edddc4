/** Console arguments as the learner would read them in a terminal: strings bare, values inspected. */
export function formatArgs(args: unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : inspect(a, 0, new WeakSet()))).join(' ');
}

export function inspect(value: unknown, depth: number, seen: WeakSet<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'string':
      return depth === 0 ? value : JSON.stringify(value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    case 'function':
      return `[Function ${value.name || '(anonymous)'}]`;
  }
  const obj = value as object;
  if (seen.has(obj)) return '[Circular]';
  if (obj instanceof Error) return `${obj.name}: ${obj.message}`;
  if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? 'Invalid Date' : obj.toISOString();
  if (obj instanceof Uint8Array)
    return `Uint8Array(${obj.length}) [${[...obj.slice(0, 16)].join(', ')}${obj.length > 16 ? ', …' : ''}]`;
  if (depth > 4) return Array.isArray(obj) ? '[Array]' : '[Object]';
  seen.add(obj);
  try {
    if (Array.isArray(obj)) return `[ ${obj.map((v) => inspect(v, depth + 1, seen)).join(', ')} ]`;
    if (obj instanceof Map)
      return `Map(${obj.size}) { ${[...obj].map(([k, v]) => `${inspect(k, depth + 1, seen)} => ${inspect(v, depth + 1, seen)}`).join(', ')} }`;
    if (obj instanceof Set)
      return `Set(${obj.size}) { ${[...obj].map((v) => inspect(v, depth + 1, seen)).join(', ')} }`;
    const entries = Object.entries(obj).map(
      ([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${inspect(v, depth + 1, seen)}`,
    );
    const name = obj.constructor && obj.constructor !== Object ? `${obj.constructor.name} ` : '';
    return entries.length ? `${name}{ ${entries.join(', ')} }` : `${name}{}`;
  } finally {
    seen.delete(obj);
  }
}
