import rule from '../../../../src/engine/rules/secrets/infura-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const key = rand(32, HEX, 'infura');

ruleTester(rule, {
  valid: [
    `url = "https://mainnet.infura.io/v3/${rand(31, HEX, 'a')}"`,
    `url = "https://mainnet.infura.io/v3/YOUR-PROJECT-ID"`,
    `INFURA_API_KEY=\${INFURA_API_KEY}`,
    `project_id = "${key}"`,
    `url = "https://mainnet.infura.io/v3/" + process.env.INFURA_KEY`,
  ],
  invalid: [
    { code: `const provider = new ethers.JsonRpcProvider("https://mainnet.infura.io/v3/${key}");`, path: 'chain.ts', secret: key, count: 1 },
    { code: `w3 = Web3(Web3.WebsocketProvider("wss://sepolia.infura.io/ws/v3/${key}"))`, path: 'chain.py', secret: key },
    { code: `INFURA_API_KEY=${key}`, path: '.env', secret: key },
    { code: `networks:\n  mainnet:\n    url: https://mainnet.infura.io/v3/${key}`, path: 'hardhat.yml', secret: key },
  ],
});
