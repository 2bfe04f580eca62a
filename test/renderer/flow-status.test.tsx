// A second tap: the person's application (status word and shape, validity, status as of — or "last known" when the
// province cannot be asked), print again (补打 n), "I lost my paper code" (挂失) behind a confirm step, and done.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { KioskError } from '../../electron/core/errors.js';
import { connectedSync, readyPrinter, type FakeKiosk } from './fake-kiosk';
import { answerUpToReview, click, currentStep, settle, startFlow, tapAndConfirm, type DeclarationAnswers } from './flow-helpers';

const text = (testId: string) => screen.getByTestId(testId).textContent ?? '';

/** Applies once (as the first tap), finishes, and taps the same card again: the status screen. */
async function secondTap(answers: DeclarationAnswers = {}, prepare?: (fake: FakeKiosk) => void): Promise<FakeKiosk> {
  const fake = await startFlow({}, prepare);
  answerUpToReview(answers);
  click('flow-submit');
  await settle();
  click('flow-done');
  await tapAndConfirm(fake);
  expect(currentStep()).toBe('status');
  return fake;
}

describe('a second tap', () => {
  it('finds the application: status word and shape, code number, validity, status time; no new declaration', async () => {
    const fake = await secondTap();
    expect(fake.callsTo('application.begin')).toHaveLength(2);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('您已经有一个申请');
    expect(text('flow-status-word')).toBe('● 绿码');
    expect(text('flow-fact-name')).toBe('张*丰');
    expect(text('flow-fact-ref')).toBe('QD-20240501-0001');
    expect(text('flow-fact-code-id')).toBe('8YEJ-WFTD-H001');
    expect(text('flow-fact-valid-until')).toMatch(/2024.*09:30/);
    expect(screen.getByTestId('flow-fact-as-of').previousElementSibling?.textContent).toBe('状态查询时间');
    expect(screen.queryByTestId('flow-fact-last-known')).toBeNull();
    expect(screen.getByTestId('status-reprint').textContent).toBe('再打印一张（补打）');
    expect(screen.getByTestId('status-lost').textContent).toBe('我的纸质码丢了（挂失）');
  });

  it('labels a status it could not refresh as "last known at …"', async () => {
    const fake = await secondTap();
    click('flow-done');
    fake.setSyncState({ ...connectedSync, connection: 'offline' });
    await tapAndConfirm(fake);
    expect(screen.getByTestId('flow-fact-last-known').previousElementSibling?.textContent).toContain('最后一次查到的时间');
    expect(screen.queryByTestId('flow-fact-as-of')).toBeNull();
  });

  it('an application under review: its deadline and rules; reprint gives the receipt again; nothing to report lost', async () => {
    const fake = await secondTap({ fever: true });
    expect(text('flow-status-word')).toBe('◇ 审核中');
    expect(text('flow-fact-review-due')).toContain('15:30');
    expect(screen.getAllByTestId('citation').map((item) => item.dataset.ruleId)).toEqual(['FAKE-1']);
    expect(screen.queryByTestId('status-lost')).toBeNull();
    click('status-reprint');
    await settle();
    expect(fake.printJobs().at(-1)).toMatchObject({ template: 'receipt', label: 'QD-20240501-0001', reprintNumber: 1 });
  });

  it('"done" ends the session', async () => {
    const fake = await secondTap();
    click('flow-done');
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(fake.callsTo('identity.clear')).toHaveLength(2);
  });
});

describe('print again (补打)', () => {
  it('prints the code again marked 补打 n, once per press', async () => {
    const fake = await secondTap();
    click('status-reprint');
    // While core works the buttons cannot be pressed again.
    expect(screen.getByTestId('status-busy')).toBeTruthy();
    expect((screen.getByTestId('status-reprint') as HTMLButtonElement).disabled).toBe(true);
    await settle();
    expect(fake.callsTo('application.reprint')).toEqual([
      { readId: 'read-0001-test', applicationId: fake.applications()[0]!.applicationId },
    ]);
    expect(text('status-done')).toBe('✓ 正在打印“补打 1”，请从打印机取走。');
    click('status-reprint');
    await settle();
    expect(text('status-done')).toContain('补打 2');
    expect(fake.printJobs().map((job) => [job.template, job.label, job.reprintNumber])).toEqual([
      ['paper-code', '8YEJ-WFTD-H001', 0],
      ['paper-code', '8YEJ-WFTD-H001', 1],
      ['paper-code', '8YEJ-WFTD-H001', 2],
    ]);
  });

  it('the printer cannot print: ask staff', async () => {
    const fake = await secondTap();
    fake.setPrinterStatus({ ...readyPrinter, state: 'cover-open' });
    click('status-reprint');
    await settle();
    expect(screen.getByTestId('status-done').dataset.outcome).toBe('printer');
    expect(text('status-done')).toContain('打印机暂时不能出纸');
  });

  it('a failed call says so and the buttons work again', async () => {
    const fake = await secondTap();
    fake.failApplicationCall('application.reprint', new KioskError('unavailable', 'errors.unavailable'));
    click('status-reprint');
    await settle();
    expect(text('status-error')).toContain('没有办成：暂时连不上本机服务');
    expect((screen.getByTestId('status-reprint') as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('I lost my paper code (挂失)', () => {
  it('asks first, saying the old paper stops working; "no" goes back without a call', async () => {
    const fake = await secondTap();
    click('status-lost');
    expect(currentStep()).toBe('loss-confirm');
    expect(text('loss-text')).toContain('旧的纸质码就不能再用了');
    click('loss-no');
    expect(currentStep()).toBe('status');
    click('status-lost');
    click('go-back');
    expect(currentStep()).toBe('status');
    expect(fake.callsTo('application.reportLoss')).toEqual([]);
  });

  it('confirmed: the old code is replaced and the new one prints', async () => {
    const fake = await secondTap();
    click('status-lost');
    click('loss-yes');
    await settle();
    expect(fake.callsTo('application.reportLoss')).toHaveLength(1);
    expect(currentStep()).toBe('status');
    expect(text('status-done')).toContain('旧的纸质码已经作废，新码正在打印');
    const newId = text('flow-fact-code-id');
    expect(newId).not.toBe('8YEJ-WFTD-H001');
    expect(fake.printJobs().at(-1)).toMatchObject({ template: 'paper-code', label: newId, reprintNumber: 0 });
  });

  it('the province cannot be reached: recorded, the new code will follow', async () => {
    const fake = await secondTap();
    fake.setSyncState({ ...connectedSync, connection: 'offline' });
    click('status-lost');
    click('loss-yes');
    await settle();
    expect(screen.getByTestId('status-done').dataset.outcome).toBe('loss-queued');
    expect(text('status-done')).toContain('已登记挂失');
    expect(text('flow-fact-code-id')).toBe('8YEJ-WFTD-H001');
  });
});

describe('looking the person up fails', () => {
  it('says so calmly; "try again" asks again', async () => {
    const fake = await startFlow({}, (kiosk) =>
      kiosk.failApplicationCall('application.begin', new KioskError('unavailable', 'errors.unavailable')),
    );
    expect(currentStep()).toBe('begin-failed');
    expect(text('flow-error')).toContain('暂时连不上本机服务');
    fake.failApplicationCall('application.begin', undefined);
    click('flow-retry');
    await settle();
    expect(currentStep()).toBe('phone');
  });
});
