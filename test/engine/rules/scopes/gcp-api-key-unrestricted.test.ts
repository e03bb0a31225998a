import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/gcp-api-key-unrestricted.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';

const TF = 'gcp/apikeys.tf';
const key = (body: string, name = 'maps') => ({ code: `resource "google_apikeys_key" "${name}" {\n  name         = "${name}"\n  display_name = "Maps key"\n${body}}\n`, path: TF });
const targets = '    api_targets {\n      service = "maps-backend.googleapis.com"\n      methods = ["GET*"]\n    }\n';
const browser = '    browser_key_restrictions {\n      allowed_referrers = ["https://www.example.com/*"]\n    }\n';
const server = '    server_key_restrictions {\n      allowed_ips = ["203.0.113.10"]\n    }\n';
const android =
  '    android_key_restrictions {\n      allowed_applications {\n        package_name     = "com.example.app"\n        sha1_fingerprint = "1699466a142d4682a5f91b50fdf400f2358e2b0b"\n      }\n    }\n';
const ios = '    ios_key_restrictions {\n      allowed_bundle_ids = ["com.example.app"]\n    }\n';
const restrictions = (...parts: string[]) => `  restrictions {\n${parts.join('')}  }\n`;

ruleTester(rule, {
  valid: [
    // both kinds of restriction
    key(restrictions(targets, browser)),
    key(restrictions(targets, server)),
    key(restrictions(android, targets)),
    key(restrictions(targets, ios)),
    // several targets, referrers from a variable (not judged as a wildcard)
    key(restrictions(targets, '    api_targets {\n      service = "translate.googleapis.com"\n    }\n', '    browser_key_restrictions {\n      allowed_referrers = var.referrers\n    }\n')),
    // a wildcard among real referrers still restricts
    key(restrictions(targets, '    browser_key_restrictions {\n      allowed_referrers = ["https://app.example.com/*", "*"]\n    }\n')),
    // dynamic blocks: present, content unknown
    key(restrictions('    dynamic "api_targets" {\n      for_each = var.apis\n      content {\n        service = api_targets.value\n      }\n    }\n', server)),
    key('  dynamic "restrictions" {\n    for_each = var.restrictions\n    content {}\n  }\n'),
    key(restrictions(targets, '    dynamic "server_key_restrictions" {\n      for_each = var.ips\n      content {\n        allowed_ips = server_key_restrictions.value\n      }\n    }\n')),
    // other resources and data sources
    { code: 'resource "google_service_account_key" "k" {\n  service_account_id = google_service_account.sa.name\n}\n', path: TF },
    { code: 'data "google_apikeys_key" "k" {\n  name = "existing"\n}\n', path: TF },
    // not Terraform
    { code: 'resource "google_apikeys_key" "k" {\n  name = "k"\n}\n', path: 'docs/apikeys.md' },
  ],
  invalid: [
    // the provider's minimal example: no restrictions at all
    { ...key(''), count: 1, line: 1 },
    { ...key('  project = var.project\n  service_account_email = google_service_account.sa.email\n'), count: 1 },
    // an empty restrictions block
    { ...key(restrictions()), count: 1, line: 4 },
    // application restriction only
    { ...key(restrictions(browser)), count: 1, line: 4 },
    { ...key(restrictions(server)), count: 1 },
    { ...key(restrictions(android)), count: 1 },
    { ...key(restrictions(ios)), count: 1 },
    // api_targets only
    { ...key(restrictions(targets)), count: 1, line: 4 },
    // wildcard application restrictions restrict nothing
    { ...key(restrictions(targets, '    browser_key_restrictions {\n      allowed_referrers = [".*"]\n    }\n')), count: 1 },
    { ...key(restrictions(targets, '    server_key_restrictions {\n      allowed_ips = ["0.0.0.0/0", "::/0"]\n    }\n')), count: 1 },
    { ...key(restrictions('    browser_key_restrictions {\n      allowed_referrers = ["*"]\n    }\n')), count: 1 },
    // one finding per key
    { code: [key('', 'a').code, key(restrictions(targets), 'b').code, key(restrictions(targets, browser), 'c').code].join('\n'), path: 'main.tf', count: 2 },
  ],
});

describe('scopes/gcp-api-key-unrestricted', () => {
  it('grades by what is missing and names the key', () => {
    const [none] = runRule(rule, key(''));
    expect(none!.severity).toBe('high');
    expect(none!.message).toBe('`google_apikeys_key.maps` has no `restrictions`: anyone holding the key, from any site, address or app, can call every API enabled in the project with it.');
    const [empty] = runRule(rule, key(restrictions()));
    expect(empty!.severity).toBe('high');
    const [appOnly] = runRule(rule, key(restrictions(browser)));
    expect(appOnly!.severity).toBe('medium');
    expect(appOnly!.message).toContain('no `api_targets`');
    const [targetsOnly] = runRule(rule, key(restrictions(targets)));
    expect(targetsOnly!.severity).toBe('low');
    expect(targetsOnly!.message).toContain('`google_apikeys_key.maps` limits the APIs the key may call');
  });

  it('says when an application restriction is a wildcard', () => {
    const [wild] = runRule(rule, key(restrictions('    browser_key_restrictions {\n      allowed_referrers = ["*"]\n    }\n')));
    expect(wild!.severity).toBe('high');
    expect(wild!.message).toContain('its `browser_key_restrictions` allows every referrer with `*`');
    const [wildIp] = runRule(rule, key(restrictions(targets, '    server_key_restrictions {\n      allowed_ips = ["0.0.0.0/0"]\n    }\n')));
    expect(wildIp!.severity).toBe('low');
    expect(wildIp!.message).toContain('its `server_key_restrictions` allows every IP address with `0.0.0.0/0`');
  });
});
