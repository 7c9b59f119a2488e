// The one error type of bad input: it names the input and the rule, before anything runs.
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
