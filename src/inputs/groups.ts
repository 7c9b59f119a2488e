// The inputs by purpose, for the README's guide and `--help`: every input of the table in exactly one
// group (a test holds it), so a new input must say where a user will look for it.
import type { InputKey } from './table.js'

export const INPUT_GROUPS: [title: string, keys: InputKey[]][] = [
  ['Where the image goes', ['image', 'registry', 'images', 'push', 'retries']],
  ['Logins', ['username', 'password', 'ecr', 'registryAuth', 'keepLogin', 'logout']],
  ['Tags and labels', ['tags', 'flavor', 'labels', 'annotations', 'sepTags', 'sepLabels', 'sepAnnotations']],
  [
    'Build',
    [
      'context',
      'file',
      'buildArgs',
      'target',
      'noCache',
      'pull',
      'load',
      'outputs',
      'platforms',
      'cacheFrom',
      'cacheTo',
      'noCacheFilters',
      'builder',
      'call',
      'githubToken'
    ]
  ],
  ['Build secrets', ['secrets', 'secretFiles', 'secretEnvs', 'ssh']],
  ['Attestations', ['provenance', 'sbom', 'attests', 'declareArtifacts']],
  [
    'The build sandbox',
    ['addHosts', 'network', 'shmSize', 'ulimit', 'cgroupParent', 'allow', 'buildContexts']
  ],
  ['Without a build', ['sources']]
]
