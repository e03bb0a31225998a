/** Controls evidenced by the cloud IAM and Kubernetes RBAC scope rules (least privilege plus the CIS item). */
import { LEAST_PRIVILEGE } from './controls.js';

/** Privileged access: admin-equivalent grants. */
const PRIVILEGED: readonly string[] = [...LEAST_PRIVILEGE, 'NIST-800-53-AC-6(1)', 'NIST-800-53-AC-6(5)', 'NIST-800-53-AC-2'];

export const AWS_ADMIN: readonly string[] = [...PRIVILEGED, 'CIS-AWS-1.16'];
export const AWS_WILDCARD: readonly string[] = [...LEAST_PRIVILEGE, 'NIST-800-53-AC-6(1)', 'CIS-AWS-1.16'];
export const AWS_USER_POLICY: readonly string[] = [...LEAST_PRIVILEGE, 'NIST-800-53-AC-2', 'CIS-AWS-1.15'];
export const AWS_ESCALATION: readonly string[] = [...PRIVILEGED, 'NIST-800-53-AC-6(10)'];
export const FEDERATED_TRUST: readonly string[] = [...LEAST_PRIVILEGE, 'NIST-800-53-IA-8', 'NIST-800-53-AC-17', 'OWASP-CICD-SEC-2'];
export const GCP_BASIC_ROLES: readonly string[] = [...PRIVILEGED, 'CIS-GCP-1.5'];
export const GCP_IMPERSONATION: readonly string[] = [...PRIVILEGED, 'CIS-GCP-1.6'];
/** Workloads running as a default service account (CIS GCP 4.1 and 4.2, CIS GKE 5.2.1). */
export const GCP_DEFAULT_SA: readonly string[] = [...LEAST_PRIVILEGE, 'NIST-800-53-AC-6(1)', 'CIS-GCP-4.1', 'CIS-GCP-4.2', 'CIS-GKE-5.2.1'];
export const AZURE_ROLES: readonly string[] = [...PRIVILEGED, 'CIS-Azure-1.23'];
export const K8S_WILDCARD: readonly string[] = [...LEAST_PRIVILEGE, 'CIS-K8S-5.1.3'];
export const K8S_CLUSTER_ADMIN: readonly string[] = [...PRIVILEGED, 'CIS-K8S-5.1.1'];
export const K8S_SECRETS: readonly string[] = [...LEAST_PRIVILEGE, 'NIST-800-53-IA-5', 'CIS-K8S-5.1.2'];
export const K8S_ESCALATION: readonly string[] = [...PRIVILEGED, 'NIST-800-53-AC-6(10)', 'CIS-K8S-5.1.8'];
