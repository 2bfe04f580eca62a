// Printer status: the query bytes, and the state read from `DLE EOT` answers and the `GS r 1` acknowledgement.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { dleEot, GS_R_1, paperFromAck, printerStateFrom } from '../../electron/core/printing/status.js';

const ONLINE = 0x12;
const OFFLINE = 0x1a;
const BASE = 0x12;

test('the query bytes are DLE EOT n and GS r 1', () => {
  assert.deepEqual([...dleEot(1)], [0x10, 0x04, 0x01]);
  assert.deepEqual([...dleEot(4)], [0x10, 0x04, 0x04]);
  assert.deepEqual([...GS_R_1], [0x1d, 0x72, 0x01]);
});

test('each state from the answers the spec gives', () => {
  const cases: Array<[number, number, number, string]> = [
    [ONLINE, BASE, BASE, 'ready'],
    [ONLINE, BASE, BASE | 0x0c, 'paper-near-end'],
    [OFFLINE, BASE | 0x04, BASE, 'cover-open'],
    [OFFLINE, BASE | 0x20, BASE | 0x60, 'paper-end'],
    [OFFLINE, BASE, BASE | 0x60, 'paper-end'],
    [OFFLINE, BASE | 0x20, BASE, 'paper-end'],
    [OFFLINE, BASE | 0x40, BASE, 'error'],
    [ONLINE, BASE | 0x40, BASE, 'error'],
    [OFFLINE, BASE, BASE, 'offline'],
    [OFFLINE, BASE, BASE | 0x0c, 'offline'],
  ];
  for (const [printer, offlineCause, paper, state] of cases) {
    assert.equal(
      printerStateFrom({ printer, offlineCause, paper }),
      state,
      `${printer.toString(16)} ${offlineCause.toString(16)} ${paper.toString(16)}`,
    );
  }
});

test('the most specific cause wins: cover open over paper end over error over offline', () => {
  assert.equal(printerStateFrom({ printer: OFFLINE, offlineCause: BASE | 0x04 | 0x20 | 0x40, paper: BASE | 0x60 }), 'cover-open');
  assert.equal(printerStateFrom({ printer: OFFLINE, offlineCause: BASE | 0x20 | 0x40, paper: BASE }), 'paper-end');
  assert.equal(printerStateFrom({ printer: OFFLINE, offlineCause: BASE | 0x40, paper: BASE | 0x0c }), 'error');
});

test('a missing or malformed answer is unreachable: a job is never sent on a guess', () => {
  assert.equal(printerStateFrom({}), 'unreachable');
  assert.equal(printerStateFrom({ printer: ONLINE, offlineCause: BASE }), 'unreachable');
  assert.equal(printerStateFrom({ offlineCause: BASE, paper: BASE }), 'unreachable');
  assert.equal(printerStateFrom({ printer: 0x00, offlineCause: BASE, paper: BASE }), 'unreachable', 'bit 1 and 4 must be set');
  assert.equal(printerStateFrom({ printer: ONLINE, offlineCause: 0x92, paper: BASE }), 'unreachable', 'bit 7 must be clear');
  assert.equal(printerStateFrom({ printer: ONLINE, offlineCause: BASE, paper: 0x13 }), 'unreachable', 'bit 0 must be clear');
  assert.equal(printerStateFrom({ printer: 0x112, offlineCause: BASE, paper: BASE }), 'unreachable', 'one byte');
});

test('property: every well-formed answer gives a state, and cover open always wins', () => {
  const answer = fc.integer({ min: 0, max: 255 }).map((b) => (b & ~0x93) | 0x12);
  fc.assert(
    fc.property(answer, answer, answer, (printer, offlineCause, paper) => {
      const state = printerStateFrom({ printer, offlineCause, paper });
      assert.notEqual(state, 'unreachable');
      if (offlineCause & 0x04) assert.equal(state, 'cover-open');
      if (state === 'ready') assert.equal((printer & 0x08) | (offlineCause & 0x64) | (paper & 0x6c), 0);
    }),
  );
});

test('paperFromAck reads GS r 1: end over near end over fine', () => {
  assert.equal(paperFromAck(0x00), 'ok');
  assert.equal(paperFromAck(0x03), 'near-end');
  assert.equal(paperFromAck(0x01), 'near-end');
  assert.equal(paperFromAck(0x0c), 'end');
  assert.equal(paperFromAck(0x0f), 'end');
  assert.equal(paperFromAck(0x04), 'end');
});
