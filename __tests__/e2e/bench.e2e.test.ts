// The benchmark's smoke run: one round, tiny layer, no timing assertion (the machine is noisy). It proves
// `npm run bench` works end to end and writes what the README table is made from.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EXPECTED_BUILDER, expectSucceeded, ROOT } from '../helpers/action.js'
import { requireDocker, runCommand } from '../helpers/docker.js'

describe('npm run bench (smoke)', () => {
  it('runs one round and writes results.json and results.md', async () => {
    await requireDocker()
    const out = mkdtempSync(join(tmpdir(), 'btp-bench-out-'))
    try {
      const r = await runCommand(
        process.execPath,
        [
          join(ROOT, 'scripts', 'bench.mjs'),
          '--rounds',
          '1',
          '--mb',
          '1',
          '--cold',
          '2',
          '--sources-mb',
          '1',
          '--buildx-mb',
          '1',
          '--local-mb',
          '1',
          '--out',
          out
        ],
        { env: process.env }
      )
      expect(r.stderr).not.toContain('bench: no docker')
      expectSucceeded(r)
      const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'))
      expect(results.actionVsRaw.samples.action).toHaveLength(1)
      expect(results.actionVsRaw.ratio).toBeGreaterThan(0)
      expect(results.tags.ratio).toBeGreaterThan(0)
      expect(results.coldStart.actionMedianMs).toBeGreaterThan(0)
      // Own time: wall time minus the docker processes, so less than the run itself and more than nothing.
      expect(results.ownTime.medianMs).toBeGreaterThan(0)
      expect(results.ownTime.medianMs).toBeLessThan(results.tags.oneTagMedianMs)
      // A run spawns docker for the build and one push whatever the number of tags.
      expect(results.calls.oneTag.dockerProcesses).toBe(results.calls.tenTags.dockerProcesses)
      expect(results.calls.tenTags.registryRequests).toBeGreaterThan(results.calls.oneTag.registryRequests)
      expect(results.calls.oneTag.verificationRequests).toBe(1)
      expect(results.calls.tenTags.verificationRequests).toBe(10)
      expect(readFileSync(join(out, 'results.md'), 'utf8')).toContain('| action / raw CLI')
      // An oci-archive is pushed by the action's own client, beside skopeo, with no docker process.
      expect(results.localArchive.samples.skopeo).toHaveLength(1)
      expect(results.localArchive.dockerProcesses).toBe(0)
      expect(results.localArchive.blobBytes).toBeGreaterThan(1024 * 1024)
      // Where buildx is (the sources legs need it): a merge within one registry moves no blob bytes.
      if (EXPECTED_BUILDER === 'buildx') expect(results.sources.mergeBlobBytes).toBe(0)
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })
})
