// The audit chain on a real PostgreSQL server: TOKENWARDEN_TEST_DATABASE_URL (`.ci/run` starts one;
// locally `bash .ci/postgres.sh npx vitest run test/audit`). Skipped, with the reason printed, without it.
import { postgresHarness } from '../store/helpers/harness.js';
import { auditSuite } from './chain.suite.js';

auditSuite(postgresHarness());
