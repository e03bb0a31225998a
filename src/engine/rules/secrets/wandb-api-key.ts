import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';

/**
 * Weights & Biases API keys are 40 lower-case hex characters (keys of a self-hosted server add `local-`). No
 * other prefix: they count next to the product's name (`WANDB_API_KEY`, `wandb login <key>`, `wandb.login(key=…)`)
 * or as the password of `machine api.wandb.ai` in a .netrc.
 */
export default defineSecretRuleSet({
  id: 'secrets/wandb-api-key',
  description: 'Weights & Biases API key',
  severity: 'high',
  variants: [
    ...keyedAndNested(['wandb', 'weights_and_biases'], {
      keywords: ['wandb', 'weights_and_biases'],
      value: String.raw`(?:local-)?[a-f0-9]{40}`,
      minEntropy: 3.2,
    }),
    {
      keywords: ['wandb'],
      pattern: /wandb(?:\.exe)?\s+login\s+(?:--\S{1,20}\s+){0,3}["']?(?<secret>(?:local-)?[a-f0-9]{40})(?![A-Za-z0-9_])/g,
      minEntropy: 3.2,
    },
    {
      keywords: ['wandb'],
      pattern: /wandb\.login\([^)]{0,200}?(?<![\w])key\s{0,2}=\s{0,2}["'](?<secret>(?:local-)?[a-f0-9]{40})["']/g,
      minEntropy: 3.2,
    },
    {
      keywords: ['wandb'],
      pattern: /machine\s+api\.wandb\.ai\s+login\s+\S{1,64}\s+password\s+(?<secret>(?:local-)?[a-f0-9]{40})(?![A-Za-z0-9_])/g,
      nextLine: true,
      minEntropy: 3.2,
    },
  ],
  revoke: {
    provider: 'Weights & Biases',
    url: 'https://wandb.ai/authorize',
    steps: [
      "In W&B → User settings → API keys, delete the key (a service account's key from the team settings).",
      'Review projects, runs and artifacts for changes or downloads since the commit (artifacts may hold models and data).',
      'Create a replacement and store it as a secret (WANDB_API_KEY).',
    ],
  },
});
