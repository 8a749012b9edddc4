// `npm run bench [-- app emulator quiz]`: builds, measures, prints one JSON document of figures.
// `npm run bench -- diagrams` times only the lessons' diagrams, `-- lab` only the lab's runs (both also part of `app`),
// `-- emulator-http` the emulator's call figures without its store-size ones, `-- inprocess` only its in-process ones.
// Never part of `npm test`: speed is reported here, not asserted in tests.
import { cpus, loadavg } from 'node:os';
import { benchApp, benchDiagrams, benchLab } from './app';
import { benchEmulator } from './emulator';
import { benchInProcess } from './emulatorInProcess';
import { machineSpeed } from './machineSpeed';
import { benchQuiz } from './quiz';

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);
const results: Record<string, unknown> = {
  node: process.version,
  cpus: cpus().length,
  // Figures from a busy machine are not comparable: the load average at the start says how busy.
  loadAverageAtStart: loadavg()[0],
  date: new Date().toISOString(),
  // The same build can measure ~1.8x apart on two machines of this kind: this says which kind of day it is.
  machineSpeed: machineSpeed(),
};
if (want('quiz')) results.quiz = benchQuiz();
if (want('emulator')) results.emulator = await benchEmulator();
// `-- emulator-http`: the endpoint's and in-process figures only, without the store-size ones.
if (only.includes('emulator-http')) results.emulator = await benchEmulator({ scale: false });
if (want('app')) results.app = await benchApp();
if (only.includes('diagrams')) results.diagrams = await benchDiagrams();
if (only.includes('lab')) results.lab = await benchLab();
if (only.includes('inprocess')) results.inProcess = await benchInProcess();
console.log(JSON.stringify(results, null, 2));
