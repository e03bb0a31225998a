import rule from '../../../../src/engine/rules/secrets/azure-devops-pat-legacy.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { rand, LOWER_ALNUM } from '../../../helpers/tokens.js';

const B32 = 'abcdefghijklmnopqrstuvwxyz234567';
const p1 = rand(52, B32, 'ado-legacy-1');
const p2 = rand(52, LOWER_ALNUM, 'ado-legacy-2');

ruleTester(rule, {
  valid: [
    `provider "azuredevops" {\n  personal_access_token = var.personal_access_token\n}\nvariable "other" {\n  default = "${p1}"\n}`, // a variable, and the value outside the block
    `token: ${p1}`, // no Azure DevOps name
    `azure_key: ${p1.slice(0, 20)}H${p1.slice(21)}`, // an upper-case letter: not this format
    `azure_key: ${p1.slice(1)}`, // 51 characters
    `azure_resource_group: ${'abcdefghijklm'.repeat(4)}`, // letters only
    `AZURE_DEVOPS_PAT=${'a'.repeat(52)}`,
    'AZURE_DEVOPS_PAT=${{ secrets.AZURE_DEVOPS_PAT }}',
    `azure_devops:\n  region: ${p2}`, // nested, not a credential key
    `azure_devops:\n  client_id: ${p2}`, // nested, an id
    `azure_devops:\n  personal_access_token: ${'a'.repeat(52)}`, // nested placeholder
  ],
  invalid: [
    { code: `provider "azuredevops" {\n  region = "eu-1"\n  personal_access_token = "${p1}"\n}`, path: 'providers.tf', secret: p1, line: 3, count: 1 },
    { code: `azure:\n  azure_key: ${p1}\n  azure_org_id: acme\n`, path: 'config.yaml', secret: p1, line: 2, count: 1 },
    { code: `AZURE_DEVOPS_PAT=${p2}`, path: '.env', secret: p2 },
    { code: `$env:AZDO_PERSONAL_ACCESS_TOKEN = "${p1}"`, path: 'setup.ps1', secret: p1 },
    { code: `{"vsts_token": "${p2}"}`, path: 'settings.json', secret: p2 },
    { code: `steps:\n  - run: az devops login\n    env:\n      AZURE_DEVOPS_EXT_PAT: ${p1}\n`, path: '.github/workflows/ado.yml', secret: p1, line: 4 },
    { code: `azure_devops:\n  personal_access_token: ${p2}\n`, path: 'config.yml', secret: p2, count: 1 },
    { code: `[azure_devops]\npersonal_access_token = "${p2}"\n`, path: 'settings.toml', secret: p2 },
    { code: `services:\n  - azure_devops:\n      personal_access_token: ${p2}\n`, path: 'config.yml', secret: p2 },
  ],
});

describe('secrets/azure-devops-pat-legacy: base32', () => {
  it('is as found when base32 could write it, low when it holds 0, 1, 8 or 9', () => {
    expect(runRule(rule, { code: `AZURE_DEVOPS_EXT_PAT="${p1}"`, path: 'README.md' }).map((f) => f.confidence)).toEqual(['medium']);
    const typed = `${rand(50, B32, 'ado-typed')}18`;
    expect(runRule(rule, { code: `AZURE_DEVOPS_EXT_PAT="${typed}"`, path: 'README.md' }).map((f) => f.confidence)).toEqual(['low']);
  });
});
