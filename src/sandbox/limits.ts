/**
 * Every bound of the sandbox in one place. Learner code is untrusted: whatever it sends across the
 * port is cut to these sizes on arrival, so neither the grader nor the page can be flooded.
 */
export const LIMITS = {
  /** Console: characters of one line shown in the Output tab (the rest is counted, not shown). */
  displayLineChars: 2_000,
  /** Console: lines shown in the Output tab per run. */
  displayLines: 1_000,
  /** Console: characters of one line the learner realm sends (the rest of the line is counted, not sent). */
  lineChars: 1_000_000,
  /**
   * Console: characters kept per run for the checks and the download (the rest is counted). A check
   * that reads the output of a run that printed more fails: it cannot vouch for what it never saw.
   */
  transcriptChars: 8_000_000,
  /** Console: lines kept per run for the checks and the download. */
  transcriptLines: 200_000,
  /** One console message from the learner realm: lines and characters. */
  batchLines: 1_000,
  batchChars: 1_100_000,
  /** One request from the learner realm: its URL, headers and body (the emulator's own body limit is 1 MiB). */
  urlChars: 8_192,
  headers: 100,
  headerChars: 16_384,
  bodyBytes: 1024 * 1024 + 1,
  /** A value crossing the port (exports, arguments, results): nesting and number of parts. */
  valueDepth: 64,
  valueNodes: 200_000,
  valueStringChars: 8_000_000,
  /** ... and bytes of binary data (typed arrays, ArrayBuffers, Blobs; a view counts its whole buffer). */
  valueBytes: 8 * 1024 * 1024,
  /** Open database connections the learner realm may hold in one run. */
  connections: 100,
} as const;
