import type { FileView, RawFinding, Rule } from '../../rule.js';
import { DEFAULT_SECRET_REMEDIATION, SECRET_CONTROLS } from './define.js';

// The line `decodeFile` reads a binary key store as (src/engine/decode.ts, keyStoreLine).
const LINE = /^tokenwarden:key-store (?<kind>pkcs12|jks|jceks) sha256=(?<digest>[0-9a-f]{64}) bytes=(?<bytes>\d{1,12})(?: contents=(?<contents>keys|certificates|unknown))?$/gm;

const TRUST_LABEL: Record<string, string> = {
  pkcs12: 'PKCS#12 file with no key bag',
  jks: 'Java KeyStore of trusted certificates only',
  jceks: 'Java JCEKS store of trusted certificates only',
};

const DEBUG_KEYSTORE = /(?:^|\/)debug[\w.-]*\.keystore$/i;

const LABEL: Record<string, string> = {
  pkcs12: 'PKCS#12 key store (.p12/.pfx: private key with its certificate chain)',
  jks: 'Java KeyStore (JKS)',
  jceks: 'Java JCEKS key store',
};

/**
 * A binary key store committed to the repository: PKCS#12 (`.p12`, `.pfx`) or a Java KeyStore. Its keys are
 * protected by a password at best (often empty, `changeit` or next to it in the same repository), so it is
 * reported whatever its name; the decoder recognises it by its bytes, not its extension, and reads from its
 * structure, without the password, whether it holds a private or secret key (src/engine/key-store-contents.ts):
 * a trust store, certificates only, is reported low. The finding is keyed on the file's SHA-256.
 */
const rule: Rule = {
  meta: {
    id: 'secrets/key-store-file',
    family: 'secrets',
    severity: 'high',
    confidence: 'high',
    description: 'Binary key store (PKCS#12 .p12/.pfx or Java KeyStore) committed to the repository',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'The CA that issued the certificate and whoever trusts its key (TLS clients, code-signing verifiers, identity providers, Apple/Google push services)',
      steps: [
        'List what the store holds (`openssl pkcs12 -info -in file.p12 -nokeys` or `keytool -list -v -keystore file.jks`) and where each key is trusted.',
        'Revoke the certificates at their CA (or in the Apple / Google developer console for signing and push certificates) and issue new ones from freshly generated keys.',
        "Remove the file from the repository and its history, and keep key stores in a secret manager or the CI's secure files, with the password stored separately.",
      ],
    },
  },
  keywords: ['tokenwarden:key-store'],
  scope: 'line',
  check(file: FileView): RawFinding[] {
    const out: RawFinding[] = [];
    for (const seg of file.segments) {
      LINE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = LINE.exec(seg.text)) !== null) {
        const g = m.groups!;
        const at = seg.offset + m.index + m[0].indexOf(g.digest!);
        // Android's debug key store (`debug.keystore`, password `android`, alias `androiddebugkey`): the
        // SDK makes one on every machine to sign debug builds, which no store accepts.
        const debug = DEBUG_KEYSTORE.test(file.path);
        // A trust store (certificates only, as its structure shows): what a client trusts, nothing to revoke.
        const trust = g.contents === 'certificates';
        out.push({
          start: at,
          end: at + g.digest!.length,
          secret: g.digest!,
          message: trust
            ? `${TRUST_LABEL[g.kind!]} committed (${Number(g.bytes).toLocaleString('en')} bytes): by its structure a trust store, certificates and no private key; check that you mean to publish which CAs your clients trust.`
            : debug
              ? `${LABEL[g.kind!]} committed: by its name, an Android debug key store (public password \`android\`, signs debug builds only); check that no release key is in it.`
              : `${LABEL[g.kind!]} committed (${Number(g.bytes).toLocaleString('en')} bytes)${g.contents === 'keys' ? ', holding a private or secret key' : ''}: revoke the certificates it holds and remove it.`,
          ...(debug || trust ? { confidence: 'low' as const, severity: 'low' as const } : {}),
        });
      }
    }
    return out;
  },
};

export default rule;
