// The change-feed loop over HTTP: each change applied once (duplicates and older seqs ignored), cursor moved in the same commit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createProvinceClient } from '../../electron/core/province/client.js';
import type { ApplicationView } from '../../electron/core/province/schema.js';
import { readCodeStatus } from '../../electron/core/sync/code-status.js';
import { createPuller, feedCursor } from '../../electron/core/sync/pull.js';
import { startFakeProvince, type Fault } from '../helpers/fake-province.js';
import { migratedDb } from '../helpers/migrated-db.js';
import { fakeClock, seededRandom, TERMINAL, uuidFrom } from '../helpers/sync-fixtures.js';

const change = (seq: number, applicationId: string, status: ApplicationView['status'], asOf: string) => ({
  seq,
  applicationId,
  status,
  reasonCode: status === 'PENDING' ? 'fever' : null,
  statusAsOf: asOf,
  reviewDueAt: null,
  code: null,
});

test('a duplicated change is applied once, an older one is ignored, and the cursor advances', async (t) => {
  const clock = fakeClock();
  const faults: Fault[] = [];
  const province = await startFakeProvince(t, { clock, fault: () => faults.shift() ?? 'ok' });
  const db = migratedDb(t);
  const client = createProvinceClient({ baseUrl: province.url, ...TERMINAL, clock, random: seededRandom(8), timeoutMs: 200 });
  const seen: string[] = [];
  const puller = createPuller({ db, client, clock, limit: 10, onChange: (v) => seen.push(`${v.applicationId.slice(0, 4)}:${v.status}`) });
  const a = uuidFrom(seededRandom(1));
  const b = uuidFrom(seededRandom(2));
  province.feed.push(
    change(1, a, 'PENDING', '2026-11-27T02:00:00Z'),
    change(2, a, 'GREEN', '2026-11-27T03:00:00Z'),
    change(3, b, 'YELLOW', '2026-11-27T03:00:00Z'),
  );
  assert.deepEqual(await puller.pullOnce(), { kind: 'ok', applied: 3, received: 3, cursor: 3 });
  assert.equal(readCodeStatus(db, a)?.status, 'GREEN');

  // The province replays change 2 under a new seq and sends an out-of-date PENDING for a: neither changes anything.
  province.feed.push(change(4, a, 'GREEN', '2026-11-27T03:00:00Z'), change(5, a, 'PENDING', '2026-11-27T02:30:00Z'));
  assert.deepEqual(await puller.pullOnce(), { kind: 'ok', applied: 0, received: 2, cursor: 5 });
  assert.equal(readCodeStatus(db, a)?.status, 'GREEN');
  assert.deepEqual(seen, [`${a.slice(0, 4)}:PENDING`, `${a.slice(0, 4)}:GREEN`, `${b.slice(0, 4)}:YELLOW`]);

  // A failed pull keeps the cursor; the next one picks up where the last commit left off.
  faults.push('reset-before');
  province.feed.push(change(6, b, 'GREEN', '2026-11-27T04:00:00Z'));
  assert.deepEqual(await puller.pullOnce(), { kind: 'failed', reason: 'reset' });
  assert.equal(feedCursor(db), 5);
  assert.deepEqual(await puller.pullOnce(), { kind: 'ok', applied: 1, received: 1, cursor: 6 });
  assert.equal(readCodeStatus(db, b)?.status, 'GREEN');
});
