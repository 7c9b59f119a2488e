import { run } from './action/run.js'

// No top-level await: the bundle is CommonJS (scripts/package.mjs says why). run() ends the process itself.
void run()
