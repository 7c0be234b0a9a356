import type { FigureConflict } from '../store/tables/observers.tables';

export interface MergeInput {
  id: number;
  figures: Record<string, number>;
}

export interface MergedProtocol {
  /** `none`: no accepted protocol; `conflict`: observers disagree on a line. */
  status: 'accepted' | 'conflict' | 'none';
  /** Figures every protocol that has them agrees on. */
  figures: Record<string, number>;
  conflicts: FigureConflict[];
}

/**
 * Merges the accepted protocols of several observers at one precinct, line by line. A line
 * they agree on is taken; a line one of them left out (an optional line) is taken from the
 * others; a line with different values is a conflict for coordinators — never a silent pick.
 *
 * @example
 * mergeProtocols([{ id: 1, figures: { '1': 1000, '7': 5 } }, { id: 2, figures: { '1': 1000, '7': 6 } }]);
 * // { status: 'conflict', figures: { '1': 1000 }, conflicts: [{ key: '7', values: [{ protocolId: 1, value: 5 }, { protocolId: 2, value: 6 }] }] }
 */
export function mergeProtocols(protocols: readonly MergeInput[]): MergedProtocol {
  if (protocols.length === 0) return { status: 'none', figures: {}, conflicts: [] };
  const keys = [...new Set(protocols.flatMap((protocol) => Object.keys(protocol.figures)))].sort(compareKeys);
  const figures: Record<string, number> = {};
  const conflicts: FigureConflict[] = [];
  for (const key of keys) {
    const present = protocols.map((protocol) => protocol.figures[key]).filter((value) => value !== undefined);
    if (new Set(present).size === 1) {
      figures[key] = present[0] as number;
    } else {
      conflicts.push({
        key,
        values: protocols.map((protocol) => ({
          protocolId: protocol.id,
          value: protocol.figures[key] ?? null,
        })),
      });
    }
  }
  return { status: conflicts.length > 0 ? 'conflict' : 'accepted', figures, conflicts };
}

/** Form order: line number first, then the choice id (`"6.adal"` after `"6"`, before `"7"`). */
function compareKeys(a: string, b: string): number {
  const lineA = Number.parseInt(a, 10);
  const lineB = Number.parseInt(b, 10);
  return lineA !== lineB ? lineA - lineB : a.localeCompare(b);
}

/** The figures a merged precinct contributes to the tallies: all of them when clean, none in conflict. */
export function countedFigures(merged: MergedProtocol): Record<string, number> {
  return merged.status === 'accepted' ? merged.figures : {};
}
