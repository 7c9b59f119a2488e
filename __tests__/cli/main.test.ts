// The CLI's own logic (src/cli.ts) without docker: flag → input mapping, masking, progress lines, and the
// exit codes of main() for the paths that stop before any build.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { parse } from 'yaml'
import {
  builtLine,
  cliReporter,
  cliTerm,
  flagsToInputs,
  main,
  maskAll,
  UsageError,
  USAGE
} from '../../src/cli/main.js'
import { actionTerm } from '../../src/core/input-ref.js'
import { parseInputs } from '../../src/inputs/parse.js'
import { ROOT } from '../helpers/action.js'

/** A writable that keeps what was written. */
class Sink extends Writable {
  text = ''
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: (error?: Error | null) => void): void {
    this.text += chunk.toString()
    done()
  }
}

type Io = Parameters<typeof main>[1]

async function runMain(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Sink()
  const stderr = new Sink()
  const code = await main(argv, { stdout, stderr } as unknown as Io)
  return { code, stdout: stdout.text, stderr: stderr.text }
}

/** parseArgs' values, as flagsToInputs takes them. */
type Values = Parameters<typeof flagsToInputs>[0]
const values = (v: Record<string, string | string[] | boolean>): Values => v as Values

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>
}

describe('flagsToInputs', () => {
  it('maps every flag onto the input of the same meaning, repeatable flags one per line', () => {
    const map = flagsToInputs(
      values({
        context: 'ctx',
        file: 'ctx/Dockerfile.x',
        image: 'my/app',
        registry: 'localhost:5000',
        tag: ['a', 'b'],
        flavor: ['latest=false', 'prefix=p-'],
        'sep-tags': ',',
        'build-arg': ['K=V', 'L=a=b'],
        label: ['x=y', 'z=w'],
        target: 'final',
        platform: ['linux/amd64', 'linux/arm64'],
        'cache-from': ['type=local,src=/c'],
        'cache-to': ['type=local,dest=/c'],
        provenance: 'false',
        sbom: 'true',
        builder: 'b1',
        'no-push': true,
        load: true,
        output: ['type=local,dest=out', 'type=tar,dest=o.tar'],
        'no-cache': true,
        pull: true,
        username: 'u',
        ecr: 'true',
        retries: '5',
        images: ['ghcr.io/a/b', 'docker.io/a/b'],
        source: ['build-1-*', 'other/app:v1'],
        annotation: ['index:k=v']
      }),
      {},
      'pw'
    )
    expect(Object.fromEntries(map)).toEqual({
      context: 'ctx',
      file: 'ctx/Dockerfile.x',
      image: 'my/app',
      registry: 'localhost:5000',
      tags: 'a\nb',
      flavor: 'latest=false\nprefix=p-',
      'sep-tags': ',',
      'sep-labels': '',
      'sep-annotations': '',
      'build-args': 'K=V\nL=a=b',
      labels: 'x=y\nz=w',
      target: 'final',
      platforms: 'linux/amd64\nlinux/arm64',
      'cache-from': 'type=local,src=/c',
      'cache-to': 'type=local,dest=/c',
      provenance: 'false',
      sbom: 'true',
      secrets: '',
      builder: 'b1',
      push: 'false',
      load: 'true',
      outputs: 'type=local,dest=out\ntype=tar,dest=o.tar',
      'no-cache': 'true',
      pull: 'true',
      username: 'u',
      password: 'pw',
      ecr: 'true',
      'github-token': '',
      // Not given: the parser's default; logout (login-action's) has no flag, the CLI keeps no login.
      'keep-login': '',
      logout: '',
      'declare-artifacts': 'true',
      retries: '5',
      images: 'ghcr.io/a/b\ndocker.io/a/b',
      'registry-auth': '',
      'secret-files': '',
      'secret-envs': '',
      'add-hosts': '',
      network: '',
      'shm-size': '',
      ulimit: '',
      'cgroup-parent': '',
      allow: '',
      'build-contexts': '',
      ssh: '',
      annotations: 'index:k=v',
      attests: '',
      'no-cache-filters': '',
      call: '',
      sources: 'build-1-*\nother/app:v1'
    })
  })

  it('without flags gives the action defaults: push on, no cache-busting, nothing else set', () => {
    const map = flagsToInputs(values({}), {}, '')
    // Not given: the parser's default, true (--push gives it outright).
    expect(map.get('push')).toBe('')
    expect(map.get('no-cache')).toBe('false')
    expect(map.get('pull')).toBe('false')
    for (const name of ['context', 'image', 'tags', 'labels', 'build-args', 'password', 'retries'])
      expect(map.get(name)).toBe('')
  })

  it('covers exactly the inputs of action.yml, so both ends share one validator', () => {
    expect([...flagsToInputs(values({}), {}, '').keys()].sort()).toEqual(Object.keys(action.inputs).sort())
  })

  it('--secret ID=ENV takes the value from the environment, never from argv', () => {
    const map = flagsToInputs(
      values({ secret: ['npm=NPM_TOKEN', 'gh=GH'] }),
      { NPM_TOKEN: 's3cr3t', GH: 'a=b' },
      ''
    )
    expect(map.get('secrets')).toBe('npm=s3cr3t\ngh=a=b')
  })

  it('--secret keeps a multi-line or quoted value one entry (quoted for the CSV reading)', () => {
    const map = flagsToInputs(values({ secret: ['key=PEM'] }), { PEM: 'a\nb "c"' }, '')
    expect(map.get('secrets')).toBe('"key=a\nb ""c"""')
    const given: Record<string, string> = { image: 'my/app', file: join(ROOT, 'package.json') }
    const get = (name: string): string => map.get(name) || given[name] || ''
    expect(parseInputs(get, ROOT).inputs.secrets).toEqual(['key=a\nb "c"'])
  })

  it('a quote in a flag that is no CSV line is passed as given (a string, a tag rule, a buildx output spec)', () => {
    const given = {
      output: ['type=image,"name=a:1,a:2",push=true'],
      'cgroup-parent': 'a"b',
      tag: ['type=raw,value="x,y"']
    }
    const map = flagsToInputs(values(given), {}, '')
    expect([map.get('outputs'), map.get('cgroup-parent'), map.get('tags')]).toEqual([
      'type=image,"name=a:1,a:2",push=true',
      'a"b',
      'type=raw,value="x,y"'
    ])
    const fixed: Record<string, string> = { image: 'my/app', file: join(ROOT, 'package.json') }
    const get = (name: string): string => map.get(name) || fixed[name] || ''
    const { inputs } = parseInputs(get, ROOT)
    expect([inputs.outputs, inputs.cgroupParent, inputs.tagRules.length]).toEqual([
      ['type=image,"name=a:1,a:2",push=true'],
      'a"b',
      1
    ])
  })

  it('the GitHub token comes from the environment (GITHUB_TOKEN, or the variable --github-token-env names)', () => {
    expect(flagsToInputs(values({}), { GITHUB_TOKEN: 'ghs_x' }, '').get('github-token')).toBe('ghs_x')
    expect(flagsToInputs(values({}), {}, '').get('github-token')).toBe('')
    const named = values({ 'github-token-env': 'MY_TOKEN' })
    expect(flagsToInputs(named, { MY_TOKEN: 'ghp_y', GITHUB_TOKEN: 'ghs_x' }, '').get('github-token')).toBe(
      'ghp_y'
    )
    expect(() => flagsToInputs(named, {}, '')).toThrow(/MY_TOKEN is not set/)
  })

  it.each([
    ['no =', 'NPM_TOKEN', /ID=ENV/],
    ['empty id', '=NPM_TOKEN', /ID=ENV/],
    ['unset variable', 'npm=NOT_SET_ANYWHERE', /NOT_SET_ANYWHERE is not set/]
  ])('--secret with %s is a usage error', (_why, spec, message) => {
    expect(() => flagsToInputs(values({ secret: [spec] }), {}, '')).toThrow(UsageError)
    expect(() => flagsToInputs(values({ secret: [spec] }), {}, '')).toThrow(message)
  })

  it("--secret in docker build's form: the variable or the file it names, never a secret called id", () => {
    const file = join(ROOT, 'package.json')
    const map = flagsToInputs(
      values({
        secret: [
          'id=API_TOKEN',
          'npm=NPM_TOKEN',
          'id=gh,env=GH',
          `id=key,src=${file}`,
          'type=env,id=t,src=GH'
        ],
        'secret-file': [`pem=${file}`]
      }),
      { API_TOKEN: 'tok', NPM_TOKEN: 's3', GH: 'g' },
      ''
    )
    expect(map.get('secrets')).toBe('API_TOKEN=tok\nnpm=s3\ngh=g\nt=g')
    expect(map.get('secret-files')).toBe(`pem=${file}\nkey=${file}`)
    const fixed: Record<string, string> = { image: 'my/app', file }
    const { inputs } = parseInputs(name => map.get(name) || fixed[name] || '')
    expect([inputs.secrets, inputs.secretFiles]).toEqual([
      ['API_TOKEN=tok', 'npm=s3', 'gh=g', 't=g'],
      [`pem=${file}`, `key=${file}`]
    ])
  })

  it.each([
    ['id=NOT_SET_ANYWHERE_Y', /^--secret "id=NOT_SET_ANYWHERE_Y": neither the environment variable/],
    [
      'id=k,src=/does/not/exist',
      /^--secret "id=k,src=\/does\/not\/exist": "\/does\/not\/exist" is not a file$/
    ],
    ['id=k,env=NOT_SET_ANYWHERE_Y', /^--secret k: environment variable NOT_SET_ANYWHERE_Y is not set$/],
    ['env=GH', /^--secret "env=GH": needs id=ID/]
  ])("--secret %s in docker's form, wrong, is a usage error naming --secret", (spec, message) => {
    expect(() => flagsToInputs(values({ secret: [spec] }), { GH: 'g' }, '')).toThrow(UsageError)
    expect(() => flagsToInputs(values({ secret: [spec] }), { GH: 'g' }, '')).toThrow(message)
  })

  it('--push gives push outright (an exporter output then pushes too), --no-push turns it off, both is a usage error', () => {
    expect(flagsToInputs(values({ push: true }), {}, '').get('push')).toBe('true')
    expect(flagsToInputs(values({ 'no-push': true }), {}, '').get('push')).toBe('false')
    expect(flagsToInputs(values({}), {}, '').get('push')).toBe('')
    const map = flagsToInputs(values({ push: true, output: ['type=oci,dest=o.tar'] }), {}, '')
    const fixed: Record<string, string> = { image: 'my/app', file: join(ROOT, 'package.json') }
    const { inputs } = parseInputs(name => map.get(name) || fixed[name] || '')
    expect([inputs.push, inputs.pushGiven]).toEqual([true, true])
    expect(() => flagsToInputs(values({ push: true, 'no-push': true }), {}, '')).toThrow(
      new UsageError('--push and --no-push say opposite things: give one of them')
    )
    expect(USAGE).toMatch(/^ {2}--push {2,}push, beside an --output that exports files too$/m)
    expect(USAGE).toMatch(/^ {2}--no-push {2,}build and tag only$/m)
  })

  it('what it produces passes the action validator for a typical command line', () => {
    const map = flagsToInputs(
      values({ context: ROOT, file: join(ROOT, 'package.json'), image: 'my/app', tag: ['v1', 'latest'] }),
      {},
      ''
    )
    const { inputs } = parseInputs(name => map.get(name) ?? '')
    expect(inputs.tags).toEqual(['v1', 'latest'])
    expect(inputs.push).toBe(true)
  })
})

