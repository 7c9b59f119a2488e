/**
 * ESM, with TypeScript stripped by swc: type errors are caught by `npm run typecheck`, not here. swc rather
 * than ts-jest because every fresh clone (and so every CI run) transforms the whole tree cold: ts-jest loads
 * TypeScript in each worker, and the unit suite took 31-32 s with it against 26 s with swc, side by side
 * with empty caches.
 */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1'
  },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'es6' },
        sourceMaps: 'inline'
      }
    ]
  },
  testTimeout: 120000,
  // The e2e files mostly wait on docker and the network: three at a time halves the run on two cores.
  maxWorkers: 3,
  verbose: true
}
