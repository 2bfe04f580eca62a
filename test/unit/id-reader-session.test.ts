// The reader session over in-process links: one read per presence, removal, every fault, reconnects, clean close.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { encodeCardData, encodeCardText } from '../../electron/core/devices/id-reader/card.js';
import { encodeFrame, FrameDecoder } from '../../electron/core/devices/id-reader/frame.js';
import { memoryLinkPair, type ByteLink } from '../../electron/core/devices/id-reader/link.js';
import { createReaderSession, type ReaderSessionOptions } from '../../electron/core/devices/id-reader/session.js';
import { demoCards } from '../../emulators/id-reader/demo-cards.js';
import { SamEmulator } from '../../emulators/id-reader/emulator.js';
import { EventLog, isCard, isProblem, isRemoved, isState, sleep } from '../helpers/reader-events.js';

const fast = { pollMs: 5, replyTimeoutMs: 60, reconnectMs: 20 };

function start(t: TestContext, emulator = new SamEmulator(), extra: Partial<ReaderSessionOptions> = {}) {
  const log = new EventLog();
  let connects = 0;
  const session = createReaderSession({
    kind: 'emulator',
    ...fast,
    connect: async () => {
      connects++;
      const [host, reader] = memoryLinkPair();
      emulator.attach(reader);
      return host;
    },
    onEvent: log.push,
    ...extra,
  });
  t.after(() => session.close());
  return { log, session, emulator, connects: () => connects };
}

test('connects, initialises the SAM and reports ready', async (t) => {
  const { log, session } = start(t);
  await log.waitFor(isState('ready'));
  assert.deepEqual(session.status(), { state: 'ready', kind: 'emulator', cardPresent: false, lastError: null });
});

for (const card of demoCards) {
  test(`${card.id}: read once per presence, removed after lifting, read again on the next tap`, async (t) => {
    const { log, session, emulator } = start(t);
    await log.waitFor(isState('ready'));
    emulator.tap(card.id);
    const first = await log.waitFor(isCard);
    assert.ok(first.type === 'card');
    assert.equal(first.card.cardType, card.cardType);
    assert.equal(first.card.idNumber, card.fields.idNumber);
    assert.equal(first.card.name, card.fields.name);
    assert.equal(first.card.validTo, card.fields.validTo);
    const reads = emulator.counts.read;
    await sleep(80); // many polls while the card stays
    assert.equal(log.since(0, isCard).length, 1, 'one card event per presence');
    assert.equal(emulator.counts.read, reads, 'no second read while the card stays');
    assert.equal(session.status().cardPresent, true);
    const mark = log.events.length;
    emulator.remove();
    await log.waitFor(isRemoved, 2000, mark);
    assert.equal(session.status().cardPresent, false);
    emulator.tap(card.id);
    await log.waitFor(isCard, 2000, mark);
    assert.equal(log.since(0, isCard).length, 2);
  });
}

test('a single missed find does not count as removal: two "no card" answers in a row do', async (t) => {
  const { log, emulator } = start(t, new SamEmulator(), { pollMs: 30 });
  await log.waitFor(isState('ready'));
  emulator.tap('resident-young');
  await log.waitFor(isCard);
  // 'no-card' for about one poll: at most one 80 answer, then the card is found again.
  emulator.fault('no-card');
  await sleep(15);
  emulator.fault('none');
  await sleep(150);
  assert.equal(log.since(0, isRemoved).length, 0);
  assert.equal(log.since(0, isCard).length, 1);
});

test("fault 'no-card': a tapped card is not found", async (t) => {
  const { log, emulator } = start(t);
  await log.waitFor(isState('ready'));
  emulator.fault('no-card');
  emulator.tap('resident-elderly');
  await sleep(100);
  assert.equal(log.since(0, isCard).length, 0);
  emulator.fault('none');
  await log.waitFor(isCard);
});

test("fault 'remove-mid-read': reported as removed-early, and the next tap reads", async (t) => {
  const { log, emulator } = start(t);
  await log.waitFor(isState('ready'));
  emulator.fault('remove-mid-read');
  emulator.tap('resident-elderly');
  await log.waitFor(isProblem('removed-early'));
  await sleep(50);
  assert.equal(log.since(0, isProblem('removed-early')).length, 1, 'reported once: the card left');
  emulator.fault('none');
  emulator.tap('resident-elderly');
  await log.waitFor(isCard);
});

for (const [fault, lastError] of [
  ['corrupt-frames', 'bad-frames'],
  ['silence', 'no-reply'],
] as const) {
  test(`fault '${fault}': retried, then one reader-fault (${lastError}); recovers to ready`, async (t) => {
    const { log, session, emulator } = start(t);
    await log.waitFor(isState('ready'));
    const mark = log.events.length;
    emulator.fault(fault);
    await log.waitFor(isProblem('reader-fault'), 3000, mark);
    assert.equal(session.status().lastError, lastError);
    assert.notEqual(session.status().state, 'ready');
    await sleep(300);
    assert.equal(log.since(mark, isProblem('reader-fault')).length, 1, 'one problem per fault episode');
    emulator.fault('none');
    await log.waitFor(isState('ready'), 3000, mark);
    emulator.tap('hmt-permit');
    await log.waitFor(isCard, 3000, mark);
  });
}

