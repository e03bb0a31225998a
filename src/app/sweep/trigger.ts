/**
 * The sweep's server settings: the schedule (`TOKENWARDEN_SWEEP_SCHEDULE`, see `schedule.ts`) and the
 * HTTP trigger. `POST /api/sweep` with `Authorization: Bearer <TOKENWARDEN_SWEEP_TOKEN>` starts a sweep
 * (202), or answers 409 while one runs; without a token configured the route does not exist (404).
 * `?repo=owner/name` (repeatable) limits it to those repositories.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { parseSchedule, SCHEDULE_ENV } from './schedule.js';

export const SWEEP_PATH = '/api/sweep';
export const TOKEN_ENV = 'TOKENWARDEN_SWEEP_TOKEN';
const MIN_TOKEN = 20;

/** What is wrong with the sweep settings in `env`, one sentence each. */
export function sweepEnvProblems(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  const s = parseSchedule(env[SCHEDULE_ENV]);
  if ('error' in s) problems.push(s.error);
  const token = env[TOKEN_ENV];
  if (token !== undefined && token.trim() !== '' && token.trim().length < MIN_TOKEN) {
    problems.push(`${TOKEN_ENV} is shorter than ${MIN_TOKEN} characters; generate one with \`openssl rand -hex 32\` (or leave it unset to disable the HTTP trigger).`);
  }
  return problems;
}

/** `Authorization: Bearer <token>`, compared in constant time (through hashes of equal length). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!m || !token) return false;
  const h = (s: string): Buffer => createHash('sha256').update(s).digest();
  return timingSafeEqual(h(m[1]!), h(token));
}
