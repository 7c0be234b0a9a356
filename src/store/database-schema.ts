import type { FoundationTables } from './tables/foundation.tables';
import type { MessagingTables } from './tables/messaging.tables';

/**
 * Every table the platform has, for Kysely's type checking. Each aggregate declares its
 * tables in `tables/<aggregate>.tables.ts`; add the interface to this list.
 */
export interface Database extends FoundationTables, MessagingTables {}
