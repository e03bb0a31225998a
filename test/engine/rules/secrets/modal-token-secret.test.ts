import rule from '../../../../src/engine/rules/secrets/modal-token-secret.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { ALNUM, cat, rand } from '../../../helpers/tokens.js';

const P = cat('a', 's-');
// A random body that mixes upper case, lower case and digits (as all but ~2 % do).
const body = (seed: string): string => {
  for (let i = 0; ; i++) {
    const b = rand(22, ALNUM, `${seed}${i}`);
    if (/[A-Z]/.test(b) && /[a-z]/.test(b) && /[0-9]/.test(b)) return b;
  }
};
const secret = P + body('modal-a');
const other = P + body('modal-b');
const tokenId = cat('a', 'k-') + body('modal-id');

ruleTester(rule, {
  valid: [
    // The token's id, not its secret.
    `MODAL_TOKEN_ID=${tokenId}`,
    // Modal's README stand-in, masks and runs, the wrong length, glued to a word or a path.
    `MODAL_TOKEN_SECRET=${P}FAKESECRETSTRINGABCDEF`,
    `MODAL_TOKEN_SECRET=${P}${'x'.repeat(22)}`,
    `MODAL_TOKEN_SECRET=${P}${rand(21, ALNUM, 'short')}`,
    `MODAL_TOKEN_SECRET=${P}${body('long')}Zz9`,
    `const cls = "has-${body('css')}";`,
    `import x from "./alias-${body('path')}";`,
    // Ordinary hyphenated words.
    'treat it as-is, leave the rest as-given',
    'MODAL_TOKEN_SECRET=${MODAL_TOKEN_SECRET}',
  ],
  invalid: [
    { code: `MODAL_TOKEN_ID=${tokenId}\nMODAL_TOKEN_SECRET=${secret}\n`, path: '.env', secret, line: 2 },
    { code: `[default]\ntoken_id = "${tokenId}"\ntoken_secret = "${other}"\n`, path: '.modal.toml', secret: other, line: 3 },
    { code: `modal token set --token-id ${tokenId} --token-secret ${secret}\n`, path: 'deploy.sh', secret },
    { code: `const modal = new ModalClient({ tokenId: '${tokenId}', tokenSecret: '${other}' });\n`, path: 'run.ts', secret: other },
  ],
});
