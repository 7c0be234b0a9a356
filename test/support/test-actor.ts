import { systemActor } from '../../src/services/audit.service';

/** Who acts when a test seeds or changes data through a service: audited like anyone else. */
export const TEST_ACTOR = systemActor('test');
