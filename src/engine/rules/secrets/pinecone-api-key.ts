import { defineSecretRule } from './define.js';

export default defineSecretRule({
  id: 'secrets/pinecone-api-key',
  description: 'Pinecone API key',
  severity: 'high',
  keywords: ['pcsk_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>pcsk_[A-Za-z0-9]{5,6}_[A-Za-z0-9]{63})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Pinecone',
    url: 'https://app.pinecone.io',
    steps: [
      'In the Pinecone console → the project → API keys, delete the key.',
      'Check usage and billing for activity you did not cause since it was committed.',
      'Create a replacement with the narrowest scope and a spend limit where offered, and store it as a secret.',
    ],
  },
});
