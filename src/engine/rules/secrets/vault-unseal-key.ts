/**
 * HashiCorp Vault unseal and recovery key shares, as `vault operator init` prints them (`Unseal Key 1:
 * …`, `Recovery Key 1: …`), as its JSON (`unseal_keys_b64`, `unseal_keys_hex`, `recovery_keys_*`, and
 * the `/sys/init` API's `keys` / `keys_base64` next to a `root_token`), and as `vault operator unseal
 * <key>`. A share is the 32-byte key plus one byte (Shamir): 44 base64 characters or 66 hex digits.
 * Enough shares (the threshold, often 3) rebuild the key that decrypts everything the Vault holds;
 * shares encrypted to PGP keys (`-pgp-keys`) are longer and are not matched.
 */
import type { FileView, RawFinding, Rule } from '../../rule.js';
import { shannonEntropy } from '../../entropy.js';
import { DEFAULT_SECRET_REMEDIATION, SECRET_CONTROLS } from './define.js';

const SHARE = String.raw`[A-Za-z0-9+/]{44}|[0-9a-fA-F]{66}`;
/** The text output, one share a line. */
const LINE = new RegExp(String.raw`\b(?<kind>Unseal|Recovery) Key \d{1,2}:[ \t]*(?<secret>${SHARE})(?![A-Za-z0-9+/=])`, 'g');
/** `vault operator unseal <share>` (and the older `vault unseal`), flags before the share. */
const COMMAND = new RegExp(String.raw`\bvault[ \t]+(?:operator[ \t]+)?unseal[ \t]+(?:-[\w-]+(?:=[^\s]*)?[ \t]+){0,4}["']?(?<secret>${SHARE})(?![A-Za-z0-9+/=])`, 'g');
/** A JSON array of shares, by its key; its items are read one by one. */
const ARRAY = /"(?<key>(?:unseal|recovery)_keys_(?:b64|hex)|keys(?:_base64)?)"\s{0,20}:\s{0,20}\[(?<items>[^\]]{1,4000})\]/g;
const ITEM = new RegExp(String.raw`"(?<secret>${SHARE})"`, 'g');

/** A share is random bytes: a run of one character or a low-entropy filler is a placeholder. */
const random = (s: string): boolean => shannonEntropy(s) >= 3 && !/(.)\1{7}/.test(s);

const rule: Rule = {
  meta: {
    id: 'secrets/vault-unseal-key',
    family: 'secrets',
    severity: 'critical',
    confidence: 'high',
    description: 'HashiCorp Vault unseal or recovery key share',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'HashiCorp Vault (self-managed)',
      url: 'https://developer.hashicorp.com/vault/docs/commands/operator/rekey',
      steps: [
        "Rekey the Vault (`vault operator rekey`, or `-target=recovery` for recovery keys) so that the leaked shares no longer rebuild the key; distribute the new shares encrypted to each holder's PGP key (`-pgp-keys`).",
        'Rotate the encryption key (`vault operator rotate`) and review the audit log for unseals and root token generation since the commit.',
        'If a root token was printed with the shares, revoke it (`vault token revoke`).',
      ],
    },
  },
  keywords: ['unseal', 'recovery key', 'recovery_keys', 'keys_base64'],
  scope: 'file',
  check(file: FileView): RawFinding[] {
    const out: RawFinding[] = [];
    const seen = new Set<number>();
    const push = (start: number, secret: string, message: string): void => {
      if (seen.has(start) || !random(secret)) return;
      seen.add(start);
      out.push({ start, end: start + secret.length, secret, message });
    };
    for (const seg of file.segments) {
      const text = seg.text;
      for (const m of text.matchAll(LINE)) {
        const secret = m.groups!.secret!;
        push(seg.offset + m.index + m[0].length - secret.length, secret, `Vault ${m.groups!.kind!.toLowerCase()} key share, as \`vault operator init\` prints it.`);
      }
      for (const m of text.matchAll(COMMAND)) {
        const secret = m.groups!.secret!;
        push(seg.offset + m.index + m[0].length - secret.length, secret, 'Vault unseal key share passed to `vault operator unseal`.');
      }
      for (const m of text.matchAll(ARRAY)) {
        const key = m.groups!.key!;
        // The init API's bare `keys`: only in a response that also carries the root token.
        if (key.startsWith('keys') && !text.includes('root_token')) continue;
        const itemsAt = m.index + m[0].indexOf('[') + 1;
        for (const item of m.groups!.items!.matchAll(ITEM)) {
          const secret = item.groups!.secret!;
          push(seg.offset + itemsAt + item.index + 1, secret, `Vault ${key.startsWith('recovery') ? 'recovery' : 'unseal'} key share in \`${key}\` (the JSON of \`vault operator init\`).`);
        }
      }
    }
    return out;
  },
};

export default rule;
