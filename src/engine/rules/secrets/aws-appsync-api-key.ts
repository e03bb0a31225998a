import type { FileView } from '../../rule.js';
import { defineSecretRule } from './define.js';

/**
 * AWS AppSync API keys (`da2-` + 26 lower-case alphanumerics). `da2-` alone is a weak marker, so a
 * key is reported only in a file that also names an AppSync GraphQL endpoint.
 */
const ENDPOINT = /[a-z0-9]{26}\.appsync-api\.[a-z0-9-]{5,30}\.amazonaws\.com/;

export default defineSecretRule({
  id: 'secrets/aws-appsync-api-key',
  description: 'AWS AppSync GraphQL API key',
  severity: 'high',
  confidence: 'high',
  keywords: ['da2-'],
  scope: 'file',
  pattern: /(?<![A-Za-z0-9_-])(?<secret>da2-[a-z0-9]{26})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.3,
  validate: (_secret, _m, file: FileView) => ENDPOINT.test(file.text),
  message: 'AWS AppSync API key committed together with its GraphQL endpoint.',
  revoke: {
    provider: 'AWS AppSync',
    url: 'https://console.aws.amazon.com/appsync/home',
    steps: [
      'Delete the key under AppSync → <API> → Settings → API keys (`aws appsync delete-api-key --api-id <id> --id <key>`).',
      'If public access is intended, create a short-lived replacement and rely on resolver-level authorisation; otherwise switch to IAM / Cognito / OIDC auth.',
      'Review CloudWatch logs for the API for unexpected requests since the commit.',
    ],
  },
});
