import rule from '../../../../src/engine/rules/secrets/jenkins-master-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { HEX, rand } from '../../../helpers/tokens.js';

const key = rand(256, HEX, 'jenkinsmaster');

ruleTester(rule, {
  valid: [
    { code: '0'.repeat(256), path: 'jenkins_home/secrets/master.key' },
    // Rails's config/master.key is another product's (32 hex digits), and not under secrets/.
    { code: rand(32, HEX, 'rails'), path: 'config/master.key' },
    { code: key, path: 'keys/master.key' },
    { code: rand(128, HEX, 'short'), path: 'secrets/master.key' },
  ],
  invalid: [
    { name: 'JENKINS_HOME/secrets/master.key', code: key, path: 'jenkins_home/secrets/master.key', secret: key, count: 1 },
    { name: 'with a newline', code: key + '\n', path: 'secrets/master.key', secret: key },
  ],
});
