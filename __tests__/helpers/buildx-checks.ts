// What the BuildKit e2e files check of a run: the digest as the registry serves it, and what buildx said of
// a RUN step.
import { expect } from '@jest/globals'
import { expectSucceeded, type ActionRun } from './action.js'
import { inspectRaw, type Creds } from './skopeo.js'

/** The progress vertex of the RUN step whose command contains `marker`, and whether buildx says CACHED. */
export function runStep(log: string, marker: string): { vertex: string; cached: boolean } {
  const lines = log.split(/\r?\n/).map(l => l.trim())
  const m = lines.map(l => /^#(\d+) \[[^\]]*\] RUN (.*)$/.exec(l)).find(x => x && x[2].includes(marker))
  if (!m) throw new Error(`no RUN step containing ${JSON.stringify(marker)} in the build log`)
  return { vertex: m[1], cached: lines.includes(`#${m[1]} CACHED`) }
}

/** Pushed and verified: exit 0, and the digest output is what skopeo reads for every tag. */
export async function expectVerified(
  run: ActionRun,
  host: string,
  image: string,
  tags: string[],
  creds?: Creds
) {
  expectSucceeded(run)
  expect(run.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
  const served = await Promise.all(tags.map(t => inspectRaw(host, `${image}:${t}`, creds)))
  for (const s of served) expect(s.digest).toBe(run.outputs.digest)
  expect(run.outputs['image-ref']).toBe(`${host}/${image}@${run.outputs.digest}`)
  return served[0]
}
