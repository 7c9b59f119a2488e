// action.yml is a contract: its names, the README's tables and what the code reads must agree, and every
// workflow file in the repository must validate.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ENV_POST_WANTED } from '../src/action/state.js'
import { parseInputs } from '../src/inputs/parse.js'
import { rowByName } from '../src/inputs/table.js'
import { ROOT } from './helpers/action.js'

interface ActionYml {
  runs: { using: string; main: string; post?: string; 'post-if'?: string }
  branding?: { icon?: string; color?: string }
  inputs: Record<string, { default?: string; required?: boolean; description: string }>
  outputs: Record<string, { description: string }>
}
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
const reference = readFileSync(join(ROOT, 'docs', 'reference.md'), 'utf8')
const design = readFileSync(join(ROOT, 'docs', 'design.md'), 'utf8')

/** Rows of the markdown table under `## heading`: first cell (backticks stripped) → second cell. */
function table(heading: string, doc = readme): Map<string, string> {
  const section = doc.split(/^## /m).find(s => s.startsWith(`${heading}\n`))
  if (!section) throw new Error(`no "## ${heading}" section`)
  const rows = section
    .split('\n')
    .filter(l => l.startsWith('| `'))
    .map(l => l.split('|').map(c => c.trim()))
  return new Map(rows.map(cells => [cells[1].replace(/`/g, ''), cells[2].replace(/`/g, '')]))
}

describe('action.yml', () => {
  it('runs on node24 from the committed bundle; the post step after a failed or cancelled job, or a kept login', () => {
    expect(action.runs).toEqual({
      using: 'node24',
      main: 'dist/index.js',
      post: 'dist/index.js',
      // The variable keep-login exports (src/action/state.ts): after a successful job without it, the runner
      // does not start node for a post step that would have nothing to undo.
      'post-if': `!success() || env.${ENV_POST_WANTED} == 'true'`
    })
  })

  it('has Marketplace branding', () => {
    expect(action.branding?.icon).toBeTruthy()
    expect(action.branding?.color).toBeTruthy()
  })

  it('declares exactly the inputs the code reads', () => {
    const read = new Set<string>()
    const dir = mkdtempSync(join(tmpdir(), 'btp-ctx-'))
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\n')
    parseInputs(name => {
      read.add(name)
      return { image: 'a/b', context: dir }[name] ?? ''
    })
    expect([...read].sort()).toEqual(Object.keys(action.inputs).sort())
  })

  it('agrees with the reference input table, names and defaults', () => {
    const rows = table('Inputs', reference)
    expect([...rows.keys()].sort()).toEqual(Object.keys(action.inputs).sort())
    for (const [name, spec] of Object.entries(action.inputs)) {
      const shown = rows.get(name)
      if (spec.required) expect(shown).toBe('(required)')
      // An input left without a default in action.yml (push) shows the table's in the reference.
      else expect(shown).toBe(spec.default ?? rowByName(name)![1].default)
    }
  })

  it('agrees with the output tables of the README and the reference', () => {
    expect([...table('Outputs').keys()].sort()).toEqual(Object.keys(action.outputs).sort())
    expect([...table('Outputs', reference).keys()].sort()).toEqual(Object.keys(action.outputs).sort())
  })
})

describe('README.md', () => {
  it('is a guide: at most 400 lines, the reference in docs/', () => {
    expect(readme.trimEnd().split('\n').length).toBeLessThanOrEqual(400)
    expect(readme).toContain('docs/reference.md')
  })
})

describe('workflow files', () => {
  const files = [
    ...readdirSync(join(ROOT, '.github', 'workflows')).map(f => join('.github', 'workflows', f)),
    ...readdirSync(join(ROOT, 'docs', 'workflows')).map(f => join('docs', 'workflows', f))
  ].filter(f => /\.ya?ml$/.test(f))

  it('there are examples for deploy/sign, pull requests, releases and ghcr', () => {
    expect(files.length).toBeGreaterThanOrEqual(5)
    const text = files.map(f => readFileSync(join(ROOT, f), 'utf8')).join('\n')
    expect(text).toContain('cosign sign')
    expect(text).toContain("if: github.event_name == 'pull_request'")
    expect(text).toContain("tags: ['v*.*.*']")
    expect(text).toContain('packages: write')
  })

  // The rules for our examples (docs/workflows), read from the parsed YAML.
  type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> }
  type Job = { if?: string; permissions?: Record<string, string>; steps: Step[] }
  type Workflow = {
    on: Record<string, unknown>
    permissions?: Record<string, string>
    jobs: Record<string, Job>
  }
  const examples = files
    .filter(f => f.startsWith('docs'))
    .map(f => [f, parse(readFileSync(join(ROOT, f), 'utf8')) as Workflow] as const)
  const ours = (step: Step): boolean => /build-tag-push@/.test(step.uses ?? '')

  it.each(examples)(
    '%s: step outputs reach run: scripts through env:, never ${{ }} in the script',
    (_f, wf) => {
      for (const job of Object.values(wf.jobs))
        for (const step of job.steps) if (step.run) expect(step.run).not.toContain('${{')
    }
  )

  // The current major of every action a workflow here uses (looked up on each action's releases). A workflow
  // that adds another action adds it here, so that its major is a decision too.
  const CURRENT_MAJORS: Record<string, string> = {
    'actions/checkout': 'v7',
    'actions/setup-node': 'v7',
    'actions/upload-artifact': 'v7',
    'actions/download-artifact': 'v8',
    'actions/attest': 'v4',
    'docker/setup-buildx-action': 'v4',
    'docker/setup-qemu-action': 'v4',
    'docker/login-action': 'v4',
    'docker/metadata-action': 'v6',
    'docker/build-push-action': 'v7',
    'sigstore/cosign-installer': 'v4',
    'aws-actions/configure-aws-credentials': 'v5',
    'google-github-actions/auth': 'v3',
    'azure/login': 'v3'
  }
  const workflows = files.map(f => [f, parse(readFileSync(join(ROOT, f), 'utf8')) as Workflow] as const)

  it.each(workflows)('%s: the actions it uses are at their current majors', (_f, wf) => {
    const uses = Object.values(wf.jobs)
      .flatMap(job => job.steps ?? [])
      .map(step => step.uses ?? '')
      .filter(u => u && !u.startsWith('./') && !/build-tag-push@/.test(u))
    for (const ref of uses) {
      const name = ref.split('@')[0]
      expect(`${ref} (current: ${name}@${CURRENT_MAJORS[name] ?? 'not in CURRENT_MAJORS'})`).toBe(
        `${name}@${CURRENT_MAJORS[name]} (current: ${name}@${CURRENT_MAJORS[name]})`
      )
    }
  })

  it('snippets in the docs (docs/**/*.md) use the current majors too', () => {
    const markdown = (function walk(dir: string): string[] {
      return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap(e =>
        e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : []
      )
    })('docs')
    const outdated = markdown.flatMap(f =>
      [...readFileSync(join(ROOT, f), 'utf8').matchAll(/uses:\s*([\w.-]+\/[\w.-]+)@(v\d+)\b/g)]
        .filter(([, name, major]) => !/build-tag-push$/.test(name) && CURRENT_MAJORS[name] !== major)
        .map(
          ([, name, major]) =>
            `${f}: ${name}@${major} (current: ${CURRENT_MAJORS[name] ?? 'not in CURRENT_MAJORS'})`
        )
    )
    expect(outdated).toEqual([])
  })

  it.each(examples)(
    '%s: a later step that needs the registry (cosign, docker pull, gh reading oci://) has keep-login',
    (_f, wf) => {
      for (const job of Object.values(wf.jobs)) {
        const at = job.steps.findIndex(ours)
        if (at < 0) continue
        const later = job.steps
          .slice(at + 1)
          .some(s => /\b(cosign sign|docker pull|crane)\b|--bundle-from-oci/.test(s.run ?? ''))
        if (later) expect(job.steps[at].with?.['keep-login']).toBe(true)
      }
    }
  )

  it.each(examples)('%s: a job that does not push has no login and no packages: write', (_f, wf) => {
    for (const job of Object.values(wf.jobs)) {
      const step = job.steps.find(ours)
      if (!step || step.with?.push !== false) continue
      expect(step.with?.username).toBeUndefined()
      expect(step.with?.password).toBeUndefined()
      expect({ ...wf.permissions, ...job.permissions }.packages).not.toBe('write')
    }
  })

  it('the migration example moves a build-push-action + metadata-action + login-action job over', () => {
    const uses = (f: string) =>
      Object.values(examples.find(([name]) => name.endsWith(f))![1].jobs).flatMap(j =>
        j.steps.map(s => s.uses ?? '')
      )
    expect(uses('migrate-before.yml')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^docker\/build-push-action@/),
        expect.stringMatching(/^docker\/metadata-action@/),
        expect.stringMatching(/^docker\/login-action@/)
      ])
    )
    const after = uses('migrate-after.yml')
    expect(after.some(u => /^docker\/(build-push|metadata|login)-action@/.test(u))).toBe(false)
    expect(after.some(u => /build-tag-push@/.test(u))).toBe(true)
  })

  // action-validator's own engine, loaded once (its CLI loads it again for every file, a second each).
  const validator = createRequire(import.meta.url)('@action-validator/core') as {
    validateWorkflow(src: string): { errors: unknown[] }
  }
  // action-validator's schema predates the `attestations` permission (actions/attest needs it): that one key
  // is taken out of what it checks, and everything else is checked as written.
  const NEWER_PERMISSIONS = /^(\s+)attestations: (read|write|none)\b.*\n/gm
  it.each(files)('%s validates', file => {
    expect(
      validator.validateWorkflow(readFileSync(join(ROOT, file), 'utf8').replace(NEWER_PERMISSIONS, '')).errors
    ).toEqual([])
  })
})

