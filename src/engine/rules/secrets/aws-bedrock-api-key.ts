import { defineSecretRule } from './define.js';
import { refine } from './lib/refine.js';

/**
 * Amazon Bedrock API keys. Long-lived keys are `ABSK` + base64 of "BedrockAPIKey-<id>:<secret>";
 * short-term keys are `bedrock-api-key-` + base64 of a presigned "bedrock.amazonaws.com/?Action=…" URL.
 * Both encoded prefixes are computed here from their plain text, so this file does not match itself.
 */
// The stable part of each base64: 14 bytes make 18 whole characters; 21 bytes make 28.
const LONG_LIVED = `ABSK${btoa('BedrockAPIKey-').slice(0, 18)}`;
const SHORT_TERM = `bedrock-api-key-${btoa('bedrock.amazonaws.com')}`;

const rule = defineSecretRule({
  id: 'secrets/aws-bedrock-api-key',
  description: 'Amazon Bedrock API key',
  severity: 'critical',
  confidence: 'high',
  keywords: ['absk', 'bedrock-api-key-'],
  pattern: new RegExp(`(?<![A-Za-z0-9+/])(?<secret>${LONG_LIVED}[A-Za-z0-9+/]{91,251}={0,2}|${SHORT_TERM}[A-Za-z0-9+/]{0,4000}={0,2})(?![A-Za-z0-9+/=])`, 'g'),
  revoke: {
    provider: 'AWS IAM (Amazon Bedrock)',
    url: 'https://console.aws.amazon.com/bedrock/home#/api-keys',
    steps: [
      'Long-term key: delete it under Bedrock → API keys, or `aws iam delete-service-specific-credential` for the IAM user it belongs to.',
      "Short-term key: it expires with the session that signed it (at most 12 hours); revoke that role's active sessions to cut it off now.",
      'Issue a replacement only if needed (prefer IAM role credentials), and review CloudTrail for Bedrock calls since the commit.',
    ],
  },
});

// A short-term key without its signed payload is truncated: still reported, with less certainty.
export default refine(rule, (raw) => (raw.secret?.startsWith(SHORT_TERM) && raw.secret.length < SHORT_TERM.length + 40 ? { ...raw, confidence: 'medium' } : raw));
