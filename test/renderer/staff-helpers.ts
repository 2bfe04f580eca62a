// Shared steps for the staff screen tests: press keypad keys, settle the fake's promises, sign in as the demo officer.
import { act, fireEvent, screen } from '@testing-library/react';
import { expect } from 'vitest';
import { demoStaff, type FakeKiosk } from './fake-kiosk';
import { renderApp } from './render-app';

/** Lets the fake kiosk's answers (promises only) reach the screen. */
export const settle = () =>
  act(async () => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  });

/** Presses on-screen keys one by one: "0001" → key-0, key-0, key-0, key-1. */
export function pressKeys(text: string) {
  for (const character of text) fireEvent.click(screen.getByTestId(`key-${character}`));
}

/** Opens the sign-in screen from Home. */
export async function openSignIn(info: Parameters<typeof renderApp>[0] = {}): Promise<FakeKiosk> {
  const fake = await renderApp(info);
  fireEvent.click(screen.getByTestId('go-staff'));
  expect(screen.getByTestId('staff').getAttribute('data-step')).toBe('staff-no');
  return fake;
}

/** Types a staff number and a PIN on the keypad and presses Sign in. */
export async function submitSignIn(staffNo: string, pin: string) {
  if (screen.getByTestId('staff').getAttribute('data-step') === 'staff-no') {
    pressKeys(staffNo);
    fireEvent.click(screen.getByTestId('signin-next'));
  }
  pressKeys(pin);
  fireEvent.click(screen.getByTestId('signin-next'));
  await settle();
}

/** Home → staff → signed in as the demo officer, on the staff home. */
export async function signedIn(info: Parameters<typeof renderApp>[0] = {}): Promise<FakeKiosk> {
  const fake = await openSignIn(info);
  await submitSignIn(demoStaff.staffNo, demoStaff.pin);
  expect(screen.getByTestId('staff-home')).toBeTruthy();
  return fake;
}
