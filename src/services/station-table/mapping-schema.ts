import { z } from 'zod';
import { LOCALES } from '../../domain/locale';

/** One column, or several whose values are summed (e.g. ballots issued early + on the day + at home). */
const columns = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const choiceSchema = z
  .object({
    /** Stable id used in the report (e.g. "putin", "tihanovkaja", "yes"). */
    id: z.string().regex(/^[A-Za-z0-9_-]+$/, 'choice ids use letters, digits, "_" and "-"'),
    name: z.string().optional(),
    official: columns,
    /** Ballots photographed by voters for this choice. */
    photo: z.string().min(1).optional(),
    /** The voters' own self-selected tally for this choice (e.g. voter-bot users). */
    sample: z.string().min(1).optional(),
  })
  .strict();

/** Observer counts from another CSV, joined by station id. */
const observerJoinSchema = z
  .object({
    /** Path of the other CSV, relative to the station CSV's folder. */
    file: z.string().min(1),
    /** Column of the other CSV holding the station id. */
    key: z.string().min(1),
    /** Column of the other CSV holding the observer count. */
    observers: z.string().min(1),
  })
  .strict();

/**
 * How the columns of a station-level CSV become `StationResult`s. See docs/analysis.md.
 *
 * @example
 * { "id": ["region", "tik", "uik"], "region": "region", "district": "tik",
 *   "registered": "Число избирателей…", "ballotsCast": ["…досрочно", "…в помещении", "…вне помещения"],
 *   "valid": "Число действительных…", "invalid": "Число недействительных…",
 *   "choices": [{ "id": "putin", "official": "Путин Владимир Владимирович" }], "leader": "putin" }
 */
export const stationMappingSchema = z
  .object({
    description: z.string().optional(),
    source: z.string().optional(),
    /** The language of the data (its column and choice names): `analyze --report` defaults to it. */
    language: z.enum(LOCALES).optional(),
    /** Column(s) that identify a station; several are joined with " / ". */
    id: columns,
    region: z.string().min(1).optional(),
    district: z.string().min(1).optional(),
    /** Areas read from the id itself, e.g. "07-001-0001": region "07", district "07-001". */
    areasFromId: z
      .object({ separator: z.string().min(1) })
      .strict()
      .optional(),
    registered: columns,
    ballotsCast: columns,
    valid: columns,
    invalid: columns,
    choices: z.array(choiceSchema).min(1),
    leader: z.string().optional(),
    /** Column of this CSV with the number of independent observers. */
    observers: z.string().min(1).optional(),
    observerJoin: observerJoinSchema.optional(),
    /**
     * What a negative official figure means: "reject" (default) fails with its file:line:column;
     * "treat-as-missing" keeps the row but marks its official result unpublished (source errors
     * such as the three negative "against" counts in the Belarus 2020 data).
     */
    negativeFigures: z.enum(['reject', 'treat-as-missing']).default('reject'),
    /** Columns whose empty cells count as 0 instead of marking the official result unpublished. */
    emptyAsZero: z.array(z.string().min(1)).optional(),
    /** Rows dropped when this column is empty (e.g. placeholder rows without any data). */
    requireColumn: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((mapping, ctx) => {
    const ids = mapping.choices.map((c) => c.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) {
        ctx.addIssue({
          code: 'custom',
          path: ['choices', index, 'id'],
          message: `duplicate choice id "${id}"`,
        });
      }
    });
    if (mapping.leader !== undefined && !ids.includes(mapping.leader)) {
      ctx.addIssue({
        code: 'custom',
        path: ['leader'],
        message: `leader "${mapping.leader}" is not a choice id`,
      });
    }
  });

export type StationMapping = z.infer<typeof stationMappingSchema>;
export type ColumnRef = z.infer<typeof columns>;
