import { describe, expect, it } from '@jest/globals'
import {
  BLOB_MIN_MS,
  blobCeilingMs,
  COPY_RETRY_WINDOW_MS,
  copyWorstMs,
  MAX_TAGS_READ,
  REQUEST_TIMEOUT_MS,
  registryBoundsFrom
} from '../../src/registry/bounds.js'
import { worstRetryMs } from '../../src/core/retry.js'

const defaults = registryBoundsFrom({})
// The `retries` input's default.
const ATTEMPTS = 3

describe('registry bounds', () => {
  it('defaults, and overrides by positive integers only', () => {
    expect(defaults).toEqual({
      requestMs: REQUEST_TIMEOUT_MS,
      blobMinMs: BLOB_MIN_MS,
      copyWindowMs: COPY_RETRY_WINDOW_MS,
      maxTagsRead: MAX_TAGS_READ
    })
    expect(MAX_TAGS_READ).toBe(100_000)
    expect(
      registryBoundsFrom({
        BTP_REQUEST_TIMEOUT_MS: '500',
        BTP_COPY_MIN_MS: ' 2000 ',
        BTP_COPY_RETRY_WINDOW_MS: '3000',
        BTP_MAX_TAGS_READ: '40'
      })
    ).toEqual({ requestMs: 500, blobMinMs: 2000, copyWindowMs: 3000, maxTagsRead: 40 })
    for (const bad of ['', '0', '-5', '1.5', 'abc', '5s'])
      expect(registryBoundsFrom({ BTP_COPY_MIN_MS: bad }).blobMinMs).toBe(BLOB_MIN_MS)
  })

  it("a blob stream's ceiling grows with its size at 1 MiB/s, from its minimum", () => {
    expect(blobCeilingMs(defaults, 0)).toBe(60_000)
    expect(blobCeilingMs(defaults, 1024)).toBe(60_000)
    expect(blobCeilingMs(defaults, 60 * 1024 * 1024)).toBe(60_000)
    expect(blobCeilingMs(defaults, 61 * 1024 * 1024)).toBe(61_000)
    expect(blobCeilingMs(defaults, 1024 ** 3)).toBe(1_024_000)
  })

  it('retry: every attempt and its longest wait, cut by the window', () => {
    // 10 s attempts, waits of at most 1 s then 2 s.
    expect(worstRetryMs(10_000, { attempts: 1 })).toBe(10_000)
    expect(worstRetryMs(10_000, { attempts: 3 })).toBe(33_000)
    // Waits cap at 15 s: 1+2+4+8+15×5.
    expect(worstRetryMs(10_000, { attempts: 10 })).toBe(190_000)
    // No attempt starts after the window: at most the window plus one attempt.
    expect(worstRetryMs(10_000, { attempts: 10, maxElapsedMs: 45_000 })).toBe(55_000)
    expect(worstRetryMs(10_000, { attempts: 2, maxElapsedMs: 45_000 })).toBe(21_000)
    // A window that opens at the first failure: the first attempt, the window, one more attempt.
    expect(worstRetryMs(10_000, { attempts: 10, maxElapsedMs: 45_000, windowFromFailure: true })).toBe(65_000)
    expect(worstRetryMs(10_000, { attempts: 2, maxElapsedMs: 45_000, windowFromFailure: true })).toBe(21_000)
  })

  it('at the defaults, a small blob whose source drips or stalls fails the step within 4 minutes, retries included', () => {
    // The target's HEAD (33 s with its retries), then attempts of an upload session (33 s) and a stream
    // (60 s), none after the 90 s window: 33 + 90 + 33 + 60.
    expect(copyWorstMs(defaults, 1024, ATTEMPTS)).toBe(216_000)
    expect(copyWorstMs(defaults, 1024, ATTEMPTS)).toBeLessThanOrEqual(4 * 60_000)
    // With retries 10 every request may take 190 s, but the stream attempts still end with the window.
    expect(copyWorstMs(defaults, 1024, 10)).toBe(190_000 + 90_000 + 190_000 + 60_000)
    // A large layer gets the time its size needs at 1 MiB/s, on top.
    expect(copyWorstMs(defaults, 1024 ** 3, ATTEMPTS)).toBe(216_000 - 60_000 + 1_024_000)
  })
})
