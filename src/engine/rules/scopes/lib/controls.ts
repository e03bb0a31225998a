/** Regulatory and benchmark controls the scope rules evidence. */

/** Least privilege for accounts and their access: what every over-broad token finding violates. */
export const LEAST_PRIVILEGE: readonly string[] = ['NIST-800-53-AC-6', 'PCI-DSS-7.2.1', 'PCI-DSS-7.2.2', 'PCI-DSS-7.2.5', 'SOC2-CC6.1', 'SOC2-CC6.3', 'SOX-ITGC-AC'];

/** The GITHUB_TOKEN of a workflow. */
export const WORKFLOW_TOKEN: readonly string[] = [...LEAST_PRIVILEGE, 'OpenSSF-Scorecard-Token-Permissions', 'OWASP-CICD-SEC-2'];

/** Secrets handed to code that does not need them. */
export const SECRET_EXPOSURE: readonly string[] = [...LEAST_PRIVILEGE, 'NIST-800-53-IA-5', 'OWASP-CICD-SEC-6'];

/** Untrusted code run with a privileged token (a "pwn request"). */
export const PRIVILEGED_EXECUTION: readonly string[] = [
  'NIST-800-53-AC-6',
  'NIST-800-53-CM-5',
  'PCI-DSS-7.2.5',
  'SOC2-CC6.1',
  'SOC2-CC8.1',
  'SOX-ITGC-AC',
  'SOX-ITGC-CM',
  'OpenSSF-Scorecard-Dangerous-Workflow',
  'OWASP-CICD-SEC-4',
];

/** Long-lived tokens with more scopes than their job (PATs, OAuth, App installations). */
export const TOKEN_GRANTS: readonly string[] = [...LEAST_PRIVILEGE, 'NIST-800-53-AC-6(5)', 'NIST-800-53-IA-5', 'OWASP-CICD-SEC-2'];
