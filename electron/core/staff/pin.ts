// PINs are never stored: a per-officer salt and scrypt make a stolen database useless for guessing at the counter.
import { scryptSync, timingSafeEqual } from 'node:crypto';
import type { RandomSource } from '../clock.js';

// N=2^15 keeps one check near 50 ms here: slow for a brute force over a copied file, unnoticeable at sign-in.
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const KEY_BYTES = 32;

export interface PinHash {
  salt: Buffer;
  hash: Buffer;
}

export function hashPin(pin: string, random: RandomSource): PinHash {
  const salt = Buffer.from(random.bytes(16));
  return { salt, hash: scryptSync(pin, salt, KEY_BYTES, SCRYPT) };
}

export function pinMatches(pin: string, stored: PinHash): boolean {
  return timingSafeEqual(scryptSync(pin, stored.salt, KEY_BYTES, SCRYPT), stored.hash);
}
