// The resident's flow after "yes, this is me" as a pure reducer: which step shows (a trail for "Back"), the answers so
// far, and what core answered (the existing application, the submission, a reprint or loss report). This state is the
// only place the declaration lives in the renderer: it goes when the flow unmounts (home, start over, idle timeout).
import type { ErrorData } from '../../../../electron/ipc/envelope.js';
import {
  phonePattern,
  type AnswerId,
  type Answers,
  type BeginOutput,
  type Declaration,
  type Purpose,
  type ReprintOutput,
  type ResidentApplication,
  type SubmitOutput,
} from './flow-types';

/** The yes/no questions of the declaration, one per screen. `lowRisk` and `observation` are the policy's extra questions. */
export type QuestionStep = 'fever' | 'cough' | 'travel' | 'lowRisk' | 'contact' | 'observation';

/** The steps whose answers the review screen lists and can change. */
export type AnswerStep = 'phone' | QuestionStep | 'purpose' | 'commitment';

export type Step =
  /** application.begin (and the policy) on the way. */
  | 'loading'
  | 'begin-failed'
  /** A second tap: the person's application, with reprint and loss report. */
  | 'status'
  | 'loss-confirm'
  | 'phone'
  | 'phone-number'
  | QuestionStep
  | 'purpose'
  | 'commitment'
  | 'review'
  | 'submitting'
  | 'submit-failed'
  | 'result';

export const questionSteps: readonly QuestionStep[] = ['fever', 'cough', 'travel', 'lowRisk', 'contact', 'observation'];
export const isQuestionStep = (step: Step): step is QuestionStep => (questionSteps as readonly Step[]).includes(step);

/** The declaration field behind each question (lowRisk and observation are answers, not declaration fields). */
export const questionFields = {
  fever: 'fever',
  cough: 'coughOrOtherSymptoms',
  travel: 'travelOutsideProvince14d',
  lowRisk: 'travelLowRiskProvincesOnly14d',
  contact: 'contactWithCase14d',
  observation: 'underMedicalObservation',
} as const satisfies Record<QuestionStep, keyof Draft>;

/** The answers given so far; undefined = not answered yet. */
export interface Draft {
  /** null: the resident chose not to leave a number. */
  phone?: string | null;
  fever?: boolean;
  coughOrOtherSymptoms?: boolean;
  travelOutsideProvince14d?: boolean;
  travelLowRiskProvincesOnly14d?: boolean;
  contactWithCase14d?: boolean;
  underMedicalObservation?: boolean;
  purpose?: Purpose;
  commitment?: true;
}

/** A reprint or loss report on the status screen: running, or what it printed. */
export type StatusAction = 'reprint' | 'loss';

export interface FlowState {
  /** The way back: the last entry is the step shown. */
  trail: readonly Step[];
  /** The policy's extra questions (application.begin). */
  askAnswers: readonly AnswerId[];
  draft: Draft;
  /** Came from the review's "change": the answer leads back to the review. */
  editing: boolean;
  /** The person's application (second tap), refreshed by a reprint or loss report. */
  application: ResidentApplication | undefined;
  submitted: SubmitOutput | undefined;
  /** The last reprint or loss report on the status screen and what core answered. */
  done: { action: StatusAction; output: ReprintOutput } | undefined;
  /** A reprint or loss report on its way: its buttons are disabled so it cannot be sent twice. */
  busy: StatusAction | undefined;
  error: ErrorData | undefined;
}

export type FlowAction =
  | { type: 'begun'; output: BeginOutput }
  | { type: 'begin-failed'; error: ErrorData }
  | { type: 'retry-begin' }
  | { type: 'phone-enter' }
  | { type: 'phone-skip' }
  | { type: 'phone-number'; phone: string }
  | { type: 'answer'; step: QuestionStep; value: boolean }
  | { type: 'purpose'; purpose: Purpose }
  | { type: 'commit' }
  | { type: 'change'; step: AnswerStep }
  | { type: 'back' }
  | { type: 'submit' }
  | { type: 'submitted'; output: SubmitOutput }
  | { type: 'submit-failed'; error: ErrorData }
  | { type: 'loss-ask' }
  | { type: 'action-start'; action: StatusAction }
  | { type: 'action-done'; action: StatusAction; output: ReprintOutput }
  | { type: 'action-failed'; error: ErrorData };

