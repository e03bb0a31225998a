import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/yandex-elevated-role.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';

const TF = 'infra/iam.tf';
const grant = (type: string, role: string, member = 'member  = "serviceAccount:aje1234567890abcdefg"') =>
  `resource "${type}" "g" {\n  folder_id = "b1g1234567890abcdefg"\n  role      = "${role}"\n  ${member}\n}\n`;

ruleTester(rule, {
  valid: [
    { code: grant('yandex_resourcemanager_folder_iam_member', 'storage.editor'), path: TF },
    { code: grant('yandex_resourcemanager_cloud_iam_binding', 'viewer', 'members = ["group:ajeabcdefghij1234567"]'), path: TF },
    { code: grant('yandex_resourcemanager_folder_iam_member', 'editor'), path: TF, options: { allowMembers: ['serviceAccount:aje1234567890*'] } },
    // a role on one resource, or a role from a variable, is not a primitive role on the folder
    { code: grant('yandex_storage_bucket_iam_binding', 'admin'), path: TF },
    { code: 'resource "yandex_resourcemanager_folder_iam_member" "g" {\n  role   = var.role\n  member = "userAccount:x"\n}\n', path: TF },
  ],
  invalid: [
    { code: grant('yandex_resourcemanager_folder_iam_member', 'admin'), path: TF, count: 1, line: 3 },
    { code: grant('yandex_resourcemanager_cloud_iam_binding', 'editor', 'members = ["userAccount:aje0000000000abcdefg"]'), path: TF, count: 1 },
    { code: grant('yandex_organizationmanager_organization_iam_member', 'organization-manager.organizations.owner'), path: TF, count: 1 },
  ],
});

describe('scopes/yandex-elevated-role severity', () => {
  it('is critical for admin and owners, high for editor', () => {
    expect(runRule(rule, { code: grant('yandex_resourcemanager_folder_iam_member', 'admin'), path: TF })[0]!.severity).toBe('critical');
    const [editor] = runRule(rule, { code: grant('yandex_resourcemanager_cloud_iam_member', 'editor'), path: TF });
    expect(editor!.severity).toBe('high');
    expect(editor!.message).toMatch(/grants `editor` on the whole cloud to `serviceAccount:aje1234567890abcdefg`/);
  });
});
