// The province link on the staff strip: state in words and a shape, the queue and its oldest item, refused items; from
// sync.status at start, then from its pushes.
import { act, fireEvent, renderHook, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useSyncStatus } from '../../renderer/src/api/use-sync-status';
import { connectedSync, createFakeKiosk } from './fake-kiosk';
import { settle, signedIn } from './staff-helpers';

const line = () => screen.getByTestId('sync-status');
const shape = () => within(line()).getByTestId('sync-connection').querySelector('[aria-hidden="true"]')?.textContent;

describe('province status on the staff strip', () => {
  it('asks sync.status once and shows connected with its shape and an empty queue', async () => {
    const fake = await signedIn();
    await settle();
    expect(line().getAttribute('data-connection')).toBe('connected');
    expect(line().getAttribute('role')).toBe('status');
    expect(line().textContent).toContain('省平台已连接');
    expect(shape()).toBe('●');
    expect(screen.getByTestId('sync-queue').textContent).toBe('没有待发送的');
    expect(screen.queryByTestId('sync-failed')).toBeNull();
    expect(fake.callsTo('sync.status')).toHaveLength(1);
  });

  it.each([
    ['connected', '省平台已连接', '●'],
    ['degraded', '省平台不稳定', '▲'],
    ['offline', '省平台离线', '■'],
  ] as const)('%s: words and a shape, never colour alone', async (connection, words, glyph) => {
    const fake = await signedIn();
    await settle();
    act(() => fake.pushSyncState({ ...connectedSync, connection }));
    expect(line().getAttribute('data-connection')).toBe(connection);
    expect(within(line()).getByTestId('sync-connection').textContent).toBe(`${glyph} ${words}`);
    expect(shape()).toBe(glyph);
  });

  it('shows the queue with its oldest time, and refused items, following pushes', async () => {
    const fake = await signedIn();
    await settle();
    act(() =>
      fake.pushSyncState({ ...connectedSync, connection: 'degraded', queueLength: 3, oldestWaitingAt: '2024-05-01T09:12:00+08:00' }),
    );
    expect(screen.getByTestId('sync-queue').textContent).toBe('待发送 3 件（最早 09:12）');
    expect(screen.queryByTestId('sync-failed')).toBeNull();
    act(() => fake.pushSyncState({ ...connectedSync, failed: 3 }));
    expect(screen.getByTestId('sync-queue').textContent).toBe('没有待发送的');
    const failed = screen.getByTestId('sync-failed');
    expect(failed.textContent).toBe('▲ 3 件被退回，请处理');
  });

  it('is on the manual entry screen too', async () => {
    const fake = await signedIn();
    fireEvent.click(screen.getByTestId('staff-manual'));
    act(() =>
      fake.pushSyncState({ ...connectedSync, connection: 'offline', queueLength: 1, oldestWaitingAt: '2024-05-01T08:05:00+08:00' }),
    );
    const strip = within(screen.getByTestId('staff-manual-entry')).getByTestId('staff-strip');
    expect(within(strip).getByTestId('sync-status').getAttribute('data-connection')).toBe('offline');
    expect(within(strip).getByTestId('sync-queue').textContent).toBe('待发送 1 件（最早 08:05）');
  });

  it('speaks English, with plurals', async () => {
    const fake = await signedIn({ defaultLanguage: 'en' });
    act(() =>
      fake.pushSyncState({
        connection: 'degraded',
        queueLength: 1,
        oldestWaitingAt: '2024-05-01T09:12:00+08:00',
        lastSuccessAt: null,
        lastFailureAt: null,
        failed: 2,
      }),
    );
    expect(line().textContent).toContain('Provincial service unstable');
    expect(screen.getByTestId('sync-queue').textContent).toBe('1 item waiting to send (since 09:12)');
    expect(screen.getByTestId('sync-failed').textContent).toContain('2 items refused — please deal with them');
  });
});

describe('useSyncStatus', () => {
  it('is undefined until core answers, then follows pushes', async () => {
    const fake = createFakeKiosk();
    const { result } = renderHook(() => useSyncStatus(fake.api));
    expect(result.current).toBeUndefined();
    await settle();
    expect(result.current).toEqual(connectedSync);
    act(() => fake.pushSyncState({ ...connectedSync, connection: 'degraded', queueLength: 2 }));
    expect(result.current).toMatchObject({ connection: 'degraded', queueLength: 2 });
  });

  it('keeps a push that arrived before the answer to its first ask', async () => {
    const fake = createFakeKiosk();
    const { result } = renderHook(() => useSyncStatus(fake.api));
    // Pushed before the ask's answer comes back: the push is newer, so the answer must not replace it.
    act(() => fake.emit('sync.status', { ...connectedSync, connection: 'offline' }));
    await settle();
    expect(result.current?.connection).toBe('offline');
    expect(fake.callsTo('sync.status')).toHaveLength(1);
  });
});
