// `npm run bench`: builds, measures, prints one JSON document of figures. Never part of `npm test`:
// speed is reported here, not asserted in tests.
import { benchApp } from './app';

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);
const results: Record<string, unknown> = { node: process.version, date: new Date().toISOString() };
if (want('app')) results.app = await benchApp();
console.log(JSON.stringify(results, null, 2));
