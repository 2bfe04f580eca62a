// Test doubles for sync: a settable clock, a seeded random source, and valid submissions made from a seed.
import type { Clock, RandomSource } from '../../electron/core/clock.js';
import type { Declaration } from '../../electron/core/applications/schema.js';
import type { SubmitApplication } from '../../electron/core/province/schema.js';

/** A declaration the province issues GREEN at once: no fever, no symptoms, no travel, no contact. */
export const lowRiskDeclaration: Declaration = {
  temperatureC: 36.5,
  fever: false,
  coughOrOtherSymptoms: false,
  travelOutsideProvince14d: false,
  contactWithCase14d: false,
  purpose: 'work',
  phone: null,
  commitment: true,
};

export interface FakeClock extends Clock {
  advance(ms: number): void;
  set(ms: number): void;
  ms(): number;
}

export function fakeClock(start = '2026-11-27T02:00:00Z'): FakeClock {
  let now = Date.parse(start);
  return { now: () => new Date(now), advance: (ms) => (now += ms), set: (ms) => (now = ms), ms: () => now };
}

/** mulberry32: small, fast, and the same sequence for the same seed. */
export function seededRandom(seed: number): RandomSource & { float(): number } {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return { bytes: (n) => Uint8Array.from({ length: n }, () => Math.floor(next() * 256)), float: next };
}

export function uuidFrom(random: RandomSource): string {
  const b = random.bytes(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Buffer.from(b).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A synthetic submission (fictional number and name); `n` makes the applicant differ. */
export function submission(
  applicationId: string,
  idNumber = '11010519491231002X',
  submittedAt = '2026-11-27T02:00:00Z',
): SubmitApplication {
  return {
    applicationId,
    channel: 'offline',
    submittedAt,
    hallId: '110105001',
    applicant: { documentType: 'resident', idNumber, name: '测试人' },
    declaration: lowRiskDeclaration,
    proxy: null,
  };
}

export const TERMINAL = { terminalId: 'T-0123456789ABCDEF', secret: new Uint8Array(32).fill(5) };
export const APPLICANT_KEY_SECRET = new Uint8Array(32).fill(3);