describe('docs/design.md: Security and reliability', () => {
  const section = design.split(/^## /m).find(s => s.startsWith('Security and reliability\n')) ?? ''

  it('exists, and states the retry figures the code uses', async () => {
    expect(section).not.toBe('')
    const { DEFAULT_BASE_MS, DEFAULT_MAX_MS } = await import('../src/core/retry.js')
    const { PUSH_RETRY_WINDOW_MS } = await import('../src/pipeline/build.js')
    const { REQUEST_TIMEOUT_MS } = await import('../src/registry/bounds.js')
    const flat = section.replace(/\s+/g, ' ')
    expect(flat).toContain(`\`retries\` (default ${action.inputs.retries.default}, from 1 to 10)`)
    expect(flat).toContain(`from ${DEFAULT_BASE_MS / 1000} s up to ${DEFAULT_MAX_MS / 1000} s`)
    expect(flat).toContain(`honoured, up to ${(DEFAULT_MAX_MS * 4) / 1000} s`)
    expect(flat).toContain(`Each request has a ${REQUEST_TIMEOUT_MS / 1000} s deadline`)
    expect(flat).toContain(`more than ${PUSH_RETRY_WINDOW_MS / 1000} s after the first`)
  })

  it('states the bounds of docker processes the code uses', async () => {
    const { boundsFrom, PUSH_MIN_MS, PUSH_MIN_THROUGHPUT, PUSH_STALL_MS, pushWatch, SHORT_DEADLINE_MS } =
      await import('../src/docker/bounds.js')
    const { KILL_AFTER_MS } = await import('../src/docker/cancel.js')
    const flat = section.replace(/\s+/g, ' ')
    expect(flat).toContain(`\`docker login\` get ${SHORT_DEADLINE_MS / 1000} s`)
    expect(flat).toContain(
      `stopped after ${PUSH_STALL_MS / 1000} s without a new status line, or after ${PUSH_MIN_MS / 1000} s in all`
    )
    expect(flat).toContain(`at ${PUSH_MIN_THROUGHPUT / 1024 / 1024} MiB/s`)
    const gib = pushWatch(boundsFrom({}), 1024 ** 3)
    expect(flat).toContain(`a 1 GiB image gets ${Math.round(gib.ceilingMs / 60_000)} min`)
    expect(flat).toContain(`push stalled: no progress for ${PUSH_STALL_MS / 1000} s`)
    expect(flat).toContain(`push timed out after ${PUSH_MIN_MS / 1000} s`)
    expect(flat).toContain(`SIGKILL ${KILL_AFTER_MS / 1000} s later`)
    for (const name of ['BTP_SHORT_DEADLINE_MS', 'BTP_PUSH_STALL_MS', 'BTP_PUSH_MIN_MS']) {
      expect(flat).toContain(name)
      expect(boundsFrom({ [name]: '1234' })).not.toEqual(boundsFrom({}))
    }
  })

  it('says where credentials live and when they go, and what the action does not do', () => {
    for (const phrase of [
      '--password-stdin',
      '::add-mask::',
      'RUNNER_TEMP',
      'post-if',
      'What it does not do'
    ])
      expect(section).toContain(phrase)
  })
})
