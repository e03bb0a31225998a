import type { FileView, RawFinding, Rule } from '../../rule.js';
import { DEFAULT_SECRET_REMEDIATION, SECRET_CONTROLS } from './define.js';
import { shannonEntropy } from '../../entropy.js';
import { decodeBase64Text } from './lib/base64.js';
import { isPlaceholderPassword, isTemplated } from './lib/credential-values.js';

// Quotes may be escaped once or more when the config sits in a string (DOCKER_AUTH_CONFIG in TOML/YAML).
const Q = String.raw`\\{0,7}"`;
const AUTH = new RegExp(`${Q}auth${Q}[ \\t]*:[ \\t]*${Q}(?<secret>[A-Za-z0-9+/]{8,8192}={0,2})\\\\{0,7}"`, 'g');
const TOKEN = new RegExp(`${Q}(?<key>identitytoken|registrytoken)${Q}[ \\t]*:[ \\t]*${Q}(?<secret>[^"\\\\\\s]{16,4096})\\\\{0,7}"`, 'gi');

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
  keywords: ['auth\\"', 'auth"', 'identitytoken', 'registrytoken'],
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
        // Long passwords are whole key files (GCR's `_json_key:{…}`): judged by presence, not wording.
        if (!pass || (pass.length <= 64 && isPlaceholderPassword(pass, user, false))) continue;
        const start = seg.offset + m.index + m[0].lastIndexOf(secret);
        out.push({ start, end: start + secret.length, secret, message: 'Registry user:password committed in a Docker auth config (base64 is not encryption).' });
      }
      TOKEN.lastIndex = 0;
      while ((m = TOKEN.exec(seg.text)) !== null) {
        const secret = m.groups!.secret!;
        if (isTemplated(secret) || shannonEntropy(secret) < 3.5) continue;
        const start = seg.offset + m.index + m[0].lastIndexOf(secret);
        out.push({ start, end: start + secret.length, secret, message: `Registry ${m.groups!.key} committed in a Docker auth config.` });
      }
    }
    return out;
  },
};

export default rule;
