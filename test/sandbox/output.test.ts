import { expect, test } from 'vitest';
import { LearnerLink } from '../../src/sandbox/grader/learnerLink';
import { RunOutput } from '../../src/sandbox/grader/output';
import { startSession } from '../../src/sandbox/grader/session';
import { runSession } from '../../src/sandbox/inProcess';
import { compileInNode } from '../../src/sandbox/learner/execute';
import { type LearnerPort, startLearner } from '../../src/sandbox/learner/realm';
import { LIMITS } from '../../src/sandbox/limits';
import type { ConsoleLine } from '../../src/sandbox/messages';
import type { SentLine } from '../../src/sandbox/protocol';

// The grader's bounds on a run's console output (grader/output.ts), tried as a flooding learner
// would: what the checks read, what the page draws and what the download holds stay bounded, and
// every count shown is true.

const log = (text: string, cut?: number): SentLine => ({ level: 'log', text, ...(cut ? { cut } : {}) });
const none = { lines: 0, chars: 0 };
const chars = (lines: readonly ConsoleLine[]) => lines.reduce((n, l) => n + l.text.length, 0);

test('a run within the bounds is kept whole, drawn as printed, and read by the checks as printed', () => {
  const shown: ConsoleLine[] = [];
  const output = new RunOutput((lines) => shown.push(...lines));

  output.add([log('one'), { level: 'warn', text: 'two' }], none);

  expect(output.transcript).toEqual([log('one'), { level: 'warn', text: 'two' }]);
  expect(output.display).toEqual(output.transcript);
  expect(shown).toEqual(output.transcript);
  expect(output.lost()).toEqual(none);
  expect(output.omitted()).toEqual(none);
  expect(output.text()).toBe('one\n[warn] two');
});

test('100,000 lines of 1,000 characters: the transcript stops at its cap, the page gets 1,000 lines, the counts are exact', () => {
  const shown: ConsoleLine[] = [];
  const output = new RunOutput((lines) => shown.push(...lines));
  const line = 'x'.repeat(1000);

  for (let batch = 0; batch < 200; batch++)
    output.add(
      Array.from({ length: 500 }, () => log(line)),
      none,
    );

  const kept = LIMITS.transcriptChars / 1000;
  expect(chars(output.transcript)).toBe(LIMITS.transcriptChars);
  expect(output.transcript.length).toBe(kept);
  expect(output.display.length).toBe(LIMITS.displayLines);
  expect(shown.length).toBe(LIMITS.displayLines);
  expect(output.omitted()).toEqual({ lines: 100_000 - LIMITS.displayLines, chars: (100_000 - kept) * 1000 });
  expect(output.lost()).toEqual({ lines: 100_000 - kept, chars: (100_000 - kept) * 1000 });
  const text = output.text();
  expect(text.length).toBeLessThan(LIMITS.transcriptChars + kept + 200);
  expect(
    text.endsWith(
      `… ${(100_000 - kept).toLocaleString('en')} more lines (${((100_000 - kept) * 1000).toLocaleString('en')} characters) were not kept.`,
    ),
  ).toBe(true);
});

test('a line cut by the learner realm is drawn with the true number of characters left out', () => {
  const output = new RunOutput();
  const sent = 'y'.repeat(LIMITS.lineChars);

  output.add([log(sent, 100_000_000 - LIMITS.lineChars)], none);

  const [drawn] = output.display;
  expect(drawn?.text.startsWith('y'.repeat(LIMITS.displayLineChars))).toBe(true);
  expect(drawn?.text.slice(LIMITS.displayLineChars)).toBe(
    ` … ${(100_000_000 - LIMITS.displayLineChars).toLocaleString('en')} more characters not shown`,
  );
  expect(output.transcript).toEqual([log(sent)]);
  expect(output.lost()).toEqual({ lines: 0, chars: 100_000_000 - LIMITS.lineChars });
  expect(output.text()).toBe(
    `${sent} … ${(100_000_000 - LIMITS.lineChars).toLocaleString('en')} more characters not kept`,
  );
});

