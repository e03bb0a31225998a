import type { FileView, RawFinding, Rule } from '../../rule.js';
import { SECRET_CONTROLS, DEFAULT_SECRET_REMEDIATION } from './define.js';
import { shannonEntropy } from '../../entropy.js';
import { isPlaceholder, isReference } from '../../placeholder.js';

/**
 * Classic keys of Azure OpenAI, Azure AI (Cognitive) Services and API Management subscriptions (32
 * characters, often hex) and of Azure AI Search (52). Alone they look like any other key, so one is
 * reported only when it is assigned to a key-like name in a file that also names one of those Azure
 * endpoints nearby (or is sent as the `Ocp-Apim-Subscription-Key` header).
 */
const ENDPOINT = /[a-z0-9-]{2,64}\.(?:openai\.azure\.com|cognitiveservices\.azure\.com|api\.cognitive\.microsoft\.com|azure-api\.net|search\.windows\.net)/gi;
// From the credential word: the name's head is read back from it (`nameBefore`). Started with the
// name's `[\w.-]{0,40}`, the search tried 40 characters at every position of a file (1 s on 5 MB).
const KEY = /(?:key|subscription|secret|token)["'\]]{0,3}\s{0,6}(?:[:=]{1,3}>?|,)\s{0,6}["'`]{0,2}(?<secret>[A-Za-z0-9]{32}|[A-Za-z0-9]{52})(?![A-Za-z0-9_-])/gi;

/** The identifier characters (at most 40) before `at`, and the credential word from `at` on. */
function nameBefore(text: string, at: number, word: string): string {
  let s = at;
  while (s > 0 && at - s < 40 && /[\w.-]/.test(text[s - 1]!)) s--;
  return text.slice(s, at) + word;
}
/** How far from an endpoint the key may be: one config block, not the whole repository file. */
const NEAR = 3000;

const rule: Rule = {
  meta: {
    id: 'secrets/azure-ai-service-key',
    family: 'secrets',
    severity: 'critical',
    confidence: 'medium',
    description: 'Azure OpenAI / AI Services / API Management / AI Search key (classic format)',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'Microsoft Azure',
      url: 'https://portal.azure.com/',
      steps: [
        'Regenerate the key on the resource named by the endpoint next to it: Keys and Endpoint → Regenerate Key 1/2 (Azure OpenAI, AI Services), Keys → Regenerate (AI Search), or Subscriptions → Regenerate (API Management).',
        'Move the application to Microsoft Entra ID authentication (managed identity) and disable local key authentication where the service allows it.',
        "Review the resource's metrics and diagnostic logs (and Azure OpenAI usage / billing) since the commit.",
      ],
    },
  },
  keywords: ['openai.azure.com', 'cognitiveservices.azure.com', 'api.cognitive.microsoft.com', 'azure-api.net', 'search.windows.net', 'ocp-apim-subscription-key'],
  scope: 'file',
  check(file: FileView): RawFinding[] {
    const text = file.text;
    const endpoints: number[] = [];
    ENDPOINT.lastIndex = 0;
    let e: RegExpExecArray | null;
    while ((e = ENDPOINT.exec(text)) !== null) endpoints.push(e.index);
    const out: RawFinding[] = [];
    KEY.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = KEY.exec(text)) !== null) {
      const secret = m.groups!.secret!;
      const name = nameBefore(text, m.index, /^(?:key|subscription|secret|token)/i.exec(m[0])![0]);
      const at = m.index + m[0].length - secret.length;
      const header = /ocp-apim-subscription-key/i.test(name);
      if (!header && !endpoints.some((p) => Math.abs(p - at) <= NEAR)) continue;
      if (!/[0-9]/.test(secret) || !/[A-Za-z]/.test(secret) || shannonEntropy(secret) < 3.2) continue;
      if (isPlaceholder(secret, true) || isReference(secret)) continue;
      out.push({ start: at, end: at + secret.length, secret, message: 'Azure AI / API Management key committed next to its endpoint.' });
    }
    return out;
  },
};

export default rule;
