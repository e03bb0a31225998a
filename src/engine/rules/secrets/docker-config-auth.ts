import type { FileView, RawFinding, Rule } from '../../rule.js';
import { DEFAULT_SECRET_REMEDIATION, SECRET_CONTROLS } from './define.js';
import { shannonEntropy } from '../../entropy.js';
import { decodeBase64Text } from './lib/base64.js';
import { isPlaceholderPassword, isTemplated } from './lib/credential-values.js';

const AUTH = /"auth"[ \t]*:[ \t]*"(?<secret>[A-Za-z0-9+/]{8,2048}={0,2})"/g;
const TOKEN = /"(?<key>identitytoken|registrytoken)"[ \t]*:[ \t]*"(?<secret>[^"\s]{16,4096})"/gi;

/**
 * Registry credentials in a Docker `config.json` / `.dockercfg` / `.dockerconfigjson` (also inside a
 * Kubernetes pull secret or CI variable): `"auth": "<base64 user:password>"` — decoded and checked for a
 * non-empty, non-placeholder password — and `identitytoken` / `registrytoken` values.
 */
const rule: Rule = {
  meta: {
    id: 'secrets/docker-config-auth',
    family: 'secrets',
    severity: 'critical',
    confidence: 'high',
    description: 'Container registry credentials in a Docker config.json / dockercfg',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'The container registry named by the `auths` key (Docker Hub, GHCR, ECR, GCR/Artifact Registry, ACR, Quay …)',
      url: 'https://docs.docker.com/security/for-developers/access-tokens/',
      steps: [
        'Revoke the access token or change the password of the registry account (Docker Hub: Account settings → Personal access tokens).',
        'Check the registry for images pushed or pulled with the account since the commit; re-sign or rebuild anything unexpected.',
        'Use a credential helper (`credsStore`) locally and short-lived registry tokens from the CI provider (OIDC) in pipelines.',
      ],
    },
  },
  keywords: ['"auth"', 'identitytoken', 'registrytoken'],
  scope: 'line',
  check(file: FileView): RawFinding[] {
    const out: RawFinding[] = [];
    for (const seg of file.segments) {
      AUTH.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = AUTH.exec(seg.text)) !== null) {
        const secret = m.groups!.secret!;
        const decoded = decodeBase64Text(secret);
        const i = decoded?.indexOf(':') ?? -1;
        if (!decoded || i <= 0) continue;
        const user = decoded.slice(0, i);
        const pass = decoded.slice(i + 1).trim();
        if (!pass || isPlaceholderPassword(pass, user)) continue;
        const start = seg.offset + m.index + m[0].length - 1 - secret.length;
        out.push({ start, end: start + secret.length, secret, message: 'Registry user:password committed in a Docker auth config (base64 is not encryption).' });
      }
      TOKEN.lastIndex = 0;
      while ((m = TOKEN.exec(seg.text)) !== null) {
        const secret = m.groups!.secret!;
        if (isTemplated(secret) || shannonEntropy(secret) < 3.5) continue;
        const start = seg.offset + m.index + m[0].length - 1 - secret.length;
        out.push({ start, end: start + secret.length, secret, message: `Registry ${m.groups!.key} committed in a Docker auth config.` });
      }
    }
    return out;
  },
};

export default rule;
