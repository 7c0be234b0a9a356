import path from 'node:path';
import { PACKAGE_ROOT } from '../shared/package-root';

/** The package's root, so `--demo` finds its files wherever `dauys` is started from. */
export { PACKAGE_ROOT };

export const DEMO_ELECTION_FILE = path.join(PACKAGE_ROOT, 'elections/kz-2021-mazhilis/election.json');
/** The small election day `dauys start --demo` plays in the background. */
export const DEMO_SCENARIO_FILE = path.join(PACKAGE_ROOT, 'examples/scenarios/demo.json');

export const WEB_DIST_DIR = path.join(PACKAGE_ROOT, 'dist/web');
