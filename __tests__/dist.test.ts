// dist/ is what the runner executes: it must be exactly what `npm run package` builds from src/.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { ROOT } from './helpers/action.js'

function files(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? files(p) : [p]
  })
}

describe('dist', () => {
  it('is current: a fresh build equals the committed bundle', () => {
    const out = mkdtempSync(join(tmpdir(), 'btp-dist-'))
    try {
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs'), out], { encoding: 'utf8' })
      expect(r.stderr).not.toMatch(/error/i)
      expect(r.status).toBe(0)
      const fresh = files(out)
        .map(f => relative(out, f))
        .sort()
      const committed = files(join(ROOT, 'dist'))
        .map(f => relative(join(ROOT, 'dist'), f))
        .sort()
      expect(committed).toEqual(fresh)
      const stale = fresh.filter(f => !readFileSync(join(out, f)).equals(readFileSync(join(ROOT, 'dist', f))))
      expect(stale).toEqual([])
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })
})
