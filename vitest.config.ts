import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds the sample site and the fixture course once; build and browser tests read the output.
    globalSetup: ['tests/support/global-setup.ts'],
    // CLI and browser tests spawn builds and Chromium; a busy CI machine can take minutes for one.
    testTimeout: 240_000,
    hookTimeout: 600_000,
    // Two cores: browser tests and child-process builds compete for them.
    maxWorkers: 2,
  },
});
