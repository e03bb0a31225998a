import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** What Probot's setup does with app.yml (node_modules/probot/lib/manifest-creation.js): `...manifest` last. */
describe('app.yml', () => {
  const manifest = parse(readFileSync(new URL('../../app.yml', import.meta.url), 'utf8')) as Record<string, unknown>;

  it("leaves the webhook URL to Probot's setup (WEBHOOK_PROXY_URL or its own URL), with no placeholder host", () => {
    expect(manifest.hook_attributes).toBeUndefined();
    expect(JSON.stringify(manifest)).not.toMatch(/example\.invalid|example\.com/);
  });

  it('Probot registers it with WEBHOOK_PROXY_URL', async () => {
    // Not in probot's exports map: loaded by path, as the installed version has it.
    const { ManifestCreation } = (await import(new URL('../../node_modules/probot/lib/manifest-creation.js', import.meta.url).href)) as {
      ManifestCreation: new () => { getManifest(o: object): string };
    };
    const saved = process.env.WEBHOOK_PROXY_URL;
    process.env.WEBHOOK_PROXY_URL = 'https://smee.io/tw-test';
    try {
      const m = JSON.parse(
        new ManifestCreation().getManifest({ pkg: { name: 'tokenwarden' }, baseUrl: 'http://localhost:3000', readFileSync: () => readFileSync(new URL('../../app.yml', import.meta.url), 'utf8') }),
      );
      expect(m.hook_attributes).toEqual({ url: 'https://smee.io/tw-test' });
      expect(m.default_permissions).toEqual(manifest.default_permissions);
    } finally {
      if (saved === undefined) delete process.env.WEBHOOK_PROXY_URL;
      else process.env.WEBHOOK_PROXY_URL = saved;
    }
  });
});
