import type { z } from 'zod';
import type { PrecinctExport } from '../../../services/export.service';
import type { ObserversBlock } from '../../../services/protocol.service';
import type { AreaSummary, OfficialBlock } from '../../../services/summary.service';
import type { TransparencyEntry, TransparencyHead } from '../../../services/transparency.service';
import type { ViolationsBlock } from '../../../services/violation.service';
import type { VotersBlock } from '../../../services/voter-tally.service';
import type {
  officialBlock,
  observersBlock,
  summaryResponse,
  violationsBlock,
  votersBlock,
} from './figures.contract';
import type { exportColumn } from './open-data.contract';
import type { transparencyEntry, transparencyHead } from './transparency.contract';

/**
 * Compile-time only: the types the services return are the contracts' types, both ways, so a
 * field added, dropped or retyped in either fails `tsc` here (the routes that build their answer
 * themselves check it with `satisfies`). Nothing imports this file; `tsc` reads all of src/.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

export type ServiceConformance = [
  Assert<Same<AreaSummary, z.output<typeof summaryResponse>>>,
  Assert<Same<OfficialBlock, z.output<typeof officialBlock>>>,
  Assert<Same<VotersBlock, z.output<typeof votersBlock>>>,
  Assert<Same<ObserversBlock, z.output<typeof observersBlock>>>,
  Assert<Same<ViolationsBlock, z.output<typeof violationsBlock>>>,
  Assert<Same<TransparencyHead, z.output<typeof transparencyHead>>>,
  Assert<Same<TransparencyEntry, z.output<typeof transparencyEntry>>>,
  Assert<Same<PrecinctExport['columns'][number], z.output<typeof exportColumn>>>,
];
