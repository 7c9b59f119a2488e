import { defaultInputs, type Inputs } from '../src/inputs/parse.js'

/** A validated Inputs value as parseInputs would return it for `image: my/app` on localhost:5000, with overrides. */
export function makeInputs(over: Partial<Inputs> = {}): Inputs {
  return { ...defaultInputs({ image: 'my/app', registry: 'localhost:5000' }), ...over }
}
