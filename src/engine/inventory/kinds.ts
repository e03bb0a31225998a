/** Credential kinds and the built-in rotation defaults. */
import type { CredentialKind } from './types.js';

export const CREDENTIAL_KINDS: readonly CredentialKind[] = [
  'classic-pat',
  'fine-grained-pat',
  'github-app',
  'oauth-app',
  'deploy-key',
  'ssh-key',
  'cloud-access-key',
  'service-account-key',
  'api-key',
  'webhook-secret',
  'signing-key',
  'password',
  'certificate',
  'other',
];

/**
 * Longest rotation period per kind, in days, unless the policy says otherwise (`maxRotationDays` of
 * `rotation/rotation-period-too-long`). Bearer tokens and cloud keys: 90 (PCI DSS 8.3.9, CIS 1.14);
 * key pairs whose private half never leaves its holder: a year.
 */
export const DEFAULT_MAX_ROTATION_DAYS: Readonly<Record<CredentialKind | 'default', number>> = {
  'classic-pat': 90,
  'fine-grained-pat': 90,
  'cloud-access-key': 90,
  'service-account-key': 90,
  'api-key': 90,
  password: 90,
  other: 90,
  'oauth-app': 180,
  'github-app': 365,
  'deploy-key': 365,
  'ssh-key': 365,
  'webhook-secret': 365,
  'signing-key': 365,
  certificate: 398,
  default: 90,
};

/** Kinds whose issuer offers no expiry (GitHub deploy keys and App private keys, SSH keys, webhook secrets): `expires: never` is honest for them. */
export const NEVER_EXPIRES_KINDS: readonly CredentialKind[] = ['deploy-key', 'ssh-key', 'github-app', 'webhook-secret'];

/** Due within this many days is "due soon". */
export const DEFAULT_WARN_DAYS = 14;

/** Secrets that are not credentials of the repository: the workflow's own token. */
export const ALWAYS_EXEMPT: readonly string[] = ['GITHUB_TOKEN'];

export function isCredentialKind(k: unknown): k is CredentialKind {
  return typeof k === 'string' && (CREDENTIAL_KINDS as readonly string[]).includes(k);
}

/**
 * The policy maximum for a kind: `overrides[kind]`; else `overrides.default` (an explicit default
 * covers every kind the overrides do not name); else the built-in value for the kind, else 90.
 */
export function maxRotationDaysFor(kind: string | undefined, overrides?: Readonly<Record<string, unknown>>): number {
  const pick = (t: Readonly<Record<string, unknown>> | undefined, k: string): number | undefined => {
    const v = t && Object.prototype.hasOwnProperty.call(t, k) ? t[k] : undefined;
    return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined;
  };
  return (kind ? pick(overrides, kind) : undefined) ?? pick(overrides, 'default') ?? (kind ? pick(DEFAULT_MAX_ROTATION_DAYS, kind) : undefined) ?? DEFAULT_MAX_ROTATION_DAYS.default;
}
