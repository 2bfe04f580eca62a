// Backoff for outbox retries: the window doubles to the cap, the delay is spread over all of it, Retry-After is a floor.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { backoffDelay, uniform } from '../../electron/core/sync/dispatcher.js';
import { seededRandom } from '../helpers/sync-fixtures.js';

const backoff = { baseMs: 1000, capMs: 5 * 60_000 };

test('full jitter stays within [0, min(cap, base·2^attempts)] and the cap holds for huge attempt counts', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer(), (attempts, seed) => {
      const delay = backoffDelay(attempts, backoff, seededRandom(seed));
      const ceiling = Math.min(backoff.capMs, backoff.baseMs * 2 ** attempts);
      return Number.isInteger(delay) && delay >= 0 && delay <= ceiling;
    }),
  );
});

test('the window grows: the mean delay doubles per attempt until the cap, then stays', () => {
  const random = seededRandom(42);
  const mean = (attempts: number) => {
    let sum = 0;
    for (let i = 0; i < 4000; i++) sum += backoffDelay(attempts, backoff, random);
    return sum / 4000;
  };
  const means = [0, 1, 2, 3, 4, 8, 9, 20].map(mean);
  for (const [i, expected] of [500, 1000, 2000, 4000, 8000, 128_000, 150_000, 150_000].entries()) {
    assert.ok(Math.abs(means[i]! - expected) / expected < 0.05, `attempt index ${i}: mean ${means[i]} ≈ ${expected}`);
  }
});

test('full jitter uses the whole window, not just its top (delays near 0 and near the ceiling both occur)', () => {
  const random = seededRandom(7);
  const delays = Array.from({ length: 2000 }, () => backoffDelay(5, backoff, random));
  assert.ok(Math.min(...delays) < 32_000 * 0.02);
  assert.ok(Math.max(...delays) > 32_000 * 0.98);
});

test('Retry-After is a floor, never shortened by jitter', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 30 }),
      fc.integer(),
      (attempts, seed) => backoffDelay(attempts, backoff, seededRandom(seed), 60_000) >= 60_000,
    ),
  );
  assert.equal(backoffDelay(0, backoff, { bytes: (n) => new Uint8Array(n) }, 5000), 5000);
});

test('the same seed gives the same delays (tests can predict a schedule)', () => {
  const a = seededRandom(3);
  const b = seededRandom(3);
  assert.deepEqual(
    [1, 2, 3].map((n) => backoffDelay(n, backoff, a)),
    [1, 2, 3].map((n) => backoffDelay(n, backoff, b)),
  );
  const u = uniform({ bytes: (n) => new Uint8Array(n).fill(255) });
  assert.ok(u < 1 && u > 0.999);
});
