import { describe, expect, it } from '@jest/globals'
import { goBool } from '../../src/core/go-bool.js'

describe("goBool: Go's strconv.ParseBool words", () => {
  it.each(['1', 't', 'T', 'true', 'TRUE', 'True'])('%s is true', text => expect(goBool(text)).toBe(true))
  it.each(['0', 'f', 'F', 'false', 'FALSE', 'False'])('%s is false', text => expect(goBool(text)).toBe(false))
  // Go refuses these, so docker's tools fail on them: no case folding, no trimming, no yes/no.
  it.each(['', 'tRUE', 'fAlse', 'yes', 'no', 'on', ' true', 'true ', '2'])('%j is neither', text =>
    expect(goBool(text)).toBeUndefined()
  )
})
