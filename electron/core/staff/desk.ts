// Who is signed in at this terminal: PIN sign-in with lockout, sign-out on idle, and the guard staff-only calls use.
import type { Clock } from '../clock.js';
import type { Db } from '../db/open.js';
import { KioskError } from '../errors.js';
import { maskName } from '../privacy/mask.js';
import { clearFailedSignIns, findOfficer, recordFailedSignIn, type Officer } from './officers.js';
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

  return {
    signIn(staffNo, pin) {
      end();
      const officer = findOfficer(db, staffNo);
      const now = clock.now();
      if (officer?.lockedUntil && officer.lockedUntil > now.toISOString()) {
        const minutes = Math.ceil((Date.parse(officer.lockedUntil) - now.getTime()) / MINUTE);
        throw new KioskError('forbidden', 'errors.signInLocked', { minutes });
      }
      // An unknown number answers exactly like a wrong PIN, so the counter cannot be used to find staff numbers.
      const pinOk = pinMatches(pin, officer?.pin ?? decoyHash());
      if (!officer || !officer.active || !pinOk) {
        if (officer) {
          const lock = officer.failedAttempts + 1 >= maxAttempts ? new Date(now.getTime() + lockMinutes * MINUTE).toISOString() : null;
          recordFailedSignIn(db, officer.staffNo, lock);
          if (lock) throw new KioskError('forbidden', 'errors.signInLocked', { minutes: lockMinutes });
        }
        // The same words for every failure: the rule, not the count, so nothing tells whether the number exists.
        throw new KioskError('unauthorized', 'errors.signInFailed', { attempts: maxAttempts, minutes: lockMinutes });
      }
      clearFailedSignIns(db, officer.staffNo);
      current = { officer, lastActive: now.getTime() };
      touch();
      const session = view();
      onChange(session);
      return session;
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
