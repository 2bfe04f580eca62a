// Leaving the staff area always signs out: the Sign out button, idle expiry, Start over, core's staff.session push with
// no officer; and a resident never lands on a signed-in staff screen.
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { demoOfficer, testIdentity } from './fake-kiosk';
import { renderApp } from './render-app';
import { pressKeys, settle, signedIn } from './staff-helpers';

const idle = { timeoutSeconds: 60, warningSeconds: 30 };
const seconds = (n: number) => act(() => vi.advanceTimersByTime(n * 1000));

describe('staff sign-out', () => {
  it('Sign out on the status line → Home, staff.signOut called', async () => {
    const fake = await signedIn();
    fireEvent.click(screen.getByTestId('staff-sign-out'));
    await settle();
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(fake.callsTo('staff.signOut')).toHaveLength(1);
    expect(fake.officer()).toBeNull();
    expect(document.body.textContent).not.toContain('王**');
  });

  it('also from the manual entry screen', async () => {
    const fake = await signedIn();
    fireEvent.click(screen.getByTestId('staff-manual'));
    fireEvent.click(screen.getByTestId('staff-sign-out'));
    await settle();
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(fake.officer()).toBeNull();
  });

  it('idle expiry on the staff home signs out and returns Home', async () => {
    vi.useFakeTimers();
    const fake = await signedIn({ idle });
    seconds(60);
    expect(screen.getByTestId('idle-warning')).toBeTruthy();
    seconds(30);
    await settle();
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(fake.callsTo('staff.signOut')).toHaveLength(1);
    expect(fake.officer()).toBeNull();
  });

  it('idle expiry on manual entry signs out too, and the typed number is gone', async () => {
    vi.useFakeTimers();
    const fake = await signedIn({ idle });
    fireEvent.click(screen.getByTestId('staff-manual'));
    pressKeys('110105');
    seconds(60);
    seconds(30);
    await settle();
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(fake.officer()).toBeNull();
    expect(document.body.textContent).not.toContain('110105');
  });

  it('keys typed while the idle warning covers the screen type nothing', async () => {
    vi.useFakeTimers();
    await signedIn({ idle });
    fireEvent.click(screen.getByTestId('staff-manual'));
    seconds(60);
    fireEvent.keyDown(window, { key: '7' });
    fireEvent.click(screen.getByTestId('idle-more-time'));
    expect(screen.getByTestId('manual-display').textContent).toBe('还没有输入');
  });

  it('a staff.session push with no officer (core timed the officer out) → Home', async () => {
    const fake = await signedIn();
    fireEvent.click(screen.getByTestId('staff-manual'));
    act(() => fake.expireStaffSession());
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(document.body.textContent).not.toContain('王**');
  });

  it('a staff.session push with an officer does not open anything', async () => {
    const fake = await renderApp();
    act(() => fake.emit('staff.session', { officer: demoOfficer }));
    expect(screen.getByTestId('home')).toBeTruthy();
    fireEvent.click(screen.getByTestId('go-staff'));
    expect(screen.getByTestId('staff').getAttribute('data-step')).toBe('staff-no');
  });

  it('Start over from manual entry signs out', async () => {
    const fake = await signedIn();
    fireEvent.click(screen.getByTestId('staff-manual'));
    fireEvent.click(screen.getByTestId('go-home'));
    await settle();
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(fake.callsTo('staff.signOut')).toHaveLength(1);
  });

  it('after a manual identity the resident cannot get back to a staff screen; Start over signs out', async () => {
    const fake = await signedIn();
    fireEvent.click(screen.getByTestId('staff-manual'));
    pressKeys('11010519491231002X');
    fireEvent.click(screen.getByTestId('manual-check'));
    await settle();
    expect(screen.getByTestId('identity')).toBeTruthy();
    // A failed tap in the resident's flow is ignored; Back from its first step lands on Home, never on manual entry.
    fireEvent.click(screen.getByTestId('identity-yes'));
    act(() => fake.emit('card.problem', { problem: 'unreadable' }));
    expect(screen.queryByTestId('card-problem')).toBeNull();
    fireEvent.click(screen.getByTestId('go-back'));
    await settle();
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(screen.queryByTestId('staff-manual-entry')).toBeNull();
    expect(fake.officer()).toBeNull();
  });

  it('"No" on a manual identity returns Home and signs out', async () => {
    const fake = await signedIn();
    fireEvent.click(screen.getByTestId('staff-manual'));
    pressKeys('11010519491231002X');
    fireEvent.click(screen.getByTestId('manual-check'));
    await settle();
    fireEvent.click(screen.getByTestId('identity-no'));
    await settle();
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(fake.officer()).toBeNull();
    expect(fake.callsTo('identity.clear')).toHaveLength(1);
  });

  it('card reads on staff screens are ignored', async () => {
    const fake = await signedIn();
    act(() => fake.emit('card.read', testIdentity));
    expect(screen.getByTestId('staff-home')).toBeTruthy();
    fireEvent.click(screen.getByTestId('staff-manual'));
    act(() => fake.emit('card.read', testIdentity));
    act(() => fake.emit('card.problem', { problem: 'unreadable' }));
    expect(screen.getByTestId('staff-manual-entry')).toBeTruthy();
  });

  it('an officer left signed in at start (a reload) is signed out: Home is never signed in', async () => {
    const fake = await renderApp(
      {},
      {
        prepare: (kiosk) => {
          void kiosk.api.invoke('staff.signIn', { staffNo: '0001', pin: '246810' });
        },
      },
    );
    await settle();
    expect(fake.officer()).toBeNull();
    expect(fake.callsTo('staff.signOut')).toHaveLength(1);
  });
});
