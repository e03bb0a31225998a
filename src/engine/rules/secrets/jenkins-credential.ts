import { defineSecretRuleSet } from './lib/rule-set.js';
import { isNonSecretDatum, isPlaceholderPassword, isTemplated } from './lib/credential-values.js';

/**
 * A file Jenkins wrote (XStream): credentials.xml, config.xml of the controller, of a job or a node, a
 * plugin's global configuration — recognised by the `plugin="name@version"` attribute XStream writes, or
 * an element named for a Jenkins, Hudson or CloudBees class.
 */
const JENKINS_XML = /\bplugin="[\w.-]+@[\w.+-]+"|<(?:com\.cloudbees|org\.jenkinsci|hudson|jenkins)\.[\w.$-]+[\s/>]/;

let seen: { text: string; is: boolean } | undefined;
function isJenkinsXml(text: string): boolean {
  // Asked per match: the whole text is searched once per file.
  if (seen?.text !== text) seen = { text, is: JENKINS_XML.test(text) };
  return seen.is;
}

/**
 * Jenkins's own stored form of a secret: `{…}` base64 (a version byte 1, then lengths, IV and AES-CBC
 * ciphertext under secrets/hudson.util.Secret), or the form before Jenkins 1.480 (bare base64 of AES-ECB
 * blocks). Reading either takes the controller's secrets/ folder; not reported here (its master.key is,
 * by secrets/jenkins-master-key).
 */
export function isJenkinsEncrypted(v: string): boolean {
  if (/^\{[A-Za-z0-9+/]{20,}={0,2}\}$/.test(v)) return true;
  if (!/^[A-Za-z0-9+/]{22,}={0,2}$/.test(v) || v.length % 4 !== 0) return false;
  const bytes = Buffer.from(v, 'base64');
  return bytes.length >= 16 && bytes.length % 16 === 0 && /=$|[+/]/.test(v);
}

const unescapeXml = (v: string): string => v.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e as 'amp']);

/**
 * A secret Jenkins holds in clear text in its XML: `<password>`, `<secret>`, `<passphrase>`,
 * `<secretKey>` or `<apiToken>` of a credential (credentials.xml) or of a job, node or plugin
 * configuration (config.xml), where Jenkins itself would have written the encrypted `{AQAAAB…}` form:
 * a clear value was written by hand or by a provisioning script, and Jenkins uses it as it is. The
 * encrypted form is not reported (reading it takes the controller's secrets/ folder).
 */
export default defineSecretRuleSet({
  id: 'secrets/jenkins-credential',
  description: 'Clear-text secret in a Jenkins XML configuration (credentials.xml, config.xml)',
  severity: 'high',
  confidence: 'high',
  // Any file: the content tells a Jenkins XML (`isJenkinsXml`), also pasted into a log, a ticket export or
  // a backup whose name lost `.xml`.
  variants: [
    {
      keywords: ['</password>', '</secret>', '</passphrase>', '</secretkey>', '</apitoken>'],
      pattern: /<(password|secret|passphrase|secretKey|apiToken)>(?<secret>[^<>\r\n]{1,512})<\/\1>/g,
      placeholders: 'off',
      validate: (s, _m, file) => {
        if (!isJenkinsXml(file.text) || isJenkinsEncrypted(s)) return false;
        const v = unescapeXml(s).trim();
        return v.length >= 4 && !isTemplated(v) && !isNonSecretDatum(v) && !isPlaceholderPassword(v);
      },
      message: 'Clear-text secret in a Jenkins configuration committed: Jenkins stores secrets encrypted ({AQAAAB…}); this one was written in clear, and whoever reads the file has it.',
    },
  ],
  revoke: {
    provider: 'The system the Jenkins credential or job setting logs in to (its id and the element name say which)',
    url: 'https://www.jenkins.io/doc/book/using/using-credentials/',
    steps: [
      'Rotate the credential at the system it is for (repository host, registry, cloud, database, …).',
      'Store the new value as a Jenkins credential through the UI, the REST API or Configuration as Code with a secret source (${…} from Vault, Kubernetes or environment), never in the XML in clear.',
      'Remove the clear value from the repository and its history; keep JENKINS_HOME backups out of source control.',
    ],
  },
});
