import { defineSecretRule } from './define.js';

/**
 * Adyen API keys (the `X-API-Key` header of the Checkout, Management and other APIs), as the Customer
 * Area generates them for an API credential (`ws_…@Company.…`): three parts joined by `-`: `AQE` and a
 * base64 body ending in `=`/`==`, 43 base64 characters and `=` (32 bytes), then 16 printable characters
 * that may be punctuation (`<`, `{`, `;`, `(`). The first part's `AQE` and the three-part layout are
 * Adyen's alone. Client keys (`test_`/`live_` and 32 upper-case characters) are public by design and
 * not matched.
 */
export default defineSecretRule({
  id: 'secrets/adyen-api-key',
  description: 'Adyen API key',
  severity: 'critical',
  keywords: ['aqe'],
  // The third part is 16 printable characters; a quote, backslash or space there ends the literal
  // holding the key in every form it is written (a string, a header), so those are not part of it.
  pattern: /(?<![A-Za-z0-9+/])(?<secret>AQE[A-Za-z0-9+/]{40,200}={0,2}-[A-Za-z0-9+/]{43}=-[!#-&(-[\]-~]{16})(?![!#-&(-[\]-~])/g,
  minEntropy: 4,
  revoke: {
    provider: 'Adyen',
    url: 'https://docs.adyen.com/development-resources/api-credentials/',
    steps: [
      'In the Customer Area, go to Developers → API credentials, open the credential (ws_…@Company.…) and generate a new API key; the old key stops working once you save.',
      'Check Developers → API logs and the payments, payouts and refunds made with the credential since the commit.',
      'Give the credential only the roles and allowed IP ranges it needs, and keep the new key in your secret store.',
    ],
  },
});
