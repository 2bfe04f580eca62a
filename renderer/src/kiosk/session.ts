// The kiosk session as a pure reducer: which screen is showing (a trail for "Back"), the masked identity, the problem
// being explained and the signed-in officer. Pure so the rules about which event may change which screen are easy to
// test and to read.
import type { ErrorData } from '../../../electron/ipc/envelope.js';
import type { CardProblem, MaskedIdentity, RejectReason } from '../api/card-types';
import type { SignedInOfficer } from '../api/staff-types';

export type Screen =
  | 'home'
  | 'help'
  | 'rules'
  | 'staff'
  | 'staff-home'
  | 'staff-manual'
  | 'staff-checkpoint'
  | 'staff-printer'
  | 'identity'
  /** After "yes, this is me": the declaration or the existing application (kiosk/flow/ResidentFlow.tsx). */
  | 'flow'
  | 'card-problem';

/** The screens only a signed-in officer may see; leaving them for Home signs the officer out. */
export const staffScreens: readonly Screen[] = ['staff-home', 'staff-manual', 'staff-checkpoint', 'staff-printer'];

/** The staff screens reached from the staff home (and only from there, by a signed-in officer). */
type StaffTask = 'staff-manual' | 'staff-checkpoint' | 'staff-printer';
const staffTasks: readonly Screen[] = ['staff-manual', 'staff-checkpoint', 'staff-printer'] satisfies StaffTask[];
export const isStaffScreen = (screen: Screen) => staffScreens.includes(screen);

/** What went wrong with a tap or a swipe: a reader problem, a number core refused, or a failed call. */
export type ProblemView =
  { kind: 'card'; problem: CardProblem } | { kind: 'wedge'; reason: RejectReason } | { kind: 'error'; error: ErrorData };

/** A line Home shows once, after the resident said "that's not me". */
export type HomeNotice = 'not-me';

export interface SessionState {
  /** The way back: the last entry is the screen shown. */
  trail: readonly Screen[];
  /** Only while the identity screen or the resident's flow shows; dropped everywhere else (privacy). */
  identity: MaskedIdentity | undefined;
  problem: ProblemView | undefined;
  notice: HomeNotice | undefined;
  /** The officer signed in on this terminal (from sign-in until Home); undefined for residents. */
  officer: SignedInOfficer | undefined;
}

export type SessionAction =
  | { type: 'go'; screen: 'help' | 'rules' | 'staff' | StaffTask }
  | { type: 'signed-in'; officer: SignedInOfficer }
  | { type: 'manual-identity'; identity: MaskedIdentity }
  | { type: 'signed-out' }
  | { type: 'back' }
  | { type: 'home'; notice?: HomeNotice }
  | { type: 'identity'; identity: MaskedIdentity }
  | { type: 'problem'; problem: ProblemView }
  | { type: 'confirm' }
  | { type: 'clear-notice' };

export const initialSession: SessionState = {
  trail: ['home'],
  identity: undefined,
  problem: undefined,
  notice: undefined,
  officer: undefined,
};

export const currentScreen = (state: SessionState): Screen => state.trail.at(-1) ?? 'home';

/**
 * A card can be read on every resident screen: a new read also replaces what core holds, so the screen must follow it.
 * The staff screens are not the resident's, so no card starts a resident session there (the checkpoint screen takes
 * a tapped card as the holder's card for the code it checks, on its own).
 */
export const acceptsIdentity = (screen: Screen) => screen !== 'staff' && !isStaffScreen(screen);

/**
 * A failed tap does not interrupt someone answering "is this you?" or the declaration (they may be fiddling with the
 * card, and a problem screen would throw their answers away).
 */
export const acceptsProblem = (screen: Screen) => acceptsIdentity(screen) && screen !== 'identity' && screen !== 'flow';

/** The trail without the card screens on top, so "Back" from a problem leads to where the resident was before it. */
const withoutCardScreens = (trail: readonly Screen[]) => {
  const kept = [...trail];
  while (kept.length > 1 && ['identity', 'flow', 'card-problem'].includes(kept.at(-1) ?? '')) kept.pop();
  return kept;
};

export function sessionReducer(state: SessionState, action: SessionAction): SessionState {
  const screen = currentScreen(state);
  switch (action.type) {
    case 'go':
      // Manual entry, the checkpoint and the printer are for a signed-in officer, and only from the staff home.
      if (staffTasks.includes(action.screen) && (screen !== 'staff-home' || !state.officer)) return state;
      return { ...state, trail: [...state.trail, action.screen], notice: undefined };
    case 'signed-in':
      // The sign-in screen gives way to the staff home: "Back" from there never shows the keypad with the PIN again.
      if (screen !== 'staff') return state;
      return { ...state, trail: [...state.trail.slice(0, -1), 'staff-home'], officer: action.officer };
    case 'manual-identity':
      // Handed over to the resident: a trail without the staff screens, so no "Back" can lead into them.
      if (screen !== 'staff-manual') return state;
      return { ...state, trail: ['home', 'identity'], identity: action.identity, problem: undefined };
    case 'back': {
      const trail = state.trail.length > 1 ? state.trail.slice(0, -1) : state.trail;
      const top = trail.at(-1);
      return {
        ...state,
        trail,
        identity: top === 'identity' || top === 'flow' ? state.identity : undefined,
        problem: top === 'card-problem' ? state.problem : undefined,
        notice: undefined,
      };
    }
    case 'signed-out':
      // Core signed the officer out (idle, or elsewhere): off the staff screens at once; a resident screen stays.
      return isStaffScreen(screen) ? initialSession : { ...state, officer: undefined };
    case 'home':
      return { ...initialSession, notice: action.notice };
    case 'identity':
      if (!acceptsIdentity(screen)) return state;
      return {
        ...state,
        trail: [...withoutCardScreens(state.trail), 'identity'],
        identity: action.identity,
        problem: undefined,
        notice: undefined,
      };
    case 'problem':
      if (!acceptsProblem(screen)) return state;
      return {
        ...state,
        trail: [...withoutCardScreens(state.trail), 'card-problem'],
        identity: undefined,
        problem: action.problem,
        notice: undefined,
      };
    case 'confirm':
      // No way back to "is this you?" once answered: the answer stands until the session ends.
      if (screen !== 'identity') return state;
      return { ...state, trail: [...state.trail.slice(0, -1), 'flow'] };
    case 'clear-notice':
      return { ...state, notice: undefined };
  }
}