export const initialFlow: FlowState = {
  trail: ['loading'],
  askAnswers: [],
  draft: {},
  editing: false,
  application: undefined,
  submitted: undefined,
  done: undefined,
  busy: undefined,
  error: undefined,
};

export const currentStep = (state: FlowState): Step => state.trail.at(-1) ?? 'loading';

type Asked = Pick<FlowState, 'askAnswers' | 'draft'>;

/** Asked only when the policy in force mentions it and the resident said they travelled outside the province. */
const asksLowRisk = (state: Asked) =>
  state.askAnswers.includes('travelLowRiskProvincesOnly14d') && state.draft.travelOutsideProvince14d === true;

/**
 * Asked only when the policy in force mentions it and the resident said they were in contact with a case (close
 * contacts are who was put under medical observation); everyone else is spared a question about quarantine.
 */
const asksObservation = (state: Asked) => state.askAnswers.includes('underMedicalObservation') && state.draft.contactWithCase14d === true;

/**
 * The declaration's steps in order for this resident. An extra question counts until the answer that opens it is
 * "no" (travel for lowRisk, contact for observation), so "step n of m" may shrink but never grows under the
 * resident's eyes.
 */
export function answerSteps(state: Asked): AnswerStep[] {
  const lowRisk = state.askAnswers.includes('travelLowRiskProvincesOnly14d') && state.draft.travelOutsideProvince14d !== false;
  const observation = state.askAnswers.includes('underMedicalObservation') && state.draft.contactWithCase14d !== false;
  return [
    'phone',
    'fever',
    'cough',
    'travel',
    ...(lowRisk ? (['lowRisk'] as const) : []),
    'contact',
    ...(observation ? (['observation'] as const) : []),
    'purpose',
    'commitment',
  ];
}

/** "Step n of m" for the declaration's screens (the keypad counts as the phone step); undefined elsewhere. */
export function progressOf(state: FlowState): { current: number; total: number } | undefined {
  const step = currentStep(state);
  const steps: Step[] = [...answerSteps(state), 'review'];
  const index = steps.indexOf(step === 'phone-number' ? 'phone' : step);
  return index < 0 ? undefined : { current: index + 1, total: steps.length };
}

/** Whether a step has its answer. */
function answered(draft: Draft, step: AnswerStep): boolean {
  if (step === 'phone') return draft.phone !== undefined;
  if (step === 'purpose') return draft.purpose !== undefined;
  if (step === 'commitment') return draft.commitment === true;
  return draft[questionFields[step]] !== undefined;
}

/**
 * Where an answer leads: the next step, or back to the review when changing an answer — unless the change opened a
 * question not yet answered (travel or contact turned to "yes" with its extra question), which is asked first.
 */
function after(state: FlowState, step: AnswerStep): Step {
  const steps = answerSteps(state);
  if (state.editing) return steps.find((other) => !answered(state.draft, other)) ?? 'review';
  return steps[steps.indexOf(step) + 1] ?? 'review';
}

/** Records an answer and moves on: the keypad (if shown) gives way, so "Back" from the next step returns to the question. */
function answer(state: FlowState, step: AnswerStep, draft: Draft): FlowState {
  const next = { ...state, draft };
  const target = after(next, step);
  const base = state.trail.filter((entry) => entry !== 'phone-number');
  if (target === 'review' && state.editing) {
    // Back to the review that asked for the change, with the steps visited since it dropped.
    const review = base.lastIndexOf('review');
    return { ...next, trail: base.slice(0, review + 1), editing: false };
  }
  return { ...next, trail: [...base, target] };
}

/** The declaration to send, once every answer is in; undefined before. */
export function declarationOf(draft: Draft): Declaration | undefined {
  const { phone, fever, coughOrOtherSymptoms, travelOutsideProvince14d, contactWithCase14d, purpose, commitment } = draft;
  if (
    phone === undefined ||
    fever === undefined ||
    coughOrOtherSymptoms === undefined ||
    travelOutsideProvince14d === undefined ||
    contactWithCase14d === undefined ||
    purpose === undefined ||
    commitment !== true
  ) {
    return undefined;
  }
  // The kiosk has no thermometer: a temperature comes only from staff, so it is "not measured" here.
  return { temperatureC: null, fever, coughOrOtherSymptoms, travelOutsideProvince14d, contactWithCase14d, purpose, phone, commitment };
}

