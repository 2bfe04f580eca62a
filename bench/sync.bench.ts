// Sync throughput: a 10,000-item outbox backlog drained into the provincial emulator on loopback, against bare HTTP
// round trips to the same server in the same run, and the bytes on the wire per application.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationsDir } from '../electron/app/paths.js';
import { systemClock, systemRandom } from '../electron/core/clock.js';
import { loadMigrations, migrate } from '../electron/core/db/migrations.js';
import { openDatabase } from '../electron/core/db/open.js';
import { createProvinceClient } from '../electron/core/province/client.js';
import { createDispatcher } from '../electron/core/sync/dispatcher.js';
import { applicantKey, enqueue, nextDueAt } from '../electron/core/sync/outbox.js';
import { createProvincialEmulator } from '../emulators/provincial/emulator.js';
import { testIdNumber } from '../test/helpers/province-client.js';
import { APPLICANT_KEY_SECRET, submission, TERMINAL, uuidFrom } from '../test/helpers/sync-fixtures.js';
import { round, type Bench } from './types.js';

const BACKLOG = 10_000;
const BYTES_SAMPLE = 500;
const CONCURRENCY = 4; // the dispatcher's default, as the app runs it

/** A TCP relay that counts bytes both ways: what the kiosk's calls cost on the wire, headers included. */
async function countingProxy(target: string) {
  const { hostname, port } = new URL(target);
  const bytes = { n: 0 };
  const server = createServer((inbound) => {
    const outbound = connect(Number(port), hostname);
    inbound.on('data', (c: Buffer) => (bytes.n += c.length));
    outbound.on('data', (c: Buffer) => (bytes.n += c.length));
    inbound.pipe(outbound).on('error', () => inbound.destroy());
    outbound.pipe(inbound).on('error', () => outbound.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bytes, close: () => new Promise((r) => server.close(r)) };
}

/** Fills an outbox of `count` submissions (synthetic applicants) and drains it with the real loop's clock; seconds. */
async function drainBacklog(dir: string, name: string, baseUrl: string, count: number): Promise<number> {
  const db = openDatabase(join(dir, `${name}.sqlite`));
  migrate(db, loadMigrations(migrationsDir()));
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const idNumber = testIdNumber(`196001${String(1 + Math.floor(i / 1000)).padStart(2, '0')}`, i % 1000);
      const body = submission(uuidFrom(systemRandom), idNumber, systemClock.now().toISOString());
      enqueue(db, systemClock, { kind: 'submit-application', applicantKey: applicantKey(idNumber, APPLICANT_KEY_SECRET), body });
    }
  })();
  const client = createProvinceClient({ baseUrl, ...TERMINAL, clock: systemClock, random: systemRandom });
  const dispatcher = createDispatcher({ db, client, clock: systemClock, random: systemRandom, concurrency: CONCURRENCY });
  const start = process.hrtime.bigint();
  while (nextDueAt(db) !== null) await dispatcher.tick();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  db.close();
  return seconds;
}

/** Unsigned GET /v1/trust-list: the emulator's HTTP plumbing answers 401 before any route or database work. */
function bareRoundTrip(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/v1/trust-list`, { agent: false }, (res) => res.resume().on('end', resolve));
    req.on('error', reject).end();
  });
}

export const bench: Bench = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-'));
  const emulator = createProvincialEmulator({
    dbFile: join(dir, 'province.sqlite'),
    clock: systemClock,
    terminals: new Map([[TERMINAL.terminalId, TERMINAL.secret]]),
  });
  try {
    const { url } = await emulator.listen(0);
    const drainSeconds = await drainBacklog(dir, 'kiosk', url, BACKLOG);
    // Same concurrency and a fresh connection per call, like the client.
    const start = process.hrtime.bigint();
    let left = BACKLOG;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (left-- > 0) await bareRoundTrip(url);
      }),
    );
    const bareSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    const proxy = await countingProxy(url);
    await drainBacklog(dir, 'kiosk-bytes', proxy.url, BYTES_SAMPLE);
    await proxy.close();
    return [
      {
        name: 'sync.drain_apps_per_s',
        value: round(BACKLOG / drainSeconds, 1),
        unit: 'apps/s',
        baseline: round(BACKLOG / bareSeconds, 1),
        note: `${BACKLOG} queued submissions, no faults, real clock, concurrency ${CONCURRENCY}, both SQLite files on the OS temp dir (fsync per commit); baseline: unsigned GET /v1/trust-list (401) to the same server, fresh connection each, same concurrency`,
      },
      {
        name: 'http.bare_roundtrips_per_s',
        value: round(BACKLOG / bareSeconds, 1),
        unit: 'req/s',
        note: `${BACKLOG} unsigned GET /v1/trust-list to the emulator (answered 401 before routing or SQLite), fresh connection each, concurrency ${CONCURRENCY}`,
      },
      {
        name: 'sync.bytes_per_app',
        value: round(proxy.bytes.n / BYTES_SAMPLE, 0),
        unit: 'B',
        note: `request + response bytes incl. HTTP headers, counted by a TCP relay in front of the emulator over a ${BYTES_SAMPLE}-item drain (no faults: one exchange per application)`,
      },
    ];
  } finally {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
};
