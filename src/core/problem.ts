// A problem with a value the user gave, found by a parser that does not know which input the value came
// from: the input parsing names the input (inputs/error.ts asInput). A leaf, so that every layer's pure
// parsers can throw it without knowing of the inputs.

export class InputProblem extends Error {
  constructor(
    message: string,
    /**
     * What the problem names instead of the input being read: another input a check across inputs found
     * at fault, or an environment variable a parser read itself.
     */
    readonly subject?: string
  ) {
    super(message)
    this.name = 'InputProblem'
  }
}

/** `fn`, whose InputProblem is said again in context: `say` puts the line or entry before it, or a hint after. */
export function reworded<T>(fn: () => T, say: (message: string) => string): T {
  try {
    return fn()
  } catch (error) {
    if (error instanceof InputProblem) throw new InputProblem(say(error.message), error.subject)
    throw error
  }
}
