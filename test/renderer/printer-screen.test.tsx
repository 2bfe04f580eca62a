// The printer for staff and residents: its state on every staff strip (following pushes), the printer screen's journal
// (failed slips first, reprint with 补打 n, dismiss only after a confirm, previews as images), and Home's plain notice.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { PrintJob, PrinterStatus } from '../../electron/core/printing/schema.js';
import { KioskError } from '../../electron/core/errors.js';
import { initialSession, sessionReducer } from '../../renderer/src/kiosk/session';
import { demoOfficer, printJob, readyPrinter, type FakeKiosk } from './fake-kiosk';
import { renderApp } from './render-app';
import { settle, signedIn } from './staff-helpers';

const idle = { timeoutSeconds: 60, warningSeconds: 30 };
const seconds = (n: number) => act(() => vi.advanceTimersByTime(n * 1000));

const paperOut: PrinterStatus = { ...readyPrinter, state: 'paper-end' };

/** A small journal: a done paper code, a receipt refused before printing, a paper code cut off mid-slip, newest last. */
const journal: PrintJob[] = [
  printJob({ id: 1, label: '8YEJ-WFTD-HTBT-6=', createdAt: '2024-05-01T08:55:00+08:00' }),
  printJob({
    id: 2,
    template: 'receipt',
    label: 'A-20240501-0002',
    state: 'failed',
    reason: 'cover-open',
    mayHavePrinted: false,
    createdAt: '2024-05-01T09:05:00+08:00',
  }),
  printJob({ id: 3, label: 'QX7P-2M4K-99AB-3C', state: 'failed', reason: 'disconnected', createdAt: '2024-05-01T09:10:00+08:00' }),
];

/** The strip of the screen showing now (the printer screen shows the state a second time, in its summary). */
const strip = () => screen.getByTestId('staff-strip');
const stripPrinter = () => within(strip()).getByTestId('printer-status');
const rows = (group: 'print-attention' | 'print-journal') =>
  within(screen.getByTestId(group))
    .queryAllByTestId('print-job')
    .map((row) => Number(row.getAttribute('data-job')));
const row = (jobId: number) => {
  const found = screen.getAllByTestId('print-job').find((candidate) => candidate.getAttribute('data-job') === String(jobId));
  if (!found) throw new Error(`job ${jobId} is not listed`);
  return found;
};
const inRow = (jobId: number, testId: string) => within(row(jobId)).getByTestId(testId);

async function onPrinterScreen(seed: readonly PrintJob[] = journal, info: Parameters<typeof signedIn>[0] = {}): Promise<FakeKiosk> {
  const fake = await signedIn(info);
  fake.seedPrintJobs(seed);
  fireEvent.click(screen.getByTestId('staff-open-printer'));
  await settle();
  expect(screen.getByTestId('staff-printer')).toBeTruthy();
  return fake;
}

describe('the printer on the staff strip', () => {
  it('shows the state on the staff home, manual entry and the checkpoint, and follows pushes', async () => {
    const fake = await signedIn();
    await settle();
    expect(stripPrinter().getAttribute('data-state')).toBe('ready');
    expect(within(stripPrinter()).getByTestId('printer-state').textContent).toBe('● 打印机就绪');

    act(() => fake.pushPrinterStatus({ ...paperOut, failedJobs: 2 }));
    expect(stripPrinter().getAttribute('data-state')).toBe('paper-end');
    expect(within(stripPrinter()).getByTestId('printer-state').textContent).toBe('▲ 打印机缺纸：请装入新纸卷');
    expect(within(stripPrinter()).getByTestId('printer-failed').textContent).toContain('2 张没有打印成功');

    fireEvent.click(screen.getByTestId('staff-manual'));
    expect(within(screen.getByTestId('staff-manual-entry')).getByTestId('printer-status').getAttribute('data-state')).toBe('paper-end');
    act(() => fake.pushPrinterStatus({ ...readyPrinter, state: 'cover-open' }));
    expect(stripPrinter().getAttribute('data-state')).toBe('cover-open');
    fireEvent.click(screen.getByTestId('go-back'));

    fireEvent.click(screen.getByTestId('staff-open-checkpoint'));
    expect(within(screen.getByTestId('staff-checkpoint')).getByTestId('printer-status').getAttribute('data-state')).toBe('cover-open');
    act(() => fake.pushPrinterStatus(readyPrinter));
    expect(stripPrinter().getAttribute('data-state')).toBe('ready');
    expect(within(stripPrinter()).queryByTestId('printer-failed')).toBeNull();
    // Asked once for the whole session; everything after came from pushes.
    expect(fake.callsTo('printer.status')).toHaveLength(1);
  });

  it('the staff home says on the printer button how many slips wait', async () => {
    const fake = await signedIn();
    await settle();
    expect(screen.queryByTestId('staff-open-printer-failed')).toBeNull();
    act(() => fake.pushPrinterStatus({ ...readyPrinter, failedJobs: 3 }));
    expect(screen.getByTestId('staff-open-printer-failed').textContent).toBe('▲ 3 张没打出来，等待处理');
  });
});

