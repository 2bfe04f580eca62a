// Moving through the declaration: one question per screen with "step n of m", Back and Start over on every step, the
// optional phone number on a keypad with a plain error, "change" from the review, a card problem that does not break
// in, a new card that does, and the idle timeout that forgets everything.
import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { testIdentity } from './fake-kiosk';
import { answerUpToReview, answerYesNo, click, currentStep, settle, startFlow, tapAndConfirm } from './flow-helpers';
import { renderApp } from './render-app';
import { pressKeys } from './staff-helpers';

const text = (testId: string) => screen.getByTestId(testId).textContent ?? '';
const progress = () => screen.getByTestId('flow-progress').dataset;

/** How to answer each step and move on (the first answer that leads forward). */
const forward: Record<string, () => void> = {
  phone: () => click('phone-skip'),
  'phone-number': () => {
    pressKeys('13800138000');
    click('phone-ok');
  },
  fever: () => answerYesNo(false),
  cough: () => answerYesNo(false),
  travel: () => answerYesNo(true),
  lowRisk: () => answerYesNo(true),
  contact: () => answerYesNo(true),
  observation: () => answerYesNo(false),
  purpose: () => click('purpose-medical'),
  commitment: () => click('commitment-confirm'),
};
/** Every step, with both extra questions opened (travel and contact answered "yes"). */
const path = ['phone', 'fever', 'cough', 'travel', 'lowRisk', 'contact', 'observation', 'purpose', 'commitment', 'review'];

async function flowAt(step: string) {
  const fake = await startFlow();
  for (const name of path.slice(0, path.indexOf(step))) forward[name]!();
  expect(currentStep()).toBe(step);
  return fake;
}

describe('every step', () => {
  it('one question per screen, each with "step n of m" as dots and words', async () => {
    await startFlow();
    const seen: string[] = [];
    for (const step of path) {
      expect(currentStep()).toBe(step);
      expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
      expect(progress()).toMatchObject({ current: String(path.indexOf(step) + 1), total: String(path.length) });
      seen.push(text('flow-progress'));
      if (step !== 'review') forward[step]!();
    }
    expect(seen[0]).toContain('第 1 步，共 10 步');
    expect(seen.at(-1)).toContain('第 10 步，共 10 步');
  });

  it('the low-risk question is not a step once the resident says they did not travel (the count shrinks)', async () => {
    await startFlow();
    click('phone-skip');
    answerYesNo(false);
    answerYesNo(false);
    expect(progress()).toMatchObject({ current: '4', total: '10' });
    answerYesNo(false);
    expect(currentStep()).toBe('contact');
    expect(progress()).toMatchObject({ current: '5', total: '9' });
  });

  it('the observation question is not a step once the resident says they had no contact (the count shrinks)', async () => {
    await startFlow();
    click('phone-skip');
    answerYesNo(false);
    answerYesNo(false);
    answerYesNo(false);
    expect(progress()).toMatchObject({ current: '5', total: '9' });
    answerYesNo(false);
    expect(currentStep()).toBe('purpose');
    expect(progress()).toMatchObject({ current: '6', total: '8' });
  });

  it('the observation question follows contact = yes: its words and hint, then on to the purpose', async () => {
    await flowAt('observation');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('您现在是否正在接受集中或居家隔离医学观察？');
    expect(document.body.textContent).toContain('观察已经结束的，请按“没有”。');
    expect(progress()).toMatchObject({ current: '7', total: '10' });
    answerYesNo(false);
    expect(currentStep()).toBe('purpose');
  });

  it.each(path.slice(1))('Back from %s shows the step before, with its answer kept', async (step) => {
    await flowAt(step);
    click('go-back');
    const before = path[path.indexOf(step) - 1]!;
    expect(currentStep()).toBe(before);
    if (before === 'travel' || before === 'lowRisk' || before === 'contact')
      expect(screen.getByTestId('answer-yes').getAttribute('aria-pressed')).toBe('true');
    if (before === 'purpose') expect(screen.getByTestId('purpose-medical').getAttribute('aria-pressed')).toBe('true');
  });

  it('Back from the first step ends the session (there is no going back to "is this you?")', async () => {
    const fake = await startFlow();
    click('go-back');
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(fake.callsTo('identity.clear')).toHaveLength(1);
  });

  it.each([...path, 'phone-number'])('Start over on %s: Home, identity cleared, answers gone', async (step) => {
    const fake = step === 'phone-number' ? await startFlow() : await flowAt(step);
    if (step === 'phone-number') click('phone-enter');
    click('go-home');
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(fake.callsTo('identity.clear')).toHaveLength(1);
    expect(fake.holdsIdentity(testIdentity.readId)).toBe(false);
    // The next person (or the same one again) starts with nothing answered.
    await tapAndConfirm(fake);
    expect(currentStep()).toBe('phone');
    click('phone-skip');
    expect(screen.getByTestId('answer-yes').getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByTestId('answer-no').getAttribute('aria-pressed')).toBe('false');
  });
});

