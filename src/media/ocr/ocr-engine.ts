import fs from 'node:fs';
import path from 'node:path';
import { createWorker, PSM, type Worker } from 'tesseract.js';

/** Debian's tessdata (apt-get install tesseract-ocr-rus tesseract-ocr-kaz): never downloaded. */
export const DEBIAN_TESSDATA = '/usr/share/tesseract-ocr/5/tessdata';
export const OCR_LANGUAGES = ['rus', 'kaz', 'eng'] as const;

/** One recognised line of a page, in image pixels; `baseline` runs along the text's slope. */
export interface OcrLine {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
  baseline: { x0: number; y0: number; x1: number; y1: number };
}

export type OcrAvailability = { available: true } | { available: false; reason: string };

/**
 * Whether OCR can run here: the language files must be on disk, because the engine is never
 * allowed to fetch them from the network.
 *
 * @example
 * ocrAvailability('/usr/share/tesseract-ocr/5/tessdata'); // { available: true }
 */
export function ocrAvailability(langPath: string = DEBIAN_TESSDATA): OcrAvailability {
  const missing = OCR_LANGUAGES.filter((lang) => !fs.existsSync(path.join(langPath, `${lang}.traineddata`)));
  return missing.length === 0
    ? { available: true }
    : {
        available: false,
        reason: `OCR unavailable: ${missing.map((l) => `${l}.traineddata`).join(', ')} not found in ${langPath} (apt-get install tesseract-ocr-rus tesseract-ocr-kaz)`,
      };
}

/**
 * A pool of one tesseract worker, created on first use (it costs ~0.6 s and ~100 MB), with
 * calls queued one after another: OCR is a helper for moderators, not worth a second core.
 *
 * @example
 * const engine = new OcrEngine({ cachePath: path.join(config.dataDir, 'tesseract-cache') });
 * const lines = await engine.readPage(jpeg);
 */
export class OcrEngine {
  private worker: Promise<Worker> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly langPath: string;

  constructor(private readonly options: { cachePath: string; langPath?: string }) {
    this.langPath = options.langPath ?? DEBIAN_TESSDATA;
  }

  availability(): OcrAvailability {
    return ocrAvailability(this.langPath);
  }

  /** Every text line of a page, with its position. */
  readPage(image: Buffer): Promise<OcrLine[]> {
    return this.serialized(async (worker) => {
      await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, tessedit_char_whitelist: '' });
      const { data } = await worker.recognize(image, {}, { blocks: true, text: false });
      return (data.blocks ?? []).flatMap((block) =>
        block.paragraphs.flatMap((paragraph) =>
          paragraph.lines.map((line) => ({
            text: line.text.trim(),
            confidence: line.confidence,
            bbox: line.bbox,
            baseline: { x0: line.baseline.x0, y0: line.baseline.y0, x1: line.baseline.x1, y1: line.baseline.y1 },
          })),
        ),
      );
    });
  }

  /** One line of digits (a cropped figure cell): the text as read and the engine's confidence (0–100). */
  readDigits(image: Buffer): Promise<{ text: string; confidence: number }> {
    return this.serialized(async (worker) => {
      await worker.setParameters({
        tessedit_pageseg_mode: PSM.SINGLE_LINE,
        tessedit_char_whitelist: '0123456789',
      });
      const { data } = await worker.recognize(image, {}, { blocks: true, text: true });
      // The page-level figure is often 0 in single-line mode; the words' own confidences are not.
      const words = (data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words)));
      const digitWords = words.filter((word) => /\d/.test(word.text));
      const confidence = digitWords.length
        ? Math.min(...digitWords.map((word) => word.confidence))
        : data.confidence;
      return { text: data.text.trim(), confidence };
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await (await worker).terminate();
  }

  private serialized<T>(task: (worker: Worker) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => task(await this.ensureWorker()));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private ensureWorker(): Promise<Worker> {
    const availability = this.availability();
    if (!availability.available) return Promise.reject(new Error(availability.reason));
    this.worker ??= createWorker([...OCR_LANGUAGES], 1, {
      langPath: this.langPath,
      gzip: false,
      cachePath: this.options.cachePath,
    });
    return this.worker;
  }
}
