// The staff console inside the app: sign-in by tapping the officer's card, the strip's reader and core's time, SLA
// alerts as a polite toast for the right officer, the home's buttons by role with the queue badge, and the way from
// the queue into a decision and back.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { itemId, queueItem, staffCard } from './fake-approvals';
import { readyReader, testIdentity } from './fake-kiosk';
import { openSignIn, pressKeys, settle, signedIn, submitSignIn } from './staff-helpers';

const alert = { applicationId: itemId(1), ref: 'MSB-0001', kind: 'warned', step: '0.9' } as const;

describe('the staff console', () => {
  it('signs in by card: the tap replaces the staff number, the PIN goes with the card read', async () => {
    const fake = await openSignIn();
    expect(screen.getByTestId('signin-card-hint')).toBeTruthy();
    act(() => fake.emit('card.read', { ...staffCard }));
    expect(screen.getByTestId('staff').getAttribute('data-step')).toBe('pin');
    expect(screen.getByTestId('signin-staff-no').textContent).toBe('已读到您的身份证，请输入密码。');
    pressKeys('246810');
    fireEvent.click(screen.getByTestId('signin-next'));
    await settle();
    expect(fake.callsTo('staff.cardSignIn')).toEqual([{ readId: staffCard.readId, pin: '246810' }]);
    expect(fake.callsTo('staff.signIn')).toEqual([]);
    expect(screen.getByTestId('staff-home')).toBeTruthy();
  });

  it("a card that is not a staff card gets core's refusal, and the number-and-PIN way still works", async () => {
    const fake = await openSignIn();
    act(() => fake.emit('card.read', { ...testIdentity }));
    await submitSignIn('', '246810');
    expect(screen.getByTestId('signin-error').textContent).toContain('工号或密码不对');
    fireEvent.click(screen.getByTestId('go-back'));
    await submitSignIn('0001', '246810');
    expect(screen.getByTestId('staff-home')).toBeTruthy();
  });

  it("the strip shows the card reader and core's time, and follows the reader", async () => {
    const fake = await signedIn();
    await settle();
    const strip = screen.getByTestId('staff-strip');
    expect(within(strip).getByTestId('strip-reader').getAttribute('data-state')).toBe('ready');
    expect(within(strip).getByTestId('strip-reader').textContent).toBe('● 读卡器就绪');
    expect(within(strip).getByTestId('strip-time').textContent).toContain('09:30');
    act(() => fake.emit('reader.status', { ...readyReader, state: 'disconnected' }));
    expect(within(strip).getByTestId('strip-reader').textContent).toBe('▲ 读卡器断开了：请检查连接线');
    act(() => fake.emit('clock.tick', { now: '2024-05-01T09:31:00+08:00' }));
    expect(within(strip).getByTestId('strip-time').textContent).toContain('09:31');
  });

  it('shows SLA alerts for the signed-in officer only, politely', async () => {
    const fake = await signedIn();
    act(() => fake.emit('sla.alert', { ...alert, staffNo: '0002' }));
    expect(screen.queryAllByTestId('sla-alert')).toHaveLength(0);
    act(() => fake.emit('sla.alert', { ...alert, staffNo: '0001' }));
    const toast = screen.getByTestId('sla-toast');
    expect(toast.getAttribute('aria-live')).toBe('polite');
    expect(within(toast).getByTestId('sla-alert').textContent).toContain('MSB-0001 已用去 90% 的办理时限');
    fireEvent.click(screen.getByTestId('sla-toast-dismiss'));
    expect(screen.queryAllByTestId('sla-alert')).toHaveLength(0);
  });

  it('offers the console by role, with my open and overdue count, and goes queue → decision → back', async () => {
    const fake = await signedIn();
    act(() =>
      fake.desk.seedQueue([
        queueItem({ applicationId: itemId(1), ref: 'QD-1' }),
        queueItem({ applicationId: itemId(2), ref: 'QD-2', level: 'overdue', remainingMs: -60_000 }),
        queueItem({ applicationId: itemId(3), ref: 'QD-3', assignedTo: { staffNo: '0002', maskedName: '李*' } }),
      ]),
    );
    act(() => fake.emit('queue.changed', {}));
    await settle();
    const badge = screen.getByTestId('staff-queue-count');
    expect([badge.getAttribute('data-open'), badge.getAttribute('data-overdue')]).toEqual(['2', '1']);
    expect(badge.textContent).toContain('2 件待审 · 1 件已超时');
    for (const testId of ['staff-open-team', 'staff-open-proxy', 'staff-open-board', 'staff-open-duty', 'staff-manual']) {
      expect(screen.getByTestId(testId)).toBeTruthy();
    }
    fireEvent.click(screen.getByTestId('staff-open-queue'));
    await settle();
    expect(screen.getAllByTestId('queue-row')).toHaveLength(2);
    fireEvent.click(screen.getByTestId('queue-tab-team'));
    await settle();
    expect(screen.getAllByTestId('queue-row')).toHaveLength(3);
    fireEvent.click(within(screen.getAllByTestId('queue-row')[0]!).getByTestId('queue-open'));
    await settle();
    expect(screen.getByTestId('staff-decide')).toBeTruthy();
    fireEvent.click(screen.getByTestId('go-back'));
    expect(screen.getByTestId('staff-queue').getAttribute('data-scope')).toBe('team');
    fireEvent.click(screen.getByTestId('go-back'));
    expect(screen.getByTestId('staff-home')).toBeTruthy();
  });

  it('an administrator sees no desk work or proxy wizard', async () => {
    const fake = await openSignIn();
    await submitSignIn('0004', '864200');
    expect(fake.officer()?.roles).toEqual(['admin']);
    expect(screen.queryByTestId('staff-open-proxy')).toBeNull();
    expect(screen.queryByTestId('staff-manual')).toBeNull();
    expect(screen.getByTestId('staff-open-board')).toBeTruthy();
    expect(screen.getByTestId('staff-open-duty')).toBeTruthy();
  });
});