describe('the printer screen', () => {
  it('lists the journal: slips that did not print first, each in words, with what to do', async () => {
    const fake = await onPrinterScreen();
    expect(fake.callsTo('printer.jobs')).toEqual([{ limit: 50 }]);
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['打印机与补打']);
    expect(rows('print-attention')).toEqual([3, 2]);
    expect(rows('print-journal')).toEqual([1]);
    expect(within(screen.getByTestId('print-attention')).getByRole('heading', { level: 2 }).textContent).toBe('需要处理（2 张）');

    expect(inRow(1, 'job-kind').textContent).toBe('健康码（纸质） 8YEJ-WFTD-HTBT-6=');
    expect(inRow(1, 'job-state').textContent).toBe('✓ 已打印');
    // Core's wall time, in its own offset, whatever the browser's zone.
    expect(inRow(1, 'job-time').textContent).toMatch(/2024年5月1日.* 08:55$/);
    expect(within(row(1)).queryByTestId('job-reason')).toBeNull();
    expect(within(row(1)).queryByTestId('job-reprint')).toBeNull();

    expect(inRow(2, 'job-kind').textContent).toBe('受理回执 A-20240501-0002');
    expect(inRow(2, 'job-state').textContent).toBe('▲ 没有打印成功');
    expect(inRow(2, 'job-reason').textContent).toBe('原因：打印机盖没有关好。 请合上打印机盖，再打印。');
    expect(inRow(3, 'job-reason').getAttribute('data-reason')).toBe('disconnected');
    expect(inRow(3, 'job-advice').textContent).toContain('先看看出纸口');
    // The summary repeats the state, and says nothing is pending when nothing is.
    expect(within(screen.getByTestId('printer-summary')).getByTestId('printer-state').textContent).toBe('● 打印机就绪');
    expect(screen.queryByTestId('printer-pending')).toBeNull();
  });

  it('every failure reason is said in words with advice, and nothing raw', async () => {
    const reasons = ['paper-end', 'cover-open', 'offline', 'error', 'unreachable', 'timeout', 'disconnected', 'interrupted'] as const;
    await onPrinterScreen(reasons.map((reason, index) => printJob({ id: index + 1, state: 'failed', reason })));
    const texts = reasons.map((_, index) => inRow(index + 1, 'job-reason').textContent ?? '');
    expect(new Set(texts).size).toBe(reasons.length);
    for (const [index, text] of texts.entries()) {
      expect(text).toMatch(/^原因：/);
      expect(text).not.toContain(reasons[index]);
    }
  });

  it('reprints a slip that may have printed as 补打: the call names the job, the list refreshes, the new slip shows 补打 1', async () => {
    const fake = await onPrinterScreen();
    const reprint = inRow(3, 'job-reprint');
    expect(reprint.textContent).toBe('补打');
    expect(inRow(3, 'job-reprint-hint').textContent).toContain('补打');
    const listed = fake.callsTo('printer.jobs').length;
    fireEvent.click(reprint);
    // A second tap while the first is under way does nothing.
    fireEvent.click(reprint);
    await settle();
    expect(fake.callsTo('printer.reprint')).toEqual([{ jobId: 3 }]);
    expect(fake.callsTo('printer.jobs').length).toBeGreaterThan(listed);

    expect(rows('print-attention')).toEqual([2]);
    expect(rows('print-journal')).toEqual([4, 3, 1]);
    expect(inRow(4, 'job-reprint-mark').textContent).toBe('补打 1');
    expect(inRow(4, 'job-state').textContent).toBe('◌ 等待打印');
    expect(inRow(3, 'job-state').textContent).toBe('■ 没有打印成功，已重新打印');
    // Dealt with: the cause stays as history, the advice and the buttons go.
    expect(within(row(3)).queryByTestId('job-advice')).toBeNull();
    expect(within(row(3)).queryByTestId('job-reprint')).toBeNull();
    const outcome = screen.getByTestId('print-outcome');
    expect(outcome.textContent).toContain('已送去补打：健康码（纸质） QX7P-2M4K-99AB-3C，纸上印有“补打 1”');
    expect(document.activeElement).toBe(outcome);
    // The strip's count followed core's push.
    expect(within(stripPrinter()).getByTestId('printer-failed').getAttribute('data-failed')).toBe('1');
  });

  it('a slip refused before any of it printed is printed again, unmarked', async () => {
    const fake = await onPrinterScreen();
    expect(inRow(2, 'job-reprint').textContent).toBe('重新打印');
    fireEvent.click(inRow(2, 'job-reprint'));
    await settle();
    expect(fake.callsTo('printer.reprint')).toEqual([{ jobId: 2 }]);
    expect(within(row(4)).queryByTestId('job-reprint-mark')).toBeNull();
    expect(row(4).getAttribute('data-reprint')).toBe('0');
    expect(screen.getByTestId('print-outcome').textContent).toContain('已送去重新打印：受理回执 A-20240501-0002');
  });

  it('a reprint of a reprint counts on: 补打 2', async () => {
    await onPrinterScreen([printJob({ id: 1 }), printJob({ id: 2, state: 'failed', reason: 'timeout', reprintNumber: 1, reprintOf: 1 })]);
    expect(inRow(2, 'job-reprint-mark').textContent).toBe('补打 1');
    fireEvent.click(inRow(2, 'job-reprint'));
    await settle();
    expect(inRow(3, 'job-reprint-mark').textContent).toBe('补打 2');
  });

  it('dismiss asks first; "keep" changes nothing, "yes" dismisses that job', async () => {
    const fake = await onPrinterScreen();
    fireEvent.click(inRow(2, 'job-dismiss'));
    expect(fake.callsTo('printer.dismiss')).toEqual([]);
    expect(inRow(2, 'job-dismiss-question').textContent).toContain('居民已经不需要它');
    // The safe answer has the focus; the reprint button is out of the way while the question is open.
    expect(document.activeElement).toBe(inRow(2, 'job-dismiss-cancel'));
    expect(within(row(2)).queryByTestId('job-reprint')).toBeNull();

    fireEvent.click(inRow(2, 'job-dismiss-cancel'));
    expect(within(row(2)).queryByTestId('job-dismiss-question')).toBeNull();
    expect(document.activeElement).toBe(inRow(2, 'job-dismiss'));
    expect(fake.callsTo('printer.dismiss')).toEqual([]);

    fireEvent.click(inRow(2, 'job-dismiss'));
    fireEvent.click(inRow(2, 'job-dismiss-confirm'));
    await settle();
    expect(fake.callsTo('printer.dismiss')).toEqual([{ jobId: 2 }]);
    expect(fake.callsTo('printer.reprint')).toEqual([]);
    expect(rows('print-attention')).toEqual([3]);
    expect(inRow(2, 'job-state').textContent).toBe('■ 没有打印成功，已作废');
    expect(screen.getByTestId('print-outcome').textContent).toContain('已作废：受理回执 A-20240501-0002');
    expect(fake.printJobs().find((job) => job.id === 2)?.resolved).toBe(true);
  });

  it('says what went wrong in words when core refuses, and shows the journal as it now is', async () => {
    const fake = await onPrinterScreen();
    // Someone else already dealt with it (core answers conflict); this screen has not heard yet.
    fake.failPrinterCall('printer.reprint', new KioskError('conflict', 'errors.conflict'));
    fireEvent.click(inRow(3, 'job-reprint'));
    await settle();
    expect(inRow(3, 'job-problem').textContent).toBe('▲ 这项内容刚刚在别处改过，请再试一次。');
    expect(screen.queryByTestId('print-outcome')).toBeNull();
    expect(fake.callsTo('printer.jobs')).toHaveLength(2);
  });

  it('the fake refuses a second reprint of the same failed slip, like core', async () => {
    const fake = await onPrinterScreen();
    const first = await fake.api.invoke('printer.reprint', { jobId: 3 });
    const second = await fake.api.invoke('printer.reprint', { jobId: 3 });
    expect(first.ok).toBe(true);
    expect(second.ok ? undefined : second.error.key).toBe('errors.conflict');
  });

  it('a journal that cannot be read says so', async () => {
    const fake = await signedIn();
    fake.failPrinterCall('printer.jobs', new KioskError('internal', 'errors.internal'));
    fireEvent.click(screen.getByTestId('staff-open-printer'));
    await settle();
    expect(screen.getByTestId('journal-error').textContent).toContain('打印记录没有读出来：系统出了点问题');
    expect(screen.queryByTestId('print-attention')).toBeNull();
  });

  it('shows a preview as an image from a data: URL (never as markup), with the slip kind and label as its text', async () => {
    const fake = await onPrinterScreen();
    const button = inRow(1, 'job-preview');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    await settle();
    expect(fake.callsTo('printer.preview')).toEqual([{ jobId: 1 }]);
    const image = inRow(1, 'job-preview-image') as HTMLImageElement;
    expect(image.tagName).toBe('IMG');
    expect(image.getAttribute('alt')).toBe('健康码（纸质） 8YEJ-WFTD-HTBT-6=');
    const src = image.getAttribute('src') ?? '';
    expect(src.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    const svg = decodeURIComponent(src.slice(src.indexOf(',') + 1));
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('8YEJ-WFTD-HTBT-6= &amp; #1');
    // Encoded: the # and & in the SVG do not end or split the URL.
    expect(src).not.toMatch(/[#&<>"]/);
    expect(document.querySelector('svg')).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(button);
    expect(within(row(1)).queryByTestId('job-preview-image')).toBeNull();
  });

  it('a preview that fails says why', async () => {
    const fake = await onPrinterScreen();
    fake.failPrinterCall('printer.preview', new KioskError('not-found', 'errors.notFound'));
    fireEvent.click(inRow(2, 'job-preview'));
    await settle();
    expect(inRow(2, 'job-preview-error').textContent).toBe('▲ 没有找到要办理的内容。');
  });

  it('follows printer.status pushes: a slip that finishes printing, one that fails, the summary', async () => {
    const fake = await onPrinterScreen();
    fireEvent.click(inRow(3, 'job-reprint'));
    await settle();
    expect(screen.getByTestId('printer-pending').textContent).toBe('◌ 1 张正在等待打印');
    act(() => fake.updatePrintJob(4, { state: 'done' }));
    await settle();
    expect(inRow(4, 'job-state').textContent).toBe('✓ 已打印');
    expect(screen.queryByTestId('printer-pending')).toBeNull();
    act(() => fake.updatePrintJob(1, { state: 'failed', reason: 'paper-end' }));
    await settle();
    expect(rows('print-attention')).toEqual([2, 1]);
  });

  it('idle on the printer screen signs out and goes home, like the other staff screens', async () => {
    vi.useFakeTimers();
    const fake = await onPrinterScreen(journal, { idle });
    seconds(60);
    expect(screen.getByTestId('idle-warning')).toBeTruthy();
    seconds(30);
    await settle();
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(fake.officer()).toBeNull();
  });

  it('Back returns to the staff home; the screen is only reachable signed in, from the staff home', async () => {
    await onPrinterScreen();
    fireEvent.click(screen.getByTestId('go-back'));
    expect(screen.getByTestId('staff-home')).toBeTruthy();
    const go = { type: 'go', screen: 'staff-printer' } as const;
    expect(sessionReducer(initialSession, go)).toBe(initialSession);
    const staffHome = { ...initialSession, trail: ['home', 'staff-home'] as const, officer: demoOfficer };
    expect(sessionReducer({ ...staffHome, officer: undefined }, go).trail).toEqual(['home', 'staff-home']);
    expect(sessionReducer(staffHome, go).trail).toEqual(['home', 'staff-home', 'staff-printer']);
  });

  it('speaks English', async () => {
    await onPrinterScreen(journal, { defaultLanguage: 'en' });
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['Printer and reprints']);
    expect(inRow(2, 'job-kind').textContent).toBe('Receipt A-20240501-0002');
    expect(inRow(2, 'job-state').textContent).toBe('▲ Did not print');
    expect(inRow(2, 'job-reprint').textContent).toBe('Print again');
    expect(inRow(3, 'job-reprint').textContent).toBe('Reprint');
    expect(inRow(1, 'job-time').textContent).toMatch(/May 1, 2024.* 08:55$/);
    fireEvent.click(inRow(3, 'job-reprint'));
    await settle();
    expect(inRow(4, 'job-reprint-mark').textContent).toBe('Reprint 1');
  });
});

describe('the printer on Home, for residents', () => {
  const notice = () => screen.queryByTestId('home-printer-notice');

  it('says nothing while the printer can print (ready, or paper low)', async () => {
    const fake = await renderApp();
    await settle();
    expect(notice()).toBeNull();
    act(() => fake.pushPrinterStatus({ ...readyPrinter, state: 'paper-near-end' }));
    expect(notice()).toBeNull();
  });

  it.each(['paper-end', 'cover-open', 'offline', 'error', 'unreachable'] as const)(
    '%s: a plain notice to ask staff for the paper, no technical words',
    async (state) => {
      const fake = await renderApp();
      await settle();
      act(() => fake.pushPrinterStatus({ ...readyPrinter, state }));
      expect(notice()?.textContent).toBe('▲ 打印机暂时不能出纸。您可以照常办理，办完请找工作人员取纸。');
      expect(notice()?.getAttribute('role')).toBe('status');
      act(() => fake.pushPrinterStatus(readyPrinter));
      expect(notice()).toBeNull();
    },
  );

  it('is there from the start when the printer is already down, and in English', async () => {
    await renderApp({ defaultLanguage: 'en' }, { prepare: (fake) => fake.setPrinterStatus(paperOut) });
    await settle();
    expect(notice()?.textContent).toContain('The printer cannot print right now. You can still apply');
  });
});
