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
});
