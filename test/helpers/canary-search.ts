// Where the canary test looks and what it looks for: raw bytes of the files, captured logs and answers, exact values.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { maskIdNumber, maskName } from '../../electron/core/privacy/mask.js';
import type { DemoCardData } from '../../emulators/id-reader/demo-cards.js';
import { canariesOf, type Canary } from './privacy-canary.js';

/** One place searched: its name for the report and its bytes as they are (a file) or as they were sent (text). */
export interface Place {
  name: string;
  bytes: Buffer;
}

export interface Hit {
  place: string;
  cardId: string;
  kind: string;
}

/** The full values (privacy-canary.ts), plus extra secrets such as a phone number typed into a declaration. */
export function fullValues(cards: readonly DemoCardData[], extra: readonly Canary[] = []): Canary[] {
  return [...canariesOf(cards), ...extra];
}

/** What screens and slips may show while the application lives, and what the purge must remove: 韦*国, 45**…7X. */
export function maskedValues(cards: readonly DemoCardData[]): Canary[] {
  return cards.flatMap((card) => {
    const { name, englishName, idNumber } = card.fields;
    const values: [string, string | null][] = [
      ['masked name', maskName(name)],
      ['masked english name', englishName ? maskName(englishName) : null],
      ['masked number', maskIdNumber(idNumber.toUpperCase())],
    ];
    return values.filter((v): v is [string, string] => v[1] !== null).map(([kind, value]) => ({ cardId: card.id, kind, value }));
  });
}

/** Exact byte search: SQLite keeps text as UTF-8, and so do the logs and the host's JSON. */
export function search(places: readonly Place[], needles: readonly Canary[]): Hit[] {
  const hits: Hit[] = [];
  for (const place of places) {
    for (const needle of needles) {
      if (place.bytes.includes(Buffer.from(needle.value, 'utf8')))
        hits.push({ place: place.name, cardId: needle.cardId, kind: needle.kind });
    }
  }
  return hits;
}

/** How many times the value's bytes occur in the place (copies in distinct rows, pages or frames). */
export function occurrences(place: Place, value: string): number {
  const needle = Buffer.from(value, 'utf8');
  let n = 0;
  for (let at = place.bytes.indexOf(needle); at !== -1; at = place.bytes.indexOf(needle, at + needle.length)) n += 1;
  return n;
}

/** The database file, its WAL (absent or empty counts too: it is still searched), and every file in the backups folder. */
export function filePlaces(dbFile: string, backupDir: string): Place[] {
  const places: Place[] = [{ name: 'db', bytes: readFileSync(dbFile) }];
  const wal = `${dbFile}-wal`;
  places.push({ name: 'wal', bytes: existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0) });
  if (existsSync(backupDir)) {
    for (const name of readdirSync(backupDir).sort()) {
      const file = join(backupDir, name);
      if (statSync(file).isFile()) places.push({ name: `backup:${name}`, bytes: readFileSync(file) });
    }
  }
  return places;
}

/** The demo printer's transcripts (printer-out in the data folder): the slips as paper, masked by design. */
export function printedPlaces(dataDir: string): Place[] {
  const dir = join(dataDir, 'printer-out');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name: `printed:${name}`, bytes: readFileSync(join(dir, name)) }));
}

/**
 * An answer as sent, and the text of every string in it once parsed: a JSON writer may escape a character as \uXXXX,
 * and the raw bytes would then hide a name the screen shows.
 */
export function answerPlace(name: string, text: string): Place {
  const strings: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  try {
    walk(JSON.parse(text));
  } catch {
    // Not JSON (a frame cut short): the raw text is still searched.
  }
  return { name, bytes: Buffer.from(`${text}\n${strings.join('\n')}`, 'utf8') };
}

/** Every line the process writes through console while capturing, still passed on to the real console. */
export function captureConsole(): { place(): Place; lines: string[]; restore(): void } {
  const methods = ['log', 'error', 'warn', 'info', 'debug'] as const;
  const originals = methods.map((m) => console[m]);
  const lines: string[] = [];
  methods.forEach((m, i) => {
    console[m] = (...args: unknown[]) => {
      lines.push(format(...args));
      originals[i]!(...args);
    };
  });
  return {
    lines,
    place: () => ({ name: 'logs', bytes: Buffer.from(lines.join('\n'), 'utf8') }),
    restore: () => methods.forEach((m, i) => (console[m] = originals[i]!)),
  };
}

export const describeHits = (hits: readonly Hit[]): string[] => hits.map((h) => `${h.place}: ${h.cardId} ${h.kind}`);
