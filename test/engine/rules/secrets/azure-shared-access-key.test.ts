import rule from '../../../../src/engine/rules/secrets/azure-shared-access-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, B64 } from '../../../helpers/tokens.js';

const k1 = `${rand(43, B64, 'sak-1')}=`;
const k2 = `${rand(43, B64, 'sak-2')}=`;

ruleTester(rule, {
  valid: [
    'Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${SB_KEY}',
    `SharedAccessKey=${rand(40, B64, 'short')}=`, // too short
    `SharedAccessKey=${rand(44, B64, 'long')}=`, // too long
    `SharedAccessKeyName=${rand(43, B64, 'name')}=`, // the key's name, not the key
    `SharedAccessKey=${'A'.repeat(43)}=`,
  ],
  invalid: [
    { code: `Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${k1}`, secret: k1, count: 1 },
    { code: `"IoTHubConnection": "HostName=acme.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=${k2}"`, path: 'local.settings.json', secret: k2 },
    { code: `EVENTHUB_CONNECTION="Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${k1};EntityPath=events"`, path: '.env', secret: k1 },
    { code: `shared_access_key: "${k2}"`, path: 'config.yaml', secret: k2 },
  ],
});
