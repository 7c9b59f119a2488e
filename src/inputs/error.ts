// The one error of bad input: it names the input and the rule, before anything runs. Parsers that do not know
// which input they read throw an InputProblem (core/problem.ts); asInput is where it becomes an InputError.
import { InputProblem } from '../core/problem.js'
import { actionTerm, renderInputRefs } from './table.js'

export class InputError extends Error {
  /** The message with ref() markers, for interfaces that name inputs otherwise. */
  readonly template: string
  constructor(
    readonly input: string,
    message: string
  ) {
    super(renderInputRefs(`Invalid input "${input}": ${message}`, actionTerm))
    this.template = message
    this.name = 'InputError'
  }
}

/** `fn`, reading `input`'s value: an InputProblem it throws is an InputError naming the input. */
export function asInput<T>(input: string, fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    if (error instanceof InputProblem) throw new InputError(error.subject ?? input, error.message)
    throw error
  }
}