test('the line that meets the cap is kept in part; what the learner realm did not send counts as lost', () => {
  const output = new RunOutput();
  const big = 'z'.repeat(LIMITS.lineChars);

  for (let i = 0; i < LIMITS.transcriptChars / LIMITS.lineChars - 1; i++) output.add([log(big)], none);
  output.add([log(`${big.slice(1)}`), log('abc')], none);
  output.add([], { lines: 3, chars: 30 });

  expect(chars(output.transcript)).toBe(LIMITS.transcriptChars);
  expect(output.transcript.at(-1)?.text).toBe('a');
  expect(output.lost()).toEqual({ lines: 3, chars: 2 + 30 });
});

test('a learner realm cannot take back what it said it left out', () => {
  const output = new RunOutput();

  output.add([log('a')], { lines: 5, chars: 500 });
  output.add([log('b')], { lines: 0, chars: 0 });

  expect(output.lost()).toEqual({ lines: 5, chars: 500 });
});

test('millions of empty lines stop at the line cap, counted', () => {
  const output = new RunOutput();
  const empties = Array.from({ length: 1000 }, () => log(''));

  for (let i = 0; i < (LIMITS.transcriptLines + 5000) / 1000; i++) output.add(empties, none);

  expect(output.transcript.length).toBe(LIMITS.transcriptLines);
  expect(output.lost()).toEqual({ lines: 5000, chars: 0 });
});

test('through both realms: one 100 MB line ends the run normally, cut for the checks and the page', async () => {
  const r = await runSession("console.log('y'.repeat(100_000_000));\nconsole.log('after');", undefined);

  expect(r.error).toBeUndefined();
  expect(r.output.map((l) => l.text)).toEqual([
    `${'y'.repeat(LIMITS.displayLineChars)} … ${(100_000_000 - LIMITS.displayLineChars).toLocaleString('en')} more characters not shown`,
    'after',
  ]);
  expect(r.outputOmitted).toEqual({ lines: 0, chars: 100_000_000 - LIMITS.lineChars });
});

test('through both realms: 100,000 lines end the run normally with 1,000 drawn and the rest counted', async () => {
  const r = await runSession(
    "const line = 'x'.repeat(1000);\nfor (let i = 0; i < 100_000; i++) console.log(i, line);",
    undefined,
  );

  expect(r.error).toBeUndefined();
  expect(r.output.length).toBe(LIMITS.displayLines);
  expect(r.output.at(-1)?.text).toBe(`999 ${'x'.repeat(1000)}`);
  expect(r.outputOmitted.lines).toBe(100_000 - LIMITS.displayLines);
  expect(r.outputOmitted.chars).toBeGreaterThan(90_000_000);
});

test('through both realms: lines printed after the budget is spent exactly, at the end of the run, are still counted', async () => {
  // 1,600 lines of 5,000 characters fill the 8 M budget to the character; the next 18,400 are only counted.
  const r = await runSession(
    "const line = 'x'.repeat(4_990);\nfor (let i = 0; i < 20_000; i++) console.log(String(i).padStart(9), line);",
    undefined,
  );

  expect(r.error).toBeUndefined();
  expect(r.output.length).toBe(LIMITS.displayLines);
  expect(r.outputOmitted).toEqual({ lines: 20_000 - LIMITS.displayLines, chars: 18_400 * 5_000 });
});

test('a realm that rehearsed a run first gives the next run the whole budget: nothing of the rehearsal is counted', async () => {
  // Prepare: one learner realm for two runs, as the browser's spare pair (rehearsal, then the learner's run).
  const { port1, port2 } = new MessageChannel();
  startLearner(port2 as unknown as LearnerPort, compileInNode());
  const link = new LearnerLink(port1);
  await link.ready;
  try {
    await startSession("for (let i = 0; i < 3; i++) console.log('rehearsal', i);", undefined, link).result;
    // Act
    const session = startSession(
      "const line = 'x'.repeat(4_990);\nfor (let i = 0; i < 2_000; i++) console.log(String(i).padStart(9), line);",
      undefined,
      link,
    );
    const r = await session.result;
    // Assess: 1,600 whole lines kept, none cut, the other 400 counted.
    expect(session.output.transcript.length).toBe(1_600);
    expect(session.output.transcript.every((l) => l.text.length === 5_000)).toBe(true);
    expect(r.outputOmitted).toEqual({ lines: 400 + 600, chars: 400 * 5_000 });
  } finally {
    port1.close();
    port2.close();
  }
});
