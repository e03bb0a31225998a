#!/usr/bin/env node
/** The `tokenwarden` executable (package.json `bin` → dist/src/cli/main.js). */
import { run } from './run.js';
import { processIo } from './io.js';

process.exitCode = await run(process.argv.slice(2), processIo());
