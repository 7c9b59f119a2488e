// What a pure parser refuses, for unit tests of the rules it says.
import { expect } from '@jest/globals'
import { InputProblem } from '../../src/core/problem.js'

/** The message of the InputProblem `fn` throws; the test fails when it throws nothing, or anything else. */
export function problemOf(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(InputProblem)
    return (error as InputProblem).message
  }
  throw new Error('expected an InputProblem, and nothing was thrown')
}
