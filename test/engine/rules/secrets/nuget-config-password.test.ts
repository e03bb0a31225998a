import rule from '../../../../src/engine/rules/secrets/nuget-config-password.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

const pat = rand(52, ALNUM, 'feed-pat');
const clearText = cat('Cleartext', 'Password1');
const percent = cat('TestSource', '%Password%');
const cfg = (key: string, value: string): string =>
  `<configuration>\n  <packageSourceCredentials>\n    <Contoso>\n      <add key="Username" value="ci" />\n      <add key="${key}" value="${value}" />\n    </Contoso>\n  </packageSourceCredentials>\n</configuration>`;

ruleTester(rule, {
  valid: [
    { code: cfg('ClearTextPassword', pat), path: 'src/app.config' }, // not a nuget.config
    { code: cfg('ClearTextPassword', '%FEED_PASSWORD%'), path: 'nuget.config' },
    { code: cfg('ClearTextPassword', 'XXXXXXXXXXX'), path: 'nuget.config' },
    { code: cfg('ClearTextPassword', 'abc'), path: 'nuget.config' }, // too short
    { code: cfg('ClearTextPassword', cat('33f!!', 'lloppa')), path: 'nuget.config' }, // Microsoft's documented sample
    { code: cfg('Username', 'build-agent-01'), path: 'nuget.config' },
  ],
  invalid: [
    { code: cfg('ClearTextPassword', pat), path: 'nuget.config', secret: pat, line: 5, count: 1 },
    { code: cfg('Password', clearText), path: 'src/NuGet.Config', secret: clearText },
    { code: cfg('ClearTextPassword', percent), path: 'Nuget.config', secret: percent }, // not a whole %VAR% reference
  ],
});
