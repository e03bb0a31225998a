/**
 * Is a variable / key name one a credential is assigned to? Names are split into words (snake, kebab,
 * dotted, camelCase) and judged word by word, so `dbPassword` and `DB_PASSWORD` count while `bypass`,
 * `passenger`, `secretName`, `tokenUrl`, `public_key` and `csrf_token` do not.
 */

export type SecretKind = 'password' | 'secret' | 'token' | 'key' | 'credential' | 'auth';

/** Lower-case words of an identifier: `awsSecretAccessKey` → aws, secret, access, key. */
export function nameWords(name: string): string[] {
  // A leading `u0026`/`u003c` is what a JSON escape before the name leaves of itself (`\u0026page_token=`).
  return name
    .replace(/^[$@:]+/, '')
    .replace(/^u00[0-9a-fA-F]{2}(?=[A-Za-z_])/, '')
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9\u00f1]+/)
    .filter(Boolean);
}

/**
 * Tokens that refer to something rather than authenticate: a payment's, card's or cart's token (what a
 * gateway returns for a stored card or a checkout, used with the merchant's own key), 3-D Secure's
 * transaction token, a sync or page cursor (`sync_token`, `next_page_token`), a device's push address
 * (`deviceToken`, `apns_token`).
 */
const REFERENCE_TOKEN_OWNERS = new Set('payment card cart checkout transaction threeds ds ds2 3ds 3ds2 sync page cursor continuation pagination device push apns fcm'.split(' '));

// A `key` is a secret only with one of these before it (`api_key`, `PrivateKey`), or fused (`apikey`).
const KEY_QUALIFIERS =
  'api|access|secret|private|priv|auth|client|master|encryption|encrypt|decryption|signing|sign|app|application|consumer|account|service|license|licence|session|hmac|jwt|storage|shared|subscription|admin|root|deploy|webhook|crypto|aes|cipher|rest|server|write|ingest|ingestion|secure|live|prod|production|sandbox|merchant|partner|developer|dev|mgmt|management|personal|cookie|recaptcha|captcha|maps|integration|instrumentation|algolia|sendgrid|stripe|twilio|mailgun|openai';
const KEY_QUALIFIER = new RegExp(`^(?:${KEY_QUALIFIERS})$`);
const FUSED_KEY = new RegExp(`^(?:${KEY_QUALIFIERS})keys?$`);

const PASS_PREFIXES =
  /^(?:db|database|smtp|mail|email|mysql|pg|postgres|redis|mongo|root|admin|user|ftp|sftp|ssh|ldap|store|keystore|truststore|rabbit|amqp|proxy|http|api|app|sql|master|bind|sa|key|login|account|service|wifi|vnc|rdp|jks|pfx|cert|sudo|sys|system|default|initial|new|old|current|my|your|require)pass(?:es)?$/;

const NOT_PASSWORD_PASS = new Set(
  'first second third fourth last final next previous prev one two three single multi double render shadow depth blur lighting geometry compute post pre filter encode encoding decode scale bypass'.split(
    ' ',
  ),
);

const PAT_OWNERS = new Set(
  (
    'gh github git ado azdo azure devops vsts tfs gitlab gl bitbucket gitea forgejo codeberg jira confluence atlassian ' +
    'hf huggingface docker dockerhub quay npm nuget pypi sonar sonarqube sonarcloud personal access api bot ci cd build ' +
    'release publish deploy admin user service repo org organization my'
  ).split(' '),
);

