import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export const gzipKb = (file: string) => Math.round((gzipSync(readFileSync(file)).length / 1024) * 10) / 10;

/** A chunk and everything it imports statically: what must load before it can run. */
export function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) staticClosure(manifest, dep, seen);
  return seen;
}

export function jsKb(dist: string, manifest: Manifest, keys: Iterable<string>): number {
  let total = 0;
  for (const key of keys) {
    const file = manifest[key]?.file;
    if (file?.endsWith('.js')) total += gzipKb(path.join(dist, file));
  }
  return Math.round(total * 10) / 10;
}

/** Every file of the build: count, raw and gzip kilobytes. */
export function totalSize(dist: string): { files: number; rawKb: number; gzipKb: number } {
  let files = 0;
  let raw = 0;
  let gz = 0;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else {
        files++;
        raw += statSync(p).size;
        gz += gzipSync(readFileSync(p)).length;
      }
    }
  };
  walk(dist);
  return { files, rawKb: Math.round(raw / 1024), gzipKb: Math.round(gz / 1024) };
}

/**
 * Worker bundles are not in the manifest: their chunks are found by reading the imports in the
 * emitted files (`import … from "./x.js"` and `import("./x.js")`, as the bundler writes them).
 */
export function workerChunks(assets: string, file: string): { atStart: Set<string>; all: Set<string> } {
  const importsOf = (name: string) => {
    const code = readFileSync(path.join(assets, name), 'utf8');
    const found = (re: RegExp) => [...code.matchAll(re)].map((m) => m[1] as string);
    return {
      static: found(/\bimport\s*(?:[\w$*{},\s]*?from\s*)?["'`]\.\/([\w.-]+\.js)["'`]/g),
      dynamic: found(/\bimport\(\s*["'`]\.\/([\w.-]+\.js)["'`]\s*\)/g),
    };
  };
  const walk = (start: string, follow: 'static' | 'both') => {
    const seen = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      const { static: s, dynamic: d } = importsOf(name);
      for (const n of follow === 'both' ? [...s, ...d] : s) visit(n);
    };
    visit(start);
    return seen;
  };
  return { atStart: walk(file, 'static'), all: walk(file, 'both') };
}
