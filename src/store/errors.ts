/** Why a store could not be opened or used, with a reason an operator can act on. */
export type StoreErrorCode =
  /** The database was migrated by a newer Token Warden than this one: refuse rather than misread it. */
  | 'SCHEMA_TOO_NEW'
  /** A migration already applied differs from the one in this code (edited after release). */
  | 'MIGRATION_CHANGED'
  /** The database's schema is older than the code's and this open was told not to migrate. */
  | 'SCHEMA_TOO_OLD'
  /** Another process holds the embedded database's data directory. */
  | 'DATA_DIR_LOCKED'
  /** Another instance held the migration lock for longer than the wait allowed. */
  | 'MIGRATION_LOCK_TIMEOUT'
  /** Environment or options that cannot work (an unknown URL scheme, a pool size of 0…). */
  | 'BAD_CONFIG'
  /** The store was used after `close()`. */
  | 'CLOSED';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}
