// The resident session as a pure reducer: which screen is showing (a trail for "Back"), the masked identity and the
// problem being explained. Pure so the rules about which event may change which screen are easy to test and to read.
import type { ErrorData } from '../../../electron/ipc/envelope.js';
import type { CardProblem, MaskedIdentity, RejectReason } from '../api/card-types';

export type Screen = 'home' | 'help' | 'staff' | 'identity' | 'confirmed' | 'card-problem';

/** What went wrong with a tap or a swipe: a reader problem, a number core refused, or a failed call. */
export type ProblemView =
  { kind: 'card'; problem: CardProblem } | { kind: 'wedge'; reason: RejectReason } | { kind: 'error'; error: ErrorData };

/** A line Home shows once, after the resident said "that's not me". */
export type HomeNotice = 'not-me';

export interface SessionState {
  /** The way back: the last entry is the screen shown. */
  trail: readonly Screen[];
  /** Only while the identity or confirmed screen shows; dropped everywhere else (privacy). */
  identity: MaskedIdentity | undefined;
  problem: ProblemView | undefined;
  notice: HomeNotice | undefined;
}

export type SessionAction =
  | { type: 'go'; screen: 'help' | 'staff' }
  | { type: 'back' }
  | { type: 'home'; notice?: HomeNotice }
  | { type: 'identity'; identity: MaskedIdentity }
  | { type: 'problem'; problem: ProblemView }
  | { type: 'confirm' }
  | { type: 'clear-notice' };

export const initialSession: SessionState = { trail: ['home'], identity: undefined, problem: undefined, notice: undefined };

export const currentScreen = (state: SessionState): Screen => state.trail.at(-1) ?? 'home';

/**
 * A card can be read on every resident screen: a new read also replaces what core holds, so the screen must follow it.
 * The staff screen is not the resident's, so nothing there reacts to a card.
 */
export const acceptsIdentity = (screen: Screen) => screen !== 'staff';

/** A failed tap does not interrupt someone answering "is this you?" (they may be fiddling with the card). */
export const acceptsProblem = (screen: Screen) => acceptsIdentity(screen) && screen !== 'identity';

/** The trail without the card screens on top, so "Back" from a problem leads to where the resident was before it. */
const withoutCardScreens = (trail: readonly Screen[]) => {
  const kept = [...trail];
  while (kept.length > 1 && ['identity', 'confirmed', 'card-problem'].includes(kept.at(-1) ?? '')) kept.pop();
  return kept;
};

export function sessionReducer(state: SessionState, action: SessionAction): SessionState {
  const screen = currentScreen(state);
  switch (action.type) {
    case 'go':
      return { ...state, trail: [...state.trail, action.screen], notice: undefined };
    case 'back': {
      const trail = state.trail.length > 1 ? state.trail.slice(0, -1) : state.trail;
      const top = trail.at(-1);
      return {
        trail,
        identity: top === 'identity' || top === 'confirmed' ? state.identity : undefined,
        problem: top === 'card-problem' ? state.problem : undefined,
        notice: undefined,
      };
    }
    case 'home':
      return { ...initialSession, notice: action.notice };
    case 'identity':
      if (!acceptsIdentity(screen)) return state;
      return { trail: [...withoutCardScreens(state.trail), 'identity'], identity: action.identity, problem: undefined, notice: undefined };
    case 'problem':
      if (!acceptsProblem(screen)) return state;
      return {
        trail: [...withoutCardScreens(state.trail), 'card-problem'],
        identity: undefined,
        problem: action.problem,
        notice: undefined,
      };
    case 'confirm':
      // No way back to "is this you?" once answered: the answer stands until the session ends.
      if (screen !== 'identity') return state;
      return { ...state, trail: [...state.trail.slice(0, -1), 'confirmed'] };
    case 'clear-notice':
      return { ...state, notice: undefined };
  }
}
