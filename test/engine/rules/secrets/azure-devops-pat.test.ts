import rule from '../../../../src/engine/rules/secrets/azure-devops-pat.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

const pat = (seed: string): string => cat(rand(52, ALNUM, seed), 'JQ', 'QJ99', 'B', 'A', rand(12, ALNUM, `${seed}-m`), 'AAAA', 'AZ', 'DO', rand(4, ALNUM, `${seed}-t`));
const p1 = pat('ado-1');
const p2 = pat('ado-2');

ruleTester(rule, {
  valid: [
    `token = "${p1.slice(1)}"`, // 83 characters
    `token = "${p1}x"`, // 85 characters
    `token = "${p1.replace('AZDO', 'AZDX')}"`, // another service's signature
    `token = "${cat('a'.repeat(52), 'JQ', 'QJ99', 'BA', 'a'.repeat(12), 'AAAA', 'AZ', 'DO', 'aaaa')}"`,
    'AZURE_DEVOPS_PAT=$(System.AccessToken)',
  ],
  invalid: [
    { code: `AZURE_DEVOPS_EXT_PAT=${p1}`, path: '.env', secret: p1, count: 1 },
    { code: `git clone https://user:${p2}@dev.azure.com/org/project/_git/repo`, secret: p2 },
    { code: `curl -u :${p1} https://dev.azure.com/org/_apis/projects`, path: 'list.sh', secret: p1 },
    { code: `azure devops pat = ${p2}`, path: 'notes.txt', secret: p2 },
  ],
});