function wordKind(words: string[], i: number): SecretKind | undefined {
  const w = words[i]!;
  if (/passw(?:or)?d|passwrd|passphrase|^pwd$|^pword$|^contrase(?:\u00f1|n)as?$|^senha$|^passwort$|^motdepasse$|^mdp$/.test(w)) return 'password';
  // Redis's `requirepass`/`masterauth`, OpenLDAP's `rootpw` and nss/pam_ldap's `bindpw` directives hold
  // passwords, as does SSSD's `ldap_default_authtok`; a Wi-Fi or IPsec `psk` is a chosen passphrase too.
  if (w === 'masterauth' || w === 'rootpw' || w === 'bindpw' || w === 'authtok' || w === 'psk') return 'password';
  // A rendering or processing pass (`hwScaleFilterFirstPass`, `shadow_pass`, `two_pass`) is no password.
  if ((w === 'pass' || w === 'passes') && i > 0 && NOT_PASSWORD_PASS.has(words[i - 1]!)) return undefined;
  if (w === 'pass' || w === 'passes' || w === 'pw' || w === 'pws' || PASS_PREFIXES.test(w) || /pwd$/.test(w)) return 'password';
  if (/secret(?!ar)/.test(w)) return 'secret';
  // A personal access token named by its abbreviation (`ADO_PAT`, `GH_PAT`, `gitlabPat`): only after a
  // service or an owner, since a bare `pat` (and `url_pat`, `glob_pat`) is as often a pattern.
  if (w === 'pat' && i > 0 && PAT_OWNERS.has(words[i - 1]!)) return 'token';
  if (/token(?!i[sz])/.test(w) && w !== 'jsonwebtoken') return i > 0 && w === 'token' && REFERENCE_TOKEN_OWNERS.has(words[i - 1]!) ? undefined : 'token';
  // Duo's `skey` (its integration's secret key, beside the public `ikey`) in pam_duo.conf and login_duo.conf.
  if (FUSED_KEY.test(w) || /^(?:privkey|pkey|skey)$/.test(w)) return 'key';
  if ((w === 'key' || w === 'keys') && i > 0 && KEY_QUALIFIER.test(words[i - 1]!)) return 'key';
  if (/^credentials?$|^creds?$/.test(w) || /credentials?$/.test(w)) return 'credential';
  if (w === 'auth' || /^(?:basic|http|proxy|user|npm|registry|api)auth$/.test(w)) return 'auth';
  return undefined;
}

// Any of these anywhere: the name is about something else (public keys, hashes, UI, limits, paging …).
const STOP_ANY = new Set(
  (
    'public pub csrf xsrf vault hash hashed hashes digest checksum sha sha1 sha256 sha512 md5 fingerprint thumbprint integrity ' +
    'placeholder regex regexp pattern validator validation i18n translation label hint prompt description desc title ' +
    'tooltip error errors message msg forgot policy policies rotation strength cancellation cancel next page pagination ' +
    'cursor continuation lexer parser tokenizer tokenize max min num count length len size expiry expires expiration ' +
    'expire ttl timeout lifetime is has use uses should show hide enable enabled disable disabled allow require ' +
    'required no without sample example dummy fake mock input field form button btn icon selector column col event ' +
    'handler callback listener encrypted sealed masked mask redacted redact generator generate strategy rule rules authenticity verbose ' +
    // A TLS key schedule's and a test's derived values (`client_traffic_secret`, `premaster_secret`, RFC and
    // NIST known-answer vectors under `expected_secret`, `kat`): computed in the handshake, not configured.
    'traffic premaster handshake exporter resumption binder expected kat ' +
    // An object's version for optimistic concurrency (Square's `version_token`), not a credential's.
    'version ' +
    // A store's receipt (Google Play's `purchaseToken`), a cart's or checkout's id (Shopify's `cart_token`).
    'purchase receipt cart checkout ' +
    // A status badge's key (BrowserStack's `badge.svg?badge_key=…`) only renders the badge.
    'badge'
  ).split(' '),
);

// After the credential word these make the name describe it rather than hold it: `secret_name`, `token_url`.
const STOP_AFTER = new Set(
  (
    'name names id ids ident type types kind mode format method algorithm alg scheme version level scope scopes audience ' +
    'aud issuer iss endpoint url uri urls host hostname domain path paths file filename files dir directory location ' +
    'arn ref refs reference env var variable variables param params parameter header headers prefix suffix provider ' +
    'manager store backend class changed updated created at date time set exists present source template ' +
    'optional output visible visibility index idx offset request req response resp route spec schema annotation ' +
    'annotations config configs settings option options id_ identifier label alias command cmd script arg args attr ' +
    'attribute property prop key_id keyid len stdin email mail address addr replyto mailto recovery ' +
    // Machine learning's tokens (`token_embd.weight`, `special_tokens_map.json`), capabilities, usage counters.
    'embd embedding embeddings weight weights tensor vocab map json capabilities capability usage limit limits ' +
    // What a password is made of or checked with (`password_characters`, Dovecot's `PASS_ATTRS`), a command's options (`pass_opt`).
    'attrs attributes characters chars charset alphabet opt opts ' +
    // A Solana token's mint, program-derived addresses and program ids (`claimable_token_pda`, `TOKEN_PID`): public keys.
    'pda mint pid pubkey ' +
    // Vault's token accessor: a handle that looks a token up or revokes it, and logs in nowhere.
    'accessor ' +
    // A signature computed for one request or channel (Pusher's `auth_signature`): the output, not the key.
    'signature sig ' +
    // A collection of credentials, or its resource id: Twilio's `credential_lists`, `cred_list_sid`, `credentialListMappings`.
    'list lists mapping mappings sid sids ' +
    // What describes a login rather than holds it (Consul's `DP_CREDENTIAL_LOGIN_META`).
    'meta metadata'
  ).split(' '),
);

