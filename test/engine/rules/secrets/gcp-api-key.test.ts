import rule from '../../../../src/engine/rules/secrets/gcp-api-key.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL } from '../../../helpers/tokens.js';

const k1 = cat('AI', 'za', 'Sy', rand(33, B64URL, 'gcp-1'));
const k2 = cat('AI', 'za', 'Sy', rand(33, B64URL, 'gcp-2'));
const k3 = cat('AI', 'za', rand(34, B64URL, 'gcp-3'), '-'); // may end in a URL-safe symbol

ruleTester(rule, {
  valid: [
    `apiKey: "${cat('AI', 'za', 'a'.repeat(35))}"`, // no entropy
    `apiKey: "${cat('AI', 'za', 'Sy', 'abcdefghijklmnopqrstuvwxyz1234567')}"`, // a sequence
    `apiKey: "${cat('AI', 'ZA', 'SY', rand(33, B64URL, 'gcp-1').toUpperCase())}"`, // wrong case
    `x = "${rand(20, B64URL, 'pre')}J${k1}"`, // inside a longer token
    `x = "${k1}abcd123"`, // longer than a key
    `apiKey: "${cat('AI', 'za', 'Sy', rand(32, B64URL, 'short'))}"`, // 38 characters
    'GOOGLE_API_KEY=${GOOGLE_API_KEY}',
    // Public sample keys shipped in firebase-android-sdk test configurations.
    `"current_key": "${cat('AIzaSy', 'AnLA7NfeLquW1tJFpx_eQCxoX-oo6YyIs')}"`,
    `"current_key": "${cat('AIzaSy', 'CkEhVjf3pduRDt6d1yKOMitrUEke8agEM')}"`,
  ],
  invalid: [
    { code: `const firebaseConfig = { apiKey: "${k1}", authDomain: "app.firebaseapp.com" };`, path: 'src/firebase.ts', secret: k1, count: 1 },
    { code: `GOOGLE_MAPS_API_KEY=${k2}`, path: '.env', secret: k2 },
    { code: `"api_key": [{"current_key": "${k3}"}]`, path: 'google-services.json', secret: k3 },
    { code: `curl "https://maps.googleapis.com/maps/api/geocode/json?address=x&key=${k1}"`, secret: k1 },
    { code: `<string name="google_api_key">${k2}</string>`, path: 'res/values/strings.xml', secret: k2 },
    { code: `gemini:\n  api_key: ${k3}\n`, path: 'config.yaml', secret: k3, line: 2 },
  ],
});

// Keys that ship in web and mobile apps by design are reported low (check restrictions), server keys high.

describe('secrets/gcp-api-key: browser and app keys', () => {
  it('grades a Maps JavaScript key, a Firebase web config and google-services.json low', () => {
    for (const [code, path] of [
      [`<script src="https://maps.googleapis.com/maps/api/js?libraries=places&key=${k1}&callback=initMap"></script>`, 'index.html'],
      [`const firebaseConfig = {\n  apiKey: "${k1}",\n  authDomain: "acme.firebaseapp.com",\n  projectId: "acme"\n};`, 'src/firebase.ts'],
      [`{"client": [{"api_key": [{"current_key": "${k2}"}]}]}`, 'android/app/google-services.json'],
      // A YouTube InnerTube client's key, in a player library that copies it.
      [`  }, 'https://www.youtube.com/youtubei/v1/player?key=${k1}&prettyPrint=false');`, 'lib/src/videos/youtube_api_client.dart'],
      // FlutterFire's generated options, a Firebase key under another name, the plugin's Android resource.
      [`  static const FirebaseOptions android = FirebaseOptions(\n    apiKey: '${k1}',\n    appId: '1:123:android:abc',`, 'lib/firebase_options.dart'],
      [`const firebaseApiKey = '${k1}';\nconst firebaseProjectId = 'acme';\nconst firebaseAppId = '1:123:web:abc';`, 'lib/config.dart'],
      [`<resources>\n    <string name="google_api_key" translatable="false">${k2}</string>\n</resources>`, 'app/src/gplay/res/values/setup.xml'],
      // The plugin's files per build variant.
      [`<key>API_KEY</key>\n<string>${k2}</string>`, 'Sources/App/Resources/GoogleService-Info-Debug.plist'],
    ] as const) {
      const [f] = runRule(rule, { code, path });
      expect([f!.severity, f!.confidence], path).toEqual(['low', 'low']);
      expect(f!.message).toMatch(/public by design/);
    }
  });
  it('keeps a key used from a server high', () => {
    expect(runRule(rule, { code: `GEMINI_API_KEY=${k1}`, path: '.env' })[0]!.severity).toBe('high');
    expect(runRule(rule, { code: `GEMINI_API_KEY=${k1}\nGCP_PROJECT_ID=acme-prod`, path: '.env' })[0]!.severity).toBe('high');
    expect(runRule(rule, { code: `requests.get(f"https://maps.googleapis.com/maps/api/geocode/json?address={a}&key=${k2}")`, path: 'geo.py' })[0]!.severity).toBe('high');
    expect(runRule(rule, { code: `const apiKey = "${k1}"; // used by the backend`, path: 'server/index.ts' })[0]!.severity).toBe('high');
  });
});
