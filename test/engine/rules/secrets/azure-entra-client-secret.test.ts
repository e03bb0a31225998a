import rule from '../../../../src/engine/rules/secrets/azure-entra-client-secret.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

const CS = `${ALNUM}_~.-`;
const secret = (seed: string, digit = '8', tail = 34): string => cat(rand(3, `${ALNUM}_~.`, seed), digit, 'Q', '~', rand(tail, CS, `${seed}-tail`));
const s1 = secret('entra-1');
const s2 = secret('entra-2', '7', 31);
const s3 = secret('entra-3');

ruleTester(rule, {
  valid: [
    `client_secret=${cat('bP8', '8Q~', 'x'.repeat(34))}`,
    `client_secret=${cat(rand(3, ALNUM, 'a'), '8Q~', rand(36, ALNUM, 'long'))}`, // too long
    `client_secret=${cat(rand(3, ALNUM, 'a'), '8Q~', rand(20, ALNUM, 'short'))}`, // too short
    `x = "${rand(10, ALNUM, 'pre')}${s1}"`, // inside a longer token
    '.ui.visible.right.sidebar~.ui.visible.left.sidebar~.pusher{transform:translate3d(0,0,0)}',
    `url = "http://www.2doc.nl/speel~VARA_101375237~mh17-het-verdriet-van-nederland~.html"`,
    '~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
    'AZURE_CLIENT_SECRET=${AZURE_CLIENT_SECRET}',
  ],
  invalid: [
    { code: `AZURE_CLIENT_SECRET=${s1}`, path: '.env', secret: s1, count: 1 },
    { code: `"CLIENT_SECRET": "${s2}"`, path: 'appsettings.json', secret: s2 },
    { code: `Set-PSUAuthenticationMethod -Type 'OpenIDConnect' -ClientId 'app' -ClientSecret '${s3}'`, path: 'auth.ps1', secret: s3 },
    { code: `azure:\n  client-secret: "${s1}"\n`, path: 'application.yml', secret: s1, line: 2 },
    { code: `<value xsi:type="xsd:string">${s2}</value>`, path: 'config.xml', secret: s2 },
    { code: `(use the client secret: ${s3})`, path: 'README.md', secret: s3 },
    { code: `cas.authn.azure-active-directory.client-secret=${s1}`, path: 'cas.properties', secret: s1 },
  ],
});
