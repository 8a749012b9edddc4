import { config } from 'zod';

// zod compiles fast validators with `new Function` after probing whether eval is allowed. The
// app's CSP forbids eval, and Chromium reports even the failed probe as a policy violation, so
// validation runs without the JIT (it is fast enough for saved progress and quiz attempts).
config({ jitless: true });
