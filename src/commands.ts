// The runner's workflow-command protocol, only the parts this action uses.
//
// Why not @actions/core: its entry module statically imports @actions/http-client (for OIDC tokens we never
// request), which loads undici; measured here that costs ~90 ms of start-up on every run, against a
// budget of 40 ms over a bare `node -e 0` (issue 5). The protocol itself is small and documented:
// https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions
import { appendFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { EOL } from 'node:os'

type Env = NodeJS.ProcessEnv

/** Escaping for a command's message, as the runner decodes it. */
export const escapeData = (s: string): string =>
  s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')

export class Commands {
  constructor(
    private readonly env: Env = process.env,
    private readonly write: (line: string) => void = line => process.stdout.write(line)
  ) {}

  /** `INPUT_<NAME>` as the runner sets it: spaces become `_`, upper case. */
  getInput(name: string, trim = true): string {
    const value = this.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? ''
    return trim ? value.trim() : value
  }

  private issue(command: string, message: string): void {
    this.write(`::${command}::${escapeData(message)}${EOL}`)
  }

  info(message: string): void {
    this.write(`${message}${EOL}`)
  }
  debug(message: string): void {
    this.issue('debug', message)
  }
  notice(message: string): void {
    this.issue('notice', message)
  }
  warning(message: string): void {
    this.issue('warning', message)
  }
  error(message: string): void {
    this.issue('error', message)
  }
  setSecret(value: string): void {
    if (value) this.issue('add-mask', value)
  }
  startGroup(name: string): void {
    this.issue('group', name)
  }
  endGroup(): void {
    this.write(`::endgroup::${EOL}`)
  }

  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.startGroup(name)
    try {
      return await fn()
    } finally {
      this.endGroup()
    }
  }

  /** Appends `name<<delimiter` blocks to a file command (GITHUB_OUTPUT, GITHUB_STATE). */
  private fileCommand(variable: string, name: string, value: string): boolean {
    const file = this.env[variable]
    if (!file) return false
    const delimiter = `ghadelimiter_${randomUUID()}`
    appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8')
    return true
  }

  setOutput(name: string, value: string): void {
    // Outside the runner there is no file: print the legacy command so the value is still visible.
    if (!this.fileCommand('GITHUB_OUTPUT', name, value))
      this.write(`${EOL}::set-output name=${name}::${escapeData(value)}${EOL}`)
  }

  saveState(name: string, value: string): void {
    if (!this.fileCommand('GITHUB_STATE', name, value))
      this.write(`::save-state name=${name}::${escapeData(value)}${EOL}`)
  }

  getState(name: string): string {
    return this.env[`STATE_${name}`] ?? ''
  }

  /** Appends markdown to the job summary; false when there is none (outside the runner). */
  summary(markdown: string): boolean {
    const file = this.env.GITHUB_STEP_SUMMARY
    if (!file) return false
    appendFileSync(file, `${markdown}${EOL}`, 'utf8')
    return true
  }

  setFailed(message: string): void {
    process.exitCode = 1
    this.error(message)
  }
}
