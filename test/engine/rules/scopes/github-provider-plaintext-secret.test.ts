import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/github-provider-plaintext-secret.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';

const TF = 'github/secrets.tf';
// Assembled at run time so the repository's own scan does not read it as a committed secret.
const VALUE = ['s3cr3t', 'Value', '42x'].join('-');
const res = (type: string, body: string) => `resource "${type}" "s" {\n  repository  = "app"\n  secret_name = "DEPLOY_KEY"\n${body}}\n`;

ruleTester(rule, {
  valid: [
    { code: res('github_actions_secret', '  encrypted_value = var.deploy_key_sealed\n'), path: TF },
    { code: res('github_actions_secret', '  encrypted_value = "c2VhbGVkIHdpdGggdGhlIHB1YmxpYyBrZXk="\n  plaintext_value = ""\n'), path: TF },
    { code: res('github_actions_secret', '  plaintext_value = var.deploy_key\n'), path: TF },
    { code: res('github_actions_secret', '  plaintext_value = random_password.p.result\n'), path: TF },
    { code: res('github_dependabot_secret', '  plaintext_value = "${data.aws_secretsmanager_secret_version.k.secret_string}"\n'), path: TF },
    { code: res('github_codespaces_secret', '  plaintext_value = azuread_service_principal_password.gh.value\n'), path: TF },
    // a variable is not a secret resource
    { code: res('github_actions_variable', `  value = "${VALUE}"\n`), path: TF },
    // not Terraform
    { code: `plaintext_value: "${VALUE}"\n`, path: 'notes.yml' },
  ],
  invalid: [
    { code: res('github_actions_secret', `  plaintext_value = "${VALUE}"\n`), path: TF, count: 1, line: 4, secret: VALUE },
    { code: res('github_actions_environment_secret', `  environment     = "prod"\n  plaintext_value = "${VALUE}"\n`), path: TF, count: 1, line: 5, secret: VALUE },
    { code: res('github_actions_organization_secret', `  visibility      = "all"\n  plaintext_value = "${VALUE}"\n`), path: TF, count: 1, secret: VALUE },
    { code: res('github_dependabot_secret', `  plaintext_value = "${VALUE}"\n`), path: TF, count: 1, secret: VALUE },
    { code: res('github_codespaces_secret', `  plaintext_value = "${VALUE}"\n`), path: TF, count: 1, secret: VALUE },
    { code: res('github_codespaces_organization_secret', `  plaintext_value = "token-\${var.suffix}-${VALUE}"\n`), path: TF, count: 1 },
  ],
});

describe('scopes/github-provider-plaintext-secret', () => {
  it('names the resource and the secret, and never shows the value', () => {
    const [f] = runRule(rule, { code: res('github_actions_secret', `  plaintext_value = "${VALUE}"\n`), path: TF });
    expect(f!.message).toBe('`github_actions_secret.s` writes the secret `DEPLOY_KEY` in plaintext (`plaintext_value`): it is in the repository and its history, and in the Terraform state.');
    expect(f!.excerpt).not.toContain(VALUE);
    expect(f!.severity).toBe('high');
  });
});
