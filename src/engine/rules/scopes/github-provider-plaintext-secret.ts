/**
 * A secret written in the clear into the Terraform GitHub provider's secret resources:
 * `plaintext_value = "…"` on `github_actions_secret`, `github_actions_environment_secret`,
 * `github_actions_organization_secret`, `github_dependabot_secret`,
 * `github_dependabot_organization_secret`, `github_codespaces_secret`,
 * `github_codespaces_organization_secret` or `github_codespaces_user_secret`. The value is in the
 * repository (and its history) for everyone who can read it, and in the Terraform state. The
 * provider's documentation says to populate `encrypted_value` (sealed with the repository's public key)
 * from a resource, data source or variable instead (checkov CKV_GIT_4).
 *
 * Not reported: `encrypted_value`, an empty `plaintext_value`, and a `plaintext_value` taken from a
 * variable, resource or data source (`var.x`, `random_password.p.result`, `"${…}"` alone): the
 * credential is not in the code then.
 */
import type { RawFinding, Rule } from '../../rule.js';
import { attr, parseHcl } from '../../parse/hcl.js';
import { SECRET_EXPOSURE } from './lib/controls.js';

const TYPES = new Set([
  'github_actions_secret',
  'github_actions_environment_secret',
  'github_actions_organization_secret',
  'github_dependabot_secret',
  'github_dependabot_organization_secret',
  'github_codespaces_secret',
  'github_codespaces_organization_secret',
  'github_codespaces_user_secret',
]);

const rule: Rule = {
  meta: {
    id: 'scopes/github-provider-plaintext-secret',
    family: 'scopes',
    severity: 'high',
    confidence: 'high',
    description: 'Terraform GitHub provider secret (`github_actions_secret` & co.) with its value in plaintext in the code',
    controls: [...SECRET_EXPOSURE, 'PCI-DSS-8.3.2'],
    remediation:
      "Rotate the credential (it is in the repository history), then set `encrypted_value` (sealed with the repository's public key) or take `plaintext_value` from a variable or data source fed by a secret manager — never a literal.",
  },
  keywords: ['plaintext_value'],
  scope: 'file',
  appliesTo: (p) => /\.tf$/i.test(p),
  check(file) {
    const hcl = parseHcl(file.text);
    const out: RawFinding[] = [];
    for (const b of hcl?.root.blocks ?? []) {
      const [type, name] = b.labels;
      if (b.type !== 'resource' || !type || !TYPES.has(type)) continue;
      const a = attr(b, 'plaintext_value');
      const v = a?.value;
      if (!a || !v) continue;
      let literal: string | undefined;
      if (v.kind === 'string') literal = v.value;
      // A template with text of its own around an interpolation still holds a literal part.
      else if (v.kind === 'template' && v.value.replace(/\$\{[^}]*\}/g, '').trim().length >= 8) literal = v.value;
      if (!literal || !literal.trim()) continue;
      // The expression starts at its opening quote; the secret one after it (its span is what is redacted).
      const quoted = file.text.split('\n', v.pos.line)[v.pos.line - 1]?.charAt(v.pos.column - 1) === '"';
      out.push({
        line: v.pos.line,
        column: v.pos.column + (quoted ? 1 : 0),
        secret: literal,
        message: `\`${type}.${name ?? ''}\` writes the secret${b.attributes.find((x) => x.name === 'secret_name')?.value.kind === 'string' ? ` \`${(b.attributes.find((x) => x.name === 'secret_name')!.value as { value: string }).value}\`` : ''} in plaintext (\`plaintext_value\`): it is in the repository and its history, and in the Terraform state.`,
      });
    }
    return out;
  },
};

export default rule;
