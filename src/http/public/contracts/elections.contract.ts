import { z } from 'zod';
import { botsSchema } from '../../../domain/election/election-definition';
import { count, localizedText } from './shared.contract';

/** A choice as the elections list shows it: its short names only when the election file has them. */
export const publicChoice = z.strictObject({
  id: z.string(),
  names: localizedText,
  shortNames: localizedText.optional().describe('For narrow places: table headings, chart axes, legends.'),
  color: z.string().optional().describe('`#rrggbb`, when the election file gives one.'),
});

export const publicElection = z.strictObject({
  slug: z.string(),
  names: localizedText,
  date: z.string().describe('Polling day, `YYYY-MM-DD`.'),
  timeZone: z.string().describe('IANA time zone of polling day, e.g. `Asia/Almaty`.'),
  demo: z.boolean().describe('Generated demo data, not an election\u2019s figures.'),
  notice: localizedText.optional(),
  bots: botsSchema.optional().describe('The official bots\u2019 handles and the warning about impostors.'),
  levels: z.array(z.strictObject({ id: z.string(), names: localizedText, count })),
  regions: count,
  precincts: count,
  registeredVoters: count,
  choices: z.array(publicChoice),
  voterOnlyChoices: z.array(publicChoice).describe('Choices voters may report that are not on the ballot.'),
});

/** `GET /elections`. */
export const electionsResponse = z.strictObject({ elections: z.array(publicElection) });
