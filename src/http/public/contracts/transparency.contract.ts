import { z } from 'zod';

/** `GET /elections/:slug/transparency`: the log's current size and root, to publish and compare. */
export const transparencyHead = z.strictObject({
  election: z.string(),
  size: z.number().int().min(0),
  root: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe('Hex RFC 6962 Merkle root over the leaves 0..size-1.'),
  algorithm: z.literal('RFC 6962 Merkle tree, SHA-256, leaves = canonical JSON of each record'),
  updatedAt: z.iso.datetime().nullable(),
  snapshotKey: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe(
      'Hex raw Ed25519 public key this instance signs its snapshots\u2019 manifests with (`dauys snapshot`; `dauys verify <dir> --against` compares it).',
    ),
});

/** One line after the first of `transparency.ndjson` (the first is `{ "head": … }`). */
export const transparencyEntry = z.strictObject({
  seq: z.number().int().min(0),
  kind: z.string().describe('What was accepted: a counted ballot report, a protocol, a published violation.'),
  record: z
    .record(z.string(), z.unknown())
    .describe('The public record; its leaf is canonical JSON of kind + record.'),
});

export const transparencyNdjsonHead = z.strictObject({ head: transparencyHead });
