import rule from '../../../../src/engine/rules/secrets/maven-settings-password.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, ALNUM, B64 } from '../../../helpers/tokens.js';

const token = rand(44, B64, 'ossrh');
const pw = rand(16, ALNUM, 'nexus-pw');
const server = (password: string): string =>
  `<settings>\n  <servers>\n    <server>\n      <id>ossrh</id>\n      <username>jdoe</username>\n      <password>${password}</password>\n    </server>\n  </servers>\n</settings>`;

ruleTester(rule, {
  valid: [
    { code: server('${env.OSSRH_PASSWORD}'), path: 'settings.xml' },
    { code: server(`{${rand(40, B64, 'enc')}=}`), path: '.m2/settings.xml' }, // mvn --encrypt-password
    { code: server(pw), path: 'pom.xml' }, // not a settings file
    { code: server('changeit'), path: 'settings.xml' },
    { code: server('your-password'), path: 'settings.xml' },
    { code: server('********'), path: 'settings.xml' },
  ],
  invalid: [
    { code: server(token), path: 'settings.xml', secret: token, line: 6, count: 1 },
    { code: server(pw), path: '.mvn/settings-ci.xml', secret: pw },
    { code: `<server><id>gpg.passphrase</id><passphrase>${pw}</passphrase></server>`, path: 'ci/settings.xml', secret: pw },
  ],
});
