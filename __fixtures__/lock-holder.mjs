// A step of another process taking the keep-login lock, for login-ledger.test.ts: node 24 runs it, stripping
// the types of login-ledger.ts (the first argument). It spins until `startAt`, so that the processes find
// the lock at the same moment, takes the lock beside `config`, and holds it `holdMs`, writing `enter` and
// `exit` to `config`.log. Its first removal of the lock file waits `rmDelayMs`: a process that the system
// let sleep between judging a lock abandoned and removing it (a loaded runner), made certain.
import fsp from 'node:fs/promises'
import { appendFileSync } from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'
import { dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

const [ledger, config, holdMs, rmDelayMs] = process.argv.slice(2)
const lock = join(dirname(config), 'build-tag-push-kept-logins.lock')
const rm = fsp.rm
let delayed = false
fsp.rm = async (file, options) => {
  if (file === lock && !delayed) {
    delayed = true
    await sleep(Number(rmDelayMs))
  }
  return rm(file, options)
}
syncBuiltinESMExports()
const { withLock } = await import(ledger)
const log = `${config}.log`
process.stdout.write('ready\n')
const startAt = await new Promise(resolve => process.stdin.once('data', d => resolve(Number(String(d)))))
process.stdin.destroy()
while (Date.now() < startAt);
await withLock(config, { warning: m => appendFileSync(log, `warn ${m}\n`) }, async () => {
  appendFileSync(log, `enter ${process.pid}\n`)
  await sleep(Number(holdMs))
  appendFileSync(log, `exit ${process.pid}\n`)
})
