/**
 * Secrets that products ship in their example configuration and that installs copy unchanged: LibreChat's
 * `.env.example` keys, Dify's `SECRET_KEY`, the Airflow chart's `fernetKey`, Supabase's `SECRET_KEY_BASE` …
 * The same value sits in hundreds of app-store templates and compose files. It protects nothing that keeps
 * it (anyone can read it upstream), so it is not a leak to revoke but a default to replace: reported low,
 * with that advice, rather than dropped. Kept as SHA-256 digests, so this file holds no secret-shaped value.
 */
import { createHash } from 'node:crypto';

const KNOWN: ReadonlyMap<string, string> = new Map([
  ['7c1154b5152983978147ea87e4a2066d4768673e9d85d6a792cddc2f784efd2f', 'LibreChat'], // CREDS_KEY
  ['06d2e911edb4d45985b9d6338ec3d4c6b4bde69f8143437797c187ab07085531', 'LibreChat'], // CREDS_IV
  ['69024f21e9ad17594dcccd93e87399af24a5426ccfe6108d1787f0335966abc4', 'LibreChat'], // JWT_SECRET
  ['282ad5f60261639fefed381976b4d0dde52eab5527a1ab2ec75d5be1efa1165b', 'LibreChat'], // JWT_REFRESH_SECRET
  ['c042516e4eac1bafaa3027eb7ea04103fdfb652583eeb916124aebe882e9cefb', 'LibreChat'], // MEILI_MASTER_KEY
  ['0f44b34c6311bcb547867d393c1c56e6564e03d905fdd023637f549358bf3670', 'Dify'], // SECRET_KEY
  ['1989496b76464a0cf3ba21e4dbad83e8a1dfc4ffa83862ab09d0782306e6d43e', 'Dify'], // WEAVIATE_API_KEY
  ['f9a4b3e3eabdc7ce738cb1b84d655d7d7d045748d1c5e11c975e891d903e4c68', 'Maybe Finance'], // SECRET_KEY_BASE (upstream lists it as compromised)
  ['def7a135052ef9aef8316128df37b16f321734c0991f4ee8a391bebc218da80b', 'TaskingAI'], // AES_ENCRYPTION_KEY
  ['6d207cddf844d5d5006fc2c3a1fe452e8fb2d9dbb983df71d764c4021a9e8660', 'TaskingAI'], // JWT_SECRET_KEY
  ['b2f118c40ef943640d2d20929e4ed51cb40d731041d3c819b90f5160a8b45de5', 'the Airflow Helm chart'], // fernetKey
  ['52f004438faf780274c9c95f79d1cf39d2355fbcf035899fc0242b1437f30df3', 'Supabase'], // SECRET_KEY_BASE
  ['7ccb6685972b70e1ecd20aa86d0a9947f3eff9aba01a6a632ffa88cb525e298e', 'Mattermost'], // GfycatAPISecret in the default config.json
  ['41e3b890ad4b763dbf2cbab89f401dc23214dae10593dc98dd9a3b2c5a7625da', 'NSD'], // the TSIG `secret:` of nsd.conf.sample
  ['570dad43de1af4c925f92c16a68a50936da42b7dd6fdeb24850507a1199aac89', "FastAPI's OAuth2 tutorial"], // SECRET_KEY of the JWT example
]);

/** The product whose published default `value` is, if it is one. */
export function knownDefaultOf(value: string): string | undefined {
  if (value.length < 16 || value.length > 200) return undefined;
  return KNOWN.get(createHash('sha256').update(value).digest('hex'));
}
