// The project's own GitHub event fixtures (__fixtures__/events): each a `.env` of the variables the runner
// sets and, where the event has one, the `.json` payload GITHUB_EVENT_PATH points to. The repository is
// acme/widget, default branch `main`.
import * as github from '@actions/github'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fromActionsContext, type GitContext } from '../../src/metadata/context.js'

export const EVENTS = path.resolve(import.meta.dirname, '..', '..', '__fixtures__', 'events')

/** The fixtures with a payload, as named in __fixtures__/events. */
export const EVENT_NAMES = [
  'push-main',
  'push-develop',
  'push-invalid-chars',
  'push-tag',
  'release',
  'pull-request',
  'pull-request-target',
  'schedule',
  'workflow-dispatch'
] as const

/** The commits the fixtures name. */
export const SHAS = {
  main: '4e7d1c9a0b3f62d8e5a17c4b9f0e2d6a83c5b1f7',
  develop: 'b52f0a6e9d1c47385e2a0f6c8d4b1e9a7c3f5d20',
  fix: '7a0c3e5f1b9d2846c0e7a3f5b1d9c2e4a6f80b13',
  tag: 'c8e1f4a2d7b05936e1c8a4f2d0b7e5c3a9f6d104',
  prMerge: 'e3b9a7d15c2f08e4b6a1d9c3f7e5b0a2d8c4f691',
  prHead: '91d4f6b2e8a03c7d5f1b9e2a6c4d0f8b3e7a5c29'
} as const

/**
 * The runner's variables for a fixture, GITHUB_EVENT_PATH pointing at its payload. `tag:NAME` is a tag
 * checked out without a payload (`tag-detached.env` with GITHUB_REF=refs/tags/NAME).
 */
export function eventEnv(name: string): Record<string, string> {
  const detached = name.startsWith('tag:') ? name.slice('tag:'.length) : undefined
  const file = detached === undefined ? name : 'tag-detached'
  const env: Record<string, string> = {}
  for (const line of readFileSync(path.join(EVENTS, `${file}.env`), 'utf8').split('\n')) {
    const eq = line.indexOf('=')
    if (eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1)
  }
  if (detached !== undefined) {
    env.GITHUB_REF = `refs/tags/${detached}`
    env.GITHUB_REF_NAME = detached
  }
  const payload = path.join(EVENTS, `${file}.json`)
  if (existsSync(payload)) env.GITHUB_EVENT_PATH = payload
  return env
}

/** The fixture's payload as parsed JSON. */
export function eventPayload(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(EVENTS, `${name}.json`), 'utf8')) as Record<string, unknown>
}

/** @actions/github's Context, built as the library builds it: from process.env when it is constructed. */
export function libraryContext(env: Record<string, string | undefined>): GitContext {
  const saved = { ...process.env }
  try {
    for (const key of Object.keys(process.env)) if (key.startsWith('GITHUB_')) delete process.env[key]
    Object.assign(process.env, env)
    const Context = github.context.constructor as new () => typeof github.context
    return fromActionsContext(new Context(), process.env)
  } finally {
    process.env = saved
  }
}

/** A fixture's event as the action reads it. */
export const eventContext = (name: string): GitContext => libraryContext(eventEnv(name))
