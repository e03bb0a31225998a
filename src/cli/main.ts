#!/usr/bin/env node
/** The `tokenwarden` executable (package.json `bin` → dist/src/cli/main.js). */
import module from 'node:module';

// Start-up is mostly compiling ~400 small rule modules: Node >= 22.1 can cache that on disk (a no-op
// where unsupported). Enabled before the rules are imported, hence the dynamic imports below.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const { run } = await import('./run.js');
const { processIo } = await import('./io.js');
process.exitCode = await run(process.argv.slice(2), processIo());
