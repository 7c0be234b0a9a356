import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  appendLeaf,
  canonicalJson,
  EMPTY_FRONTIER,
  frontierRoot,
  EMPTY_ROOT,
  inclusionProof,
  leafHash,
  merkleRoot,
  nodeHash,
  verifyInclusion,
} from '../../../../src/domain/transparency/merkle-tree';

/** RFC 6962's recursive definition, written as the RFC states it, to check the iterative one against. */
function referenceRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return createHash('sha256').digest();
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

const leaves = (n: number) => Array.from({ length: n }, (_, i) => leafHash(`record ${i}`));

describe('merkle tree (RFC 6962)', () => {
  it('matches the RFC definition for every size up to 40', () => {
    for (let n = 0; n <= 40; n++) expect(merkleRoot(leaves(n)).equals(referenceRoot(leaves(n)))).toBe(true);
  });

  it('separates leaves from nodes and has the empty root of SHA-256("")', () => {
    expect(EMPTY_ROOT.toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(leafHash('').toString('hex')).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
  });

  it('changes its root when a record is altered, dropped or reordered', () => {
    const base = leaves(9);
    const root = merkleRoot(base);
    const altered = [...base];
    altered[4] = leafHash('record 4 (edited)');
    expect(merkleRoot(altered).equals(root)).toBe(false);
    expect(merkleRoot(base.slice(0, 8)).equals(root)).toBe(false);
    const swapped = [...base];
    [swapped[2], swapped[3]] = [swapped[3]!, swapped[2]!];
    expect(merkleRoot(swapped).equals(root)).toBe(false);
  });

  it('proves and verifies inclusion of every leaf, and rejects a wrong proof', () => {
    for (const n of [1, 2, 3, 7, 8, 13]) {
      const tree = leaves(n);
      const root = merkleRoot(tree);
      for (let i = 0; i < n; i++) {
        const proof = inclusionProof(tree, i);
        expect(verifyInclusion(tree[i]!, i, n, proof, root)).toBe(true);
        expect(verifyInclusion(leafHash('forged'), i, n, proof, root)).toBe(false);
        if (n > 1) expect(verifyInclusion(tree[i]!, (i + 1) % n, n, proof, root)).toBe(false);
      }
    }
  });

  it('serialises records canonically whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, skip: undefined })).toBe('{"a":1}');
  });
});

describe('merkle frontier', () => {
  it('gives the same root as the whole tree after every append', () => {
    let frontier = EMPTY_FRONTIER;
    const all = leaves(70);
    expect(frontierRoot(frontier).equals(EMPTY_ROOT)).toBe(true);
    all.forEach((leaf, i) => {
      frontier = appendLeaf(frontier, leaf);
      expect(frontier.size).toBe(i + 1);
      expect(frontier.subtrees).toHaveLength([...(i + 1).toString(2)].filter((bit) => bit === '1').length);
      expect(frontierRoot(frontier).equals(merkleRoot(all.slice(0, i + 1)))).toBe(true);
    });
  });
});
