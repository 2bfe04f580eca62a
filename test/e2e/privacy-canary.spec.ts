// Privacy canary: 50 resident sessions with the demo cards (invented people) on one page, then the full names and
// numbers must appear nowhere the renderer keeps anything — DOM, local/session storage, IndexedDB, a heap snapshot — nor
// in anything core sent it (every contract answer and pushed event). Its own host on a free port, short idle periods.
import { expect, test, type Page } from '@playwright/test';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { maskName } from '../../electron/core/privacy/mask.js';
import { demoCards } from '../../emulators/id-reader/demo-cards.js';
import { startHostProcess, type HostProcess } from '../helpers/host-process.js';
import { canariesOf, findCanaries, heapSnapshotStrings, type Canary } from '../helpers/privacy-canary.js';
import { runSession, type SessionKind } from './canary-sessions.js';

const SESSIONS = 50;
/** Cycled (7 kinds over 6 cards, so each card meets each ending); three idle endings replace some of them below. */
const KINDS: readonly SessionKind[] = ['full', 'start-over', 'not-me', 'back-out', 'phone', 'new-card', 'full'];
const IDLE: ReadonlyMap<number, SessionKind> = new Map([
  [13, 'idle-identity'],
  [27, 'idle-flow'],
  [44, 'idle-flow'],
]);

const canaries = canariesOf(demoCards);
let host: HostProcess;

test.beforeAll(async () => {
  // The shortest idle periods the settings allow, so the timeout endings take 30 s, not 2 minutes.
  host = await startHostProcess({ settings: { idle: { timeoutSeconds: 10, warningSeconds: 20 }, voice: false } });
});

test.afterAll(async () => {
  await host?.stop();
});

/** Every contract answer and event frame the page receives, as text (read at the end). */
function recordTraffic(page: Page): () => Promise<string[]> {
  const bodies: Promise<string>[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/')) bodies.push(response.text().catch(() => ''));
  });
  page.on('websocket', (socket) => {
    socket.on('framereceived', ({ payload }) => bodies.push(Promise.resolve(String(payload))));
  });
  return () => Promise.all(bodies);
}

async function storageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const dump = (storage: Storage) => Object.entries({ ...storage }).map(([key, value]) => `${key}=${value}`);
    return [...dump(window.localStorage), ...dump(window.sessionStorage)].join('\n');
  });
}

/** The IndexedDB databases by name, each with every record of every store. */
async function indexedDbText(page: Page): Promise<{ names: string[]; text: string }> {
  return page.evaluate(async () => {
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const names = (await indexedDB.databases()).map((db) => db.name ?? '');
    const parts: string[] = [];
    for (const name of names) {
      const db = await request(indexedDB.open(name));
      for (const store of Array.from(db.objectStoreNames)) {
        const records = await request(db.transaction(store, 'readonly').objectStore(store).getAll());
        parts.push(`${name}/${store}: ${JSON.stringify(records)}`);
      }
      db.close();
    }
    return { names, text: parts.join('\n') };
  });
}

/** A heap snapshot of the renderer over CDP: its size and the strings it names. */
async function heapSnapshot(page: Page): Promise<{ bytes: number; strings: string[] }> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  const text = chunks.join('');
  return { bytes: Buffer.byteLength(text), strings: heapSnapshotStrings(text) };
}

async function printedTickets(host: HostProcess): Promise<string[]> {
  const dir = join(host.dataDir, 'printer-out');
  // Printing follows the submission by a moment: the last ticket may still be on its way.
  await expect.poll(async () => (await readdir(dir)).filter((f) => f.endsWith('.txt')).length, { timeout: 10_000 }).toBeGreaterThan(0);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.txt'));
  return Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')));
}

const describe = (found: Canary[]) => found.map((c) => `${c.cardId} ${c.kind}`);

test('50 resident sessions leave no full name or number in the DOM, storage, IndexedDB, the heap or the traffic', async ({ page }) => {
  test.setTimeout(480_000);
  const traffic = recordTraffic(page);
  await page.goto(host.url);
  await expect(page.getByTestId('home')).toBeVisible();
  await expect(page.getByTestId('clock')).toBeVisible();

  const ctx = { page, host };
  const used = new Set<string>();
  for (let i = 0; i < SESSIONS; i++) {
    const kind = IDLE.get(i) ?? KINDS[i % KINDS.length]!;
    const card = demoCards[i % demoCards.length]!;
    const next = demoCards[(i + 1) % demoCards.length]!;
    await test.step(`session ${i + 1}: ${card.id}, ${kind}`, () => runSession(ctx, kind, card.id, next.id));
    used.add(card.id);
    if (kind === 'new-card') used.add(next.id);
  }
  await expect(page.getByTestId('home')).toBeVisible();
  // Every card's values are canaries, so every card must have been used (otherwise its absence proves nothing).
  expect([...used].sort()).toEqual(demoCards.map((card) => card.id).sort());
  // The full submissions printed (the printed path ran too): the emulator's ticket transcripts, searched as well.
  const tickets = await printedTickets(host);
  expect(tickets.length, 'tickets printed').toBeGreaterThanOrEqual(demoCards.length);

  const dom = await page.content();
  const storage = await storageText(page);
  const idb = await indexedDbText(page);
  const heap = await heapSnapshot(page);
  const received = (await traffic()).join('\n');

  console.log(
    `canary: searched ${canaries.length} values of ${demoCards.length} demo cards after ${SESSIONS} sessions:\n` +
      canaries.map((c) => `  ${c.cardId} ${c.kind}: ${c.value}`).join('\n') +
      `\n  in the DOM (${dom.length} chars), local+session storage (${storage.length} chars), ` +
      `IndexedDB (${idb.names.length} databases${idb.names.length ? `: ${idb.names.join(', ')}` : ''}), ` +
      `a heap snapshot (${(heap.bytes / 1e6).toFixed(1)} MB, ${heap.strings.length} strings), ` +
      `the traffic (${received.length} chars of answers and events), ${tickets.length} printed tickets`,
  );
  expect(describe(findCanaries(dom, canaries)), 'in the DOM').toEqual([]);
  expect(describe(findCanaries(storage, canaries)), 'in local/session storage').toEqual([]);
  expect(describe(findCanaries(idb.text, canaries)), 'in IndexedDB').toEqual([]);
  expect(describe(findCanaries(heap.strings.join('\n'), canaries)), 'in the heap snapshot').toEqual([]);
  expect(describe(findCanaries(received, canaries)), 'in what core sent').toEqual([]);
  expect(describe(findCanaries(tickets.join('\n'), canaries)), 'on the printed tickets').toEqual([]);
  // The searches read decoded Chinese text: the masked names did arrive, and the heap holds the screen's own words.
  for (const card of demoCards) expect(received, `${card.id} masked name`).toContain(maskName(card.fields.name));
  expect(heap.strings.join('\n')).toContain('这是您本人吗');
});