describe('flags the issue names', () => {
  const STRING_FLAGS = ['context', 'file', 'image', 'registry', 'tag', 'build-arg', 'label', 'target']
  const MORE_STRING_FLAGS = ['username', 'retries']
  const BOOLEAN_FLAGS = ['no-push', 'no-cache', 'pull', 'password-stdin', 'json']

  it.each([...STRING_FLAGS, ...MORE_STRING_FLAGS].map(f => [f]))('main() accepts --%s VALUE', async flag => {
    // With --help nothing runs, so any parse error would be the flag's.
    expect((await runMain([`--${flag}`, 'x', '--help'])).code).toBe(0)
    expect((await runMain([`--${flag}=x`, '--help'])).code).toBe(0)
  })

  it.each(BOOLEAN_FLAGS.map(f => [f]))('main() accepts --%s as a switch', async flag => {
    expect((await runMain([`--${flag}`, '--help'])).code).toBe(0)
  })

  it('the usage columns never run together: every help text starts in one column, two spaces or more past its flag', () => {
    const rows = USAGE.split('\n').filter(l => /^ {2}-/.test(l))
    expect(rows.length).toBeGreaterThan(20)
    // A flag (and its value), two spaces or more, then its help: one such gap per row, at one column.
    const gaps = rows.map(l => /^ {2}\S+(?: \S+)*? {2,}(?=\S)/.exec(l)?.[0].length ?? -1)
    expect(gaps.filter(g => g < 0)).toEqual([])
    expect(new Set(gaps).size).toBe(1)
  })

  it('the usage text gives the exit statuses the README gives', () => {
    const exit = USAGE.split('\n').at(-1)!
    expect(exit).toBe(
      'Exit status: 0 success, 1 failure, 2 bad usage or invalid input, 128 + N after signal N, 141 on a closed output.'
    )
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ')
    expect(readme).toContain(exit)
  })

  it('the usage text lists every flag the issue names', () => {
    for (const flag of [...STRING_FLAGS, ...MORE_STRING_FLAGS, ...BOOLEAN_FLAGS, 'help'])
      expect(USAGE).toContain(`--${flag}`)
  })
})

