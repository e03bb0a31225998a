#!/usr/bin/env node
/**
 * The `tokenwarden` executable as tsc builds it: `dist/src/cli/main.js` (used by tests and CI's
 * self-scan). The published command is the bundle (scripts/bundle.mjs), whose entry is bundle-main.ts.
 */
import module from 'node:module';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  // Start-up is mostly compiling the rule set: Node >= 22.1 caches that on disk (absent on Node 20:
  // the bundle is then what keeps start-up short). Enabled before anything heavy is imported.
  try {
    (module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  } catch {
    // a read-only cache directory: run without it
  }
  const argv = process.argv.slice(2);
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    // Not a module more than needed: `--version` must not load the engine.
    const { toolVersion } = await import('./version.js');
    process.stdout.write(`${toolVersion()}\n`);
  } else {
    const { run } = await import('./run.js');
    const { processIo } = await import('./io.js');
    process.exitCode = await run(argv, processIo());
  }
} else {
  // A `--jobs` worker started from this very file.
  (await import('./scan-worker.js')).startScanWorker();
}