// Names repeat across a scan (`key`, `token`, `Object.keys`): each is judged once. Bounded, so a
// hostile file of unique names costs memory only up to the cap.
const judgedNames = new Map<string, SecretKind | null>();

/** The kind of credential a name holds, or `undefined` if it is not a credential name. */
export function classifySecretName(name: string): SecretKind | undefined {
  let kind = judgedNames.get(name);
  if (kind === undefined) {
    if (judgedNames.size >= 20_000) judgedNames.clear();
    judgedNames.set(name, (kind = classifyName(name) ?? null));
  }
  return kind ?? undefined;
}

/**
 * Names whose value is no credential though they say so: AWS's `ClientToken` (an idempotency token every
 * create call takes), WebSocket's `Sec-WebSocket-Key`/`-Accept` (a handshake nonce and its hash), the
 * anti-forgery form field of Laravel and Symfony (`'_token' => …` in a test's POST) and of ASP.NET: bound
 * to a session and printed in every form. ACME's key authorization (`keyAuth`: a challenge token and the account
 * key's thumbprint) is published, hashed, in a DNS record. The shell's `$PWD` (`"$PWD" : "$PWD/test"` in a ternary) is the
 * working directory.
 */
const NOT_CREDENTIALS = /^(?:keyAuth(?:orization)?|key_auth(?:orization)?|ClientToken|Sec-WebSocket-(?:Key|Accept)|secWebSocket(?:Key|Accept)|_token|__RequestVerificationToken|\$(?:OLD)?PWD)$/;

/** A file's name (`get-credential.7.x.php`, a tool cache's key): what it holds is that file's, not a credential's. */
const FILE_NAME =
  /\.(?:php|phtml|js|mjs|cjs|jsx|ts|tsx|py|rb|go|java|kt|kts|scala|cs|fs|vb|swift|m|mm|c|cc|cpp|h|hpp|rs|pl|pm|sh|bash|ps1|lua|html?|css|scss|vue|svelte|md|rst|txt|xml|ya?ml|json|toml|ini|cfg|conf|lock|png|jpe?g|gif|svg|dll|so|dylib|exe|jar)$/i;

/**
 * Secrets known by their name alone, whose words say nothing: WordPress's keys and salts (`LOGGED_IN_SALT`,
 * `NONCE_KEY`: they sign every login cookie) and the Erlang distribution cookie RabbitMQ's nodes share
 * (`RABBITMQ_ERLANG_COOKIE`: whoever has it runs code on the cluster).
 */
const KNOWN_SECRET_NAMES = /^(?:(?:WORDPRESS|WP)_)?(?:AUTH|SECURE_AUTH|LOGGED_IN|NONCE)_(?:KEY|SALT)$|^(?:RABBITMQ_)?ERLANG_COOKIE$|^erlang[._-]cookie$/i;

function classifyName(name: string): SecretKind | undefined {
  if (KNOWN_SECRET_NAMES.test(name)) return 'secret';
  if (NOT_CREDENTIALS.test(name) || FILE_NAME.test(name)) return undefined;
  const words = nameWords(name);
  if (words.length === 0 || words.length > 12) return undefined;
  let last = -1;
  let kind: SecretKind | undefined;
  for (let i = 0; i < words.length; i++) {
    const k = wordKind(words, i);
    if (k) {
      last = i;
      kind = k;
    }
  }
  if (!kind) return undefined;
  // Also fused (`csrfmiddlewaretoken`, Django's form field): an anti-forgery token is printed in every page.
  if (words.some((w) => STOP_ANY.has(w) || /^(?:csrf|xsrf)/.test(w))) return undefined;
  // A pre-shared key's identity (`psk_identity`, `PSKIdentity1`, TLS's identity hint) names the key and is
  // sent in the clear.
  if (words.some((w, i) => w === 'psk' && words[i + 1]?.startsWith('identit'))) return undefined;
  if (isPublicByDesignName(words)) return undefined;
  // Numbered too (`DP_CREDENTIAL_LOGIN_META2`).
  for (let i = last + 1; i < words.length; i++) if (STOP_AFTER.has(words[i]!) || STOP_AFTER.has(words[i]!.replace(/\d+$/, ''))) return undefined;
  return kind;
}

/**
 * Search-only keys ship to every browser that runs a search box: `ALGOLIA_SEARCH_API_KEY`,
 * `docsearchApiKey`, `TYPESENSE_SEARCH_ONLY_API_KEY`. Public by design, like a publishable key. Other
 * search services' keys (`ELASTICSEARCH_API_KEY`, `AZURE_SEARCH_ADMIN_KEY`) are credentials.
 */