describe('maskAll and cliReporter', () => {
  it('maskAll replaces every occurrence of every secret and ignores empty ones', () => {
    expect(maskAll('pw and pw, not p-w; tok', ['pw', '', 'tok'])).toBe('*** and ***, not p-w; ***')
  })

  it('info, notice and warning mask secrets, including ones registered later with setSecret', () => {
    const err = new Sink()
    const r = cliReporter(err, ['hunter2'])
    r.info('password hunter2')
    r.setSecret('late-secret')
    r.notice('late-secret and hunter2')
    r.warning('again late-secret')
    expect(err.text).toBe('password ***\nnotice: *** and ***\nwarning: again ***\n')
    expect(err.text).not.toContain('hunter2')
  })

  it('inside a workflow, each line is one line that issues no runner command; outside, as given', () => {
    const saved = process.env.GITHUB_ACTIONS
    try {
      const said = 'cache export failed: boom\r::error::forged ##[add-mask]sha256'
      process.env.GITHUB_ACTIONS = 'true'
      const inWorkflow = new Sink()
      cliReporter(inWorkflow, []).warning(said)
      expect(inWorkflow.text).toBe('warning: cache export failed: boom ::error::forged ## [add-mask]sha256\n')
      delete process.env.GITHUB_ACTIONS
      const local = new Sink()
      cliReporter(local, []).warning(said)
      expect(local.text).toBe(`warning: ${said}\n`)
    } finally {
      if (saved === undefined) delete process.env.GITHUB_ACTIONS
      else process.env.GITHUB_ACTIONS = saved
    }
  })

  it('group prints the phase, then its duration, and returns the result', async () => {
    const err = new Sink()
    const r = cliReporter(err, [])
    const value = await r.group('Build', async () => {
      err.write('docker output\n')
      return 42
    })
    expect(value).toBe(42)
    expect(err.text).toMatch(/^==> Build\ndocker output\n<== Build \(\d+\.\d s\)\n$/)
  })

  it('group still prints the duration when the phase fails, and rethrows', async () => {
    const err = new Sink()
    const r = cliReporter(err, [])
    await expect(
      r.group('Push', async () => {
        throw new Error('denied')
      })
    ).rejects.toThrow('denied')
    expect(err.text).toMatch(/^==> Push\n<== Push \(\d+\.\d s\)\n$/)
  })
})

