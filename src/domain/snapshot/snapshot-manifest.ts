import { canonicalJson } from '../transparency/merkle-tree';

/** A snapshot's `manifest.json` (written by `dauys snapshot`, checked by `dauys verify <dir>`). */
export const MANIFEST_FILE = 'manifest.json';

export const SNAPSHOT_FORMAT = 'dauys-snapshot/1';

export interface SnapshotFileEntry {
  /** Relative to the snapshot's directory, `/`-separated. */
  path: string;
  size: number;
  /** Hex SHA-256 of the file's bytes. */
  sha256: string;
}

/** What `manifest.json` says, and all the signature covers (everything but `signature`). */
export interface SnapshotManifestBody {
  format: typeof SNAPSHOT_FORMAT;
  election: string;
  takenAt: string;
  /** The live instance the snapshot was taken from (`PUBLIC_URL`), when it has one. */
  source: string | null;
  /** The transparency log's head at the moment: every record so far is committed to by `root`. */
  transparency: { size: number; root: string };
  /** Every file of the snapshot except manifest.json itself, sorted by path. */
  files: SnapshotFileEntry[];
  /** Ed25519 public key (hex, raw 32 bytes) that signed the manifest. */
  publicKey: string;
}

export interface SnapshotManifest extends SnapshotManifestBody {
  signature: {
    algorithm: 'Ed25519';
    /** What was signed: the UTF-8 bytes of `canonicalJson(manifest without "signature")`. */
    covers: 'canonical JSON (sorted keys, no spaces) of manifest.json without its "signature" field';
    /** Hex, 64 bytes. */
    value: string;
  };
}

/** What is signed and verified (as UTF-8 bytes): canonical JSON of the manifest minus its signature. */
export function manifestSignedText(manifest: SnapshotManifestBody | SnapshotManifest): string {
  const { signature: _signature, ...body } = manifest as SnapshotManifest;
  return canonicalJson(body);
}
