import type { FileView, RawFinding, Rule } from '../../rule.js';
import { SECRET_CONTROLS, DEFAULT_SECRET_REMEDIATION } from './define.js';
import { charClasses, shannonEntropy } from '../../entropy.js';
import { isPlaceholder } from '../../placeholder.js';

// `s.` + 24 base62 before Vault 1.10; peers accept 18–40 for other versions and builds.
// Not before `(`: a method call on a receiver named `s` (Go's `s.RegisterBackupItemActionV2(…)`).
const TOKEN = /(?<![\w./-])(?<secret>s\.[A-Za-z0-9]{18,40})(?![\w./(-])/g;
// Without Vault in the file, only a value assigned to a token name counts, with the exact length.
const ASSIGNED = /token["']?\s{0,3}[:=]\s{0,3}["']?(?<secret>s\.[A-Za-z0-9]{24})(?![\w./-])/gi;
const VAULT_CONTEXT = /vault|hashicorp/i;

const MESSAGE = 'HashiCorp Vault token (legacy `s.` format) committed to the repository.';

function plausible(secret: string, exact: boolean): boolean {
  const body = secret.slice(2);
  if (exact && body.length !== 24) return false;
  // Member accesses (`s.AcceptanceTimeoutSeconds`) have no digits; tokens mix cases and digits.
  // Words in camel or Pascal case and a version (`RegisterBackupItemActionV2`, `backupItemActionV2`): a member's name.
  if (/^(?:[A-Z][a-z]+|[a-z]+)(?:[A-Z][a-z]+)+(?:[A-Z]{1,2}|V)?\d{0,3}$/.test(body)) return false;
  return /[0-9]/.test(body) && charClasses(body) >= 2 && shannonEntropy(body) >= 3 && !isPlaceholder(body, true);
}

function scan(re: RegExp, text: string, offset: number, exact: boolean, out: RawFinding[], seen: Set<number>): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const secret = m.groups!.secret!;
    const start = offset + m.index + m[0].length - secret.length;
    if (seen.has(start) || !plausible(secret, exact)) continue;
    seen.add(start);
    out.push({ start, end: start + secret.length, secret, message: MESSAGE });
  }
}

/**
 * Legacy Vault tokens (`s.` + 24 characters) look like a member access, so they count only where
 * Vault is mentioned anywhere in the file (peers pair them with the Vault address, often lines away),
 * or directly assigned to a `token` name.
 */
const rule: Rule = {
  meta: {
    id: 'secrets/vault-legacy-token',
    family: 'secrets',
    severity: 'high',
    confidence: 'medium',
    description: 'HashiCorp Vault token in the legacy `s.` format',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'HashiCorp Vault',
      url: 'https://developer.hashicorp.com/vault/docs/commands/token/revoke',
      steps: [
        'Revoke it with `vault token revoke <token>` (or by accessor), and check whether it is a root token (`vault token lookup`): a leaked root token means regenerating root and auditing everything.',
        'Review the audit device log for requests made with it since it was committed, and rotate the secrets it could read.',
        'Upgrade clients to obtain short-lived tokens through an auth method at run time instead of storing one.',
      ],
    },
  },
  keywords: ['vault', 'hashicorp', 'token'],
  scope: 'line',
  check(file: FileView): RawFinding[] {
    const out: RawFinding[] = [];
    const seen = new Set<number>();
    // The whole file (not only keyword lines) when it is about Vault.
    if (VAULT_CONTEXT.test(file.text)) scan(TOKEN, file.text, 0, false, out, seen);
    else for (const seg of file.segments) scan(ASSIGNED, seg.text, seg.offset, true, out, seen);
    return out;
  },
};

export default rule;
