import { defineSecretRule } from './define.js';

/** Legacy FCM server keys: `AAAA` + 7 characters, `:APA91b`, then 134 URL-safe base64 characters. */
export default defineSecretRule({
  id: 'secrets/firebase-cloud-messaging-server-key',
  description: 'Firebase Cloud Messaging legacy server key',
  severity: 'high',
  confidence: 'high',
  keywords: ['apa91b'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134})(?![A-Za-z0-9_-])/g,
  minEntropy: 4,
  message: "Firebase Cloud Messaging server key committed: it lets anyone send push notifications to the app's users.",
  revoke: {
    provider: 'Firebase',
    url: 'https://console.firebase.google.com/project/_/settings/cloudmessaging',
    steps: [
      'Delete the legacy server key under Project settings → Cloud Messaging (the legacy API is being shut down; migrate to the HTTP v1 API with a service account).',
      'Review sent-message statistics for unexpected notifications since the commit.',
    ],
  },
});
