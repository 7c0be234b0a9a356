/**
 * Near-duplicate photos across accounts. A genuine voter photographs their own ballot; a flood
 * sends one picture (re-encoded, resized, brightened) from many accounts. Photos are indexed by
 * perceptual hash in a BK-tree (Burkhard & Keller, CACM 16(4), 1973), which answers "everything
 * within d bits" by visiting a small part of the tree, so 30,000 photos index in well under a
 * second; clusters are the connected groups of photos within d bits of each other.
 * Byte-identical copies need no index: the store finds them by sha256
 * (`SpamSignalsRepository.exactDuplicateReports`).
 */
import { hashDistance, parseHash, type HashWords } from './hash-distance';

export interface HashedPhoto {
  /** The media item's id. */
  id: string;
  /** Who sent it (the participant's pseudonym). */
  account: string;
  /** Perceptual hash, hex (64-bit dHash from src/media/perceptual-hash.ts, or wider). */
  hash: string;
}

export interface PhotoCluster {
  photoIds: string[];
  /** Distinct senders: the figure that matters, one voter resending their photo is no flood. */
  accounts: string[];
}

interface Node {
  words: HashWords;
  photos: HashedPhoto[];
  children: Map<number, Node>;
}

/**
 * An incremental index of photos by perceptual hash.
 *
 * @example
 * const index = new NearDuplicateIndex();
 * index.add({ id: 'm1', account: 'a', hash: 'f0e4c2c8d8989898' });
 * index.otherAccountsWithin({ id: 'm2', account: 'b', hash: 'f0e4c2c8d8989899' }, 4); // 1
 */
export class NearDuplicateIndex {
  private root: Node | null = null;
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(photo: HashedPhoto): void {
    const words = parseHash(photo.hash);
    this.count++;
    if (!this.root) {
      this.root = { words, photos: [photo], children: new Map() };
      return;
    }
    let node = this.root;
    for (;;) {
      const d = hashDistance(words, node.words);
      if (d === 0) {
        node.photos.push(photo);
        return;
      }
      const child = node.children.get(d);
      if (!child) {
        node.children.set(d, { words, photos: [photo], children: new Map() });
        return;
      }
      node = child;
    }
  }

  /** Every indexed photo within `maxDistance` bits of `hash` (the photo itself included if indexed). */
  within(hash: string, maxDistance: number): HashedPhoto[] {
    const words = parseHash(hash);
    const found: HashedPhoto[] = [];
    const pending: Node[] = this.root ? [this.root] : [];
    while (pending.length > 0) {
      const node = pending.pop()!;
      const d = hashDistance(words, node.words);
      if (d <= maxDistance) found.push(...node.photos);
      // Triangle inequality: only children at distance d ± maxDistance from this node can hold matches.
      for (const [edge, child] of node.children) if (Math.abs(edge - d) <= maxDistance) pending.push(child);
    }
    return found;
  }

  /** Distinct accounts other than the photo's own sender with a photo within `maxDistance` bits. */
  otherAccountsWithin(photo: HashedPhoto, maxDistance: number): number {
    const accounts = new Set<string>();
    for (const match of this.within(photo.hash, maxDistance))
      if (match.account !== photo.account) accounts.add(match.account);
    return accounts.size;
  }
}

/**
 * Groups photos whose hashes are within `maxDistance` bits (transitively), largest groups
 * first; singletons are left out.
 *
 * @example
 * clusterNearDuplicates(photos, 4).filter((cluster) => cluster.accounts.length >= 3); // floods
 */
export function clusterNearDuplicates(photos: readonly HashedPhoto[], maxDistance: number): PhotoCluster[] {
  const index = new NearDuplicateIndex();
  const position = new Map<string, number>();
  photos.forEach((photo, i) => {
    index.add(photo);
    position.set(photo.id, i);
  });
  const parent = photos.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  photos.forEach((photo, i) => {
    for (const match of index.within(photo.hash, maxDistance)) {
      const a = find(i);
      const b = find(position.get(match.id)!);
      if (a !== b) parent[a] = b;
    }
  });
  const groups = new Map<number, HashedPhoto[]>();
  photos.forEach((photo, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(photo);
    else groups.set(root, [photo]);
  });
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .map((group) => ({
      photoIds: group.map((p) => p.id),
      accounts: [...new Set(group.map((p) => p.account))],
    }))
    .sort((a, b) => b.accounts.length - a.accounts.length || b.photoIds.length - a.photoIds.length);
}
