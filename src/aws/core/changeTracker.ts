/**
 * Which parts of the emulator's state changed, so the local endpoint's `--state FILE` can journal
 * only what a write touched (src/server/README.md). Off unless the endpoint asks for it: the lab
 * and the tests run on the plain objects.
 *
 * `wrap(raw, root, entryDepth)` gives a view of a state tree whose every object is a Proxy: a set,
 * delete or define at any depth marks its *entry*, the path of its first `entryDepth` components
 * (for `accounts`: account, region, service, field, key, so one secret or one parameter). Reads
 * never mark. A change to an array marks the array's own path (indices shift; the whole array is
 * the unit). The raw tree stays the source of truth: what the journal writes is read from it.
 *
 * Invariants:
 * - only views are handed to code that changes state (operations, simulations); the raw tree is
 *   read for snapshots and journal records;
 * - a value stored through a view is stored raw (proxies are unwrapped, deeply), so the raw tree
 *   never holds a view;
 * - an entry marked while a request was open stays marked until no request that was open when it
 *   was marked remains: a request may keep a raw reference to an object it stored and change it
 *   after another request's record was written, and its own record must still carry the result.
 */
export class ChangeTracker {
  readonly #dirty = new Map<string, { path: string[]; mark: number }>();
  readonly #views = new WeakMap<object, { key: string; proxy: object }>();
  readonly #targets = new WeakMap<object, object>();
  /** Open requests: id → the mark counter when it began. */
  readonly #open = new Map<number, number>();
  #counter = 0;
  #nextRequest = 0;

  /** A view of `raw` (the object at `path`) that marks entries `entryDepth` components long. */
  wrap<T extends object>(raw: T, path: readonly string[], entryDepth: number): T {
    return this.#view(raw, [...path], entryDepth) as T;
  }

  /** Marks a whole subtree changed (the root was replaced: a reset or a restore). */
  mark(path: readonly string[]): void {
    this.#dirty.set(JSON.stringify(path), { path: [...path], mark: this.#counter++ });
  }

  /** A request begins: what it marks from now on outlives other requests' records until it ends. */
  begin(): number {
    const id = this.#nextRequest++;
    this.#open.set(id, this.#counter);
    return id;
  }

  /**
   * The entries changed since they were last taken (shortest paths first, so a replayed parent
   * comes before its children), for the record of request `id`, which ends here.
   */
  take(id?: number): string[][] {
    const paths = [...this.#dirty.values()].map((d) => d.path).sort((a, b) => a.length - b.length);
    if (id !== undefined) this.#open.delete(id);
    const oldestOpen = Math.min(...this.#open.values());
    for (const [key, d] of this.#dirty) if (d.mark < oldestOpen) this.#dirty.delete(key);
    return paths;
  }

  get pending(): number {
    return this.#dirty.size;
  }

  #view(target: object, path: string[], entryDepth: number): object {
    const key = path.join('\u0000');
    const cached = this.#views.get(target);
    // An object moved to another path gets a view of its new path (identity holds otherwise).
    if (cached?.key === key) return cached.proxy;
    const entryOf = (prop: string | symbol): string[] =>
      path.length >= entryDepth
        ? path.slice(0, entryDepth)
        : Array.isArray(target) || typeof prop === 'symbol'
          ? path
          : [...path, prop];
    const changed = (prop: string | symbol) => {
      const entry = entryOf(prop);
      this.#dirty.set(JSON.stringify(entry), { path: entry, mark: this.#counter++ });
    };
    const proxy = new Proxy(target, {
      get: (t, prop) => {
        const value = Reflect.get(t, prop);
        if (value === null || typeof value !== 'object' || typeof prop === 'symbol') return value;
        const childPath = path.length >= entryDepth ? path : [...path, prop];
        return this.#view(value, childPath, entryDepth);
      },
      set: (t, prop, value) => {
        const raw = this.#unwrap(value);
        if (Object.hasOwn(t, prop) && Object.is(Reflect.get(t, prop), raw)) return true;
        changed(prop);
        return Reflect.set(t, prop, raw);
      },
      deleteProperty: (t, prop) => {
        if (Object.hasOwn(t, prop)) changed(prop);
        return Reflect.deleteProperty(t, prop);
      },
      defineProperty: (t, prop, descriptor) => {
        changed(prop);
        const raw = 'value' in descriptor ? { ...descriptor, value: this.#unwrap(descriptor.value) } : descriptor;
        return Reflect.defineProperty(t, prop, raw);
      },
    });
    this.#views.set(target, { key, proxy });
    this.#targets.set(proxy, target);
    return proxy;
  }

  /** The raw value behind a view, with every nested view replaced by its raw object too. */
  #unwrap(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    const target = this.#targets.get(value);
    if (target) return target;
    // A fresh object may hold views (`{ ...record, Name }`, `list.filter(...)`): store them raw.
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        const raw = this.#unwrap(item);
        if (raw !== item) value[i] = raw;
      }
    } else {
      for (const k of Object.keys(value)) {
        const item = (value as Record<string, unknown>)[k];
        const raw = this.#unwrap(item);
        if (raw !== item) (value as Record<string, unknown>)[k] = raw;
      }
    }
    return value;
  }
}
