import type { AggregateTables } from './tables/aggregates.tables';
import type { BallotTables } from './tables/ballots.tables';
import type { ConsoleTables } from './tables/console.tables';
import type { FoundationTables } from './tables/foundation.tables';
import type { MessagingTables } from './tables/messaging.tables';
import type { WebchatTables } from './tables/webchat.tables';
import type { ObserverTables } from './tables/observers.tables';
import type { TransparencyTables } from './tables/transparency.tables';
import type { ModerationTables } from './tables/moderation.tables';
import type { OutsideEvidenceTables } from './tables/outside-evidence.tables';
import type { ImpostorTables } from './tables/impostor.tables';

/**
 * Every table the platform has, for Kysely's type checking. Each aggregate declares its
 * tables in `tables/<aggregate>.tables.ts`; add the interface to this list.
 */
export interface Database
  extends
    FoundationTables,
    MessagingTables,
    BallotTables,
    ConsoleTables,
    ObserverTables,
    WebchatTables,
    TransparencyTables,
    ModerationTables,
    AggregateTables,
    OutsideEvidenceTables,
    ImpostorTables {}
