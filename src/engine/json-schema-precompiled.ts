/**
 * Validators compiled at build time, by schema file of `policies/`. Empty here: scripts/bundle.mjs
 * replaces this module in dist/cli-main.js with ajv's standalone code for every schema, so the
 * bundled CLI never compiles a schema at start-up.
 */
import type { ValidateFunction } from 'ajv';

export const precompiled: ReadonlyMap<string, ValidateFunction> = new Map();
