// The action's entry: the main step, or the post step. Each loads only its own modules: the post step runs
// after every job, and an input error, the most common failure, should cost little more than node itself.
import { STATE_POST } from './state.js'

export async function run(): Promise<void> {
  // core.getState reads STATE_<name>; reading it here keeps @actions/core out of this module.
  if (process.env[`STATE_${STATE_POST}`] === 'true') return (await import('./post.js')).post()
  return (await import('./main.js')).main()
}
