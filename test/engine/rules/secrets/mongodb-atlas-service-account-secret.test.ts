import rule from '../../../../src/engine/rules/secrets/mongodb-atlas-service-account-secret.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { ALNUM, B64URL, HEX, cat, rand } from '../../../helpers/tokens.js';

const secret = cat('mdb_sa', '_sk_', rand(40, B64URL, 'atlas'));
const plain = cat('mdb_sa', '_sk_', rand(40, ALNUM, 'atlas-plain'));
const clientId = cat('mdb_sa', '_id_', rand(24, HEX, 'atlas-id'));

ruleTester(rule, {
  valid: [
    "placeholder: l10n.t('mdb_sa_sk_…'),",
    '| `ATLAS_CLIENT_SECRET` | yes | Service account secret (`mdb_sa_sk_…`) |',
    `ATLAS_CLIENT_ID=${clientId}`, // the client id is not a secret
    `ATLAS_CLIENT_SECRET=${cat('mdb_sa', '_sk_', 'x'.repeat(40))}`,
    `ATLAS_CLIENT_SECRET=${cat('mdb_sa', '_sk_', rand(24, ALNUM, 'short'))}`,
    `ATLAS_CLIENT_SECRET=${cat('mdb_sa', '_sk_', rand(40, HEX, 'hex'))}`, // no capitals
  ],
  invalid: [
    { code: `ATLAS_CLIENT_ID=${clientId}\nATLAS_CLIENT_SECRET=${secret}`, secret, path: '.env' },
    { code: `const apiKey = process.env.MONGODB_API_KEY || '${plain}';`, secret: plain, path: 'db.js' },
    { code: `provider "mongodbatlas" {\n  client_id     = "${clientId}"\n  client_secret = "${secret}"\n}`, secret, path: 'main.tf' },
  ],
});
