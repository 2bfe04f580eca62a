// The SLA board: the last 14 hall days by default, a row per officer and the totals, the days as an accessible SVG
// chart with a table, another range on request, and Export CSV downloading the board with headers in the UI language.
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SlaBoardScreen } from '../../renderer/src/staff/SlaBoardScreen';
import { flush, renderConsole } from './console-helpers';
import { KioskError } from '../../electron/core/errors.js';

afterEach(() => vi.restoreAllMocks());

describe('the SLA board', () => {
  it('asks for the last 14 days and shows officers, totals and the chart', async () => {
    const { fake } = await renderConsole((props) => <SlaBoardScreen {...props} />);
    expect(fake.callsTo('sla.board')).toEqual([{ from: '2024-04-18', to: '2024-05-01' }]);
    const officer = screen.getByTestId('board-officer');
    expect(officer.getAttribute('data-staff-no')).toBe('0001');
    expect(within(officer).getByRole('rowheader').textContent).toBe('王**（0001）');
    const board = await fake.api.invoke('sla.board', { from: '2024-04-18', to: '2024-05-01' });
    if (!board.ok) throw new Error('no board');
    const cells = within(screen.getByTestId('board-totals'))
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells[0]).toBe(String(board.value.totals.decided));
    expect(cells[1]).toMatch(/%$/);
    const svg = screen.getByTestId('board-chart-svg');
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(
      `14 天共办结 ${board.value.totals.decided} 件，其中按时 ${board.value.totals.onTime} 件，超时 ${board.value.totals.breaches} 件`,
    );
    expect(screen.getAllByTestId('board-bar')).toHaveLength(14 * 3);
    expect(screen.getAllByTestId('board-day')).toHaveLength(14);
  });

  it('shows another range, refusing one that ends before it starts', async () => {
    const { fake } = await renderConsole((props) => <SlaBoardScreen {...props} />);
    fireEvent.change(screen.getByTestId('board-from'), { target: { value: '2024-04-29' } });
    fireEvent.change(screen.getByTestId('board-to'), { target: { value: '2024-04-20' } });
    fireEvent.click(screen.getByTestId('board-show'));
    expect(screen.getByTestId('board-error').textContent).toContain('开始不晚于结束');
    fireEvent.change(screen.getByTestId('board-to'), { target: { value: '2024-04-30' } });
    fireEvent.click(screen.getByTestId('board-show'));
    await flush();
    expect(fake.callsTo('sla.board').at(-1)).toEqual({ from: '2024-04-29', to: '2024-04-30' });
    expect(screen.getAllByTestId('board-day')).toHaveLength(2);
  });

  it('exports the board as a CSV download named by its range, headers in English on an English screen', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => (blobs.push(blob), 'blob:sla'));
    URL.revokeObjectURL = vi.fn();
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const { fake } = await renderConsole((props) => <SlaBoardScreen {...props} />, { language: 'en' });
    fireEvent.click(screen.getByTestId('board-export'));
    await flush();
    // Recorded in core's audit log before the file is made.
    expect(fake.callsTo('sla.exported')).toEqual([{ from: '2024-04-18', to: '2024-05-01', officers: expect.any(Number) }]);
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toBe('sla-board-2024-04-18-2024-05-01.csv');
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8').decode(bytes);
    expect(text.split('\r\n')[0]).toBe(
      'Officer,Staff number,Decided,On time,On-time rate,Median minutes to decision,P90 minutes to decision,Breaches,Auto-defaults,Open now',
    );
    expect(text).toContain('王**,0001,');
  });

  it('writes no file when the export cannot be recorded, and says why', async () => {
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const { fake } = await renderConsole((props) => <SlaBoardScreen {...props} />);
    fake.desk.failCall('sla.exported', new KioskError('unavailable', 'errors.storageFull'));
    fireEvent.click(screen.getByTestId('board-export'));
    await flush();
    expect(clicked).toHaveLength(0);
    expect(screen.getByTestId('board-error').textContent).toContain('没有保存');
  });
});