describe('main() before any build', () => {
  let ctx: string
  beforeAll(async () => {
    ctx = await mkdtemp(join(tmpdir(), 'btp-cli-unit-'))
    await writeFile(join(ctx, 'Dockerfile'), 'FROM scratch\n')
  })
  afterAll(async () => {
    await rm(ctx, { recursive: true, force: true })
  })

  it.each([['--help'], ['-h']])('%s prints the usage on stdout and exits 0', async flag => {
    const res = await runMain([flag])
    expect(res.code).toBe(0)
    expect(res.stdout).toBe(`${USAGE}\n`)
    expect(res.stderr).toBe('')
  })

  it('watches its stdout and stderr from the start: a failed write cancels the run, never an uncaught error', async () => {
    // Emitting the error here would cancel the test process's run; cli-cancel.e2e closes real pipes.
    const stdout = new Sink()
    const stderr = new Sink()
    expect(await main(['--version'], { stdout, stderr } as unknown as Io)).toBe(0)
    expect([stdout.listenerCount('error'), stderr.listenerCount('error')]).toEqual([1, 1])
    await main(['--version'], { stdout, stderr } as unknown as Io)
    expect([stdout.listenerCount('error'), stderr.listenerCount('error')]).toEqual([1, 1])
  })

  it('--help wins over other flags, even invalid ones', async () => {
    const res = await runMain(['--image', 'Not Valid', '--help'])
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('Usage: build-tag-push')
  })

  it('an unknown flag exits 2 with one line naming it, pointing to --help; nothing on stdout', async () => {
    const res = await runMain(['--image', 'my/app', '--bogus'])
    expect(res.code).toBe(2)
    expect(res.stderr).toBe("build-tag-push: Unknown option '--bogus' (see --help)\n")
    expect(res.stdout).toBe('')
  })

  it('a positional argument, a missing flag value or a flag taken for a value exits 2 with one line', async () => {
    for (const argv of [['my/app'], ['--image'], ['--image', '--registry', 'x']]) {
      const res = await runMain(argv)
      expect(res.code).toBe(2)
      expect(res.stderr).toMatch(/^build-tag-push: [^\n]+ \(see --help\)\n$/)
    }
  })

  it.each([
    [['--context', '<ctx>', '--image', 'my/app', '--tag', 'Bad Tag'], /tags|--tag/, 'Bad Tag'],
    [['--context', '<ctx>'], /image/, 'required'],
    [['--context', '<ctx>', '--image', 'my/app', '--retries', '0'], /retries/, '0'],
    [
      ['--context', '<ctx>', '--image', 'my/app', '--registry', 'https://ghcr.io'],
      /registry/,
      'https://ghcr.io'
    ],
    [['--context', '/does/not/exist', '--image', 'my/app'], /context/, '/does/not/exist'],
    [
      ['--context', '<ctx>', '--image', 'my/app', '--build-arg', 'NO VALUE'],
      /build-args|--build-arg/,
      'entry 1'
    ],
    [
      ['--context', '<ctx>', '--image', 'my/app', '--secret', 'id=BTP_UNSET_VAR_X'],
      /--secret/,
      'BTP_UNSET_VAR_X'
    ],
    // The CLI has no post step that could remove a kept login.
    [['--context', '<ctx>', '--image', 'my/app', '--keep-login'], /invalid --keep-login/, 'no post step'],
    // nor login-action's logout: the CLI's login goes with its own docker config.
    [['--context', '<ctx>', '--image', 'my/app', '--no-logout'], /Unknown option/, "'--no-logout'"],
    [['--context', '<ctx>', '--image', 'my/app', '--logout'], /Unknown option/, "'--logout'"]
  ])('invalid input %j exits 2 naming the input', async (argv, name, value) => {
    const res = await runMain(argv.map(a => (a === '<ctx>' ? ctx : a)))
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(name)
    expect(res.stderr).toContain(value)
    expect(res.stderr).toMatch(/^build-tag-push: /)
    expect(res.stdout).toBe('')
    // Nothing started: no phase was printed.
    expect(res.stderr).not.toContain('==>')
  })
})

