/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // tsconfig.json, compiled to CommonJS: the lazy `await import('./x.js')` of src/cli becomes a require that jest
  // can load (jest runs native import() only with --experimental-vm-modules), and `.js` maps back to the source.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node10' }, isolatedModules: true }] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // Suites start real servers (fake ARM, fake Bot Connector, azurite): give them room, never assert on time.
  testTimeout: 60000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/scripts/summary-reporter.js'],
};
