import type { Inputs } from '../src/inputs.js'

/** A validated Inputs value as parseInputs would return it for `image: my/app`, with overrides. */
export function makeInputs(over: Partial<Inputs> = {}): Inputs {
  return {
    context: '.',
    remoteContext: false,
    file: '',
    image: 'my/app',
    registry: 'localhost:5000',
    tags: [],
    buildArgs: [],
    labels: [],
    target: '',
    push: true,
    noCache: false,
    pull: false,
    username: '',
    password: '',
    retries: 3,
    platforms: [],
    cacheFrom: [],
    cacheTo: [],
    provenance: '',
    sbom: '',
    secrets: [],
    builder: '',
    ...over
  }
}
