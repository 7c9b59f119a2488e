// A Reporter that says nothing, for tests that drive a phase without looking at its log.
import type { Reporter } from '../../src/log/reporter.js'

export const quietReporter: Reporter = {
  info: () => {},
  notice: () => {},
  warning: () => {},
  debug: () => {},
  setSecret: () => {},
  group: <T>(_: string, fn: () => Promise<T>) => fn()
}