test("fault 'sam-fault': status sam-fault and a reader-fault problem; ready again once the SAM answers", async (t) => {
  const { log, session, emulator } = start(t);
  await log.waitFor(isState('ready'));
  const mark = log.events.length;
  emulator.fault('sam-fault');
  await log.waitFor(isState('sam-fault'), 3000, mark);
  await log.waitFor(isProblem('reader-fault'), 3000, mark);
  assert.equal(session.status().state, 'sam-fault');
  emulator.fault('none');
  await log.waitFor(isState('ready'), 3000, mark);
});

test('a SAM failing its self-test at start-up is reported as sam-fault', async (t) => {
  const emulator = new SamEmulator();
  emulator.fault('sam-fault');
  const { log } = start(t, emulator);
  await log.waitFor(isState('sam-fault'));
  await log.waitFor(isProblem('reader-fault'));
  assert.equal(log.since(0, isState('ready')).length, 0);
});

test("fault 'disconnect': disconnected, reconnected, ready; a card on the reader is reported removed then read again", async (t) => {
  const { log, emulator, connects } = start(t);
  await log.waitFor(isState('ready'));
  emulator.tap('foreign-permanent');
  await log.waitFor(isCard);
  const mark = log.events.length;
  emulator.fault('disconnect');
  await log.waitFor(isState('disconnected'), 3000, mark);
  await log.waitFor(isRemoved, 3000, mark);
  await log.waitFor(isState('ready'), 3000, mark);
  await log.waitFor(isCard, 3000, mark);
  assert.equal(connects(), 2);
});

test('a reader that cannot be opened is retried every reconnectMs until it can', async (t) => {
  const emulator = new SamEmulator();
  let attempts = 0;
  const { log } = start(t, emulator, {
    connect: async () => {
      if (++attempts < 4) throw new Error('ENOENT');
      const [host, reader] = memoryLinkPair();
      emulator.attach(reader);
      return host;
    },
  });
  await log.waitFor(isState('ready'));
  assert.equal(attempts, 4);
  // Retries do not flicker the state: one 'disconnected', then 'connecting' once the link opened, then 'ready'.
  assert.deepEqual(
    log.since(0, (e) => e.type === 'status').map((e) => e.type === 'status' && e.status.state),
    ['disconnected', 'connecting', 'ready'],
  );
});

/** A reader whose answers a test scripts: `answer` gets each command and returns a reply payload. */
function scripted(answer: (command: Uint8Array) => Uint8Array | null): () => Promise<ByteLink> {
  return async () => {
    const [host, reader] = memoryLinkPair();
    const decoder = new FrameDecoder();
    reader.onData((bytes) => {
      for (const event of decoder.push(bytes)) {
        const payload = event.type === 'frame' ? answer(event.payload) : null;
        if (payload) void reader.write(encodeFrame(payload));
      }
    });
    return host;
  };
}

function cardReader(data: Uint8Array, readStatus = 0x90) {
  return scripted((cmd) => {
    if (cmd[0] === 0x20 && cmd[1] === 0x01) return Uint8Array.of(0, 0, 0x9f, 0, 0, 0, 0);
    if (cmd[0] === 0x30) return Uint8Array.of(0, 0, readStatus, ...data);
    return Uint8Array.of(0, 0, 0x90);
  });
}

const elderly = demoCards[0]!;
const text = encodeCardText(elderly.fields, 'resident');

test('a card of unknown type is reported unsupported, once per presence', async (t) => {
  const odd = Uint8Array.from(text);
  odd[248] = 0x5a; // 'Z'
  const { log } = start(t, undefined, { connect: cardReader(encodeCardData(odd, new Uint8Array(1024))) });
  await log.waitFor(isProblem('unsupported'));
  await sleep(60);
  assert.equal(log.since(0, (e) => e.type === 'problem').length, 1);
});

test('a card whose text does not decode is reported unreadable; an auth failure (31) too', async (t) => {
  const broken = Uint8Array.from(text);
  broken[40] = 0x41; // a letter inside the birth date (bytes 36–51)
  const a = start(t, undefined, { connect: cardReader(encodeCardData(broken, new Uint8Array(1024))) });
  await a.log.waitFor(isProblem('unreadable'));
  const b = start(t, undefined, { connect: cardReader(new Uint8Array(), 0x31) });
  await b.log.waitFor(isProblem('unreadable'));
  assert.equal(b.log.since(0, isCard).length, 0);
});

test('a listener that throws does not stop the session', async (t) => {
  const emulator = new SamEmulator();
  let cards = 0;
  start(t, emulator, {
    onEvent: (e) => {
      if (e.type === 'card') cards++;
      throw new Error('listener bug');
    },
  });
  await sleep(50);
  emulator.tap('resident-elderly');
  const deadline = Date.now() + 2000;
  while (cards === 0 && Date.now() < deadline) await sleep(5);
  assert.equal(cards, 1);
});

test('close() stops everything: no events afterwards and no timers left behind', async () => {
  const before = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  const emulator = new SamEmulator();
  const log = new EventLog();
  const session = createReaderSession({
    kind: 'emulator',
    ...fast,
    connect: async () => {
      const [host, reader] = memoryLinkPair();
      emulator.attach(reader);
      return host;
    },
    onEvent: log.push,
  });
  await log.waitFor(isState('ready'));
  await session.close();
  const count = log.events.length;
  emulator.tap('resident-elderly');
  await sleep(50);
  assert.equal(log.events.length, count);
  assert.equal(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length, before);
});
