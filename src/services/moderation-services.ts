import path from 'node:path';
import type { Kysely } from 'kysely';
import { OcrEngine } from '../media/ocr/ocr-engine';
import type { Database } from '../store/database-schema';
import type { AuditService } from './audit.service';
import type { BallotReportService } from './ballot-report.service';
import { CoverageService } from './coverage.service';
import { ModerationService } from './moderation.service';
import type { SosService } from './sos.service';
import { TranscriptionService } from './transcription.service';
import type { ViolationService } from './violation.service';

/** The console work queues' part of the composition root (`App` extends this). */
export interface ModerationServices {
  moderation: ModerationService;
  transcriptions: TranscriptionService;
  coverage: CoverageService;
  /** One lazily started tesseract worker for protocol suggestions (Debian's tessdata, offline). */
  ocr: OcrEngine;
}

/**
 * @example
 * const queues = createModerationServices({ db, audit, ballots, violations, sos, dataDir: config.dataDir });
 */
export function createModerationServices(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  ballots: BallotReportService;
  violations: ViolationService;
  sos: SosService;
  dataDir: string;
}): ModerationServices {
  return {
    moderation: new ModerationService(deps.db, deps.audit, deps.ballots, deps.violations, deps.sos),
    transcriptions: new TranscriptionService(deps.db, deps.audit),
    coverage: new CoverageService(deps.db),
    ocr: new OcrEngine({ cachePath: path.join(deps.dataDir, 'tesseract-cache') }),
  };
}
