// Sync state: connected, degraded and offline follow the recorded contacts and the age of the queue.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SyncStateSchema } from '../../electron/core/sync/schema.js';
import { recordContact, syncState } from '../../electron/core/sync/state.js';
import { enqueue } from '../../electron/core/sync/outbox.js';
import { migratedDb } from '../helpers/migrated-db.js';
import { fakeClock, seededRandom, submission, uuidFrom } from '../helpers/sync-fixtures.js';

test('state moves: unknown → connected → degraded (backlog, mixed) → offline → connected', (t) => {
  const db = migratedDb(t);
  const clock = fakeClock();
  const contact = (ok: boolean) => db.transaction(() => recordContact(db, clock, ok))();
  const state = () => SyncStateSchema.parse(syncState(db, clock));

  assert.equal(state().connection, 'degraded', 'nothing tried yet: not proven connected');
  contact(true);
  assert.deepEqual(state(), {
    connection: 'connected',
    queueLength: 0,
    oldestWaitingAt: null,
    lastSuccessAt: clock.now().toISOString(),
    lastFailureAt: null,
    failed: 0,
  });

  db.transaction(() =>
    enqueue(db, clock, { kind: 'submit-application', applicantKey: 'b'.repeat(64), body: submission(uuidFrom(seededRandom(1))) }),
  )();
  clock.advance(60_000);
  contact(true);
  assert.equal(state().connection, 'connected', 'a one-minute-old item is not a backlog yet');
  clock.advance(61_000);
  contact(true);
  assert.equal(state().connection, 'degraded', 'an item waiting over two minutes is a backlog');
  assert.equal(state().queueLength, 1);
  db.prepare("UPDATE outbox SET state = 'done', done_at = 'x'").run();

  clock.advance(10_000);
  contact(false);
  assert.equal(state().connection, 'degraded', 'a failure right after a recent success');
  clock.advance(51_000);
  contact(false);
  assert.equal(state().connection, 'offline', 'no success for over 60 s and the last attempt failed');
  contact(true);
  assert.equal(state().connection, 'connected');
});
