import { defineSecretRule } from './define.js';

// Values from Microsoft's nuget.config documentation samples.
const DOCUMENTED = new Set(['33f!!lloppa', 'hal+9ooo_da!sY']);

/** `<packageSourceCredentials>` may hold an encrypted `Password` or a plain `ClearTextPassword`. */
export default defineSecretRule({
  id: 'secrets/nuget-config-password',
  description: 'Package source password in nuget.config',
  severity: 'high',
  confidence: 'medium',
  keywords: ['password'],
  appliesTo: (path) => /(?:^|\/)nuget\.config$/i.test(path),
  pattern: /<add\s+key\s*=\s*"(?:ClearText)?Password"\s+value\s*=\s*"(?<secret>[^"]{8,512})"\s*\/>/gi,
  minEntropy: 1,
  validate: (s) => !DOCUMENTED.has(s),
  revoke: {
    provider: 'The package feed named in the file (Azure Artifacts, GitHub Packages, Artifactory, …)',
    url: 'https://learn.microsoft.com/en-us/nuget/reference/nuget-config-file#packagesourcecredentials',
    steps: [
      'Revoke the token or change the password at the feed it belongs to.',
      'Remove the credential from nuget.config and supply it at run time: `dotnet nuget update source … --password %FEED_TOKEN%` in CI, or an environment variable reference in the file.',
      'Review the feed for packages pushed with the credential since it was committed.',
    ],
  },
});
