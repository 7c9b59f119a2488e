// Naming inputs and giving advice per interface: the action speaks of inputs and workflow steps, the CLI of
// --flags and commands.
import { describe, expect, it } from '@jest/globals'
import { actionTerm, advice, ref, renderInputRefs } from '../../src/core/input-ref.js'
import { cliTerm } from '../../src/cli/main.js'

describe('advice', () => {
  it.each([
    ['checkout', /actions\/checkout step/, /^run it where your Dockerfile is, or pass --context DIR$/],
    ['install-buildx', /docker\/setup-buildx-action/, /^install the buildx plugin: .*docker-buildx-plugin/],
    ['update-buildx', /docker\/setup-buildx-action/, /^update the buildx plugin: /],
    ['log-in', /login-action in an earlier step/, /^docker login$/],
    ['ssh-agent', /webfactory\/ssh-agent/, /ssh-add/]
  ] as const)('%s: a workflow step in the action, a command on the command line', (key, action, cli) => {
    const text = `x (${advice(key)}, or drop ${ref('call')})`
    expect(renderInputRefs(text, actionTerm)).toMatch(action)
    expect(renderInputRefs(text, actionTerm)).toMatch(/, or drop the "call" input\)$/)
    const said = renderInputRefs(text, cliTerm)
    expect(said.slice(3, -')'.length).split(', or drop ')[0]).toMatch(cli)
    expect(said).toMatch(/, or drop --call\)$/)
    // No workflow advice on a command line.
    expect(said).not.toMatch(/actions\/|-action|earlier step|webfactory/)
  })
})
