/**
 * The provider-as-parent form (src/engine/rules/secrets/lib/keyed-secret.ts `nestedUnder`): the credential
 * key may be any of the parent's first child lines, not only the one right under it, but never past the
 * end of the parent's block. Through a rule set (`keyedAndNested`, Cisco Meraki) and a `withNextLine`
 * rule (Heroku's legacy UUID key), both as the scanner runs them.
 */
import { describe, expect, it } from 'vitest';
import meraki from '../../../../../src/engine/rules/secrets/cisco-meraki-api-key.js';
import heroku from '../../../../../src/engine/rules/secrets/heroku-legacy-api-key.js';
import { blockRead, nestedSecret } from '../../../../../src/engine/rules/secrets/lib/keyed-secret.js';
import { ruleTester, runRule } from '../../../../helpers/rule-tester.js';
import { HEX, rand } from '../../../../helpers/tokens.js';

const key = rand(40, HEX, 'nested-meraki');
const uuid = [8, 4, 4, 4, 12].map((n, i) => rand(n, HEX, `nested-heroku-${i}`)).join('-');

/** `lines` joined with `eol`, ending with one. */
const doc = (lines: string[], eol = '\n'): string => lines.join(eol) + eol;

ruleTester(meraki, {
  valid: [
    // A child of another parent.
    { code: doc(['meraki:', '  url: https://api.meraki.com', 'other:', `  api_key: ${key}`]), path: 'config.yml' },
    { code: doc(['[meraki]', 'host = x', '[other]', `api_key = ${key}`]), path: 'settings.ini' },
    { code: doc(['meraki: {', "  baseUrl: 'https://api.meraki.com',", '},', 'other: {', `  apiKey: '${key}',`, '}']), path: 'config.js' },
    // Past the block's end: a line back at the parent's indentation.
    { code: doc(['meraki:', '  url: https://api.meraki.com', `api_key: ${key}`]), path: 'config.yml' },
    { code: doc(['services:', '  meraki:', '    org_id: 12345', '  api_key: ' + key]), path: 'config.yml' },
    // The parent deeper than the child (right under it, or further down).
    { code: doc(['services:', '  meraki:', `api_key: ${key}`]), path: 'config.yml' },
    { code: doc(['services:', '    meraki:', '      org_id: 1', `  api_key: ${key}`]), path: 'config.yml' },
    // A list item's own children end where the next item starts.
    { code: doc(['- meraki:', '    url: x', '- other:', `    api_key: ${key}`]), path: 'config.yml' },
    // Beyond the first child lines.
    { code: doc(['meraki:', ...Array.from({ length: 9 }, (_, i) => `  k${i}: v`), `  api_key: ${key}`]), path: 'config.yml' },
    // A placeholder value, and a key that is not a credential's.
    { code: doc(['meraki:', '  url: https://api.meraki.com', `  api_key: ${'0'.repeat(40)}`]), path: 'config.yml' },
    { code: doc(['meraki:', '  url: https://api.meraki.com', `  org_hash: ${key}`]), path: 'config.yml' },
  ],
  invalid: [
    // Right under the parent, as before.
    { code: doc(['meraki:', `  api_key: ${key}`]), path: 'config.yml', secret: key, line: 2, count: 1 },
    // YAML with siblings first, a blank line and a comment among them.
    {
      code: doc(['meraki:', '  url: https://api.meraki.com', '', '  # the dashboard key', '  org_id: 12345', `  api_key: ${key}`]),
      path: 'config.yml',
      secret: key,
      line: 6,
      count: 1,
    },
    // Deeper lines between (a nested map) and a grandchild.
    { code: doc(['meraki:', '  retry:', '    max: 3', `  api_key: ${key}`]), path: 'config.yml', secret: key, line: 4 },
    { code: doc(['meraki:', '  prod:', `    api_key: ${key}`]), path: 'config.yml', secret: key, line: 3 },
    // The parent indented, its child the eighth line under it.
    { code: doc(['services:', '  meraki:', ...Array.from({ length: 7 }, (_, i) => `    k${i}: v`), `    api_key: ${key}`]), path: 'config.yml', secret: key, line: 10 },
    // TOML / INI section.
    { code: doc(['[meraki]', 'host = x', '; the key', `api_key = "${key}"`]), path: 'settings.ini', secret: key, line: 4 },
    { code: doc(['[tool.meraki]', 'url = "https://api.meraki.com"', '', `api_key = "${key}"`]), path: 'pyproject.toml', secret: key, line: 4 },
    // JS / JSON object.
    { code: doc(['export default {', '  meraki: {', "    baseUrl: 'https://api.meraki.com',", `    apiKey: '${key}',`, '  },', '};']), path: 'config.js', secret: key, line: 4 },
    { code: doc(['{', '  "meraki": {', '    "org": 1,', `    "api_key": "${key}"`, '  }', '}']), path: 'config.json', secret: key, line: 4 },
    // A list under the parent, indented or at the parent's own indentation.
    { code: doc(['meraki:', '  - name: prod', `    api_key: ${key}`]), path: 'config.yml', secret: key, line: 3 },
    { code: doc(['meraki:', '- name: prod', `  api_key: ${key}`]), path: 'config.yml', secret: key, line: 3 },
    { code: doc(['meraki:', '  - url: x', `  - api_key: ${key}`]), path: 'config.yml', secret: key, line: 3 },
    // The parent a list item.
    { code: doc(['notifiers:', '  - meraki:', '      url: x', `      api_key: ${key}`]), path: 'config.yml', secret: key, line: 4 },
    // CRLF line endings.
    { code: doc(['meraki:', '  url: https://api.meraki.com', '', '  org_id: 12345', `  api_key: ${key}`], '\r\n'), path: 'config.yml', secret: key, line: 5 },
    { code: doc(['[meraki]', 'host = x', `api_key = ${key}`], '\r\n'), path: 'settings.ini', secret: key, line: 3 },
  ],
});

