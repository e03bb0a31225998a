/**
 * The job plumbing's knobs (.env.example, docs/github-app.md): workers per process, the job lease, how
 * often other instances' jobs are looked for, and the deadline after which a check run left in progress
 * is recovered.
 */

export interface JobSettings {
  /** Jobs at once in this process (TOKENWARDEN_WORKERS). */
  workers: number;
  /** A job's lease; a dead worker's job is retried after it (TOKENWARDEN_JOB_LEASE_MS). */
  leaseMs: number;
  /** How often jobs enqueued by another instance are looked for (TOKENWARDEN_JOB_POLL_MS). */
  pollMs: number;
  /** A check run in progress this long whose job is gone is recovered (TOKENWARDEN_STALE_RUN_MS). */
  staleRunMs: number;
  /** How often to look for such runs (TOKENWARDEN_RECOVERY_INTERVAL_MS). */
  recoveryIntervalMs: number;
}

const KNOBS: Record<string, { key: keyof JobSettings; min: number; max: number; fallback: number; unit: string }> = {
  TOKENWARDEN_WORKERS: { key: 'workers', min: 1, max: 256, fallback: 8, unit: 'jobs' },
  TOKENWARDEN_JOB_LEASE_MS: { key: 'leaseMs', min: 500, max: 3_600_000, fallback: 60_000, unit: 'milliseconds' },
  TOKENWARDEN_JOB_POLL_MS: { key: 'pollMs', min: 10, max: 60_000, fallback: 1_000, unit: 'milliseconds' },
  TOKENWARDEN_STALE_RUN_MS: { key: 'staleRunMs', min: 500, max: 7 * 24 * 3_600_000, fallback: 10 * 60_000, unit: 'milliseconds' },
  TOKENWARDEN_RECOVERY_INTERVAL_MS: { key: 'recoveryIntervalMs', min: 100, max: 24 * 3_600_000, fallback: 60_000, unit: 'milliseconds' },
};

export const JOB_ENV = Object.keys(KNOBS);

const valid = (v: string, min: number, max: number): boolean => /^\d+$/.test(v.trim()) && Number(v) >= min && Number(v) <= max;

/** The settings from `env` (unset, blank or invalid: the default; `jobEnvProblems` says what is invalid). */
export function jobSettingsFromEnv(env: NodeJS.ProcessEnv): JobSettings {
  const out = {} as JobSettings;
  for (const [name, k] of Object.entries(KNOBS)) {
    const v = env[name];
    out[k.key] = v?.trim() && valid(v, k.min, k.max) ? Number(v.trim()) : k.fallback;
  }
  return out;
}

export function jobEnvProblems(env: NodeJS.ProcessEnv): string[] {
  return Object.entries(KNOBS)
    .filter(([name, k]) => env[name]?.trim() && !valid(env[name], k.min, k.max))
    .map(([name, k]) => `${name} "${env[name]}" is not a whole number of ${k.unit} from ${k.min} to ${k.max}.`);
}