describe('flags of one value given twice', () => {
  it.each([
    [['--image', 'a/one', '--image', 'a/two'], '--image', true],
    [['--image', 'a/one', '--registry', 'localhost:1', '--registry=localhost:2'], '--registry', true],
    [['--image', 'a/one', '--context', '.', '--context', 'other'], '--context', false],
    [['--image', 'a/one', '--file', 'a', '--file', 'b'], '--file', false],
    [['--image', 'a/one', '--target', 'a', '--target', 'b'], '--target', false],
    [['--image', 'a/one', '--github-token-env', 'A', '--github-token-env', 'B'], '--github-token-env', false]
  ])('%j is a usage error naming the flag, not the last one silently', async (argv, flag, images) => {
    const r = await runMain(argv)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(
      new RegExp(`^build-tag-push: ${flag} given twice, and it takes one value[^\n]* \\(see --help\\)\n$`)
    )
    // One image's place: several are given with --images.
    expect(r.stderr.includes('give each full name (host/path) with --images, which repeats')).toBe(images)
    expect(r.stdout).toBe('')
  })

  it('repeatable flags and switches may come again; --help still wins', async () => {
    const argv = [
      '--context',
      join(ROOT, 'examples', 'hello'),
      '--image',
      'my/app',
      '--tag',
      'a',
      '--tag',
      'b'
    ]
    // --keep-login is refused right after the flags are read and validated: nothing is built.
    const r = await runMain([...argv, '--pull', '--pull', '--keep-login'])
    expect(r.stderr).toMatch(/^build-tag-push: invalid --keep-login: /)
    expect((await runMain(['--image', 'a', '--image', 'b', '--help'])).code).toBe(0)
  })

  it('--push beside --no-push is a usage error, nothing built', async () => {
    const r = await runMain(['--image', 'my/app', '--push', '--no-push'])
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'build-tag-push: --push and --no-push say opposite things: give one of them\n'
    })
  })
})

