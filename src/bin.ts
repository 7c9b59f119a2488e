#!/usr/bin/env node
import { main } from './cli/main.js'

// No top-level await: the bundle is CommonJS (scripts/package.mjs says why).
void main(process.argv.slice(2)).then(code => {
  process.exitCode = code
})
