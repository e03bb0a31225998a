import rule from '../../../../src/engine/rules/secrets/pinecone-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

const P = cat('pc', 'sk_');
const long = cat(P, rand(6, ALNUM, 'pcl'), '_', rand(63, ALNUM, 'pcl2'));
const short = cat(P, rand(5, ALNUM, 'pcs'), '_', rand(63, ALNUM, 'pcs2'));

ruleTester(rule, {
  valid: [
    `key = "${P}_${rand(63, ALNUM, 'a')}"`, // no label
    `key = "${P}${rand(4, ALNUM, 'b')}_${rand(63, ALNUM, 'c')}"`, // label too short
    `key = "${P}abcd1_tooShort"`,
    `key = "${long}EXTRA"`,
    `key = "pinecone${long.slice(4)}"`,
    'PINECONE_API_KEY=${PINECONE_API_KEY}',
  ],
  invalid: [
    { code: `pinecone_API_KEY=${long}`, path: '.env', secret: long, count: 1 },
    { code: `export PINECONE_API_KEY=${short}`, path: 'a.sh', secret: short },
    { code: `pinecone:\n  api_key: "${long}"\n`, path: 'c.yml', secret: long, line: 2 },
    { code: `primary=${long} secondary=${short}`, count: 2 },
  ],
});