ruleTester(heroku, {
  valid: [
    { code: doc(['heroku:', '  app: demo', 'other:', `  api_key: ${uuid}`]), path: 'config.yml' },
    { code: doc(['heroku:', '  app: demo', `  app_id: ${uuid}`]), path: 'config.yml' },
  ],
  invalid: [
    { code: doc(['heroku:', '  app: demo', '  region: eu', `  api_key: ${uuid}`]), path: 'config.yml', secret: uuid, line: 4 },
    // The rule's validator (not under a name that says "id") reads the parent's line and the child's: a
    // sibling's `app_id` between them is not the credential's name.
    { code: doc(['heroku:', '  app_id: 1234', `  api_key: ${uuid}`]), path: 'config.yml', secret: uuid, line: 3 },
    { code: doc(['[heroku]', 'app = "demo"', `api_key = "${uuid}"`], '\r\n'), path: 'settings.toml', secret: uuid, line: 3 },
  ],
});

describe('nestedSecret', () => {
  it("reports the value's own span, lines under the parent", () => {
    for (const eol of ['\n', '\r\n']) {
      const code = doc(['meraki:', '  url: https://api.meraki.com', '  org_id: 12345', `  api_key: ${key}`], eol);
      const found = runRule(meraki, { code, path: 'config.yml' });
      expect(found.map((f) => [f.startLine, f.startColumn, f.endLine, f.endColumn])).toEqual([[4, '  api_key: '.length + 1, 4, '  api_key: '.length + 1 + key.length]]);
    }
  });

  it('extends only the lines that may be a parent', () => {
    const { mayOpen } = blockRead(nestedSecret(['meraki', 'cisco_meraki'], '[a-f0-9]{40}')())!;
    const far = ` ${'x'.repeat(60)}`;
    for (const line of ['meraki:', '  Meraki_Dashboard_API: {\r', '[tool.meraki]', 'MERAKI =', `#${far} meraki`, '// meraki', '- name: meraki', 'a;\nmeraki:\nb;'])
      expect(mayOpen(line), line).toBe(true);
    // Prose or code that merely ends with the name says nothing of a block under it.
    for (const line of ['meraki: x', 'if (meraki) {', 'run meraki;', 'xmeraki:', '  other:', '', '\n\n', `meraki:${far}`, 'configured through meraki', `${far} meraki`])
      expect(mayOpen(line), line).toBe(false);
    expect(blockRead(/meraki:\n {2}api_key: (?<secret>[a-f0-9]{40})/g)).toBeUndefined();
  });

  it('stays linear on many parents and long lines (the pattern on its own)', () => {
    const re = nestedSecret(['meraki'], '[a-f0-9]{40}')();
    const texts = [
      'meraki:\n'.repeat(200_000),
      ('meraki:\n' + `  ${'x'.repeat(4000)}\n`.repeat(7)).repeat(200),
      ('[meraki]\n' + 'api_key = '.repeat(400) + '\n').repeat(5_000),
      'meraki: {\n' + '  apiKey: '.repeat(500_000),
    ];
    for (const text of texts) {
      const t0 = performance.now();
      re.lastIndex = 0;
      expect(re.exec(text)).toBeNull();
      expect(performance.now() - t0).toBeLessThan(2_000);
    }
  });
});
