// Canary residents (the demo cards' invented people) apply in person, through a family proxy and a staff proxy; their
// full names and numbers must be in none of the database file, its WAL, the backups, the logs, or what the host answers
// another session — and after the purge, neither their masked names and numbers.
// Run: node --import tsx --import ./test/stubs/register-electron.mjs --test test/reliability/canary-purge.test.ts
// Prints `FIGURE canary-purge {...}`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listBackups } from '../../electron/core/backup/files.js';
import { purgeCandidates } from '../../electron/core/privacy/purge-select.js';
import { DEFAULT_RETENTION_DAYS } from '../../electron/core/privacy/retention.js';
import { isSealedObject } from '../../electron/core/privacy/sealed-json.js';
import { demoCards } from '../../emulators/id-reader/demo-cards.js';
import { probesFor } from '../helpers/canary-channels.js';
import { listenToEvents, startCanaryKiosk, type CanaryKiosk } from '../helpers/canary-kiosk.js';
import { canaryRows, countsInFile, tablesHolding, waitFor } from '../helpers/canary-rows.js';
import {
  answerPlace,
  captureConsole,
  describeHits,
  filePlaces,
  fullValues,
  maskedValues,
  occurrences,
  printedPlaces,
  search,
  type Place,
} from '../helpers/canary-search.js';
import { CANARY_PHONE, canaryResidents, decideReviews, runCanarySessions } from '../helpers/canary-sessions.js';

const DAY_MS = 86_400_000;
/** Past the code's validity (14 days) and the default retention (28) with room to spare. */
const JUMP_DAYS = 60;

/** As another session: a different signed-in officer (the community head sees the whole team), then a resident screen. */
async function probeAsOthers(kiosk: CanaryKiosk, targets: Parameters<typeof probesFor>[0], phase: string): Promise<Place[]> {
  const places: Place[] = [];
  const probes = probesFor(targets);
  for (const who of ['officer 0003', 'resident screen'] as const) {
    if (who === 'resident screen') await kiosk.invoke('staff.signOut', {});
    else assert.equal((await kiosk.invoke('staff.signIn', { staffNo: '0003', pin: '246810' })).body.ok, true);
    for (const { channel, input, canary } of probes) {
      const name = `http ${phase} as ${who}: ${channel}${canary ? ' (a canary row)' : ''}`;
      places.push(answerPlace(name, (await kiosk.invoke(channel, input)).text));
    }
  }
  await kiosk.invoke('staff.signOut', {});
  return places;
}