describe('the mobile number', () => {
  it('skipping is the big default; a typed number is checked, shown in groups, and sent', async () => {
    const fake = await startFlow();
    expect(screen.getByTestId('phone-skip').className).toContain('button-primary');
    click('phone-enter');
    expect(currentStep()).toBe('phone-number');
    expect(text('phone-display')).toBe('还没有输入');
    pressKeys('2380013800');
    click('phone-ok');
    expect(text('phone-invalid')).toBe('手机号应该是 11 位数字，以 1 开头。请再看一下。');
    expect(currentStep()).toBe('phone-number');
    click('key-clear');
    expect(screen.queryByTestId('phone-invalid')).toBeNull();
    pressKeys('138001380009');
    // The twelfth digit does not fit.
    expect(text('phone-display')).toBe('138 0013 8000');
    click('phone-ok');
    expect(currentStep()).toBe('fever');
    // Back returns to the question, not the keypad.
    click('go-back');
    expect(currentStep()).toBe('phone');
    click('phone-enter');
    expect(text('phone-display')).toBe('138 0013 8000');
    click('key-backspace');
    expect(screen.getByTestId('phone-display').dataset.digits).toBe('1380013800');
    pressKeys('1');
    click('phone-ok');
    answerYesNo(false);
    answerYesNo(false);
    answerYesNo(false);
    answerYesNo(false);
    click('purpose-work');
    click('commitment-confirm');
    expect(text('review-answer-phone')).toBe('138 0013 8001');
    click('flow-submit');
    await settle();
    expect(fake.callsTo('application.submit')[0]).toMatchObject({ declaration: { phone: '13800138001' } });
  });
});

describe('the review', () => {
  it('lists every answer in words, each with "change"', async () => {
    await startFlow();
    answerUpToReview({
      phone: '13912345678',
      fever: true,
      travel: true,
      lowRisk: false,
      contact: true,
      observation: false,
      purpose: 'school',
    });
    const steps = ['phone', 'fever', 'cough', 'travel', 'lowRisk', 'contact', 'observation', 'purpose', 'commitment'];
    expect(screen.getAllByTestId(/^review-answer-/).map((answer) => answer.dataset.testid)).toEqual(
      steps.map((step) => `review-answer-${step}`),
    );
    expect(steps.map((step) => text(`review-answer-${step}`))).toEqual([
      '139 1234 5678',
      '是',
      '否',
      '是',
      '否',
      '是',
      '否',
      '上学',
      '已承诺',
    ]);
    expect(text('review-observation')).toContain('正在接受隔离医学观察');
    for (const step of ['phone', 'fever', 'cough', 'travel', 'lowRisk', 'contact', 'observation', 'purpose']) {
      expect(screen.getByTestId(`review-change-${step}`).textContent).toBe('修改');
    }
  });

  it('"change" asks that one question again and comes back to the review', async () => {
    const fake = await startFlow();
    answerUpToReview();
    click('review-change-cough');
    expect(currentStep()).toBe('cough');
    expect(screen.getByTestId('answer-no').getAttribute('aria-pressed')).toBe('true');
    answerYesNo(true);
    expect(currentStep()).toBe('review');
    expect(text('review-answer-cough')).toBe('是');
    click('review-change-purpose');
    click('purpose-other');
    expect(text('review-answer-purpose')).toBe('其他事情');
    click('flow-submit');
    await settle();
    expect(fake.callsTo('application.submit')[0]).toMatchObject({ declaration: { coughOrOtherSymptoms: true, purpose: 'other' } });
  });

  it('changing travel to "yes" asks the low-risk question before returning; back to "no" drops its answer', async () => {
    const fake = await startFlow();
    answerUpToReview();
    expect(screen.queryByTestId('review-lowRisk')).toBeNull();
    click('review-change-travel');
    answerYesNo(true);
    expect(currentStep()).toBe('lowRisk');
    answerYesNo(true);
    expect(currentStep()).toBe('review');
    expect(text('review-answer-lowRisk')).toBe('是');
    click('review-change-travel');
    answerYesNo(false);
    expect(currentStep()).toBe('review');
    expect(screen.queryByTestId('review-lowRisk')).toBeNull();
    click('flow-submit');
    await settle();
    expect(fake.callsTo('application.submit')[0]).toMatchObject({ answers: {}, declaration: { travelOutsideProvince14d: false } });
  });

  it('changing contact to "yes" asks the observation question before returning; back to "no" drops its answer', async () => {
    const fake = await startFlow();
    answerUpToReview();
    expect(screen.queryByTestId('review-observation')).toBeNull();
    click('review-change-contact');
    answerYesNo(true);
    expect(currentStep()).toBe('observation');
    answerYesNo(false);
    expect(currentStep()).toBe('review');
    expect(text('review-answer-observation')).toBe('否');
    expect(screen.getByTestId('review-change-observation').textContent).toBe('修改');
    click('review-change-contact');
    answerYesNo(false);
    expect(currentStep()).toBe('review');
    expect(screen.queryByTestId('review-observation')).toBeNull();
    click('flow-submit');
    await settle();
    expect(fake.callsTo('application.submit')[0]).toMatchObject({ answers: {}, declaration: { contactWithCase14d: false } });
  });

  it('Back from a "change" returns to the review unchanged', async () => {
    await startFlow();
    answerUpToReview();
    click('review-change-fever');
    click('go-back');
    expect(currentStep()).toBe('review');
    expect(text('review-answer-fever')).toBe('否');
  });
});

