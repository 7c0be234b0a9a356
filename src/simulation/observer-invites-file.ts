/**
 * `dauys simulate --observer-invites <file>`: invites a coordinator made for the simulated
 * observers, as the console's invite sheet answers (`POST /console/api/invites/sheet`), a list
 * of such invites, or one invite. The observers are placed at the invites' precincts.
 */
import { z } from 'zod';
import { invalidInput, zodIssuesToInputIssues } from '../errors';
import { parseJsonText, readInputFile } from '../services/read-input-file';

const inviteSchema = z.object({
  code: z.string().min(1),
  precinctCodes: z.array(z.string().min(1)).min(1),
});
const fileSchema = z.union([
  z.object({ invites: z.array(inviteSchema) }),
  z.array(inviteSchema),
  inviteSchema,
]);

/**
 * @example
 * await readObserverInvites('sheet.json'); // [{ code: 'K7…', precinctCode: '1-01-001' }, …]
 */
export async function readObserverInvites(
  file: string,
): Promise<Array<{ code: string; precinctCode: string }>> {
  const parsed = fileSchema.safeParse(parseJsonText(await readInputFile(file), file));
  if (!parsed.success) {
    throw invalidInput(
      `${file}: not an invite sheet (expected { "invites": [{ "code", "precinctCodes" }] })`,
      zodIssuesToInputIssues(parsed.error.issues).map((issue) => ({
        ...issue,
        where: `${file}:${issue.where}`,
      })),
    );
  }
  const data = parsed.data;
  const invites = Array.isArray(data) ? data : 'invites' in data ? data.invites : [data];
  // An invite for several precincts places its observer at the first.
  return invites.map((invite) => ({ code: invite.code, precinctCode: invite.precinctCodes[0]! }));
}
