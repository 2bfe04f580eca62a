// The trust cache: lists validated in and out, one row per kind, refreshTrust keeps the old list on any province failure.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { issuerKeyFromSeed, trustedKey } from '../../electron/core/codes/keys.js';
import type { RevocationList, TrustList } from '../../electron/core/codes/schema.js';
import { loadTrust, refreshTrust, saveRevocations, saveTrustList, trustVersion } from '../../electron/core/codes/trust-store.js';
import type { ProvinceClient, ProvinceOutcome } from '../../electron/core/province/client.js';
import { migratedDb } from '../helpers/migrated-db.js';
import { fakeClock } from '../helpers/sync-fixtures.js';

const key = issuerKeyFromSeed(Buffer.alloc(32, 1));
const list = (updatedAt: string): TrustList => ({
  issuer: 'demo province',
  keys: [trustedKey(key, new Date('2026-01-01T00:00:00Z'), null)],
  updatedAt,
});
const revocations = (hashes: string[]): RevocationList => ({ hashes, updatedAt: '2026-11-27T00:00:00.000Z' });

test('nothing cached: no trust list, no revoked hashes, no fetched times', (t) => {
  const db = migratedDb(t);
  assert.deepEqual(loadTrust(db), { trustList: null, revokedHashes: new Set(), trustFetchedAt: null, revocationsFetchedAt: null });
  assert.deepEqual(trustVersion(db), { trustFetchedAt: null, revocationsFetchedAt: null });
});

test('saved lists come back as they went in; a newer save replaces the row', (t) => {
  const db = migratedDb(t);
  const at = new Date('2026-11-27T02:00:00Z');
  saveTrustList(db, list('2026-11-27T00:00:00.000Z'), at);
  saveRevocations(db, revocations(['f6b24935e6690b3e']), at);
  assert.deepEqual(loadTrust(db), {
    trustList: list('2026-11-27T00:00:00.000Z'),
    revokedHashes: new Set(['f6b24935e6690b3e']),
    trustFetchedAt: at.toISOString(),
    revocationsFetchedAt: at.toISOString(),
  });
  const later = new Date('2026-11-27T03:00:00Z');
  saveRevocations(db, revocations(['0000000000000001', '0000000000000002']), later);
  assert.deepEqual([...loadTrust(db).revokedHashes], ['0000000000000001', '0000000000000002']);
  assert.deepEqual(trustVersion(db), { trustFetchedAt: at.toISOString(), revocationsFetchedAt: later.toISOString() });
  assert.deepEqual(db.prepare('SELECT count(*) AS n FROM trust_cache').get(), { n: 2 });
});

test('a list that does not validate is refused on the way in, and the old one stays', (t) => {
  const db = migratedDb(t);
  const at = new Date('2026-11-27T02:00:00Z');
  saveTrustList(db, list('2026-11-27T00:00:00.000Z'), at);
  const lying = { ...list('2026-11-28T00:00:00.000Z'), keys: [{ ...trustedKey(key, at, null), kid: 'nothex!!' }] };
  assert.throws(() => saveTrustList(db, lying, new Date('2026-11-28T00:00:00Z')));
  assert.throws(() => saveRevocations(db, revocations(['F6B24935E6690B3E']), at), 'hashes are lowercase hex');
  assert.throws(() => saveTrustList(db, { ...list('2026-11-28T00:00:00.000Z'), extra: 1 } as TrustList, at), 'strict: no extra fields');
  assert.equal(loadTrust(db).trustList?.updatedAt, '2026-11-27T00:00:00.000Z');
});

test('a stored row damaged by hand is validated on the way out: a bad trust list counts as none', (t) => {
  const db = migratedDb(t);
  const at = new Date('2026-11-27T02:00:00Z');
  saveTrustList(db, list('2026-11-27T00:00:00.000Z'), at);
  saveRevocations(db, revocations(['f6b24935e6690b3e']), at);
  db.prepare(
    `UPDATE trust_cache SET body = '{"issuer":"x","keys":"all of them","updatedAt":"2026-11-27T00:00:00Z"}' WHERE kind = 'trust-list'`,
  ).run();
  db.prepare(`UPDATE trust_cache SET body = '{"hashes":[1,2,3]}' WHERE kind = 'revocations'`).run();
  assert.deepEqual(loadTrust(db), { trustList: null, revokedHashes: new Set(), trustFetchedAt: null, revocationsFetchedAt: null });
});

