/**
 * Client secrets their vendors publish on purpose: OAuth clients of open-source command-line tools are
 * "public clients" (RFC 8252), whose secret is in every copy of the tool and protects nothing. A
 * finding on one is noise in every repository that embeds the tool's login flow. Kept as SHA-256
 * digests, so that this file holds no credential-shaped value:
 * - the Google Cloud SDK's application-default-credentials client (client id 764086051850-6qr4…, in
 *   every `application_default_credentials.json` that `gcloud auth application-default login` writes);
 * - the GitHub CLI's OAuth app (client id 178c6fc778ccc68e1d6a; `cli/cli` internal/authflow: "This value
 *   is safe to be embedded in version control");
 * - the storage emulator's account key (Azurite and the Azure Storage Emulator: account `devstoreaccount1`,
 *   "a well-known account and key" in Microsoft's docs), which opens only a local emulator;
 * - the Google API key in every Google Chat incoming-webhook URL (`…/messages?key=AIzaSyDdI0h…&token=…`),
 *   the same for all spaces: the URL's `token` is the credential (secrets/chat-webhook-url);
 * - Google reCAPTCHA v2's test secret key, which its FAQ gives for automated tests (every check passes);
 * - Kitsu's API client secret, which Kitsu's API documentation hands to every third-party app (client id dd031b32…);
 * - YouTube's Innertube web-client key, which every youtube.com page sends to every visitor (clients of the site
 *   copy it as a fallback for when they cannot read it from the page);
 * - documentation examples copied verbatim: the example OAuth token of GitHub's REST API reference and OpenAPI
 *   description (in every generated client's docs), the sandbox client of PayPal's REST SDK samples, the
 *   example user and group keys of Pushover's API documentation, and the example bot token of Slack's
 *   `oauth.v2.access` reference (copied into the response types of Slack apps).
 * A refresh or access token issued to these clients is a secret as any other and is still reported.
 */
import { createHash } from 'node:crypto';

const PUBLISHED = new Set([
  // Google reCAPTCHA v2's test secret key (its FAQ: every verification with it passes, for automated tests).
  'f5e95c9954635b65acab57e6d5ea663eb900f06dc8794a90358f5abb1c77d4e0',
  // Kitsu's API client (its API documentation gives this id and secret to every third-party app).
  '95dda0e905e1a72922b1602ddc379f93498a5203a374a411f425ec0527179ec5',
  '2ddc147f3a3b5a1722b8ed6be3c45c49a7156b17fca5d11410137a6d04def6eb',
  'f0386f9be1fe905fb2f97a8daff11a9baa9988ceca7c2ecae4aec8db182db1b4',
  'd1b3190dacfb6af1479bed2866455c0b2deee119104dd70b09ff8a991d73355c',
  '0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059',
  '74170575123fcbfc8a830f337f5f67000e6f0933c6e39c30b727d2d8155b2dcd',
  '31043aae8be22df7c8159c11f0b029a8a0da56817f00ea996a37cc48db57482c',
  '86007eb367696d3202a93e1ef98e8e9e04d0cda1229fa053f126b08dcfcfc200',
  'e856c6e712db9544fd6e78dbf5a59d055427852ec985d9562cd91a8792a6d39a',
  '3119f2b3b91592a0d57b71ef6fbf2e67f1c64671939802491f329c0f18c18df9',
  'a2e6c485c1b10be0addb15de5ae771ac55cff7d82650a86b305e3324c3f82a37',
]);

/** True for a value its vendor publishes as a public client's secret. */
export function isPublishedSecret(value: string): boolean {
  return value.length >= 20 && value.length <= 88 && PUBLISHED.has(createHash('sha256').update(value).digest('hex'));
}
