import rule from '../../../../src/engine/rules/secrets/alchemy-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, B64URL } from '../../../helpers/tokens.js';

const key = rand(32, B64URL, 'alchemy');

ruleTester(rule, {
  valid: [
    `url = "https://eth-mainnet.g.alchemy.com/v2/${rand(31, B64URL, 'a')}"`,
    `url = "https://eth-mainnet.g.alchemy.com/v2/your-api-key"`,
    `ALCHEMY_API_KEY=\${ALCHEMY_API_KEY}`,
    `alchemy_network = "${key}"`,
    `url: "https://eth-mainnet.g.alchemy.com/v2/" + process.env.ALCHEMY_KEY`,
  ],
  invalid: [
    { code: `const provider = new ethers.JsonRpcProvider("https://eth-mainnet.g.alchemy.com/v2/${key}");`, path: 'chain.ts', secret: key, count: 1 },
    { code: `ALCHEMY_API_KEY=${key}`, path: '.env', secret: key },
    { code: `const settings = { apiKey: "x", network: Network.ETH_MAINNET };\nconst alchemyKey = "${key}";`, path: 'nft.ts', secret: key },
    { code: `networks:\n  polygon:\n    url: https://polygon-mainnet.g.alchemy.com/v2/${key}`, path: 'hardhat.yml', secret: key },
  ],
});