test('canary residents leave no name or number in the files, backups, logs or answers; after purge not even masked', async (t) => {
  const started = performance.now();
  // Everything the process logs from the app's start on, including what the host logs for refused calls.
  const logs = captureConsole();
  t.after(() => logs.restore());
  const kiosk = await startCanaryKiosk();
  t.after(() => kiosk.close());
  const socket = await listenToEvents(kiosk);
  t.after(() => socket.close());
  const { db } = kiosk.app;
  const full = fullValues(demoCards, [{ cardId: 'declaration', kind: 'phone', value: CANARY_PHONE }]);
  const masked = maskedValues(canaryResidents);
  // Before anyone applied: masks the demo hall's invented residents share cannot be told apart by bytes, only counted.
  const baseline = countsInFile(db, kiosk.dbFile, masked);
  const shared = masked.filter((m) => baseline.get(m)! > 0);
  const ownMasks = masked.filter((m) => baseline.get(m) === 0);

  // --- the sessions: every canary resident applies; two reviews hold a sealed declaration with a phone number.
  const run = await runCanarySessions(kiosk);
  const rows = canaryRows(db, run.applicationIds);
  assert.equal(run.applicationIds.length, canaryResidents.length, 'one application per canary resident');
  const declarations = rows.openDeclarations();
  assert.equal(declarations.length, run.reviews.length, 'each review holds its declaration while open');
  assert.ok(declarations.every(isSealedObject), 'the declarations are sealed');

  // --- while the data is live: a backup, then the files and the logs hold no full value.
  assert.equal((await kiosk.app.keeping.backups.runNow()).ok, true, 'the live backup was taken');
  const liveFiles = filePlaces(kiosk.dbFile, kiosk.backupDir);
  assert.ok(
    liveFiles.some((p) => p.name.startsWith('backup:')),
    'a backup file is searched',
  );
  assert.deepEqual(describeHits(search([...liveFiles, logs.place()], full)), [], 'full values while live');
  const targets = { applicationIds: run.applicationIds, jobIds: rows.jobIds(), days: { from: '2026-11-20', to: '2026-11-27' } };
  const liveAnswers = await probeAsOthers(kiosk, targets, 'live');
  assert.deepEqual(describeHits(search(liveAnswers, full)), [], 'full values in the answers to other sessions');

  // --- close the applications: the approvers decide, the province answers, the clock moves past validity + retention.
  await decideReviews(kiosk, run.reviews);
  await waitFor(() => rows.settled(), 15_000, 'every canary application decided, synced and printed');
  kiosk.clock.jump(JUMP_DAYS * DAY_MS);
  await waitFor(
    () => {
      const now = kiosk.clock.now();
      const due = purgeCandidates(db, now, now.getTime() - DEFAULT_RETENTION_DAYS * DAY_MS, 10_000);
      return run.applicationIds.every((id) => due.some((c) => c.applicationId === id));
    },
    10_000,
    'every canary application purgeable',
  );
  // The negative control, before the purge: each canary's masked number is in the file or the WAL, and each shared
  // mask has more copies than before anyone applied. The search can find what it looks for.
  const before = search(
    filePlaces(kiosk.dbFile, kiosk.backupDir).filter((p) => p.name === 'db' || p.name === 'wal'),
    ownMasks,
  );
  for (const card of canaryResidents) {
    assert.ok(
      before.some((h) => h.cardId === card.id && h.kind === 'masked number'),
      `${card.id}'s masked number before the purge`,
    );
  }
  const live = countsInFile(db, kiosk.dbFile, shared);
  for (const m of shared) assert.ok(live.get(m)! > baseline.get(m)!, `${m.cardId}'s ${m.kind} has copies before the purge`);

  // --- the purge (which also deletes the older backups and takes a fresh one).
  const backupsBefore = listBackups(kiosk.backupDir).map((b) => b.name);
  const outcome = await kiosk.app.keeping.purge.runNow();
  const framesMark = socket.frames.length;
  assert.ok(outcome.ok, `the purge ran: ${outcome.ok ? '' : outcome.stage}`);
  const purged = outcome.result.purged.applications;
  assert.ok(purged >= run.applicationIds.length, 'the canaries were purged');
  assert.equal(outcome.result.walCleared, true, 'the WAL was emptied');
  assert.deepEqual(rows.unpurged(), [], 'no canary row keeps a masked value, a slip or a code');
  // Backups made before the purge held what it removed: gone; the fresh one made after it replaces them.
  const backupsNow = listBackups(kiosk.backupDir).map((b) => b.name);
  assert.ok(backupsNow.length > 0, 'a fresh backup was taken after the purge');
  assert.deepEqual(
    backupsNow.filter((name) => backupsBefore.includes(name)),
    [],
    'the backups from before the purge are deleted',
  );

  const afterAnswers = await probeAsOthers(kiosk, targets, 'after purge');
  const framesAfterPurge = socket.frames.slice(framesMark);
  const afterFiles = filePlaces(kiosk.dbFile, kiosk.backupDir);
  // The paper (the demo printer's transcripts) shows masks by design; only full values are looked for there, and the
  // masks being found shows the slips were searched.
  const printed = printedPlaces(kiosk.dataDir);
  assert.ok(search(printed, masked).length > 0, 'the slips printed for the canaries were searched');
  const hitsAfter = [
    ...search([...afterFiles, logs.place(), ...afterAnswers], [...full, ...ownMasks]),
    // The logs carry no personal data at all, not even a mask other residents share; nor does a canary's own row.
    ...search([logs.place(), ...afterAnswers.filter((p) => p.name.endsWith('(a canary row)'))], shared),
    ...search([answerPlace('events', socket.frames.join('\n')), answerPlace('every answer', kiosk.answered.join('\n'))], full),
    ...search(printed, full),
    ...search([answerPlace('events after purge', framesAfterPurge.join('\n'))], ownMasks),
  ];
  // Shared masks: no more copies in the file, or in any backup, than the demo hall had before the canaries came.
  const after = countsInFile(db, kiosk.dbFile, shared);
  const backupFiles = afterFiles.filter((p) => p.name.startsWith('backup:'));
  const extraCopies = shared.flatMap((m) =>
    [['db', after.get(m)!] as const, ...backupFiles.map((p) => [p.name, occurrences(p, m.value)] as const)]
      .filter(([, n]) => n > baseline.get(m)!)
      .map(([place]) => `${place}: ${m.cardId} ${m.kind} (more copies than before)`),
  );
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const figure = {
    canaries: canaryResidents.length,
    values: full.length + masked.length,
    sessions: run.sessions,
    purged,
    placesSearched: ['db', 'wal', 'backups', 'logs', 'http as officer', 'http as resident screen', 'events', 'every answer', 'printed'],
    answersSearched: liveAnswers.length + afterAnswers.length,
    hitsBefore: { masked: before.length + shared.length, full: 0 },
    sharedMasks: shared.length,
    hitsAfter: hitsAfter.length + extraCopies.length,
    seconds,
  };
  console.log(`FIGURE canary-purge ${JSON.stringify(figure)}`);
  // A hit in the database file names the tables whose rows hold it, so a failure says where to look.
  const valueOf = (h: { cardId: string; kind: string }) =>
    [...full, ...masked].find((v) => v.cardId === h.cardId && v.kind === h.kind)!.value;
  const described = hitsAfter.map((h, i) =>
    h.place === 'db'
      ? `${describeHits(hitsAfter)[i]} (rows of: ${tablesHolding(db, valueOf(h)).join(', ') || 'none: a freed cell'})`
      : describeHits(hitsAfter)[i]!,
  );
  assert.deepEqual([...described, ...extraCopies], [], 'nothing of the canaries after the purge');
});
