import rule from '../../../../src/engine/rules/secrets/etherscan-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, UPPER_ALNUM, LOWER_ALNUM } from '../../../helpers/tokens.js';

const key = rand(34, UPPER_ALNUM, 'etherscan');
const key2 = rand(34, UPPER_ALNUM, 'arbiscan');
const bsc = rand(34, UPPER_ALNUM, 'bscscan');

ruleTester(rule, {
  valid: [
    `ETHERSCAN_API_KEY=${rand(33, UPPER_ALNUM, 'e')}`,
    `ETHERSCAN_API_KEY=${rand(34, LOWER_ALNUM, 'e')}`,
    `ETHERSCAN_API_KEY=\${ETHERSCAN_API_KEY}`,
    `ETHERSCAN_API_KEY=YOURETHERSCANAPIKEYYOURETHERSCANAP`,
    `etherscan:\n  url: ${key}`,
    `etherscan_contract = "${key}"`,
    `api_key = "${key}"`,
    `[etherscan]\nmainnet = { key = "\${ETHERSCAN_API_KEY}", url = "https://api.etherscan.io/api" }`,
    `[rpc_endpoints]\nmainnet = { key = "${key}", url = "https://rpc.example.org" }`,
    'Get an API key at etherscan.io/myapikey and set ETHERSCAN_API_KEY before running hardhat verify.',
    // A network map that is not under etherscan's apiKey, and one already closed.
    `networks: {\n  mainnet: "${key}",\n}`,
    `etherscan: {\n  apiKey: {\n    foo: "bar",\n  },\n  customChains: [],\n  mainnet: "${key}"\n}`,
  ],
  invalid: [
    {
      name: "Hardhat's per-network map",
      code: `module.exports = {\n  etherscan: {\n    apiKey: {\n      mainnet: "${key}",\n      arbitrumOne: "${key2}",\n    },\n  },\n};`,
      count: 2,
      line: 4,
      path: 'hardhat.config.js',
    },
    { code: `ETHERSCAN_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `BSCSCAN_API_KEY=${bsc}\nPOLYGONSCAN_API_KEY=${key}`, path: '.env', count: 2 },
    { code: `module.exports = {\n  etherscan: {\n    apiKey: "${key}",\n  },\n};`, path: 'hardhat.config.js', secret: key },
    { code: `etherscan:\n  api_key: ${key}`, path: 'config.yml', secret: key },
    { code: `{"arbiscanApiKey": "${key}"}`, path: 'keys.json', secret: key },
    { code: `[etherscan]\nsepolia = { key = "x", chain = 11155111 }\nbsc = { key = "${bsc}", url = "https://api.bscscan.com/api" }`, path: 'foundry.toml', secret: bsc, count: 1 },
    { code: `[etherscan]\nmainnet = { key = "x" }\nbasescan_key = "${key}"`, path: 'foundry.toml', secret: key },
  ],
});
