import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * A run without vitest's timing cache (a fresh clone, CI) is ordered by test/durations.json, longest
 * first, as vitest orders a run that has the cache. Vitest alone would order it by file size, which
 * starts the slow App files (servers, child processes, on-disk databases; several are a few lines that
 * run a shared suite) last and leaves the cores waiting on them at the end: 2 min 54 s against 2 min 33 s
 * for the same suite with the cache. `node scripts/test-durations.mjs` rewrites the table from the cache.
 */
const DURATIONS: Record<string, number> = JSON.parse(readFileSync(new URL('./test/durations.json', import.meta.url), 'utf8'));

class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const key = (f: TestSpecification): string => `${f.project.name}:${relative(this.ctx.config.root, f.moduleId)}`;
    if (sorted.some((f) => this.ctx.cache.getFileTestResults(key(f)))) return sorted;
    return sorted
      .map((f, i) => ({ f, i, d: DURATIONS[key(f)] ?? 0 }))
      .sort((a, b) => b.d - a.d || a.i - b.i)
      .map(({ f }) => f);
  }
}

/**
 * Three projects (README "Tests"):
 * - `engine`: the engine, rules, parsers and reports — pure functions over strings. They share one
 *   module graph per worker (no per-file isolation): the rule set and the WASM parsers load once
 *   per worker instead of once per file, which was most of the suite's collect time.
 * - `app`: the App, the store, the audit trail, the CLI and everything that starts servers, child
 *   processes, timers or databases — in child processes (forks), several files per fork sharing one
 *   module graph: Probot, Octokit and PGlite load once per fork, not once per file. What a file leaves
 *   in process-wide state is reset after it (test/setup-shared-process.ts); tests close what they open.
 * - `e2e`: the long adversarial suites: the real server against the loopback stand-in under hostile
 *   input and crashes, and every rule against pathological inputs (test/engine/redos.test.ts) (minutes).
 *
 * `npm test` runs engine and app; `npm run test:e2e` runs e2e (CI runs both); `npm run test:quick`
 * runs engine only, for the inner loop. test:e2e runs the rule-against-pathological-input file after
 * the server suites, not beside them: it is CPU-bound (every rule over 5 MB lines), and beside it the
 * hostile suite's 40 MB pull-request listing missed its 2 s GitHub deadline on a two-core CI machine,
 * so the App rightly retried and opened a second run the test then found in progress.
 */
export default defineConfig({
  test: {
    // Projects list their own setup files (an `extends` project would concatenate the root's).
    // A migrated in-memory database snapshot for the store tests (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    sequence: { sequencer: LongFirstSequencer },
    // Vitest 3 starts one pool per kind for the whole run, so isolation is set per pool here, not per
    // project (a project's `isolate` is ignored): threads (engine) share modules, forks (app, e2e) do not.
    pool: 'forks',
    // More forks than cores: most App tests wait (servers, child processes, timers, databases) rather
    // than compute, and vitest's default (cores − 1) is one fork on a two-core machine.
    poolOptions: { threads: { isolate: false, maxThreads: availableParallelism() }, forks: { isolate: false, maxForks: availableParallelism() + 1, minForks: availableParallelism() + 1 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'engine',
          setupFiles: ['test/setup.ts'],
          include: ['test/engine/**/*.test.ts', 'test/report/*.test.ts'],
          exclude: ['test/engine/redos.test.ts'],
          pool: 'threads',
        },
      },
      {
        extends: true,
        test: {
          name: 'app',
          setupFiles: ['test/setup.ts', 'test/setup-shared-process.ts'],
          include: ['test/**/*.test.ts'],
          exclude: ['test/engine/**', 'test/report/*.test.ts', 'test/e2e/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          setupFiles: ['test/setup.ts'],
          include: ['test/e2e/**/*.test.ts', 'test/engine/redos.test.ts'],
        },
      },
    ],
  },
});
