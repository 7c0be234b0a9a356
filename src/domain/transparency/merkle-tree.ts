import { createHash } from 'node:crypto';

/**
 * A Merkle tree in the manner of Certificate Transparency (RFC 6962 §2.1): leaves and inner
 * nodes are hashed with different prefixes (0x00, 0x01) so a leaf can never pass for a node,
 * and a tree of any size has one well-defined root. Publishing the root and size commits the
 * operators to every record so far: changing, dropping or reordering one changes the root.
 */
export type Hash = Buffer;

const LEAF_PREFIX = Buffer.from([0]);
const NODE_PREFIX = Buffer.from([1]);

export function leafHash(data: Buffer | string): Hash {
  return createHash('sha256').update(LEAF_PREFIX).update(data).digest();
}

export function nodeHash(left: Hash, right: Hash): Hash {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** The root of the empty tree: SHA-256 of nothing. */
export const EMPTY_ROOT: Hash = createHash('sha256').digest();

/**
 * The Merkle Tree Hash of leaf hashes `leaves[0..n)` (RFC 6962: split at the largest power of two
 * smaller than n). Iterative and linear, so a million leaves take about a second.
 *
 * @example
 * merkleRoot([leafHash('a'), leafHash('b')]).equals(nodeHash(leafHash('a'), leafHash('b'))); // true
 */
export function merkleRoot(leaves: readonly Hash[]): Hash {
  if (leaves.length === 0) return EMPTY_ROOT;
  // Combining pairs level by level and promoting a lone last node unchanged gives exactly
  // RFC 6962's split at the largest power of two.
  let level = leaves;
  while (level.length > 1) level = parentLevel(level);
  return level[0] as Hash;
}

/** The level above `level`: each pair combined, a lone last node promoted unchanged. */
function parentLevel(level: readonly Hash[]): Hash[] {
  const parents: Hash[] = [];
  for (let i = 0; i < level.length; i += 2) {
    const left = level[i] as Hash;
    const right = level[i + 1];
    parents.push(right ? nodeHash(left, right) : left);
  }
  return parents;
}

/** The sibling hashes that prove leaf `index` is in the tree of `leaves` (RFC 6962 PATH). */
export function inclusionProof(leaves: readonly Hash[], index: number): Hash[] {
  if (index < 0 || index >= leaves.length)
    throw new RangeError(`no leaf ${index} in a tree of ${leaves.length}`);
  const proof: Hash[] = [];
  let level = leaves;
  let position = index;
  while (level.length > 1) {
    const sibling = position ^ 1;
    if (sibling < level.length) proof.push(level[sibling] as Hash);
    level = parentLevel(level);
    position = Math.floor(position / 2);
  }
  return proof;
}

/** Checks an inclusion proof against a published root and tree size. */
export function verifyInclusion(
  leaf: Hash,
  index: number,
  size: number,
  proof: readonly Hash[],
  root: Hash,
): boolean {
  if (index < 0 || index >= size) return false;
  let hash = leaf;
  let position = index;
  let levelSize = size;
  let step = 0;
  while (levelSize > 1) {
    const sibling = position ^ 1;
    if (sibling < levelSize) {
      const other = proof[step++];
      if (!other) return false;
      hash = position % 2 === 0 ? nodeHash(hash, other) : nodeHash(other, hash);
    }
    position = Math.floor(position / 2);
    levelSize = Math.ceil(levelSize / 2);
  }
  return step === proof.length && hash.equals(root);
}

/**
 * The canonical bytes of a record: JSON with keys sorted at every depth, so the same record
 * always hashes the same, whoever serialises it.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * The compact state of an append-only tree: the roots of its perfect subtrees, largest first
 * (one per set bit of the size). Appending is O(log n) and the root needs no other leaf, so the
 * log's head can be kept in one row and updated in the transaction that appends.
 */
export interface MerkleFrontier {
  size: number;
  subtrees: Hash[];
}

export const EMPTY_FRONTIER: MerkleFrontier = { size: 0, subtrees: [] };

export function appendLeaf(frontier: MerkleFrontier, leaf: Hash): MerkleFrontier {
  const subtrees = [...frontier.subtrees, leaf];
  // Each trailing 1-bit of the old size is a perfect subtree the new leaf completes a pair with.
  for (let size = frontier.size; size % 2 === 1; size = Math.floor(size / 2)) {
    const right = subtrees.pop() as Hash;
    const left = subtrees.pop() as Hash;
    subtrees.push(nodeHash(left, right));
  }
  return { size: frontier.size + 1, subtrees };
}

export function frontierRoot(frontier: MerkleFrontier): Hash {
  if (frontier.subtrees.length === 0) return EMPTY_ROOT;
  let root = frontier.subtrees[frontier.subtrees.length - 1] as Hash;
  for (let i = frontier.subtrees.length - 2; i >= 0; i--) root = nodeHash(frontier.subtrees[i] as Hash, root);
  return root;
}
