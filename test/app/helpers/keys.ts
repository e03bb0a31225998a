/** Test credentials and a logger; no nock here, so the end-to-end test can use them over real HTTP. */
import { generateKeyPairSync } from 'node:crypto';
import type { Logger } from 'probot';

let key: string | undefined;
/** An RSA key made at run time: no key material is committed. */
export function privateKey(): string {
  return (key ??= generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  }).privateKey);
}

/** A pino-shaped logger that keeps every line, to assert that logs never hold a secret. */
export function memoryLogger(lines: string[]): Logger {
  const write =
    (level: string) =>
    (...args: unknown[]) => {
      lines.push(`${level} ${args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`);
    };
  const log: Record<string, unknown> = { level: 'trace' };
  for (const l of ['trace', 'debug', 'info', 'warn', 'error', 'fatal']) log[l] = write(l);
  log.child = () => log;
  return log as unknown as Logger;
}
