// The reader session over a real socat pty pair: serialport on the kiosk end, SamEmulator on the other; cards, faults, replug.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSerialLink } from '../../electron/core/devices/id-reader/serial-link.js';
import { createReaderSession, type ReaderSession } from '../../electron/core/devices/id-reader/session.js';
import { demoCards } from '../../emulators/id-reader/demo-cards.js';
import { SamEmulator } from '../../emulators/id-reader/emulator.js';
import { socatAvailable, startPtyPair, type PtyPair } from '../../emulators/id-reader/socat.js';
import { EventLog, isCard, isProblem, isRemoved, isState, sleep } from '../helpers/reader-events.js';

const BAUD = 115200;
const skip = socatAvailable() ? false : 'socat is not installed (/usr/bin/socat): apt-get install socat';
if (skip) console.log(`skipping id-reader serial tests: ${skip}`);

let dir = '';
let pair: PtyPair | null = null;
const emulator = new SamEmulator();
const log = new EventLog();
let session: ReaderSession | null = null;

/** Start socat and put the emulator on its far end: the reader being plugged in. */
async function plugIn(): Promise<void> {
  pair = await startPtyPair(dir);
  emulator.attach(await openSerialLink(pair.emulator, BAUD));
}

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'id-reader-it-'));
  await plugIn();
  session = createReaderSession({
    kind: 'serial',
    connect: () => openSerialLink(join(dir, 'kiosk'), BAUD),
    pollMs: 20,
    replyTimeoutMs: 300,
    reconnectMs: 100,
    onEvent: log.push,
  });
  await log.waitFor(isState('ready'), 5000);
});

after(async () => {
  await session?.close();
  await pair?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

for (const card of demoCards) {
  test(`${card.id}: read end to end once per presence, removed on lifting, read again on the next tap`, { skip }, async () => {
    const mark = log.events.length;
    emulator.tap(card.id);
    const read = await log.waitFor(isCard, 3000, mark);
    assert.ok(read.type === 'card');
    assert.equal(read.card.cardType, card.cardType);
    assert.equal(read.card.idNumber, card.fields.idNumber);
    assert.equal(read.card.photo.length, 1024);
    await sleep(150);
    assert.equal(log.since(mark, isCard).length, 1);
    emulator.remove();
    await log.waitFor(isRemoved, 3000, mark);
    const again = log.events.length;
    emulator.tap(card.id);
    await log.waitFor(isCard, 3000, again);
    emulator.remove();
    await log.waitFor(isRemoved, 3000, again);
  });
}

test("fault 'remove-mid-read' → problem removed-early", { skip }, async () => {
  const mark = log.events.length;
  emulator.fault('remove-mid-read');
  emulator.tap('resident-young');
  await log.waitFor(isProblem('removed-early'), 3000, mark);
  emulator.fault('none');
  assert.equal(log.since(mark, isCard).length, 0);
});

test("fault 'no-card' → a tapped card is never read", { skip }, async () => {
  const mark = log.events.length;
  emulator.fault('no-card');
  emulator.tap('resident-elderly');
  await sleep(300);
  assert.equal(log.since(mark, isCard).length, 0);
  emulator.fault('none');
  await log.waitFor(isCard, 3000, mark);
  emulator.remove();
  await log.waitFor(isRemoved, 3000, mark);
});

for (const [fault, expectState, lastError] of [
  ['corrupt-frames', 'connecting', 'bad-frames'],
  ['silence', 'connecting', 'no-reply'],
  ['sam-fault', 'sam-fault', 'sam-fault'],
] as const) {
  test(`fault '${fault}' → reader-fault, status ${expectState} (${lastError}); ready again after`, { skip }, async () => {
    const mark = log.events.length;
    emulator.fault(fault);
    await log.waitFor(isProblem('reader-fault'), 5000, mark);
    await log.waitFor(isState(expectState), 5000, mark);
    assert.equal(session!.status().lastError, lastError);
    emulator.fault('none');
    await log.waitFor(isState('ready'), 5000, mark);
  });
}

test("fault 'disconnect' + socat stopped (the reader unplugged) → disconnected, then ready once plugged back", { skip }, async () => {
  const mark = log.events.length;
  // A pty stays up when one side closes (the kiosk would just hear silence): the unplug is socat going away.
  emulator.fault('disconnect');
  await pair!.stop();
  await log.waitFor(isState('disconnected'), 5000, mark);
  await sleep(300); // unplugged for a while: reconnect attempts fail meanwhile
  assert.equal(session!.status().state, 'disconnected');
  await plugIn();
  await log.waitFor(isState('ready'), 5000, mark);
  emulator.tap('hmt-permit');
  await log.waitFor(isCard, 3000, mark);
  emulator.remove();
  await log.waitFor(isRemoved, 3000, mark);
});

test('socat killed (cable pulled) → disconnected; restarted → ready and reading', { skip }, async () => {
  const mark = log.events.length;
  pair!.process.kill('SIGKILL');
  await log.waitFor(isState('disconnected'), 5000, mark);
  await plugIn();
  await log.waitFor(isState('ready'), 5000, mark);
  emulator.tap('foreign-permanent');
  await log.waitFor(isCard, 3000, mark);
  emulator.remove();
});
