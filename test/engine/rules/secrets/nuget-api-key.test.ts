import rule from '../../../../src/engine/rules/secrets/nuget-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, LOWER_ALNUM, ALNUM } from '../../../helpers/tokens.js';

const key = cat('oy', '2') + rand(43, LOWER_ALNUM, 'nuget');
const other = rand(46, LOWER_ALNUM, 'nuget-other');

ruleTester(rule, {
  valid: [
    `key = "${cat('oy', '2')}${rand(30, LOWER_ALNUM, 'short')}"`, // too short
    `key = "${cat('oy', '2')}${rand(43, ALNUM, 'mixed').toUpperCase()}"`, // upper case: not the format
    `key = "toy2${rand(43, LOWER_ALNUM, 'nuget')}"`, // glued to a word
    `package_hash = "${other}"`, // 46 characters, but no NuGet name
    `nuget_api_key = "${'a'.repeat(46)}"`,
    'dotnet nuget push *.nupkg -k ${{ secrets.NUGET_API_KEY }}',
    `nugetapikey keyword is not close to the real key in the data\n = '${other}'`,
    `nuget:\n  region: ${other}`, // nested, not a credential key
    `nuget:\n  client_id: ${other}`, // nested, an id
    `nuget:\n  api_key: ${'a'.repeat(46)}`, // nested placeholder
  ],
  invalid: [
    { code: `dotnet nuget push pkg.nupkg --api-key ${key} --source https://api.nuget.org/v3/index.json`, path: 'publish.sh', secret: key, count: 1 },
    { code: `NUGET_API_KEY=${key}`, path: '.env', secret: key },
    { code: `<add key="ApiKey" value="${key}" />`, path: 'NuGet.Config', secret: key },
    { code: `nuget_api_key: "${other}"`, path: 'azure-pipelines.yml', secret: other },
    { code: `$nugetApiKey = '${other}'`, path: 'build.ps1', secret: other },
    { code: `nuget:\n  api_key: ${other}\n`, path: 'config.yml', secret: other, count: 1 },
    { code: `[nuget]\napi_key = "${other}"\n`, path: 'settings.toml', secret: other },
    { code: `services:\n  - nuget:\n      api_key: ${other}\n`, path: 'config.yml', secret: other },
  ],
});
