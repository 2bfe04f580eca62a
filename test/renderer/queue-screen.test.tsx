// The approval queue: core's order (overdue on top, "overdue by …"), each level in words, a shape and a class, the
// countdown running only while the item's clock ticks, refetch on queue.changed, paging and ↑/↓/Enter.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { QueueScreen } from '../../renderer/src/staff/QueueScreen';
import { itemId, queueItem } from './fake-approvals';
import { flush, renderConsole } from './console-helpers';

const hour = 3_600_000;
const items = [
  queueItem({ applicationId: itemId(1), ref: 'QD-1', level: 'ok', remainingMs: 6 * hour, dueAt: '2024-05-01T15:30:00+08:00' }),
  queueItem({
    applicationId: itemId(2),
    ref: 'QD-2',
    level: 'yellow',
    remainingMs: 2 * hour,
    dueAt: '2024-05-01T11:30:00+08:00',
    source: 'family',
  }),
  queueItem({
    applicationId: itemId(3),
    ref: 'QD-3',
    level: 'overdue',
    remainingMs: -(90 * 60_000),
    dueAt: '2024-05-01T14:00:00+08:00',
    source: 'batch',
    escalatedTo: { staffNo: '0003', maskedName: '赵**' },
  }),
  queueItem({
    applicationId: itemId(4),
    ref: 'QD-4',
    level: 'red',
    remainingMs: 20 * 60_000,
    ticking: false,
    dueAt: '2024-05-01T10:00:00+08:00',
    source: 'staff',
  }),
];

const rows = () => screen.getAllByTestId('queue-row');
const row = (n: number) => rows().find((candidate) => candidate.getAttribute('data-application') === itemId(n))!;

async function onQueue(onOpen = vi.fn()) {
  const harness = await renderConsole((props) => <QueueScreen {...props} scope="mine" onScope={() => {}} onOpen={onOpen} />, {
    prepare: (fake) => fake.desk.seedQueue(items),
  });
  return { ...harness, onOpen };
}

describe('the approval queue', () => {
  it('lists overdue first, then by deadline, each level in words and a shape, with source, assignee and escalation', async () => {
    await onQueue();
    expect(rows().map((candidate) => candidate.getAttribute('data-application'))).toEqual([itemId(3), itemId(4), itemId(2), itemId(1)]);
    expect(rows().map((candidate) => candidate.getAttribute('data-level'))).toEqual(['overdue', 'red', 'yellow', 'ok']);
    expect(within(row(3)).getByTestId('sla-mark').textContent).toBe('✖');
    expect(within(row(4)).getByTestId('sla-mark').textContent).toBe('■');
    expect(within(row(2)).getByTestId('sla-mark').textContent).toBe('▲');
    expect(within(row(1)).getByTestId('sla-mark').textContent).toBe('●');
    expect(within(row(3)).getByTestId('queue-time-left').textContent).toBe('已超时 1 小时 30 分');
    expect(within(row(3)).getByTestId('queue-level').textContent).toBe('已超时');
    expect(within(row(3)).getByTestId('queue-source').textContent).toBe('批量代办');
    expect(within(row(3)).getByTestId('queue-escalated').textContent).toContain('已升级给 赵**');
    expect(within(row(2)).getByTestId('queue-time-left').textContent).toBe('还剩 2 小时 0 分');
    expect(within(row(2)).getByTestId('queue-source').textContent).toBe('家人代办');
    expect(within(row(1)).getByTestId('queue-assignee').textContent).toBe('办理人：王**');
    expect(within(row(1)).getByTestId('queue-resident').textContent).toBe('张*丰 11**************2X');
    expect(within(row(4)).getByTestId('queue-countdown').textContent).toContain('非工作时间，暂停计时');
  });

  it('counts down only while the clock ticks, and turns overdue on screen when the deadline passes', async () => {
    vi.useFakeTimers();
    await onQueue();
    const before = (n: number) => Number(within(row(n)).getByTestId('queue-countdown').getAttribute('data-remaining'));
    expect(before(1)).toBe(6 * hour);
    expect(before(4)).toBe(20 * 60_000);
    act(() => vi.advanceTimersByTime(20_000));
    expect(before(1)).toBe(6 * hour - 20_000);
    expect(within(row(1)).getByTestId('queue-time-left').textContent).toBe('还剩 5 小时 59 分');
    // Outside office hours the working-time clock stands still.
    expect(before(4)).toBe(20 * 60_000);
    expect(before(3)).toBe(-(90 * 60_000) - 20_000);
  });

  it('asks again on queue.changed and shows the new order', async () => {
    const { fake } = await onQueue();
    const asked = fake.callsTo('queue.list').length;
    act(() => fake.desk.updateItem(itemId(1), { level: 'overdue', remainingMs: -60_000 }));
    await flush();
    expect(fake.callsTo('queue.list').length).toBe(asked + 1);
    expect(rows()[0]?.getAttribute('data-application')).toBe(itemId(3));
    expect(row(1).getAttribute('data-level')).toBe('overdue');
  });

  it('↑/↓ move the selection and Enter opens it', async () => {
    const { onOpen } = await onQueue();
    const list = screen.getByTestId('queue-list');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    expect(within(row(4)).getByTestId('queue-open').getAttribute('aria-current')).toBe('true');
    expect(document.activeElement).toBe(within(row(4)).getByTestId('queue-open'));
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith(itemId(4));
  });

  it('pages a long queue', async () => {
    const many = Array.from({ length: 25 }, (_, n) =>
      queueItem({
        applicationId: itemId(n + 1),
        ref: `QD-${n + 1}`,
        dueAt: `2024-05-01T${String(10 + Math.floor(n / 6)).padStart(2, '0')}:${String((n % 6) * 10).padStart(2, '0')}:00+08:00`,
      }),
    );
    const { fake } = await renderConsole((props) => <QueueScreen {...props} scope="team" onScope={() => {}} onOpen={() => {}} />, {
      prepare: (kiosk) => kiosk.desk.seedQueue(many),
    });
    expect(rows()).toHaveLength(20);
    expect(screen.getByTestId('queue-page').textContent).toBe('第 1 页，共 2 页');
    fireEvent.click(screen.getByTestId('queue-next'));
    await flush();
    expect(rows()).toHaveLength(5);
    expect(fake.callsTo('queue.list').at(-1)).toEqual({ scope: 'team', page: 1, pageSize: 20 });
  });
});
