import { createHash } from 'node:crypto';
import { defineSecretRule } from './define.js';
import { refine } from './lib/refine.js';

/**
 * SHA-256 of keys published in firebase-android-sdk test configurations: public samples that every
 * clone of that SDK contains, so reporting them is noise. Hashes, so the keys are not repeated here.
 */
const PUBLISHED_SAMPLES = new Set([
  '27a9a42931dff7eb2f8434e20a9bce976ea364e7bee49187f19d5cfeca9c7045',
  '49f777db995e8260da7ca9ffdf0c08d66f0453e97ec967018baf2cdfe3b582d0',
  'a6c814bc555ae62c7bd8b58ec07bf559c7ed3a009976a1e0acc9cef0d4473b41',
  '8731261cb72d86267a32a532ebd3df429e2144e5e4ced7e13568bc9e6c8fb1b1',
  '37f8f09bdf12c2f2eae4ead7273a62ddb0c23459cbf902892f282b57f7ed6619',
  'eb540d2b6ee2a0a47c5779bc8a0141784c6b753840d4c6f4e2428a6e86e9e0b1',
  '2037abcaffb2b77785da716cf7ccff4ff4d00c4ea930db0167b7d71f50af7eb4',
  '3a8b61d0f636b007840c0d40ba12bcf48465dc054cdc1a68704a33521d84b665',
  '4c98242dcadc8b29005c6b4aad526552d5ea1842149154c0694adeec75847583',
  'ea9bb1082cf95663f5faca23b8b15ef2aa0fce0a5c6df9c32dcb85b2e0a4513d',
  '3f370c9dd8225c63b5c77de1f785edc9712958f18bb612d5fa2e0ae33aeca682',
  'a19f89ab3555eac10c40741f6df79ecf0935998f15569f8db9d67bce0181fff6',
  'e4a5542bb7fd7b67e943c71ad29c34b5972c9840597e7eda53e666f44d5da0b9',
  'dc0fcf046c61640cbd1e8b999ada3262d722c2ca4bf42dceac999020ffdbb614',
  'f56e323494a6ffc2064e7a955908957d84f0755e5f975dabd64328d0359a8f7c',
  '0b476bdf9acf2123d547b5ae76f1e59884d8ec9553ee0c47e9f31fd4768f3f3c',
]);

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Google API keys (Maps, Firebase, Gemini, Cloud APIs): `AIza` + 35 URL-safe base64 characters. */
const rule = defineSecretRule({
  id: 'secrets/gcp-api-key',
  description: 'Google Cloud / Firebase API key',
  severity: 'high',
  confidence: 'high',
  keywords: ['aiza'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>AIza[A-Za-z0-9_-]{35})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.8,
  validate: (secret) => !PUBLISHED_SAMPLES.has(sha256(secret)),
  message: 'Google API key committed. Browser keys are public by design only if restricted (HTTP referrer / app restrictions and an API allow-list); an unrestricted key can be abused for billing.',
  revoke: {
    provider: 'Google Cloud',
    url: 'https://console.cloud.google.com/apis/credentials',
    steps: [
      "Open APIs & Services → Credentials in the key's project and regenerate the key (or delete it and create a new one).",
      'Restrict the new key: application restrictions (referrers, IPs, Android/iOS apps) and an API allow-list.',
      "Update the consumers, then check the project's API metrics and billing for use since the commit.",
    ],
  },
});

// Keys that ship inside every copy of a web or mobile app by design: the Maps JavaScript loader's
// `key=`, a Firebase web config (`apiKey` next to `authDomain`/`projectId`), google-services.json's
// `current_key`, GoogleService-Info.plist's API_KEY. Google and Firebase document these as not secret
// when restricted (referrer / app restrictions, API allow-list), so they are reported low: check the
// restrictions, no rotation needed. A key in a server file (.env, a backend call) stays high.
// Also the Android resources the google-services plugin writes (`<string name="google_api_key">`, the crash
// reporter's), and FlutterFire's firebase_options.dart.
// And YouTube's InnerTube clients (`…/youtubei/v1/player?key=…`): the keys of the web, iOS and Music players,
// which youtube.com serves to every visitor and players copy.
const BROWSER_CONTEXT =
  /youtubei\/v1\/[^\s"'<>]{0,200}[?&]key=$|maps\.googleapis\.com\/maps\/api\/js[^\s"'<>]{0,200}[?&]key=$|<key>API_KEY<\/key>\s*<string>$|"current_key"\s*:\s*"$|<string\s+name="google_(?:crash_reporting_)?api_key"[^>]*>$/;
// A web config's own member names, or any spelling of them with Firebase named (`firebaseProjectId`): a server's
// `.env` holds a project id next to its own key too.
const FIREBASE_CONFIG = /\b(?:authDomain|projectId|messagingSenderId|storageBucket|appId)\b/;
const FIREBASE_NAMED = /firebase[\w.-]{0,20}(?:auth_?domain|project_?id|messaging_?sender_?id|storage_?bucket|app_?id)\b/i;

export default refine(rule, (raw, file) => {
  const start = raw.start ?? 0;
  const before = file.text.slice(Math.max(0, start - 300), start);
  const around = file.text.slice(Math.max(0, start - 400), start + 400);
  const firebaseWeb = /api_?key["']?\s*[:=]\s*["'`]?$/i.test(before) && (FIREBASE_CONFIG.test(around) || FIREBASE_NAMED.test(around));
  // The plugin's files by build variant too (`GoogleService-Info-Debug.plist`, `google-services-release.json`).
  if (!BROWSER_CONTEXT.test(before) && !firebaseWeb && !/(?:^|\/)(?:google-services[\w.-]*\.json|GoogleService-Info[\w.-]*\.plist|firebase_options\.dart)$/.test(file.path)) return raw;
  return {
    ...raw,
    severity: 'low',
    confidence: 'low',
    message:
      'Google API key of a browser or mobile app (Maps JavaScript, Firebase config): public by design, not a leak, if it is restricted. Check its application restrictions and API allow-list in the Cloud console.',
  };
});
