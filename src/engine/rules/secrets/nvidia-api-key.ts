import { defineSecretRule } from './define.js';

/** NVIDIA API keys (NIM / build.nvidia.com, NGC personal keys): `nvapi-` and 64 base64url characters. */
export default defineSecretRule({
  id: 'secrets/nvidia-api-key',
  description: 'NVIDIA API key (build.nvidia.com / NGC)',
  severity: 'high',
  keywords: ['nvapi-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>nvapi-[A-Za-z0-9_-]{64})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'NVIDIA',
    url: 'https://org.ngc.nvidia.com/setup/api-keys',
    steps: [
      'In NGC → Setup → API Keys (or build.nvidia.com → API keys), delete the key.',
      'Review usage and credits for calls you did not make.',
      'Create a replacement with the fewest services and an expiry, and store it as a secret.',
    ],
  },
});
