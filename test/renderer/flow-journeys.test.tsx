// The resident's journeys at the screen level, against the fake kiosk's policy and desk: a code issued and printing,
// a review with the rule cited, an offline receipt, a refusal (under medical observation now) with the shipped rule's
// sentence, a printer that cannot print, a failed submission retried, one submission however often "send" is pressed,
// and the same in English.
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { KioskError } from '../../electron/core/errors.js';
import { connectedSync, fakeRules, readyPrinter } from './fake-kiosk';
import { answerUpToReview, click, currentStep, settle, startFlow, submit } from './flow-helpers';

const result = () => screen.getByTestId('result-summary');
const text = (testId: string) => screen.getByTestId(testId).textContent ?? '';

describe('a code issued', () => {
  it('sends the declaration as answered, shows the status word and shape, and says the code is printing', async () => {
    const fake = await startFlow();
    answerUpToReview({ purpose: 'family' });
    await submit();
    expect(fake.callsTo('application.submit')).toEqual([
      {
        readId: 'read-0001-test',
        declaration: {
          temperatureC: null,
          fever: false,
          coughOrOtherSymptoms: false,
          travelOutsideProvince14d: false,
          contactWithCase14d: false,
          purpose: 'family',
          phone: null,
          commitment: true,
        },
        answers: {},
        language: 'zh-CN',
      },
    ]);
    expect(currentStep()).toBe('result');
    expect(result().dataset.kind).toBe('issued');
    expect(result().dataset.printed).toBe('paper-code');
    expect(text('flow-status-word')).toBe('● 绿码');
    expect(text('result-printing')).toContain('纸质健康码正在打印，请从打印机取走');
    expect(text('flow-fact-code-id')).toBe('8YEJ-WFTD-H001');
    expect(text('flow-fact-valid-until')).toContain('2024');
    expect(screen.queryByTestId('citations')).toBeNull();
    // Core printed it: the screen only says so.
    expect(fake.printJobs().map((job) => [job.template, job.label])).toEqual([['paper-code', '8YEJ-WFTD-H001']]);
  });

  it('travel only to low-risk provinces: the extra question is asked and its answer sent', async () => {
    const fake = await startFlow();
    answerUpToReview({ travel: true, lowRisk: true });
    await submit();
    expect(fake.callsTo('application.submit')[0]).toMatchObject({
      declaration: { travelOutsideProvince14d: true },
      answers: { travelLowRiskProvincesOnly14d: true },
    });
    expect(result().dataset.kind).toBe('issued');
  });

  it('"Finish" ends the session: Home, identity cleared, nothing of the resident left on screen', async () => {
    const fake = await startFlow();
    answerUpToReview();
    await submit();
    click('flow-done');
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(fake.callsTo('identity.clear')).toHaveLength(1);
    expect(fake.holdsIdentity('read-0001-test')).toBe(false);
    expect(document.body.textContent).not.toContain('8YEJ-WFTD-H001');
    expect(window.localStorage.length).toBe(0);
  });
});

describe('needs review', () => {
  it('fever: the receipt prints, with the application number, the review deadline and the rule cited', async () => {
    const fake = await startFlow();
    answerUpToReview({ fever: true });
    await submit();
    expect(result().dataset.kind).toBe('review');
    expect(result().dataset.printed).toBe('receipt');
    expect(text('flow-status-word')).toBe('◇ 审核中');
    expect(text('result-due')).toMatch(/工作人员会在 .*15:30 前审核/);
    expect(text('result-printing')).toContain('受理回执正在打印');
    expect(text('flow-fact-ref')).toBe('QD-20240501-0001');
    const cited = screen.getAllByTestId('citation');
    expect(cited.map((item) => item.dataset.ruleId)).toEqual([fakeRules.fever.id]);
    expect(cited[0]?.textContent).toContain(fakeRules.fever.sentence['zh-CN']);
    expect(text('result-complaint')).toContain('12345');
    expect(fake.printJobs().map((job) => [job.template, job.label])).toEqual([['receipt', 'QD-20240501-0001']]);
  });

  it('contact with a case, not under observation: the observation answer is sent and the contact rule is cited', async () => {
    const fake = await startFlow();
    answerUpToReview({ contact: true, observation: false });
    await submit();
    expect(fake.callsTo('application.submit')[0]).toMatchObject({
      declaration: { contactWithCase14d: true },
      answers: { underMedicalObservation: false },
    });
    expect(result().dataset.kind).toBe('review');
    expect(screen.getAllByTestId('citation').map((item) => item.dataset.ruleId)).toEqual([fakeRules.contact.id]);
  });

  it('travel not confirmed low-risk: the travel rule is cited', async () => {
    await startFlow();
    answerUpToReview({ travel: true, lowRisk: false });
    await submit();
    expect(result().dataset.kind).toBe('review');
    expect(screen.getAllByTestId('citation').map((item) => item.dataset.ruleId)).toEqual([fakeRules.travel.id]);
  });
});