/** A province double answering each call from a queue of outcomes (or throwing, which the real client never does). */
function fakeProvince(trust: (ProvinceOutcome<TrustList> | Error)[], revoked: (ProvinceOutcome<RevocationList> | Error)[]) {
  const calls: string[] = [];
  const next = <T>(queue: (T | Error)[], name: string) => {
    calls.push(name);
    const item = queue.shift();
    if (item === undefined) throw new Error(`no answer queued for ${name}`);
    return item instanceof Error ? Promise.reject(item) : Promise.resolve(item);
  };
  const client: Pick<ProvinceClient, 'trustList' | 'revocations'> = {
    trustList: () => next(trust, 'trustList'),
    revocations: () => next(revoked, 'revocations'),
  };
  return { client, calls };
}

test('refreshTrust stores both lists with the fetch time', async (t) => {
  const db = migratedDb(t);
  const clock = fakeClock('2026-11-27T02:00:00Z');
  const { client, calls } = fakeProvince(
    [{ kind: 'ok', value: list('2026-11-27T00:00:00.000Z'), replay: false }],
    [{ kind: 'ok', value: revocations(['f6b24935e6690b3e']), replay: false }],
  );
  assert.deepEqual(await refreshTrust(db, client, clock), { trustList: true, revocations: true });
  assert.deepEqual(calls, ['trustList', 'revocations']);
  const loaded = loadTrust(db);
  assert.equal(loaded.trustList?.issuer, 'demo province');
  assert.deepEqual([...loaded.revokedHashes], ['f6b24935e6690b3e']);
  assert.equal(loaded.trustFetchedAt, '2026-11-27T02:00:00.000Z');
});

test('refreshTrust never throws on a failure, keeps the old lists, and stores whichever list did arrive', async (t) => {
  const db = migratedDb(t);
  const clock = fakeClock('2026-11-27T02:00:00Z');
  const first = fakeProvince(
    [{ kind: 'ok', value: list('2026-11-27T00:00:00.000Z'), replay: false }],
    [{ kind: 'ok', value: revocations(['f6b24935e6690b3e']), replay: false }],
  );
  await refreshTrust(db, first.client, clock);
  const before = loadTrust(db);

  clock.advance(60_000);
  const failures: [ProvinceOutcome<TrustList> | Error, ProvinceOutcome<RevocationList> | Error][] = [
    [
      { kind: 'retry', reason: 'connect-failed' },
      { kind: 'ambiguous', reason: 'timeout' },
    ],
    [{ kind: 'refused', code: 'unknown-terminal', status: 401 }, new Error('socket exploded')],
    // An answer that fails the schema on save (should one get past the client's parse): refused, the old list kept.
    [
      { kind: 'ok', value: { ...list('2026-11-28T00:00:00.000Z'), issuer: '' }, replay: false },
      { kind: 'retry', reason: 'rate-limited' },
    ],
  ];
  for (const [trust, revoked] of failures) {
    const province = fakeProvince([trust], [revoked]);
    assert.deepEqual(await refreshTrust(db, province.client, clock), { trustList: false, revocations: false });
    assert.deepEqual(province.calls, ['trustList', 'revocations'], 'a failed trust list does not stop the revocation fetch');
    assert.deepEqual(loadTrust(db), before);
  }

  const half = fakeProvince([{ kind: 'retry', reason: 'unavailable' }], [{ kind: 'ok', value: revocations([]), replay: false }]);
  assert.deepEqual(await refreshTrust(db, half.client, clock), { trustList: false, revocations: true });
  const after = loadTrust(db);
  assert.deepEqual(after.trustList, before.trustList);
  assert.equal(after.trustFetchedAt, before.trustFetchedAt);
  assert.deepEqual(after.revokedHashes, new Set());
  assert.equal(after.revocationsFetchedAt, clock.now().toISOString());
});
