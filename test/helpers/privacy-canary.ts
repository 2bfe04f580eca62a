// Privacy canaries: the full personal values of the demo cards, and a search for them in text the renderer holds.
import type { DemoCardData } from '../../emulators/id-reader/demo-cards.js';

export interface Canary {
  cardId: string;
  /** What the value is, for the report: name, number, number body, … */
  kind: string;
  value: string;
}

/**
 * What must never leave core for these cards: the full name (and the English name), the full document number as core
 * holds it (canonical: upper-case X) plus its 17 digits without the check character (a number may travel as digits
 * only, or with a lower-case x), the address and the pass number. The masked forms (张*丰, 11**…2X) are allowed.
 */
export function canariesOf(cards: readonly DemoCardData[]): Canary[] {
  return cards.flatMap((card) => {
    const { name, englishName, idNumber, address, passNumber } = card.fields;
    const canonical = idNumber.toUpperCase();
    const values: [string, string | null | undefined][] = [
      ['name', name],
      ['english name', englishName],
      ['number', canonical],
      ['number body (17 digits)', canonical.slice(0, 17)],
      ['address', address],
      ['pass number', passNumber],
    ];
    return values
      .filter((entry): entry is [string, string] => Boolean(entry[1]))
      .map(([kind, value]) => ({ cardId: card.id, kind, value }));
  });
}

/** The canaries found in `text` (exact, case-sensitive substrings). */
export function findCanaries(text: string, canaries: readonly Canary[]): Canary[] {
  return canaries.filter((canary) => text.includes(canary.value));
}

/**
 * Every string a V8 heap snapshot (HeapProfiler.takeHeapSnapshot, chunks joined) names, decoded. The snapshot's JSON
 * writes non-ASCII characters as \uXXXX escapes, so a Chinese name is never found in the raw text: parse it first.
 */
export function heapSnapshotStrings(snapshotJson: string): string[] {
  const parsed = JSON.parse(snapshotJson) as { strings?: unknown };
  if (!Array.isArray(parsed.strings)) throw new Error('not a heap snapshot: no strings table');
  return parsed.strings.filter((s): s is string => typeof s === 'string');
}
