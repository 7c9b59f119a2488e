// `registry-auth` read as login-action reads it, with js-yaml: what YAML means is what is sent (anchors,
// `~`, `yes`, `!!str`, block scalars), and errors name the entry, never a value or js-yaml's message.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { credentialsIn, loadRegistryAuthParser, parseRegistryAuth } from '../../src/inputs/registry-auth.js'
import { InputProblem } from '../../src/core/problem.js'
import { actionTerm, renderInputRefs } from '../../src/core/input-ref.js'
import { cliTerm } from '../../src/cli/main.js'

beforeAll(loadRegistryAuthParser)

const KEY = '{\n  "type": "service_account",\n  "private_key": "-----BEGIN KEY-----\\nabc\\n"\n}\n'

describe("parseRegistryAuth: login-action's list, as YAML", () => {
  it('reads entries with plain and quoted values, comments and blank lines', () => {
    const text = [
      '# two registries',
      '- registry: ghcr.io',
      '  username: octo',
      "  password: 'it''s secret'",
      '',
      '- registry: "localhost:5000"',
      '  username: u # the CI user',
      '  password: "p\\"w"',
      '- username: hub',
      '  password: hubpw'
    ].join('\n')
    expect(parseRegistryAuth(text)).toEqual([
      { registry: 'ghcr.io', username: 'octo', password: "it's secret" },
      { registry: 'localhost:5000', username: 'u', password: 'p"w' },
      { registry: '', username: 'hub', password: 'hubpw' }
    ])
  })

  // What a hand parser took literally, YAML reads as login-action does.
  const cases: [string, string, Partial<{ registry: string; username: string; password: string }>][] = [
    [
      'an anchor and its alias',
      '- registry: a\n  username: &u octo\n  password: pw\n- registry: b\n  username: *u\n  password: pw2',
      {}
    ],
    ['`yes` is a string in YAML 1.2', '- registry: a\n  username: yes\n  password: pw', { username: 'yes' }],
    [
      '!!str keeps a number as written',
      '- registry: a\n  username: u\n  password: !!str 0123',
      { password: '0123' }
    ],
    ['a number is sent as written', '- registry: a\n  username: u\n  password: 12345', { password: '12345' }],
    [
      'a block scalar: a GCR _json_key',
      `- registry: gcr.io\n  username: _json_key\n  password: |\n${KEY.replace(/^/gm, '    ').trimEnd()}\n`,
      { username: '_json_key', password: KEY.trim() }
    ],
    ['a flow mapping', '[{registry: a, username: u, password: pw}]', { registry: 'a', password: 'pw' }]
  ]
  it.each(cases)('%s', (_, text, expected) => {
    expect(parseRegistryAuth(text)[0]).toMatchObject(expected)
  })

  it('an alias gives both entries the same value', () => {
    const logins = parseRegistryAuth(cases[0][1])
    expect(logins.map(l => l.username)).toEqual(['octo', 'octo'])
  })

  it("login-action's ecr and scope are accepted and carried", () => {
    expect(
      parseRegistryAuth(
        '- registry: 1.dkr.ecr.us-east-1.amazonaws.com\n  username: u\n  password: p\n  ecr: auto\n  scope: octo/app@push'
      )
    ).toEqual([
      {
        registry: '1.dkr.ecr.us-east-1.amazonaws.com',
        username: 'u',
        password: 'p',
        scope: 'octo/app@push'
      }
    ])
  })

  it('an empty document is no logins', () => {
    expect(parseRegistryAuth('# nothing yet\n')).toEqual([])
  })

  it.each([
    ['registry: ghcr.io\nusername: u\npassword: p', /^is a mapping, and a list is expected/],
    ['just text', /^is not a list/],
    ['- registry: ghcr.io\n  username: u', /^entry 1 \("ghcr\.io"\) has no password$/],
    ['- registry: ghcr.io\n  password: p', /^entry 1 \("ghcr\.io"\) has no username$/],
    ['- registry: ghcr.io\n  username: u\n  password: ~', /^entry 1 \("ghcr\.io"\) has no password$/],
    ['- registry: a\n  username: u\n  password: p\n  token: x', /^entry 1 \("a"\): unknown key "token"/],
    ['- username: u\n  password: [a, b]', /^entry 1: password must be a string/],
    ['- username: u\n  password: 2024-01-02', /^entry 1: password must be a string \(quote it\)$/],
    [
      '- registry: a\n  username: u\n  username: v\n  password: p',
      /^is not valid YAML \(line 3, column \d+\) \(/
    ],
    ["- registry: a\n  username: u\n  password: 'open", /^is not valid YAML \(line \d+, column \d+\) \(/],
    ['- ok\n- registry: b', /^entry 1 is not a mapping/]
  ])('%j is refused: %s', (text, message) => {
    expect(() => parseRegistryAuth(text)).toThrow(InputProblem)
    expect(() => parseRegistryAuth(text)).toThrow(message)
  })

  it("never puts a value, or js-yaml's message quoting the input, in an error", () => {
    for (const text of [
      "- registry: a\n  username: u\n  password: 'hunter2",
      '- registry: a\n  username: u\n  password: hunter2\n  password: hunter2',
      '- registry: a\n  username: u\n  password: {hunter2'
    ]) {
      let message = ''
      try {
        parseRegistryAuth(text)
      } catch (error) {
        message = (error as Error).message
      }
      expect(message).toMatch(/^is not valid YAML/)
      expect(message).not.toContain('hunter2')
    }
  })
})

describe('a key file of several lines, as the runner pastes a secret in', () => {
  // The runner indents only a secret's first line: a pretty-printed GCR key breaks the block scalar.
  const key = '{\n  "type": "service_account",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIE\\n"\n}\n'
  const entry = (password: string) => `- registry: gcr.io\n  username: _json_key\n  password: ${password}\n`

  it("pasted into a block scalar, is refused with the way that works, in each interface's words", () => {
    let message = ''
    try {
      parseRegistryAuth(entry(`|\n    ${key}`))
    } catch (error) {
      message = (error as Error).message
    }
    expect(renderInputRefs(message, actionTerm)).toMatch(
      /^is not valid YAML \(line 5, column \d+\) \(a secret of several lines, such as a GCR key file, breaks the YAML when pasted in: write it as password: \$\{\{ toJSON\(secrets\.NAME\) \}\}\)$/
    )
    expect(renderInputRefs(message, cliTerm)).toMatch(/block scalar \(password: \|\) indented as a whole/)
    expect(message).not.toContain('PRIVATE')
  })

  it('as toJSON writes it, reads back whole', () => {
    // Trimmed, as every password is (docker's --password-stdin drops the line break too).
    expect(parseRegistryAuth(entry(JSON.stringify(key)))[0].password).toBe(key.trim())
  })
})

describe('credentialsIn: what to mask, before anything can print it', () => {
  it('the parsed pairs', () => {
    expect(credentialsIn('- registry: a\n  username: u\n  password: pw1')).toEqual([
      { username: 'u', password: 'pw1' }
    ])
  })
  it('the password of an entry that is invalid otherwise', () => {
    expect(credentialsIn("- registry: a\n  password: 'pw2'\n  bogus: 1").map(c => c.password)).toEqual([
      'pw2'
    ])
  })
  it('a block scalar whole (its lines are masked one by one later)', () => {
    const text = `- registry: gcr.io\n  username: _json_key\n  password: |\n${KEY.replace(/^/gm, '    ').trimEnd()}\n`
    expect(credentialsIn(text).map(c => c.password)).toEqual([KEY.trim()])
  })
  it('when the text does not parse: plain password values, never YAML syntax such as | or {', () => {
    const text = "- registry: a\n  password: 'pw3'\n  x: [\n- password: |\n    key\n- password: {a: b\n"
    expect(credentialsIn(text).map(c => c.password)).toEqual(['pw3'])
  })
})

describe('registry-auth: cloud logins', () => {
  it("reads login-action's ecr key (true, false, auto) and needs no username or password for ECR", () => {
    const text = [
      '- registry: 123456789012.dkr.ecr.us-east-2.amazonaws.com',
      '- registry: 127.0.0.1:5000',
      '  ecr: true',
      '- registry: public.ecr.aws',
      '  ecr: auto',
      '  username: AKIA',
      '  password: secret',
      '- registry: 123456789012.dkr.ecr.us-east-2.amazonaws.com:443',
      '  ecr: false',
      '  username: AWS',
      '  password: token'
    ].join('\n')
    expect(parseRegistryAuth(text, { AWS_REGION: 'eu-west-1' })).toEqual([
      {
        registry: '123456789012.dkr.ecr.us-east-2.amazonaws.com',
        username: '',
        password: '',
        cloud: { kind: 'ecr', region: 'us-east-2', registryId: '123456789012' }
      },
      {
        registry: '127.0.0.1:5000',
        username: '',
        password: '',
        ecr: true,
        cloud: { kind: 'ecr', region: 'eu-west-1' }
      },
      {
        registry: 'public.ecr.aws',
        username: 'AKIA',
        password: 'secret',
        cloud: { kind: 'ecr-public', region: 'us-east-1' }
      },
      {
        registry: '123456789012.dkr.ecr.us-east-2.amazonaws.com:443',
        username: 'AWS',
        password: 'token',
        ecr: false
      }
    ])
  })

  it('reads the ecr key in any casing, quoted or not, as login-action does', () => {
    const entry = (ecr: string): string =>
      `- registry: 123456789012.dkr.ecr.us-east-2.amazonaws.com\n  username: AWS\n  password: token\n  ecr: ${ecr}`
    for (const ecr of ['"False"', 'FALSE', 'False'])
      expect(parseRegistryAuth(entry(ecr), {})[0]).toMatchObject({ ecr: false })
    for (const ecr of ['"True"', 'TRUE'])
      expect(parseRegistryAuth(entry(ecr), {})[0]).toMatchObject({ ecr: true, cloud: { kind: 'ecr' } })
    expect(parseRegistryAuth(entry('Auto'), {})[0].cloud?.kind).toBe('ecr')
    expect(() => parseRegistryAuth(entry('yes'), {})).toThrow(/ecr is true, false or auto/)
  })

  it('a Docker Hub entry without a password is an OIDC login when DOCKERHUB_OIDC_CONNECTIONID is set', () => {
    const env = { DOCKERHUB_OIDC_CONNECTIONID: '3fa85f64-5717-4562-b3fc-2c963f66afa6' }
    expect(parseRegistryAuth('- username: octo-org', env)[0].cloud?.kind).toBe('hub-oidc')
    expect(() => parseRegistryAuth('- username: octo-org', {})).toThrow(/no password/)
    // No username asks for no OIDC login: the entry is incomplete, whatever the job's variable says.
    expect(() => parseRegistryAuth('- registry: docker.io', env)).toThrow(
      /entry 1 \("docker.io"\) has no username/
    )
  })
})
