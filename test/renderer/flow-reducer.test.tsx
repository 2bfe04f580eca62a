// The flow reducer on its own: which action may change which step, what "Back" does, the extra questions, the one
// submission, and that the declaration is built only when every answer is in.
import { describe, expect, it } from 'vitest';
import {
  answerSteps,
  answersOf,
  currentStep,
  declarationOf,
  flowReducer,
  initialFlow,
  progressOf,
  type FlowAction,
  type FlowState,
} from '../../renderer/src/kiosk/flow/flow';
import type { ReprintOutput, ResidentApplication } from '../../renderer/src/kiosk/flow/flow-types';

const run = (actions: FlowAction[], from: FlowState = initialFlow) => actions.reduce(flowReducer, from);
const begun = (askAnswers: FlowState['askAnswers'] = ['travelLowRiskProvincesOnly14d']): FlowAction => ({
  type: 'begun',
  output: { policyId: 'p', askAnswers: [...askAnswers], existing: null },
});
const allNo: FlowAction[] = [
  { type: 'phone-skip' },
  { type: 'answer', step: 'fever', value: false },
  { type: 'answer', step: 'cough', value: false },
  { type: 'answer', step: 'travel', value: false },
  { type: 'answer', step: 'contact', value: false },
  { type: 'purpose', purpose: 'work' },
  { type: 'commit' },
];
const application: ResidentApplication = {
  applicationId: '00000000-0000-4000-8000-000000000001',
  ref: 'QD-20240501-0001',
  status: 'GREEN',
  statusAsOf: '2024-05-01T09:30:00+08:00',
  fresh: true,
  reviewDueAt: null,
  validUntil: '2024-05-15T09:30:00+08:00',
  humanId: '8YEJ-WFTD-H001',
  maskedName: '张*丰',
  maskedNumber: '11**************2X',
  submittedAt: '2024-05-01T09:30:00+08:00',
  proxyMaskedName: null,
  citations: [],
};
const error = { code: 'unavailable', key: 'errors.unavailable' } as const;

