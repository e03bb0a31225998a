import rule from '../../../../src/engine/rules/secrets/crates-io-api-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { ALNUM, LOWER_ALNUM, cat, rand } from '../../../helpers/tokens.js';

const token = cat('cio', rand(32, ALNUM, 'crates'));

ruleTester(rule, {
  valid: [
    'export CARGO_REGISTRY_TOKEN=cio_...',
    'CARGO_REGISTRY_TOKEN=cio_your_crates_io_token_here',
    'CARGO_REGISTRY_TOKEN=cio0123456789abcdef0123456789abcdef', // no capitals: a made-up value
    `CARGO_REGISTRY_TOKEN=${cat('cio', rand(32, LOWER_ALNUM, 'lower'))}`,
    `CARGO_REGISTRY_TOKEN=${cat('cio', rand(20, ALNUM, 'short'))}`,
    `CARGO_REGISTRY_TOKEN=${cat('cio', rand(40, ALNUM, 'long'))}`,
    `const word = "${cat('ciocco', rand(29, ALNUM, 'word'))}x";`,
    `key = "${cat('Xcio', rand(32, ALNUM, 'glued'))}"`,
    'run: cargo publish --token ${{ secrets.CARGO_REGISTRY_TOKEN }}',
  ],
  invalid: [
    { code: `CARGO_REGISTRY_TOKEN=${token}`, secret: token, path: '.env' },
    { code: `[registry]\ntoken = "${token}"`, secret: token, path: '.cargo/credentials.toml' },
    { code: `      - run: cargo publish --token ${token}`, secret: token, path: '.github/workflows/release.yml' },
    { code: `cargo login ${token}`, secret: token, path: 'publish.sh' },
  ],
});
