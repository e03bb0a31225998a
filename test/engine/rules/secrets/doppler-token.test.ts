import rule from '../../../../src/engine/rules/secrets/doppler-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

const tok = (kind: string, len = 43): string => cat('dp.', kind, '.', rand(len, ALNUM, `doppler-${kind}`));
const personal = tok('pt');
const cli = tok('ct', 44);
const service = cat('dp.st.', 'prd.', rand(40, ALNUM, 'doppler-st'));
const account = tok('sa');

ruleTester(rule, {
  valid: [
    `DOPPLER_TOKEN=${cat('dp.', 'pt.')}${rand(20, ALNUM, 'short')}`, // too short
    `DOPPLER_TOKEN=${cat('dp.', 'xx.')}${rand(43, ALNUM, 'doppler-pt')}`, // no such token type
    `DOPPLER_TOKEN=${cat('dp.', 'pt.')}${'x'.repeat(43)}`,
    `DOPPLER_TOKEN=${cat('dp.', 'pt.')}${rand(50, ALNUM, 'long')}`, // too long
    'DOPPLER_TOKEN=${DOPPLER_TOKEN}',
  ],
  invalid: [
    { code: `DOPPLER_TOKEN=${personal}`, path: '.env', secret: personal, count: 1 },
    { code: `api:\n  doppler_secret: "${cli}"\n`, path: 'config.yaml', secret: cli, line: 2 },
    { code: `doppler run --token ${service} -- ./server`, path: 'start.sh', secret: service },
    { code: `curl -u ${account}: https://api.doppler.com/v3/me`, path: 'ci.sh', secret: account },
  ],
});