function isSearchOnlyKeyName(words: readonly string[]): boolean {
  if (words.includes('admin') || words.includes('write')) return false;
  if (words.includes('docsearch') || words.includes('searchonly')) return true;
  const search = words.indexOf('search');
  if (search === -1) return false;
  return words[search + 1] === 'only' || words.includes('algolia');
}

/**
 * Product-analytics client keys are in every page or app that sends events: Segment's and RudderStack's
 * write keys (`SEGMENT_WRITE_KEY`, `writeKey`), a project token (Mixpanel's, PostHog's). Public by design.
 * Their other keys (an API key, an access or personal token, a secret) read the data and stay credentials.
 */
function isAnalyticsClientKeyName(words: readonly string[]): boolean {
  if (!words.some((w) => ANALYTICS.has(w))) return false;
  const n = words.length;
  const last = words[n - 1]!;
  const write = (last === 'key' && words[n - 2] === 'write') || last === 'writekey';
  // PostHog's and Mixpanel's project token is what their browser snippet sends (`REACT_APP_POSTHOG_TOKEN`);
  // their secrets are personal API keys and service-account secrets, named so.
  const project = last === 'token' && (words[n - 2] === 'project' || words.some((w) => w === 'posthog' || w === 'mixpanel'));
  // Amplitude's API key is what its browser SDK sends; its Secret Key is the credential.
  const amplitude = words.includes('amplitude') && (last === 'apikey' || (last === 'key' && words[n - 2] === 'api'));
  return write || project || amplitude;
}

/**
 * A CAPTCHA's site key (`RECAPTCHA_WEBSITE_KEY`, hCaptcha's and Turnstile's `sitekey`): rendered into every
 * page with the widget; the secret key beside it is the credential.
 */
function isCaptchaSiteKeyName(words: readonly string[]): boolean {
  const site = words.some((w) => w === 'site' || w === 'website' || w === 'sitekey' || w === 'websitekey');
  if (!site || words.includes('secret') || words.includes('private')) return false;
  return words.some((w) => /captcha|turnstile/.test(w)) || words.includes('sitekey');
}

/** Keys made to be shipped to every browser: search-only, analytics ingestion, CAPTCHA site keys. */
function isPublicByDesignName(words: readonly string[]): boolean {
  return isSearchOnlyKeyName(words) || isAnalyticsClientKeyName(words) || isCaptchaSiteKeyName(words) || isWidgetTokenName(words) || isAppClientKeyName(words);
}
/**
 * Keys a vendor documents as an app's public identifier: Shopify's app "API key" is the OAuth client id
 * (`SHOPIFY_API_KEY`; the credential is `SHOPIFY_API_SECRET`, or a private app's password or access token),
 * AppsFlyer's dev key is compiled into every app that reports installs (`appsFlyerDevKey`), and so is a
 * CodePush deployment key (`CODEPUSH_IOS_KEY`, `CodePushDeploymentKey`).
 */
function isAppClientKeyName(words: readonly string[]): boolean {
  const n = words.length;
  const last = words[n - 1]!;
  if (words.includes('shopify') && last === 'key' && words[n - 2] === 'api' && !words.includes('admin')) return true;
  // Google Tag Manager's environment parameter (`gtm_auth`), in the snippet every page loads.
  if (words[0] === 'gtm' && last === 'auth') return true;
  // A CodePush deployment key fetches one deployment's update bundles, which every copy of the app downloads.
  if (words.join('').includes('codepush') && (last === 'key' || last === 'deploymentkey')) return true;
  return (words.join('').includes('appsflyer') || words[0] === 'af') && (last === 'devkey' || (last === 'key' && words[n - 2] === 'dev'));
}
/**
 * A chat widget's website token (Chatwoot's `websiteToken`, passed to `chatwootSDK.run` in every page that
 * shows the widget): it names the inbox the page talks to, and is public by design.
 */
function isWidgetTokenName(words: readonly string[]): boolean {
  return words.length === 2 && words[0] === 'website' && words[1] === 'token';
}
// With `analytics` itself: Segment's snippet sets `analytics._writeKey`.
const ANALYTICS = new Set('segment segments segmentio rudderstack rudder mixpanel posthog amplitude analytics'.split(' '));