describe('the province cannot be reached', () => {
  it('accepted: the receipt prints and the code will follow here', async () => {
    await startFlow({}, (fake) => fake.setSyncState({ ...connectedSync, connection: 'offline' }));
    answerUpToReview();
    await submit();
    expect(result().dataset.kind).toBe('offline');
    expect(text('flow-status-word')).toContain('已受理');
    expect(text('result-offline')).toContain('恢复连接后自动办理');
    expect(text('result-printing')).toContain('受理回执正在打印');
    expect(text('result-later')).toContain('您的健康码会在这里打印出来');
    expect(text('flow-fact-ref')).toBe('QD-20240501-0001');
    expect(screen.queryByTestId('flow-fact-code-id')).toBeNull();
  });
});

describe('refused', () => {
  it('under medical observation now: the shipped rule in its plain sentence, what to do, the complaint line; nothing kept', async () => {
    const fake = await startFlow();
    answerUpToReview({ contact: true, observation: true });
    await submit();
    expect(fake.callsTo('application.submit')[0]).toMatchObject({ answers: { underMedicalObservation: true } });
    expect(result().dataset.kind).toBe('refused');
    const cited = screen.getAllByTestId('citation');
    // Every matching rule is cited: the contact review, then the refusal that decides it.
    expect(cited.map((item) => [item.dataset.ruleId, item.dataset.effect])).toEqual([
      [fakeRules.contact.id, 'review'],
      ['SD-0327-6', 'refuse'],
    ]);
    expect(within(result()).getByText('正在接受集中或居家隔离医学观察的，观察期满前不能办理健康通行码，期满后请再来办理。')).toBeTruthy();
    expect(result().textContent).toContain('请咨询工作人员');
    expect(text('result-complaint')).toBe('有疑问可以打 12345 热线。');
    expect(screen.queryByTestId('flow-status-word')).toBeNull();
    expect(fake.applications()).toEqual([]);
    expect(fake.printJobs()).toEqual([]);
  });
});

describe('the printer cannot print', () => {
  it('the code is issued but nothing printed: ask staff, plainly', async () => {
    await startFlow({}, (fake) => fake.setPrinterStatus({ ...readyPrinter, state: 'paper-end' }));
    answerUpToReview();
    await submit();
    expect(result().dataset.kind).toBe('issued');
    expect(result().dataset.printed).toBe('none');
    expect(text('result-printer')).toContain('打印机暂时不能出纸，请找工作人员帮您打印');
    expect(screen.queryByTestId('result-printing')).toBeNull();
  });
});

describe('sending', () => {
  it('shows a busy screen with nothing to press, and a second press cannot submit twice', async () => {
    const fake = await startFlow();
    answerUpToReview();
    const send = screen.getByTestId('flow-submit');
    fireEvent.click(send);
    fireEvent.click(send);
    // Before core answers: busy, with no Back and no Start over to abandon the print with.
    expect(currentStep()).toBe('submitting');
    expect(screen.getByTestId('flow-busy').textContent).toContain('正在提交');
    expect(screen.queryByTestId('go-back')).toBeNull();
    expect(screen.queryByTestId('go-home')).toBeNull();
    await settle();
    expect(currentStep()).toBe('result');
    expect(fake.callsTo('application.submit')).toHaveLength(1);
    expect(fake.applications()).toHaveLength(1);
  });

  it('a failed submission keeps the answers: the reason, then "send again" works', async () => {
    const fake = await startFlow();
    fake.failApplicationCall('application.submit', new KioskError('unavailable', 'errors.unavailable'));
    answerUpToReview({ fever: true });
    await submit();
    expect(currentStep()).toBe('submit-failed');
    expect(text('flow-error')).toContain('暂时连不上本机服务');
    fake.failApplicationCall('application.submit', undefined);
    click('flow-retry');
    await settle();
    expect(result().dataset.kind).toBe('review');
    const sent = fake.callsTo('application.submit');
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
  });

  it('Back from a failed submission returns to the review', async () => {
    const fake = await startFlow();
    fake.failApplicationCall('application.submit', new KioskError('unavailable', 'errors.unavailable'));
    answerUpToReview();
    await submit();
    click('go-back');
    expect(currentStep()).toBe('review');
  });
});

describe('in English', () => {
  it('asks, reviews and answers in English, and the slips print in English', async () => {
    const fake = await startFlow({ defaultLanguage: 'en' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Would you like to leave a mobile number?');
    click('phone-skip');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Have you had a fever in the last 14 days?');
    click('go-back');
    answerUpToReview({ fever: true });
    expect(text('review-answer-fever')).toBe('Yes');
    await submit();
    expect(fake.callsTo('application.submit')[0]).toMatchObject({ language: 'en' });
    expect(text('flow-status-word')).toBe('◇ Being reviewed');
    expect(screen.getAllByTestId('citation')[0]?.textContent).toContain(fakeRules.fever.sentence.en);
    expect(text('result-complaint')).toBe('Questions? Call the 12345 hotline.');
  });

  it('asks the observation question in English and refuses with the English sentence', async () => {
    await startFlow({ defaultLanguage: 'en' });
    answerUpToReview({ contact: true, observation: true });
    expect(text('review-answer-observation')).toBe('Yes');
    click('review-change-observation');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Are you in centralised or home medical observation (quarantine) now?',
    );
    click('go-back');
    await submit();
    expect(result().dataset.kind).toBe('refused');
    expect(result().textContent).toContain(
      'If you are in centralised or home medical observation now, a code cannot be issued until the observation ends; please come back then.',
    );
  });
});
