import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/rotation/gitlab-token-expiry.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';

const TF = 'gitlab/tokens.tf';
const token = (type: string, extra: string): string => `resource "${type}" "t" {\n  name   = "ci"\n  scopes = ["read_api"]\n${extra}}\n`;

// Today is 2026-06-15.
ruleTester(rule, {
  valid: [
    { code: token('gitlab_project_access_token', '  expires_at = "2026-12-01"\n'), path: TF },
    { code: token('gitlab_group_access_token', '  rotation_configuration = {\n    expiration_days    = 90\n    rotate_before_days = 14\n  }\n'), path: TF },
    { code: token('gitlab_personal_access_token', '  rotation_configuration {\n    expiration_days    = 30\n    rotate_before_days = 7\n  }\n'), path: TF },
    { code: token('gitlab_deploy_token', '  expires_at = "2027-01-01T00:00:00Z"\n'), path: TF },
    { code: token('gitlab_project_access_token', '  expires_at = "2028-01-01"\n'), path: TF, options: { maxLifetimeDays: 1000 } },
    { code: token('gitlab_project_access_token', '  expires_at = local.expiry\n'), path: TF, name: 'unknown date' },
  ],
  invalid: [
    { code: token('gitlab_project_access_token', ''), path: TF, count: 1, line: 1 },
    { code: token('gitlab_group_access_token', ''), path: TF, count: 1 },
    { code: token('gitlab_personal_access_token', ''), path: TF, count: 1 },
    { code: token('gitlab_deploy_token', ''), path: TF, count: 1 },
    { code: token('gitlab_project_access_token', '  expires_at = "2030-01-01"\n'), path: TF, count: 1, line: 4 },
    { code: token('gitlab_group_access_token', '  rotation_configuration {\n    expiration_days    = 400\n    rotate_before_days = 7\n  }\n'), path: TF, count: 1, line: 5 },
  ],
});

describe('rotation/gitlab-token-expiry', () => {
  it('says what is missing', () => {
    expect(runRule(rule, { code: token('gitlab_deploy_token', ''), path: TF })[0]!.message).toBe(
      '`gitlab_deploy_token.t` has neither `expires_at` nor `rotation_configuration`: the token lives until someone revokes it.',
    );
  });
});