describe('builtLine: a build that pushed nothing', () => {
  const result = { imageid: 'sha256:abc', tags: ['localhost:5000/a:latest'] }
  it.each([
    [[], false, 'built sha256:abc as localhost:5000/a:latest (not pushed)'],
    // No tag names it in the engine: the image went to the file.
    [['type=oci,dest=o.tar'], false, 'built sha256:abc and exported to o.tar (not pushed)'],
    [['type=docker,dest=d.tar'], false, 'built sha256:abc and exported to d.tar (not pushed)'],
    [['type=tar,dest=t.tar'], false, 'built sha256:abc and exported to t.tar (not pushed)'],
    [['out'], false, 'built sha256:abc and exported to out (not pushed)'],
    [['type=docker'], false, 'built sha256:abc as localhost:5000/a:latest (not pushed)'],
    [
      ['type=oci,dest=o.tar'],
      true,
      'built sha256:abc as localhost:5000/a:latest and exported to o.tar (not pushed)'
    ],
    [['type=cacheonly'], false, 'built sha256:abc and exported by --output type=cacheonly (not pushed)']
  ])('--output %j, --load %s: %s', (outputs, load, line) => {
    expect(builtLine({ outputs, load }, result)).toBe(line)
  })

  it('files only: no image ID, no tag', () => {
    expect(
      builtLine({ outputs: ['type=local,dest=out'], load: false }, { imageid: '', tags: ['r/a:latest'] })
    ).toBe('built and exported to out (not pushed)')
    expect(builtLine({ outputs: [], load: false }, { imageid: 'sha256:abc', tags: [] })).toBe(
      'built sha256:abc untagged (not pushed)'
    )
  })
})

describe('--version and the words of the CLI', () => {
  it('--version prints the version and exits 0', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
    const r = await runMain(['--version'])
    expect(r).toEqual({ code: 0, stdout: `build-tag-push ${pkg.version}\n`, stderr: '' })
  })

  it('an input error names flags, never input names', async () => {
    const r = await runMain(['--image', 'ghcr.io/o/app'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^build-tag-push: invalid --image: .*put "ghcr.io" in --registry\n$/)
    expect(r.stderr).not.toMatch(/input/)
  })

  it('advice to set a switch says to pass it or leave it out', async () => {
    expect([cliTerm(['push=false']), cliTerm(['push=true']), cliTerm(['pull=true'])]).toEqual([
      'pass --no-push',
      'leave out --no-push',
      'pass --pull'
    ])
    expect(actionTerm(['push=false'])).toBe('set the "push" input to false')
    const r = await runMain(['--source', 'ghcr.io/o/app:1', '--image', 'o/app', '--no-push'])
    expect(r.stderr).toBe(
      'build-tag-push: invalid --no-push: --source always pushes (the sources are put in the registry): leave out --no-push\n'
    )
  })

  it('a tagged image in --images is sent to --tag for its tags', async () => {
    const r = await runMain(['--images', 'ghcr.io/o/app:v1'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('images are names only (tags go in --tag)')
  })

  it("a rejected flag's URL userinfo never shows: the error masks it", async () => {
    const r = await runMain([
      '--image',
      'o/app',
      '--build-context',
      'https://x-access-token:Tok-9f2c@github.com/o/r.git'
    ])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^build-tag-push: invalid --build-context: .*name=/)
    expect(r.stderr).not.toContain('Tok-9f2c')
  })

  it('--username without --password-stdin says so in flags', async () => {
    const r = await runMain([
      '--image',
      'o/app',
      '--username',
      'u',
      '--context',
      join(ROOT, 'examples', 'hello')
    ])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(
      'invalid --password-stdin: --username and --password-stdin must be given together'
    )
  })
})
