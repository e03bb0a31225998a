import rule from '../../../../src/engine/rules/secrets/aws-appsync-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, LOWER_ALNUM } from '../../../helpers/tokens.js';

const key = `da2-${rand(26, LOWER_ALNUM, 'appsync')}`;
const key2 = `da2-${rand(26, LOWER_ALNUM, 'appsync-2')}`;
const endpoint = `https://${rand(26, LOWER_ALNUM, 'api-id')}.appsync-api.us-east-1.amazonaws.com/graphql`;

ruleTester(rule, {
  valid: [
    `const key = "${key}";`, // no AppSync endpoint in the file
    `const endpoint = "${endpoint}";\nconst key = "da2-abc123";`, // too short
    `const endpoint = "${endpoint}";\nconst key = "da2-${'a'.repeat(26)}";`,
    `const endpoint = "${endpoint}";\nconst key = "${key.toUpperCase()}";`, // upper case
    `const endpoint = "https://abc.appsync-api.us-east-1.amazonaws.com/graphql";\nconst key = "${key}";`, // malformed endpoint
  ],
  invalid: [
    { code: `const endpoint = "${endpoint}";\nconst key = "${key}";`, path: 'src/aws-exports.js', secret: key, line: 2, count: 1 },
    { code: `{\n  "aws_appsync_graphqlEndpoint": "${endpoint}",\n  "aws_appsync_apiKey": "${key}"\n}`, path: 'amplify.json', secret: key, line: 3 },
    { code: `API_URL=${endpoint}\nAPI_KEY=${key}\nOLD_KEY=${key2}\n`, path: '.env', count: 2 },
    { code: `curl -H "x-api-key: ${key}" ${endpoint}`, secret: key },
  ],
});
