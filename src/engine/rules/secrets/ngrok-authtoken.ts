import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';
import { CREDENTIAL_WORDS } from './lib/provider-names.js';

// Current authtokens and API keys: `2` + 26 alphanumerics, `_`, a digit and 20 alphanumerics.
const TOKEN = '2[A-Za-z0-9]{26}_[0-9][A-Za-z0-9]{20}';

/**
 * ngrok authtokens and API keys. The format has no vendor prefix, so it counts next to ngrok's name:
 * `NGROK_AUTHTOKEN=…`, `ngrok config add-authtoken …`, `authtoken: …` in ngrok.yml.
 */
export default defineSecretRuleSet({
  id: 'secrets/ngrok-authtoken',
  description: 'ngrok authtoken or API key',
  severity: 'high',
  variants: [
    {
      keywords: ['ngrok'],
      pattern: keyedSecret(credentialNamed(['ngrok'], [...CREDENTIAL_WORDS, 'authtoken']), TOKEN),
      nextLine: true,
      minEntropy: 3.5,
    },
    {
      // Under a parent key named after the provider (`ngrok:\n  api_key: …`, `[ngrok]\ntoken = …`).
      keywords: ['ngrok'],
      pattern: nestedSecret(['ngrok'], TOKEN, { words: [...CREDENTIAL_WORDS, 'authtoken'] }),
      nextLine: true,
      minEntropy: 3.5,
    },
    {
      keywords: ['ngrok'],
      pattern: new RegExp(String.raw`ngrok(?:\.exe)?\s+(?:config\s+add-authtoken|authtoken)\s+["']?(?<secret>${TOKEN}|[A-Za-z0-9_]{30,60})(?![A-Za-z0-9_])`, 'g'),
      minEntropy: 3.5,
    },
    {
      keywords: ['authtoken'],
      // `authtoken: …` in ngrok.yml, `authtoken="…"` in the SDKs: the format itself is distinctive.
      pattern: new RegExp(String.raw`(?<![\w-])authtoken["']?\s*[:=]\s*["']?(?<secret>${TOKEN})(?![A-Za-z0-9_])`, 'g'),
      minEntropy: 3.5,
      confidence: 'medium',
    },
  ],
  revoke: {
    provider: 'ngrok',
    url: 'https://dashboard.ngrok.com/get-started/your-authtoken',
    steps: [
      'In the ngrok dashboard, reset the authtoken (Your Authtoken → Reset) or delete the API key / Tunnel Authtoken credential.',
      'Review active endpoints and agents for tunnels you did not start: a leaked authtoken lets anyone expose hosts as your account.',
      'Store the new token in the agent config outside the repository or in a CI secret (NGROK_AUTHTOKEN).',
    ],
  },
});
