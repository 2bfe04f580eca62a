// Shared steps for the resident-flow tests: tap a card and say "yes", answer the declaration screen by screen, read
// which step shows.
import { act, fireEvent, screen } from '@testing-library/react';
import { expect } from 'vitest';
import type { AppInfo } from '../../electron/ipc/contract.js';
import { testIdentity, type FakeKiosk } from './fake-kiosk';
import { renderApp } from './render-app';
import { pressKeys, settle } from './staff-helpers';

export { settle };

/** The step the flow shows now (its data-step), or undefined off the flow. */
export const currentStep = () => document.querySelector('[data-step]')?.getAttribute('data-step') ?? undefined;

export const click = (testId: string) => fireEvent.click(screen.getByTestId(testId));

/** Home → card read → "yes, that's me" → application.begin answered: the flow's first screen. */
export async function startFlow(info: Partial<AppInfo> = {}, prepare?: (fake: FakeKiosk) => void, identity = testIdentity) {
  const fake = await renderApp(info, { prepare });
  await tapAndConfirm(fake, identity);
  return fake;
}

/** A (further) tap of the card on Home, confirmed. */
export async function tapAndConfirm(fake: FakeKiosk, identity = testIdentity) {
  act(() => fake.emit('card.read', identity));
  click('identity-yes');
  await settle();
}

export interface DeclarationAnswers {
  /** A number typed on the keypad; absent: "skip". */
  phone?: string;
  fever?: boolean;
  cough?: boolean;
  travel?: boolean;
  /** Answered only when asked (travel yes and the policy asks). */
  lowRisk?: boolean;
  contact?: boolean;
  /** Answered only when asked (contact yes and the policy asks). */
  observation?: boolean;
  purpose?: 'work' | 'school' | 'family' | 'medical' | 'other';
}

export const answerYesNo = (value: boolean) => click(value ? 'answer-yes' : 'answer-no');

/** Answers every screen from the phone question to the pledge; ends on the review. */
export function answerUpToReview(answers: DeclarationAnswers = {}) {
  expect(currentStep()).toBe('phone');
  if (answers.phone === undefined) click('phone-skip');
  else {
    click('phone-enter');
    pressKeys(answers.phone);
    click('phone-ok');
  }
  expect(currentStep()).toBe('fever');
  answerYesNo(answers.fever ?? false);
  answerYesNo(answers.cough ?? false);
  answerYesNo(answers.travel ?? false);
  if (currentStep() === 'lowRisk') answerYesNo(answers.lowRisk ?? false);
  expect(currentStep()).toBe('contact');
  answerYesNo(answers.contact ?? false);
  if (currentStep() === 'observation') answerYesNo(answers.observation ?? false);
  click(`purpose-${answers.purpose ?? 'work'}`);
  click('commitment-confirm');
  expect(currentStep()).toBe('review');
}

/** Review → send → core's answer on screen. */
export async function submit() {
  click('flow-submit');
  await settle();
}
