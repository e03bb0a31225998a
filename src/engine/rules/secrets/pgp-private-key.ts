import type { FileView, RawFinding, Rule } from '../../rule.js';
import { DEFAULT_SECRET_REMEDIATION, SECRET_CONTROLS } from './define.js';
import { findArmorBlocks, isPlausibleKeyBody, parseArmoredBody } from './lib/armored-body.js';
import { secretKeyProtection } from './lib/openpgp-secret-key.js';

// Secret-key blocks are large (several KiB with subkeys): bodies up to 64 KiB.
const BEGIN = /-----BEGIN (?<label>PGP PRIVATE KEY BLOCK)-----/g;
const END = /-----END (?<label>PGP PRIVATE KEY BLOCK)-----/g;

/**
 * An ASCII-armoured OpenPGP secret key (`-----BEGIN PGP PRIVATE KEY BLOCK-----`) with a real body; one whose
 * secret material a passphrase encrypts is reported at medium severity, like an encrypted PEM key.
 * Public key blocks and PGP messages are not secrets and are not matched.
 */
const rule: Rule = {
  meta: {
    id: 'secrets/pgp-private-key',
    family: 'secrets',
    severity: 'high',
    confidence: 'high',
    description: 'OpenPGP private key block committed to the repository',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'OpenPGP (GnuPG) and every keyserver or platform that holds the public key',
      url: 'https://www.gnupg.org/gph/en/manual/c14.html',
      steps: [
        'Generate and publish a revocation certificate for the key (gpg --gen-revoke KEYID, then gpg --send-keys / upload it wherever the public key is published).',
        'Remove the key from GitHub/GitLab signing keys, package-repository signing configs and CI secrets that use it.',
        'Create a new key (keep the primary key offline), re-sign what must stay trusted, and store the signing subkey in a secret manager.',
        'Treat messages encrypted to the key as readable by whoever copied the repository.',
      ],
    },
  },
  keywords: ['pgp private key'],
  scope: 'file',
  check(file: FileView): RawFinding[] {
    const out: RawFinding[] = [];
    for (const seg of file.segments) {
      for (const block of findArmorBlocks(seg.text, BEGIN, END, 65536)) {
        const body = parseArmoredBody(block.body);
        if (!body || !isPlausibleKeyBody(body.base64.replace(/=+$/, ''))) continue;
        // The secret-key packet says whether a passphrase protects the key (its S2K usage octet).
        const encrypted = secretKeyProtection(Buffer.from(body.base64, 'base64')) === 'encrypted';
        out.push({
          start: seg.offset + block.start,
          end: seg.offset + block.end,
          secret: body.base64,
          message: encrypted
            ? 'Passphrase-protected OpenPGP private key block committed: it can be brute-forced offline, so revoke the key, publish the revocation and stop trusting it.'
            : 'OpenPGP private key block committed: revoke the key and publish the revocation.',
          ...(encrypted ? { severity: 'medium' as const } : {}),
          // Real secret-key packets start with tag 5 (`lQ…`/`xc…` in base64); others may be samples.
          ...(/^(?:lQ|xc|lH|lI|lJ|lK|lL|lM|lN|lO|lP)/.test(body.base64) && body.base64.length >= 200 ? {} : { confidence: 'medium' as const }),
        });
      }
    }
    return out;
  },
};

export default rule;
