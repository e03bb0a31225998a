import { describe, expect, it } from 'vitest';
import { scanFiles } from '../../../../src/engine/scan.js';
import { basePolicy } from '../../../../src/engine/policy/builtin.js';
import { allRules } from '../../../../src/engine/registry.js';
import { isPublishedSecret } from '../../../../src/engine/rules/secrets/lib/published-secrets.js';
import { TODAY } from '../../../helpers/rule-tester.js';
import { cat, rand } from '../../../helpers/tokens.js';

// The public clients' secrets, spelled in pieces (the repository scans itself).
const GCLOUD_ID = cat('764086051850-6qr4p6gpi6hn506pt8ejuq83di341hur', '.apps.googleusercontent.com');
const GCLOUD_SECRET = cat('d-FL95Q19q7', 'MQmFpd7hHD0Ty');
const GH_SECRET = cat('34ddeff2b558a23d38fb', 'a8a6de74f086ede1cc0b');
// The storage emulator's well-known account key (Azurite, devstoreaccount1).
// The API key every Google Chat incoming-webhook URL carries.
const GCHAT_KEY = cat('AIzaSyDdI0hCZtE6vySjMm', '-WEfRq3CPzqKqqsHI');
const AZURITE_KEY = cat('Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq', '/K1SZFPTOtr/KBHBeksoGMGw==');

// YouTube's Innertube web key (in every youtube.com page), GitHub's documented example token, PayPal's SDK sample
// sandbox secret; and two shipped defaults: Mattermost's Gfycat secret, nsd.conf.sample's TSIG secret.
const YOUTUBE_KEY = cat('AIzaSyAO_FJ2SlqU8Q4', 'STEHLGCilw_Y9_11qcW8');
const GH_DOCS_TOKEN = cat('e72e16c7e42f292c6912', 'e7710c838347ae178b4a');
const PAYPAL_SAMPLE_SECRET = cat('EO422dn3gQLgDbuwqTjzrF', 'gFtaRLRR5BdHEESmha49TM');
const MATTERMOST_GFYCAT = cat('3wLVZPiswc3DnaiaFoLkDvB4X0IV6CpM', 'kj4tf2inJRsBY6-FnkT08zGmppWFgeof');
const NSD_SAMPLE = cat('K2tf3TRjvQkV', 'CmJF3/Z9vA==');

// Kitsu's API client secret, which its API documentation gives every third-party app.
const KITSU_SECRET = cat('54d7307928f63414defd96399fc31ba8', '47961ceaecef3a5fd93144e960c0e151');

// Google reCAPTCHA v2's published test secret key.
const RECAPTCHA_TEST_SECRET = cat('6LeIxAcTAAAAAGG-vFI1', 'TnRWxMZNFuojJ4WifJWe');

// Pushover's documented example user and group keys.
const PUSHOVER_USER = cat('uQiRzpo4DXghDmr', '9QzzfQu27cmVRsG');
const PUSHOVER_GROUP = cat('gznej3rKEVAvPUx', 'u9vvNnqpmZpokzF');

const secrets = (path: string, text: string): string[] =>
  scanFiles([{ path, text }], { policy: basePolicy(), rules: allRules, today: TODAY })
    .findings.filter((f) => f.family === 'secrets')
    .map((f) => `${f.ruleId}:${f.startLine}`);

