import rule from '../../../../src/engine/rules/secrets/aws-key-pair.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64, HEX } from '../../../helpers/tokens.js';

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const id = cat('AK', 'IA', rand(16, B32, 'pair-id'));
const tmp = cat('AS', 'IA', rand(16, B32, 'pair-tmp'));
const secret = rand(40, B64, 'pair-secret');
const secret2 = rand(40, B64, 'pair-secret-2');
const filler = '# padding line that is long enough to push things apart\n'.repeat(40); // ~2.3 KB

ruleTester(rule, {
  valid: [
    `id: ${id}\nsecret: ${rand(40, HEX, 'sha')}\n`, // a hex digest next to an ID
    `id: ${id}\nsecret: ${'a1B2'.repeat(10)}\n`, // low entropy
    `id: ${id}\nsecret: $YenOG.PKHl7${rand(30, B64, 'broken')};\n`, // not a 40-character run
    `id: ${id}\n${filler}secret: ${secret}\n`, // too far apart to be one credential
    `id: ${cat('AKIA', 'IOSFODNN7', 'EXAMPLE')}\nsecret: ${secret}\n`, // documented example ID
    `secret: ${secret}\n`, // no ID at all
    `id: ${id}\npath: src/main/resources/com/example/service/impl/Handler.java\n`,
  ],
  invalid: [
    { code: `aws credentials{\n  id: ${id}\n  secret: ${secret}\n}\n`, path: 'notes.txt', secret, line: 3, count: 1 },
    {
      code: `<credentials>\n  <id>{${id}}</id>\n  <secret>{AQAAABAAA .${secret};}</secret>\n</credentials>`,
      path: 'credentials.xml',
      secret,
      line: 3,
    },
    { code: `User name,Access key ID,Secret access key\nci,${id},${secret}\n`, path: 'ci_accessKeys.csv', secret, line: 2 },
    { code: `${secret}\n${id}\n`, path: 'keys.txt', secret, line: 1 }, // secret before the ID
    { code: `a: ${tmp}\nb: ${secret}\nc: ${id}\nd: ${secret2}\n`, count: 2 },
  ],
});
