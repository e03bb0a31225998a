// The app project runs many test files in one process (one module graph per fork, no per-file
// isolation: loading Probot, Octokit and PGlite once per fork instead of once per file). What one
// file leaves behind in process-wide state must not reach the next: nock's interceptors and its
// network switch, fake timers, stubbed globals and environment variables, spies.
import { afterAll, vi } from 'vitest';
import nock from 'nock';

const env = { ...process.env };
const cwd = process.cwd();

afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
  for (const [key, value] of Object.entries(env)) if (process.env[key] !== value) process.env[key] = value;
  if (process.cwd() !== cwd) process.chdir(cwd);
});
