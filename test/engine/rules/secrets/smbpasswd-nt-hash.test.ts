import rule from '../../../../src/engine/rules/secrets/smbpasswd-nt-hash.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { HEX, rand } from '../../../helpers/tokens.js';

const nt = rand(32, HEX, 'smbnt').toUpperCase();
const X = 'X'.repeat(32);

ruleTester(rule, {
  valid: [
    // The empty password's NT hash, and a disabled one.
    { code: `guest:1002:${X}:31D6CFE0D16AE931B73C59D7E0C089C0:[NU         ]:LCT-5F3A2B1C:\n`, path: 'samba/smbpasswd' },
    { code: `nobody:65534:${X}:${X}:[DU         ]:LCT-00000000:\n`, path: 'smbpasswd' },
    // Some other colon-separated file.
    { code: `alice:1001:${nt}\n`, path: 'users.txt' },
  ],
  invalid: [{ name: 'smbpasswd entry', code: `alice:1001:${X}:${nt}:[U          ]:LCT-5F3A2B1C:\n`, path: 'samba/private/smbpasswd', secret: nt }],
});
