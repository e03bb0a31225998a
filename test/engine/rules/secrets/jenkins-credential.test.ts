import { describe, expect, it } from 'vitest';
import rule, { isJenkinsEncrypted } from '../../../../src/engine/rules/secrets/jenkins-credential.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { B64, cat, rand } from '../../../helpers/tokens.js';

const pw = cat(rand(14, undefined, 'jenkins'), '#5');
// Jenkins's encrypted form: {base64 of version 1, lengths, IV, ciphertext}, assembled at run time.
const encrypted = (seed: string): string => `{${Buffer.concat([Buffer.from([1, 0, 0, 0, 16, 0, 0, 0, 32]), Buffer.from(rand(48, B64, seed))]).toString('base64')}}`;
const credentials = (element: string): string =>
  [
    "<?xml version='1.1' encoding='UTF-8'?>",
    '<com.cloudbees.plugins.credentials.SystemCredentialsProvider plugin="credentials@1319.v7eb_51b_3a_c97b_">',
    '  <domainCredentialsMap class="hudson.util.CopyOnWriteMap$Hash">',
    '    <entry>',
    '      <java.util.concurrent.CopyOnWriteArrayList>',
    '        <com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>',
    '          <scope>GLOBAL</scope>',
    '          <id>nexus-deploy</id>',
    '          <username>deploy</username>',
    `          ${element}`,
    '        </com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>',
    '      </java.util.concurrent.CopyOnWriteArrayList>',
    '    </entry>',
    '  </domainCredentialsMap>',
    '</com.cloudbees.plugins.credentials.SystemCredentialsProvider>',
    '',
  ].join('\n');
const el = (name: string, value: string): string => `<${name}>${value}</${name}>`;

ruleTester(rule, {
  valid: [
    // What Jenkins writes: the encrypted form, which takes the controller's secrets/ folder to read.
    { code: credentials(el('password', encrypted('jk1'))), path: 'credentials.xml' },
    // The form before Jenkins 1.480: bare base64 of AES blocks.
    { code: credentials(el('password', Buffer.from(rand(32, B64, 'jkold')).toString('base64'))), path: 'credentials.xml' },
    { code: credentials(el('password', '${NEXUS_PASSWORD}')), path: 'credentials.xml' },
    { code: credentials(el('password', 'changeme')), path: 'credentials.xml' },
    { code: credentials('<password/>'), path: 'credentials.xml' },
    // Not a file Jenkins wrote (Maven's settings.xml).
    { code: `<settings><servers><server><id>nexus</id>${el('password', pw)}</server></servers></settings>\n`, path: 'settings.xml' },
  ],
  invalid: [
    { name: 'credentials.xml, clear password', code: credentials(el('password', pw)), path: 'jenkins_home/credentials.xml', secret: pw, line: 10, count: 1 },
    { name: 'secret text credential', code: credentials(el('secret', pw + 'S')), path: 'credentials.xml', secret: pw + 'S' },
    {
      name: 'a job configuration',
      code: `<?xml version='1.1' encoding='UTF-8'?>\n<project>\n  <publishers>\n    <hudson.plugins.sonar.SonarPublisher plugin="sonar@2.15">\n      ${el('password', pw)}\n    </hudson.plugins.sonar.SonarPublisher>\n  </publishers>\n</project>\n`,
      path: 'jobs/build/config.xml',
      secret: pw,
    },
    // A credentials.xml pasted into another file: the content tells it.
    { name: 'pasted into a log', code: `[INFO] dumping credentials\n${credentials(el('secret', pw + 'L'))}`, path: 'build.log', secret: pw + 'L' },
  ],
});

describe('isJenkinsEncrypted', () => {
  it('knows both stored forms from a clear value', () => {
    expect(isJenkinsEncrypted(encrypted('x'))).toBe(true);
    expect(isJenkinsEncrypted(pw)).toBe(false);
  });
});
