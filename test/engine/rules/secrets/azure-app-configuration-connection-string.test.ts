import rule from '../../../../src/engine/rules/secrets/azure-app-configuration-connection-string.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64 } from '../../../helpers/tokens.js';

const secret = rand(43, B64, 'appcs') + '=';
const host = cat('appcs-orders-prod.az', 'config.io');
const id = `${rand(4, 'abcdefghijklmnopqrstuvwxyz0123456789', 'id1')}-l9-s0:${rand(20, B64, 'id2')}`;
const conn = `Endpoint=https://${host};Id=${id};Secret=${secret}`;

ruleTester(rule, {
  valid: [
    `"AppConfig": { "Endpoint": "https://${host}" }`, // an endpoint for Entra ID sign-in: no key
    `Endpoint=https://${host};Id=<id>;Secret=<secret>`,
    `Endpoint=https://${host};Id=${id};Secret=${'A'.repeat(43)}=`,
    `Endpoint=https://${host};Id=${id};Secret=\${APP_CONFIG_SECRET}`,
    `Endpoint=https://mystore.vault.azure.net;Id=${id};Secret=${secret}`, // not an App Configuration host
  ],
  invalid: [
    { code: `ConnectionStrings__AppConfig=${conn}`, path: '.env', secret, count: 1, severity: 'critical' },
    { code: `private static string cs = "${conn}";`, path: 'src/Startup.cs', secret },
    { code: `{\n  "AppConfig": "${conn.replace('.io', '.io/')}"\n}`, path: 'appsettings.json', secret, line: 2 },
    { code: `builder.AddAzureAppConfiguration("Endpoint=https://cfg-cn.az${'config'}.azure.cn;Id=${id};Secret=${secret}")`, path: 'Program.cs', secret },
  ],
});