/** The policy's extra answers: only those asked, and only when they apply. */
export function answersOf(state: Asked): Answers {
  const { travelLowRiskProvincesOnly14d: lowRisk, underMedicalObservation: observation } = state.draft;
  return {
    ...(asksLowRisk(state) && lowRisk !== undefined ? { travelLowRiskProvincesOnly14d: lowRisk } : {}),
    ...(asksObservation(state) && observation !== undefined ? { underMedicalObservation: observation } : {}),
  };
}

export function flowReducer(state: FlowState, action: FlowAction): FlowState {
  const step = currentStep(state);
  switch (action.type) {
    case 'begun':
      if (step !== 'loading') return state;
      return {
        ...state,
        askAnswers: action.output.askAnswers,
        application: action.output.existing ?? undefined,
        trail: [action.output.existing ? 'status' : 'phone'],
        error: undefined,
      };
    case 'begin-failed':
      if (step !== 'loading') return state;
      return { ...state, trail: ['begin-failed'], error: action.error };
    case 'retry-begin':
      if (step !== 'begin-failed') return state;
      return { ...state, trail: ['loading'], error: undefined };
    case 'phone-enter':
      if (step !== 'phone') return state;
      return { ...state, trail: [...state.trail, 'phone-number'] };
    case 'phone-skip':
      if (step !== 'phone') return state;
      return answer(state, 'phone', { ...state.draft, phone: null });
    case 'phone-number':
      // The screen says what is wrong with a number; the reducer only never keeps a wrong one.
      if (step !== 'phone-number' || !phonePattern.test(action.phone)) return state;
      return answer(state, 'phone', { ...state.draft, phone: action.phone });
    case 'answer': {
      if (step !== action.step) return state;
      const draft: Draft = { ...state.draft, [questionFields[action.step]]: action.value };
      // "No travel" / "no contact" makes its extra question moot: the old answer must neither show nor be sent.
      if (action.step === 'travel' && !action.value) delete draft.travelLowRiskProvincesOnly14d;
      if (action.step === 'contact' && !action.value) delete draft.underMedicalObservation;
      return answer(state, action.step, draft);
    }
    case 'purpose':
      if (step !== 'purpose') return state;
      return answer(state, 'purpose', { ...state.draft, purpose: action.purpose });
    case 'commit':
      if (step !== 'commitment') return state;
      return answer(state, 'commitment', { ...state.draft, commitment: true });
    case 'change':
      if (step !== 'review' || !answerSteps(state).includes(action.step)) return state;
      return { ...state, trail: [...state.trail, action.step], editing: true };
    case 'back': {
      // Nothing to go back to once submitted or while submitting: the result stands (the screen offers "done").
      if (step === 'submitting' || step === 'result' || state.trail.length <= 1) return state;
      const trail = state.trail.slice(0, -1);
      return { ...state, trail, editing: state.editing && trail.at(-1) !== 'review', error: undefined };
    }
    case 'submit':
      // Only from the review (or a retry), only with every answer: a second press finds 'submitting' and does nothing.
      if ((step !== 'review' && step !== 'submit-failed') || declarationOf(state.draft) === undefined) return state;
      return { ...state, trail: [...state.trail.filter((entry) => entry !== 'submit-failed'), 'submitting'], error: undefined };
    case 'submitted':
      if (step !== 'submitting') return state;
      // Sent: the answers are no longer needed on this screen.
      return { ...state, trail: ['result'], submitted: action.output, draft: {} };
    case 'submit-failed':
      if (step !== 'submitting') return state;
      return { ...state, trail: [...state.trail.slice(0, -1), 'submit-failed'], error: action.error };
    case 'loss-ask':
      if (step !== 'status' || state.busy) return state;
      return { ...state, trail: [...state.trail, 'loss-confirm'], done: undefined, error: undefined };
    case 'action-start': {
      const from = action.action === 'loss' ? 'loss-confirm' : 'status';
      if (step !== from || state.busy) return state;
      return { ...state, busy: action.action, done: undefined, error: undefined };
    }
    case 'action-done':
      if (state.busy !== action.action) return state;
      return { ...state, trail: ['status'], busy: undefined, application: action.output.application, done: action };
    case 'action-failed':
      if (!state.busy) return state;
      return { ...state, trail: ['status'], busy: undefined, error: action.error };
  }
}