describe('cards during the flow', () => {
  it('a failed tap does not interrupt the questions', async () => {
    const fake = await flowAt('contact');
    act(() => fake.emit('card.problem', { problem: 'unreadable' }));
    expect(currentStep()).toBe('contact');
  });

  it('a new card is a new person: "is this you?" for that card, the answers gone', async () => {
    const fake = await flowAt('purpose');
    act(() => fake.emit('card.read', { ...testIdentity, readId: 'read-0002-test', maskedName: '李*' }));
    expect(screen.getByTestId('identity-masked-name').textContent).toBe('李*');
    click('identity-yes');
    await settle();
    expect(fake.callsTo('application.begin')).toEqual([{ readId: testIdentity.readId }, { readId: 'read-0002-test' }]);
    expect(currentStep()).toBe('phone');
  });
});

describe('idle timeout mid-flow (WCAG 2.2.1)', () => {
  const seconds = (n: number) => act(() => vi.advanceTimersByTime(n * 1000));

  it('warns with a countdown, "more time" keeps the step, silence clears everything', async () => {
    vi.useFakeTimers();
    const fake = await startFlow({ idle: { timeoutSeconds: 60, warningSeconds: 30 } });
    click('phone-enter');
    pressKeys('1390000');
    seconds(60);
    expect(screen.getByTestId('idle-warning')).toBeTruthy();
    click('idle-more-time');
    expect(screen.queryByTestId('idle-warning')).toBeNull();
    expect(text('phone-display')).toBe('139 0000');
    click('phone-ok');
    click('key-clear');
    pressKeys('13900001111');
    click('phone-ok');
    answerYesNo(true);
    expect(currentStep()).toBe('cough');
    seconds(60);
    expect(screen.getByTestId('idle-warning')).toBeTruthy();
    seconds(30);
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(fake.callsTo('identity.clear')).toHaveLength(1);
    expect(fake.holdsIdentity(testIdentity.readId)).toBe(false);
    expect(document.body.textContent).not.toContain('张*丰');
    expect(document.body.textContent).not.toContain('1390000');
    expect(window.localStorage.length).toBe(0);
    expect(window.sessionStorage.length).toBe(0);
    // Tapping again starts from nothing: no phone, no fever answer carried over.
    await tapAndConfirm(fake);
    click('phone-enter');
    expect(text('phone-display')).toBe('还没有输入');
  });

  it('a new step starts a fresh idle period', async () => {
    vi.useFakeTimers();
    await startFlow({ idle: { timeoutSeconds: 60, warningSeconds: 30 } });
    seconds(50);
    click('phone-skip');
    seconds(50);
    expect(screen.queryByTestId('idle-warning')).toBeNull();
    seconds(15);
    expect(screen.getByTestId('idle-warning')).toBeTruthy();
  });

  it('on the status screen of a second tap too: the masked name goes with the session', async () => {
    vi.useFakeTimers();
    const fake = await renderApp({ idle: { timeoutSeconds: 60, warningSeconds: 30 } });
    await tapAndConfirm(fake);
    answerUpToReview();
    click('flow-submit');
    await settle();
    click('flow-done');
    await tapAndConfirm(fake);
    expect(currentStep()).toBe('status');
    expect(text('flow-fact-name')).toBe('张*丰');
    seconds(60);
    expect(screen.getByTestId('idle-warning')).toBeTruthy();
    seconds(30);
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(document.body.textContent).not.toContain('张*丰');
    expect(document.body.textContent).not.toContain('QD-20240501-0001');
    expect(fake.callsTo('identity.clear')).toHaveLength(2);
  });
});