// What a bare `<word>_key` names when it is not a credential: data keys, UI keys, identifiers.
const KEY_OWNERS_NOT_SECRET = new Set(
  (
    'cache sort primary foreign partition row range lookup idempotency idempotence dedup dedupe deduplication merge ' +
    // Web Push: a subscription's `p256dh` key is the browser's public key.
    'p256dh ' +
    'routing object s3 file blob asset upload download image video i18n l10n translation locale lang language storage ' +
    'react list item items unique composite natural surrogate candidate alternate index table column field group agent ' +
    'map dict dictionary state store storekey query search host gpg pgp ssh message event request correlation ' +
    'trace span site website widget child parent node cluster shard entity record resource config setting settings env ' +
    'enum label css style class component element template schema model type kind version build commit ref tag ' +
    'path url route action command menu tab button form modal dialog shortcut hot keyboard music song chord media ' +
    'sentry tenant user customer order product project account_id cursor page bucket prefix namespace context redux mutex ' +
    // A key's address in a secret store (External Secrets' `remoteKey`, `secret_key_ref`): a reference.
    'remote ' +
    'lock semaphore queue topic stream channel metric metrics counter hash sha digest checksum data value values ' +
    'name id uuid guid slug token secret attr attribute prop property option param header cookie_name legacy ' +
    'old new next prev previous current default test example sample dummy fake mock my your some other global local ' +
    'verify verifying verification validation cert certificate jwk jwks kid ' +
    // A key fixed in the code that uses it (rclone's obscuring key): published with the program.
    'fixed builtin known wellknown ' +
    // Client-side analytics: a write key is in every page that loads the snippet (Kong's `segment_key`).
    'segment analytics tracking tracker mixpanel amplitude heap hotjar posthog matomo ' +
    // Web Push: `vapid_key` / `vapidKey` is the application server's public key (the private one says so).
    'vapid ' +
    // Prose names a key with an article or a pronoun (`The key: …`, `this key = …`): no service.
    'the this that these those its our their his her which each every any same following'
  ).split(' '),
);

/**
 * `ABSTRACT_KEY`, `zendeskKey`: a key named after something that is not a known credential qualifier
 * (`api_key`), nor a data or UI key (`cache_key`, `sort_key`). Such a name holds a credential often
 * enough to judge a strongly random value in it, not a hex digest or a word.
 */
export function isLooseKeyName(name: string): boolean {
  // Most names the generic rules meet are not credentials (`Object.keys`, `keyof`): a cheap test first.
  if (!LOOSE_KEY_END.test(name)) return false;
  let loose = looseNames.get(name);
  if (loose === undefined) {
    if (looseNames.size >= 20_000) looseNames.clear();
    looseNames.set(name, (loose = judgeLooseKeyName(name)));
  }
  return loose;
}

// A space too: prose and tables name a key in words (`Clearbit key: …`, `| Mixpanel Key | … |`).
// Mixed too: a log line's `Using adobe KEY=…`.
const LOOSE_KEY_END = /[a-z0-9][_. -]?keys?$|[a-z0-9] ?Keys?$|[A-Za-z0-9][_. -]?KEYS?$/;
const looseNames = new Map<string, boolean>();

function judgeLooseKeyName(name: string): boolean {
  if (NOT_CREDENTIALS.test(name)) return false;
  const words = nameWords(name);
  const n = words.length;
  if (n < 2 || n > 4 || (words[n - 1] !== 'key' && words[n - 1] !== 'keys')) return false;
  const owner = words[n - 2]!;
  if (!/^[a-z][a-z0-9]{2,30}$/.test(owner) || /^\d/.test(owner) || KEY_OWNERS_NOT_SECRET.has(owner)) return false;
  // A peer's key (`peerKey`, `peer1Key`, `dnsPeer2Key`): what one side of WireGuard, libp2p or Tailscale
  // knows of the other is its public key.
  return !words.some((w) => STOP_ANY.has(w) || KEY_OWNERS_NOT_SECRET.has(w) || /^peers?\d*$/.test(w)) && !isPublicByDesignName(words);
}

/**
 * First words that make `name("…")` a lookup or an operation rather than a setter holding a literal, and
 * string tests (`pskKey.matches("-?[0-9a-f]+")`, `token.startsWith("…")`), whose argument is a pattern.
 */
export const VERB_FIRST =
  /^(?:matches|match|equals|contains|includes|starts|ends|split|search|replace|get|fetch|load|read|find|lookup|resolve|generate|create|validate|verify|check|parse|decode|encode|encrypt|decrypt|hash|compare|update|delete|remove|rotate|revoke|has|is|require|expect|assert|describe|it|test|mock|stub|spy|log|print|debug|warn|error|info|t|translate|i18n|gettext|format)$/;
