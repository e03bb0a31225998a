import { defineConfig } from 'vitest/config';

/** `npm run bench:app`: the App's figures against the real server (bench/app/*.bench.ts); printed, not asserted. */
export default defineConfig({
  test: {
    include: ['bench/app/**/*.bench.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