describe('client secrets their vendors publish (public OAuth clients)', () => {
  it('knows the Google Cloud SDK and GitHub CLI client secrets, and nothing else', () => {
    expect(isPublishedSecret(GCLOUD_SECRET)).toBe(true);
    expect(isPublishedSecret(GH_SECRET)).toBe(true);
    expect(isPublishedSecret(rand(24, undefined, 'other'))).toBe(false);
    expect(isPublishedSecret(GCLOUD_SECRET.slice(1))).toBe(false);
  });

  it("drops Kitsu's published client secret in an app's resources, but not another app's secret of that shape", () => {
    const xml = (v: string) => `<resources>\n\t<string name="kitsu_clientSecret" translatable="false">${v}</string>\n</resources>\n`;
    expect(secrets('app/src/main/res/values/constants.xml', xml(KITSU_SECRET))).toEqual([]);
    expect(secrets('app/src/main/res/values/constants.xml', xml(rand(64, '0123456789abcdef', 'kitsu-own')))).toHaveLength(1);
  });

  it("drops reCAPTCHA's published test secret key, but not a site's own", () => {
    const config = (secret: string) => `$config['recaptcha'] = array(\n\t'sitekey' => '6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI',\n\t'secret' => '${secret}',\n);\n`;
    expect(secrets('inc/config.php', config(RECAPTCHA_TEST_SECRET))).toEqual([]);
    expect(secrets('inc/config.php', config(cat('6Lc', rand(37, undefined, 'own-recaptcha'))))).toHaveLength(1);
  });

  it("drops gcloud's client secret in application default credentials, but not the refresh token", () => {
    const refresh = cat('1//0', rand(99, undefined, 'refresh'));
    const adc = `{\n  "client_id": "${GCLOUD_ID}",\n  "client_secret": "${GCLOUD_SECRET}",\n  "refresh_token": "${refresh}",\n  "type": "authorized_user"\n}\n`;
    expect(secrets('application_default_credentials.json', adc)).toEqual(['secrets/google-oauth-token:4']);
  });

  it("drops the storage emulator's well-known key, but not another account's key", () => {
    const emulator = `AccountName=devstoreaccount1;AccountKey=${AZURITE_KEY};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;`;
    expect(secrets('appsettings.Development.json', `{"Storage": "DefaultEndpointsProtocol=http;${emulator}"}\n`)).toEqual([]);
    expect(secrets('auth.go', `const emulatorAccountKey = "${AZURITE_KEY}"\n`)).toEqual([]);
    const other = `${rand(86, undefined, 'acct')}==`;
    expect(secrets('auth.go', `const storageAccountKey = "${other}"\n`)).toHaveLength(1);
  });

  it("drops the GitHub CLI's OAuth client secret embedded in a tool's login flow", () => {
    expect(secrets('auth/flow.go', `oauthClientID = "178c6fc778ccc68e1d6a"\noauthClientSecret = "${GH_SECRET}"\n`)).toEqual([]);
    // Another app's secret of the same shape is reported.
    expect(secrets('auth/flow.go', `oauthClientSecret = "${rand(40, '0123456789abcdef', 'own')}"\n`)).toHaveLength(1);
  });

  it('reports a Google Chat webhook by its token, not by the API key every such URL shares', () => {
    const token = rand(43, `${'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'}-_`, 'gchat');
    const url = cat('https://chat.googleapis.com/v1/spaces/AAAA', rand(7, undefined, 'sp'), '/messages?key=', GCHAT_KEY, '&token=', token);
    expect(secrets('notify.py', `CHAT_WEBHOOK = "${url}"\n`)).toEqual(['secrets/chat-webhook-url:1']);
    expect(secrets('client.js', `const key = "${GCHAT_KEY}";\n`)).toEqual([]);
  });

  it('drops public web-client keys and documentation examples copied verbatim, and grades shipped defaults low', () => {
    expect(secrets('plugins/youtube.py', `        api_key = "${YOUTUBE_KEY}"\n`)).toEqual([]);
    expect(secrets('docs/AppsApi.md', `apps_check_token_request = {"access_token":"${GH_DOCS_TOKEN}"} # AppsCheckTokenRequest\n`)).toEqual([]);
    expect(secrets('docs/notif/pushover.md', `notif:\n  pushover:\n    token: ${PUSHOVER_USER}\n    recipient: ${PUSHOVER_GROUP}\n`)).toEqual([]);
    expect(secrets('config/paypal.yml', `development:\n  client_secret: ${PAYPAL_SAMPLE_SECRET}\n`)).toEqual([]);
    const shipped = (path: string, text: string) => scanFiles([{ path, text }], { policy: basePolicy(), rules: allRules, today: TODAY }).findings.filter((f) => f.family === 'secrets');
    const gfycat = shipped('templates/config.json.j2', `{"ServiceSettings": {"GfycatAPISecret": "${MATTERMOST_GFYCAT}"}}\n`);
    expect(gfycat.map((f) => [f.confidence, /Mattermost publishes/.test(f.message)])).toEqual([['low', true]]);
    const nsd = shipped('nsd/templates/nsd.conf', `key:\n\tname: "sec1"\n\talgorithm: sha256\n\tsecret: "${NSD_SAMPLE}"\n`);
    expect(nsd.map((f) => f.confidence)).toEqual(['low']);
  });
});
