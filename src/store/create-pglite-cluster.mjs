// Creates a PGlite cluster (initdb) in the directory given as the first argument, then exits.
// Run as a child process by database.ts: initdb grows PGlite's WebAssembly memory to ~800 MB and
// WebAssembly memory never shrinks, so doing it in the server's own process would keep that
// memory for the server's whole life.
import { PGlite } from '@electric-sql/pglite';

const dir = process.argv[2];
if (!dir) {
  console.error('create-pglite-cluster: give the data directory');
  process.exit(2);
}
const pglite = await PGlite.create(dir);
await pglite.close();
