// The roster over the real signed API: the emulator serves GET /v1/roster, the kiosk fetches and applies it; a
// province that does not answer changes nothing.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { mod112CheckChar } from '../../electron/core/identity/check-digit.js';
import { createProvinceClient } from '../../electron/core/province/client.js';
import { findOfficer, listOfficers } from '../../electron/core/staff/officers.js';
import { refreshRoster } from '../../electron/core/staff/roster.js';
import { createProvincialEmulator } from '../../emulators/provincial/emulator.js';
import { migratedDb } from '../helpers/migrated-db.js';
import { fakeClock, seededRandom, TERMINAL } from '../helpers/sync-fixtures.js';
import { tempDir } from '../helpers/temp.js';

const withCheck = (body17: string) => body17 + mod112CheckChar(body17);

test('the kiosk provisions its officers from the province roster, and follows it when it changes', async (t) => {
  const clock = fakeClock();
  const random = seededRandom(7);
  const emulator = createProvincialEmulator({
    dbFile: join(tempDir(t, 'province-'), 'province.sqlite'),
    clock,
    terminals: new Map([[TERMINAL.terminalId, TERMINAL.secret]]),
    roster: {
      officers: [
        { staffNo: '2001', name: '王建国', roles: ['approver'], idNumber: withCheck('37020219800101991') },
        { staffNo: '2002', name: '李秀英', roles: ['officer', 'community-head'], idNumber: withCheck('37020219850202992') },
      ],
      updatedAt: '2026-11-27T00:00:00.000Z',
    },
  });
  const listening = await emulator.listen(0);
  t.after(() => emulator.close());
  const db = migratedDb(t);
  const client = createProvinceClient({ baseUrl: listening.url, ...TERMINAL, clock, random, timeoutMs: 500 });

  assert.deepEqual(await refreshRoster(db, client, clock, random), { added: 2, updated: 0, deactivated: 0, unchanged: 0 });
  assert.deepEqual(findOfficer(db, '2002')?.roles, ['officer', 'community-head']);

  emulator.admin.setRoster({ officers: [], updatedAt: '2026-11-28T00:00:00.000Z' });
  assert.deepEqual(await refreshRoster(db, client, clock, random), { added: 0, updated: 0, deactivated: 2, unchanged: 0 });

  await listening.close();
  assert.equal(await refreshRoster(db, client, clock, random), undefined, 'no answer: nothing applied');
  assert.deepEqual(
    listOfficers(db).map((o) => [o.staffNo, o.active]),
    [
      ['2001', false],
      ['2002', false],
    ],
  );
});
