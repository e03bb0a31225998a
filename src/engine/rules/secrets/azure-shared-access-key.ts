import { defineSecretRule } from './define.js';
import { assignment, names } from './lib/assignment.js';

/**
 * Service Bus, Event Hubs, Relay, IoT Hub and Notification Hubs connection strings carry a 256-bit
 * key as `SharedAccessKey=<43 base64 characters>=`.
 */
export default defineSecretRule({
  id: 'secrets/azure-shared-access-key',
  description: 'Azure Service Bus / Event Hubs / IoT Hub shared access key',
  severity: 'critical',
  confidence: 'high',
  keywords: ['sharedaccesskey', 'shared_access_key', 'shared-access-key'],
  pattern: assignment(names('sharedaccesskey', 'shared_access_key', 'shared-access-key'), '[A-Za-z0-9+/]{43}=', {
    gap: 0,
    notFollowedBy: 'A-Za-z0-9+/=',
    notPrecededBy: 'A-Za-z0-9+/',
  }),
  minEntropy: 4,
  revoke: {
    provider: 'Microsoft Azure',
    url: 'https://portal.azure.com/',
    steps: [
      'Open the namespace / hub → Shared access policies → the policy named by SharedAccessKeyName, and regenerate the key that leaked (primary or secondary).',
      'Move clients to the other key or, better, to Microsoft Entra ID (managed identity) and restrict the policy to the rights needed.',
      'Review the namespace metrics and logs for unexpected senders or listeners since the commit.',
    ],
  },
});
