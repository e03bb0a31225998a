import rule from '../../../../src/engine/rules/secrets/vault-legacy-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, ALNUM } from '../../../helpers/tokens.js';

const token = `s.${rand(24, ALNUM, 'vault-legacy')}`;
const odd = `s.${rand(20, ALNUM, 'vault-legacy-20')}`;

ruleTester(rule, {
  valid: [
    `token = "${odd}"`, // 20 characters and no Vault in sight: not enough to tell
    `s.${rand(24, ALNUM, 'vault-legacy')} is the value`, // no Vault, not assigned to a token name
    '# vault\ncredentials: new AWS.SharedIniFileCredentials({ profile: "default" })',
    // A method of a receiver named `s` in a file that mentions Vault (Velero's plugin server).
    '// vault plugin\nfunc (s *server) RegisterBackupItemActionV2(name string) Server {\n\ts.RegisterBackupItemActionV2(name)\n}',
    '// hashicorp\nreturn s.RegisterRestoreItemActionV2',
    '// vault\nreturn framework.NewServer(s.backupItemActionV2)',
    '# vault\nINFO o.s.b.f.s.DefaultListableBeanFactory : Overriding bean definition',
    'vault_token = "s.AcceptanceTimeoutSeconds"', // a member access: no digits
    'vault_token = "s.xxxxxxxxxxxxxxxxxxxxxxxx"',
    'VAULT_TOKEN=${VAULT_TOKEN}',
  ],
  invalid: [
    { code: `VAULT_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `token: ${token}`, path: 'config.yml', secret: token },
    { code: `vault_api_token = "${token}"`, path: 'deploy.py', secret: token },
    { code: `  ${odd}\n  https://vault-cluster-abc.hashicorp.cloud:8200`, path: 'notes.txt', secret: odd, line: 1 },
    { code: `vault {\n  address = "https://vault.acme.io"\n}\nauth = {\n  value = "${token}"\n}`, path: 'main.hcl', secret: token, line: 5 },
  ],
});
