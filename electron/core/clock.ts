// Time and randomness are injected (house rule 3): tests control both.
import { randomBytes } from 'node:crypto';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export interface RandomSource {
  bytes(length: number): Uint8Array;
}
export const systemRandom: RandomSource = { bytes: (length) => randomBytes(length) };
