// The trainer panel: only in demo mode; lists the demo cards, taps one, lifts it, injects faults, takes the demo
// province off the network and back, closes.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReaderFaultSchema } from '../../electron/core/devices/id-reader/schema.js';
import { renderApp } from './render-app';

async function openTrainer() {
  const fake = await renderApp({ demo: true });
  fireEvent.click(screen.getByTestId('trainer-open'));
  const panel = screen.getByTestId('trainer-panel');
  await within(panel).findByTestId('trainer-card-demo-zhang');
  return { fake, panel };
}

const settle = () =>
  act(async () => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  });

describe('trainer panel', () => {
  it('is not offered outside demo mode', async () => {
    await renderApp({ demo: false });
    expect(screen.queryByTestId('trainer-open')).toBeNull();
  });

  it('is a labelled modal dialog listing the demo cards, with Lift card and every fault', async () => {
    await openTrainer();
    const dialog = screen.getByRole('dialog', { name: '培训面板' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.textContent).toContain('张*丰 · 居民身份证');
    expect(within(dialog).getAllByRole('button', { name: '放卡' })).toHaveLength(2);
    expect(screen.getByTestId('trainer-remove').textContent).toBe('拿走卡片');
    for (const fault of ReaderFaultSchema.options) expect(screen.getByTestId(`trainer-fault-${fault}`).textContent).not.toBe('');
    expect(screen.getByTestId('trainer-fault-remove-mid-read').textContent).toBe('读到一半拿开');
    // The home screen underneath cannot be used while the panel is open.
    expect(screen.getByTestId('home').closest('[inert]')).not.toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('trainer-close'));
  });

  it("shows the demo officer's sign-in from demo.staff", async () => {
    const { fake } = await openTrainer();
    const account = await screen.findByTestId('trainer-staff');
    expect(account.textContent).toBe('工号 0001 · 密码 246810');
    expect(screen.getByRole('heading', { level: 3, name: '培训用工作人员账号' })).toBeTruthy();
    expect(fake.callsTo('demo.staff')).toHaveLength(1);
  });

  it('tapping a card reads it: the identity screen follows', async () => {
    const { fake } = await openTrainer();
    fireEvent.click(screen.getByTestId('trainer-card-demo-zhang'));
    expect(await screen.findByTestId('identity')).toBeTruthy();
    expect(fake.callsTo('demo.tapCard')).toEqual([{ cardId: 'demo-zhang' }]);
  });

  it('a fault then a tap shows the card problem', async () => {
    const { fake } = await openTrainer();
    fireEvent.click(screen.getByTestId('trainer-fault-remove-mid-read'));
    await settle();
    expect(fake.callsTo('demo.fault')).toEqual([{ fault: 'remove-mid-read' }]);
    expect(screen.getByTestId('trainer-fault-status').textContent).toBe('当前故障：读到一半拿开');
    expect(screen.getByTestId('trainer-fault-remove-mid-read').getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByTestId('trainer-card-demo-zhang'));
    expect((await screen.findByTestId('card-problem')).getAttribute('data-problem')).toBe('removed-early');
  });

  it('Lift card calls demo.removeCard; Close and Escape close it and give focus back', async () => {
    const { fake } = await openTrainer();
    fireEvent.click(screen.getByTestId('trainer-remove'));
    await settle();
    expect(fake.callsTo('demo.removeCard')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('trainer-close'));
    expect(screen.queryByTestId('trainer-panel')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('trainer-open'));
    fireEvent.click(screen.getByTestId('trainer-open'));
    fireEvent.keyDown(screen.getByTestId('trainer-panel'), { key: 'Escape' });
    expect(screen.queryByTestId('trainer-panel')).toBeNull();
    await settle();
  });

  it('takes the demo province offline and back with demo.province; its status line follows', async () => {
    const { fake, panel } = await openTrainer();
    await settle();
    expect(within(panel).getByRole('heading', { level: 3, name: '省平台' })).toBeTruthy();
    const status = within(panel).getByTestId('sync-status');
    expect(status.getAttribute('data-connection')).toBe('connected');
    expect(status.textContent).toContain('省平台已连接');

    const offline = screen.getByTestId('trainer-province-offline');
    expect(offline.textContent).toBe('断开');
    fireEvent.click(offline);
    await settle();
    expect(fake.callsTo('demo.province')).toEqual([{ online: false }]);
    expect(offline.getAttribute('aria-pressed')).toBe('true');
    expect(within(panel).getByTestId('sync-status').getAttribute('data-connection')).toBe('offline');
    expect(within(panel).getByTestId('sync-status').textContent).toContain('■ 省平台离线');

    const online = screen.getByTestId('trainer-province-online');
    expect(online.textContent).toBe('恢复');
    fireEvent.click(online);
    await settle();
    expect(fake.callsTo('demo.province')).toEqual([{ online: false }, { online: true }]);
    expect(online.getAttribute('aria-pressed')).toBe('true');
    expect(offline.getAttribute('aria-pressed')).toBe('false');
    expect(within(panel).getByTestId('sync-status').getAttribute('data-connection')).toBe('connected');
  });

  it('shows the province section in English', async () => {
    await renderApp({ demo: true, defaultLanguage: 'en' });
    fireEvent.click(screen.getByTestId('trainer-open'));
    await settle();
    expect(screen.getByTestId('trainer-province-offline').textContent).toBe('Take offline');
    expect(screen.getByTestId('trainer-province-online').textContent).toBe('Bring back');
    expect(screen.getByRole('heading', { level: 3, name: 'Provincial service' })).toBeTruthy();
    expect(screen.getByTestId('trainer-panel').textContent).toContain('Provincial service connected');
  });
});
