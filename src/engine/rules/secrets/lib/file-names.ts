/** Path tests for credential files whose format is only meaningful under their own name. */

const base = (path: string): string => path.slice(path.lastIndexOf('/') + 1).toLowerCase();

export const isNpmrc = (path: string): boolean => /^(?:\.npmrc|npmrc|\.yarnrc|\.yarnrc\.ya?ml|yarnrc)$/.test(base(path));
export const isPypirc = (path: string): boolean => /^\.?pypirc$/.test(base(path));
export const isNetrc = (path: string): boolean => /^[._]?netrc$/.test(base(path));
export const isGitCredentials = (path: string): boolean => /^\.?git-credentials$/.test(base(path));
export const isHtpasswd = (path: string): boolean => /^(?:\.htpasswd|htpasswd|.+\.htpasswd)$/.test(base(path));
export const isPgpass = (path: string): boolean => /^(?:\.pgpass|pgpass|pgpass\.conf)$/.test(base(path));
