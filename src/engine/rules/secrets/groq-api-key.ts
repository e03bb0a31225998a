import { defineSecretRule } from './define.js';

export default defineSecretRule({
  id: 'secrets/groq-api-key',
  description: 'Groq API key',
  severity: 'high',
  keywords: ['gsk_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>gsk_[A-Za-z0-9]{52})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Groq',
    url: 'https://console.groq.com/keys',
    steps: [
      'In the GroqCloud console → API Keys, delete the key.',
      'Check usage and billing for activity you did not cause since it was committed.',
      'Create a replacement with the narrowest scope and a spend limit where offered, and store it as a secret.',
    ],
  },
});
