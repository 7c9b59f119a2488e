// How long a synchronous check kept this process's CPU busy. A test of linear time measures this rather than
// the wall clock: another program on a loaded machine stretches the wall time of a linear pass past any sane
// bound, while a quadratic pattern burns the CPU itself, seconds of it, whatever else runs.
export function cpuMs(check: () => void): number {
  const before = process.cpuUsage()
  check()
  const used = process.cpuUsage(before)
  return (used.user + used.system) / 1000
}
