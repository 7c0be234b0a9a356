import { z } from 'zod';

// Apart from ./locale.ts, which the web pages import: zod would otherwise ship in their bundles.
const nonBlank = z.string().trim().min(1, 'must not be empty');

/** Zod schema for a {@link LocalizedText}: all three locales, none blank, no other keys. */
export const localizedTextSchema = z.strictObject({ kk: nonBlank, ru: nonBlank, en: nonBlank });
