import os from 'node:os';
import { cliActor, type AuditActor } from '../services/audit.service';

/** Who acts when a write comes from the command line: the operating-system user running `dauys`. */
export function commandLineActor(): AuditActor {
  return cliActor(os.userInfo().username);
}
