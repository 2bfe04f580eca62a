// `npm run bench`: runs every bench/*.bench.ts, prints a table and writes bench/results.json.
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import type { Bench, BenchRow } from './types.js';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.startsWith(only)))
  .sort();

const rows: BenchRow[] = [];
for (const file of files) {
  const { bench } = (await import(pathToFileURL(join(here, file)).href)) as { bench: Bench };
  rows.push(...(await bench()));
}

const table = rows.map((r) => ({
  name: r.name,
  value: `${r.value} ${r.unit}`,
  baseline: r.baseline === undefined ? '' : `${r.baseline} ${r.unit}`,
  ratio: r.baseline ? `×${(r.value / r.baseline).toFixed(2)}` : '',
  note: r.note ?? '',
}));
console.table(table);
writeFileSync(join(here, 'results.json'), `${JSON.stringify(rows, null, 2)}\n`);
console.log(`wrote bench/results.json (${rows.length} rows from ${files.length} files)`);
