// The store suite on a real PostgreSQL server: TOKENWARDEN_TEST_DATABASE_URL (`.ci/run` starts one;
// locally `bash .ci/postgres.sh npx vitest run test/store`). Skipped, with the reason printed, without it.
import { postgresHarness } from './helpers/harness.js';
import { storeSuite } from './store.suite.js';

storeSuite(postgresHarness());
