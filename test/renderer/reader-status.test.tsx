// Home says in words when the card reader cannot take a card: from reader.status at start, then from its pushes.
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { readyReader } from './fake-kiosk';
import { renderApp } from './render-app';

const settle = () =>
  act(async () => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  });

describe('reader status on Home', () => {
  it('shows nothing while the reader is ready', async () => {
    await renderApp();
    await settle();
    expect(screen.queryByTestId('reader-status')).toBeNull();
  });

  it('says the reader is not available when core reports it so at start', async () => {
    await renderApp({}, { prepare: (fake) => fake.setReaderStatus({ ...readyReader, state: 'disconnected' }) });
    await settle();
    const line = screen.getByTestId('reader-status');
    expect(line.textContent).toContain('读卡器暂时不能用，请找工作人员');
    expect(line.getAttribute('role')).toBe('status');
    // A shape as well as words, never colour alone.
    expect(line.querySelector('[aria-hidden="true"]')?.textContent).toBe('▲');
  });

  it('follows reader.status pushes: connecting, not configured, ready again', async () => {
    const fake = await renderApp();
    await settle();
    act(() => fake.emit('reader.status', { ...readyReader, state: 'connecting' }));
    expect(screen.getByTestId('reader-status').textContent).toContain('读卡器正在连接…');
    act(() => fake.emit('reader.status', { ...readyReader, state: 'not-configured', kind: 'none' }));
    expect(screen.getByTestId('reader-status').textContent).toContain('读卡器暂时不能用');
    act(() => fake.emit('reader.status', readyReader));
    expect(screen.queryByTestId('reader-status')).toBeNull();
  });

  it('speaks English', async () => {
    await renderApp({ defaultLanguage: 'en' }, { prepare: (fake) => fake.setReaderStatus({ ...readyReader, state: 'sam-fault' }) });
    await settle();
    expect(screen.getByTestId('reader-status').textContent).toContain('The card reader is not available right now — please ask staff');
  });
});
