/** ESM ts-jest: type errors are caught by `npm run typecheck`, not here. */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1'
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json', diagnostics: false }]
  },
  testTimeout: 120000,
  // The e2e files mostly wait on docker and the network: three at a time halves the run on two cores.
  maxWorkers: 3,
  verbose: true
}
