// Who is signed in at this terminal: PIN sign-in with lockout, sign-out on idle, and the guard staff-only calls use.
import type { Clock } from '../clock.js';
import type { Db } from '../db/open.js';
import { KioskError } from '../errors.js';
import { maskName } from '../privacy/mask.js';
import type { RandomSource } from '../clock.js';
import { clearFailedSignIns, findOfficer, findOfficerByCard, recordFailedSignIn, setPin, type Officer } from './officers.js';
import { hashPin, pinMatches, type PinHash } from './pin.js';
import type { StaffSession } from './schema.js';

export interface StaffDeskOptions {
  /** Wrong PINs in a row before the account locks. */
  maxAttempts?: number;
  lockMinutes?: number;
  /** Minutes without a staff action before the officer is signed out (a kiosk is left alone in a public hall). */
  idleMinutes?: number;
  onChange?: (session: StaffSession) => void;
}

export interface StaffDesk {
  signIn(staffNo: string, pin: string): StaffSession;
  /**
   * Sign-in with the officer's own ID card (its keyed hash) and PIN. A roster account that has no PIN yet takes this
   * PIN as its own: the card in hand is the proof of who chooses it.
   */
  signInByCard(cardKey: string, pin: string, random: RandomSource): StaffSession;
  signOut(): StaffSession;
  session(): StaffSession;
  /** The signed-in officer, or `unauthorized`; counts as activity for the idle sign-out. */
  requireOfficer(): Officer;
  /** The signed-in officer or undefined, without counting as activity (the access check asks before it allows). */
  current(): Officer | undefined;
  close(): void;
}

const MINUTE = 60_000;

// Compared against when the staff number is unknown, so both answers take the same scrypt time.
let decoy: PinHash | undefined;
const decoyHash = () => (decoy ??= hashPin('000000', { bytes: (n) => new Uint8Array(n) }));

export function createStaffDesk(db: Db, clock: Clock, options: StaffDeskOptions = {}): StaffDesk {
  const { maxAttempts = 5, lockMinutes = 15, idleMinutes = 5, onChange = () => {} } = options;
  let current: { officer: Officer; lastActive: number } | undefined;
  let timer: NodeJS.Timeout | undefined;

  const view = (): StaffSession =>
    current
      ? { officer: { staffNo: current.officer.staffNo, maskedName: maskName(current.officer.name), roles: current.officer.roles } }
      : { officer: null };

  const end = (): StaffSession => {
    const wasSignedIn = current !== undefined;
    current = undefined;
    if (timer) clearTimeout(timer);
    timer = undefined;
    const session = view();
    if (wasSignedIn) onChange(session);
    return session;
  };

  // Checked on every call and by a timer, so an abandoned session ends even if nobody calls again.
  const expired = () => current !== undefined && clock.now().getTime() - current.lastActive >= idleMinutes * MINUTE;
  const touch = () => {
    if (!current) return;
    current.lastActive = clock.now().getTime();
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => expired() && end(), idleMinutes * MINUTE + 1000);
    timer.unref();
  };

  /**
   * The one sign-in path: `candidate` is the account the PIN is checked against (undefined: none, compared with a
   * decoy), `counted` the account whose failures count towards the lockout.
   */
  const admit = (
    candidate: Officer | undefined,
    pin: string,
    counted: Officer | undefined,
    failure = 'errors.signInFailed',
  ): StaffSession => {
    const now = clock.now();
    if (counted?.lockedUntil && counted.lockedUntil > now.toISOString()) {
      const minutes = Math.ceil((Date.parse(counted.lockedUntil) - now.getTime()) / MINUTE);
      throw new KioskError('forbidden', 'errors.signInLocked', { minutes });
    }
    // An unknown number answers exactly like a wrong PIN, so the counter cannot be used to find staff numbers.
    const pinOk = pinMatches(pin, candidate?.pin ?? decoyHash());
    if (!candidate || !candidate.active || !pinOk) {
      if (counted) {
        const lock = counted.failedAttempts + 1 >= maxAttempts ? new Date(now.getTime() + lockMinutes * MINUTE).toISOString() : null;
        recordFailedSignIn(db, counted.staffNo, lock);
        if (lock) throw new KioskError('forbidden', 'errors.signInLocked', { minutes: lockMinutes });
      }
      // The same words for every failure: the rule, not the count, so nothing tells whether the number exists.
      throw new KioskError('unauthorized', failure, { attempts: maxAttempts, minutes: lockMinutes });
    }
    clearFailedSignIns(db, candidate.staffNo);
    current = { officer: candidate, lastActive: now.getTime() };
    touch();
    const session = view();
    onChange(session);
    return session;
  };

  return {
    signIn(staffNo, pin) {
      end();
      const officer = findOfficer(db, staffNo);
      // A roster account without a chosen PIN signs in by card only: its stored hash is of no PIN anybody knows.
      return admit(officer?.pinMustSet ? undefined : officer, pin, officer);
    },
    signInByCard(cardKey, pin, random) {
      end();
      const officer = findOfficerByCard(db, cardKey);
      if (officer?.pinMustSet && officer.active) {
        setPin(db, random, officer.staffNo, pin);
        return admit(findOfficer(db, officer.staffNo), pin, officer, 'errors.cardSignInFailed');
      }
      return admit(officer, pin, officer, 'errors.cardSignInFailed');
    },
    signOut: end,
    session() {
      if (expired()) end();
      return view();
    },
    requireOfficer() {
      if (expired()) end();
      if (!current) throw new KioskError('unauthorized', 'errors.staffOnly');
      touch();
      return current.officer;
    },
    current() {
      if (expired()) end();
      return current?.officer;
    },
    close() {
      if (timer) clearTimeout(timer);
    },
  };
}