describe('flowReducer', () => {
  it('begins with the phone question, or with the status of an existing application', () => {
    expect(currentStep(run([begun()]))).toBe('phone');
    const existing = run([{ type: 'begun', output: { policyId: 'p', askAnswers: [], existing: application } }]);
    expect(currentStep(existing)).toBe('status');
    expect(existing.application).toEqual(application);
  });

  it('ignores an answer for a step that is not showing (a late or stray event)', () => {
    const state = run([begun()]);
    expect(run([{ type: 'answer', step: 'contact', value: true }], state)).toBe(state);
    expect(run([{ type: 'commit' }], state)).toBe(state);
    expect(run([{ type: 'submit' }], state)).toBe(state);
  });

  it('walks the declaration and builds it only when complete, with no temperature measured at the kiosk', () => {
    const partial = run([begun(), ...allNo.slice(0, -1)]);
    expect(declarationOf(partial.draft)).toBeUndefined();
    const review = run([{ type: 'commit' }], partial);
    expect(currentStep(review)).toBe('review');
    expect(declarationOf(review.draft)).toEqual({
      temperatureC: null,
      fever: false,
      coughOrOtherSymptoms: false,
      travelOutsideProvince14d: false,
      contactWithCase14d: false,
      purpose: 'work',
      phone: null,
      commitment: true,
    });
  });

  it('asks the low-risk question only when the policy asks it and the resident travelled', () => {
    const travelled = run([begun(), { type: 'phone-skip' }, ...allNo.slice(1, 3), { type: 'answer', step: 'travel', value: true }]);
    expect(currentStep(travelled)).toBe('lowRisk');
    const notAsked = run([begun([]), { type: 'phone-skip' }, ...allNo.slice(1, 3), { type: 'answer', step: 'travel', value: true }]);
    expect(currentStep(notAsked)).toBe('contact');
    expect(answerSteps(notAsked)).not.toContain('lowRisk');
    const answered = run([{ type: 'answer', step: 'lowRisk', value: true }], travelled);
    expect(answersOf(answered)).toEqual({ travelLowRiskProvincesOnly14d: true });
    expect(answersOf(notAsked)).toEqual({});
  });

  it('asks the observation question only when the policy asks it and the resident had contact with a case', () => {
    const both: FlowState['askAnswers'] = ['travelLowRiskProvincesOnly14d', 'underMedicalObservation'];
    const upToContact = [begun(both), { type: 'phone-skip' }, ...allNo.slice(1, 4)] as FlowAction[];
    const contact = run([...upToContact, { type: 'answer', step: 'contact', value: true }]);
    expect(currentStep(contact)).toBe('observation');
    expect(answersOf(contact)).toEqual({});
    const noContact = run([...upToContact, { type: 'answer', step: 'contact', value: false }]);
    expect(currentStep(noContact)).toBe('purpose');
    expect(answerSteps(noContact)).not.toContain('observation');
    const notListed = run([begun(), { type: 'phone-skip' }, ...allNo.slice(1, 4), { type: 'answer', step: 'contact', value: true }]);
    expect(currentStep(notListed)).toBe('purpose');
    expect(answerSteps(notListed)).not.toContain('observation');
    const observed = run([{ type: 'answer', step: 'observation', value: true }], contact);
    expect(currentStep(observed)).toBe('purpose');
    expect(answersOf(observed)).toEqual({ underMedicalObservation: true });
    // Not in the declaration: it is a policy answer only.
    const review = run([{ type: 'purpose', purpose: 'work' }, { type: 'commit' }], observed);
    expect(declarationOf(review.draft)).not.toHaveProperty('underMedicalObservation');
    expect(answerSteps(review)).toEqual(['phone', 'fever', 'cough', 'travel', 'contact', 'observation', 'purpose', 'commitment']);
  });

  it('contact changed to "no" drops the observation answer; changed back to "yes" asks it again before the review', () => {
    const both: FlowState['askAnswers'] = ['travelLowRiskProvincesOnly14d', 'underMedicalObservation'];
    const review = run([
      begun(both),
      ...allNo.slice(0, 4),
      { type: 'answer', step: 'contact', value: true },
      { type: 'answer', step: 'observation', value: true },
      ...allNo.slice(5),
    ]);
    expect(currentStep(review)).toBe('review');
    expect(answersOf(review)).toEqual({ underMedicalObservation: true });
    const noContact = run(
      [
        { type: 'change', step: 'contact' },
        { type: 'answer', step: 'contact', value: false },
      ],
      review,
    );
    expect(currentStep(noContact)).toBe('review');
    expect(noContact.draft.underMedicalObservation).toBeUndefined();
    expect(answersOf(noContact)).toEqual({});
    // Not a step any more: "change" cannot open it.
    expect(run([{ type: 'change', step: 'observation' }], noContact)).toBe(noContact);
    const again = run(
      [
        { type: 'change', step: 'contact' },
        { type: 'answer', step: 'contact', value: true },
      ],
      noContact,
    );
    expect(currentStep(again)).toBe('observation');
    const back = run([{ type: 'answer', step: 'observation', value: false }], again);
    expect(currentStep(back)).toBe('review');
    expect(answersOf(back)).toEqual({ underMedicalObservation: false });
  });

  it('keeps no invalid phone number', () => {
    const keypad = run([begun(), { type: 'phone-enter' }]);
    expect(currentStep(keypad)).toBe('phone-number');
    for (const phone of ['1380013800', '23800138000', '138001380001', '1380013800a']) {
      expect(run([{ type: 'phone-number', phone }], keypad)).toBe(keypad);
    }
    const ok = run([{ type: 'phone-number', phone: '13800138000' }], keypad);
    expect(ok.draft.phone).toBe('13800138000');
    expect(ok.trail).toEqual(['phone', 'fever']);
  });

  it('counts progress over the steps that apply', () => {
    const state = run([begun(), { type: 'phone-skip' }]);
    expect(progressOf(state)).toEqual({ current: 2, total: 9 });
    expect(progressOf(run([begun([]), { type: 'phone-skip' }]))).toEqual({ current: 2, total: 8 });
    // Both extra questions count until the answer that opens each is "no".
    const both = run([begun(['travelLowRiskProvincesOnly14d', 'underMedicalObservation']), { type: 'phone-skip' }]);
    expect(progressOf(both)).toEqual({ current: 2, total: 10 });
    expect(progressOf(run(allNo.slice(1, 5), both))).toEqual({ current: 6, total: 8 });
    expect(progressOf(run([begun(), { type: 'phone-enter' }]))).toEqual({ current: 1, total: 9 });
    expect(progressOf(initialFlow)).toBeUndefined();
  });

  it('submits once: a second "submit" while sending is ignored; the answers go once sent', () => {
    const sending = run([begun(), ...allNo, { type: 'submit' }]);
    expect(currentStep(sending)).toBe('submitting');
    expect(run([{ type: 'submit' }], sending)).toBe(sending);
    expect(run([{ type: 'back' }], sending)).toBe(sending);
    const citation = { ruleId: 'FAKE-2', effect: 'refuse', sentence: { 'zh-CN': '不能办理。', en: 'Refused.' } } as const;
    const done = run([{ type: 'submitted', output: { outcome: 'refused', citations: [citation] } }], sending);
    expect(done.trail).toEqual(['result']);
    expect(done.draft).toEqual({});
    expect(run([{ type: 'back' }], done)).toBe(done);
  });

  it('a failed submission keeps the answers and may be retried', () => {
    const failed = run([begun(), ...allNo, { type: 'submit' }, { type: 'submit-failed', error }]);
    expect(currentStep(failed)).toBe('submit-failed');
    expect(declarationOf(failed.draft)).toBeDefined();
    expect(currentStep(run([{ type: 'submit' }], failed))).toBe('submitting');
    expect(currentStep(run([{ type: 'back' }], failed))).toBe('review');
  });

  it('a reprint or loss report runs one at a time and lands on the status with its answer', () => {
    const status = run([{ type: 'begun', output: { policyId: 'p', askAnswers: [], existing: application } }]);
    const busy = run([{ type: 'action-start', action: 'reprint' }], status);
    expect(busy.busy).toBe('reprint');
    expect(run([{ type: 'action-start', action: 'reprint' }], busy)).toBe(busy);
    expect(run([{ type: 'loss-ask' }], busy)).toBe(busy);
    const output: ReprintOutput = { application: { ...application, humanId: 'NEW' }, printJob: null, queued: true };
    const done = run([{ type: 'action-done', action: 'reprint', output }], busy);
    expect(done.busy).toBeUndefined();
    expect(done.application?.humanId).toBe('NEW');
    // A loss report needs its confirm step first.
    expect(run([{ type: 'action-start', action: 'loss' }], done)).toBe(done);
    const confirmed = run([{ type: 'loss-ask' }, { type: 'action-start', action: 'loss' }, { type: 'action-failed', error }], done);
    expect(confirmed.trail).toEqual(['status']);
    expect(confirmed.error).toEqual(error);
  });
});
