import rule from '../../../../src/engine/rules/secrets/gcp-service-account-key.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { rand, cat, B64, HEX } from '../../../helpers/tokens.js';

const BEGIN = cat('-----BEGIN ', 'PRIVATE KEY-----');
const END = cat('-----END ', 'PRIVATE KEY-----');
const keyId = rand(40, HEX, 'sa-key-id');
const pem = `${BEGIN}\\n${rand(64, B64, 'pem-1')}\\n${rand(64, B64, 'pem-2')}\\n${END}\\n`;
const file = (fields: Record<string, string>): string =>
  JSON.stringify(
    {
      type: 'service_account',
      project_id: 'demo-project',
      ...fields,
      client_email: 'ci@demo-project.iam.gserviceaccount.com',
      client_id: '109763165530299657612',
      token_uri: 'https://oauth2.googleapis.com/token',
    },
    null,
    2,
  );
const full = file({ private_key_id: keyId, private_key: pem.replace(/\\n/g, '\n') });
const noId = file({ private_key_id: 'abc12345def67890ghi', private_key: `${BEGIN}\nMIIEvAIBADANBgkqhkiG9w0BAQEFAASC...\n${END}\n` });

ruleTester(rule, {
  valid: [
    '{"type": "service_account"}', // the marker alone carries no key
    file({ private_key: `${BEGIN}\nYOUR-PRIVATE-KEY-GOES-HERE\n${END}\n` }),
    file({ private_key_id: 'x'.repeat(40), private_key: 'process.env.GCP_PRIVATE_KEY' }),
    `{"type": "authorized_user", "private_key_id": "${keyId}"}`, // not a service account
    `resource "google_service_account" "ci" {\n  account_id = "ci"\n}`,
  ],
  invalid: [
    { code: full, path: 'gcp-key.json', secret: keyId, count: 1, line: 4 },
    { code: noId, path: 'key.json', count: 1 },
    // The key file embedded as an escaped JSON string (an env var, a Kubernetes secret, a CI variable).
    { code: JSON.stringify({ credentials: full }), path: 'values.json', secret: keyId },
    { code: `GOOGLE_CREDENTIALS='${JSON.stringify(JSON.parse(full))}'`, path: '.env', secret: keyId },
  ],
});

describe('secrets/gcp-service-account-key confidence', () => {
  it('is high with both the key ID and the private key', () => {
    expect(runRule(rule, { code: full }).map((f) => f.confidence)).toEqual(['high']);
    expect(runRule(rule, { code: noId }).map((f) => f.confidence)).toEqual(['medium']);
  });
  it('is low for a key ID beside a stand-in private key (a client library test), medium with no private key in sight', () => {
    const [f] = runRule(rule, { code: file({ private_key_id: keyId, private_key: 'super secret key' }) });
    expect(f!.confidence).toBe('low');
    expect(f!.message).toMatch(/stand-in private key/);
    expect(runRule(rule, { code: file({ private_key_id: keyId }) }).map((x) => x.confidence)).toEqual(['medium']);
  });
});

describe('secrets/gcp-service-account-key and the private key it holds', () => {
  it('is one finding: the key file, not the key file and its private key again', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { scanFiles } = await import('../../../../src/engine/scan.js');
    const { basePolicy } = await import('../../../../src/engine/policy/builtin.js');
    const { allRules } = await import('../../../../src/engine/registry.js');
    const realPem = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const text = JSON.stringify({ type: 'service_account', project_id: 'acme-prod', private_key_id: keyId, private_key: realPem, client_email: 'ci@acme-prod.iam.gserviceaccount.com' }, null, 2);
    const r = scanFiles([{ path: 'sa.json', text }], { policy: basePolicy(), rules: allRules, today: new Date('2026-06-15') });
    expect(r.findings.filter((f) => f.family === 'secrets').map((f) => f.ruleId)).toEqual(['secrets/gcp-service-account-key']);
    // Without the key ID: still the one service-account finding, at the private key.
    const noId = JSON.stringify({ type: 'service_account', project_id: 'acme-prod', private_key: realPem, client_email: 'ci@acme-prod.iam.gserviceaccount.com' }, null, 2);
    const r2 = scanFiles([{ path: 'sa.json', text: noId }], { policy: basePolicy(), rules: allRules, today: new Date('2026-06-15') });
    expect(r2.findings.filter((f) => f.family === 'secrets').map((f) => f.ruleId)).toEqual(['secrets/gcp-service-account-key']);
  });
});
