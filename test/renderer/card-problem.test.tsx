// card.problem: one calm, plain message per problem with what to do next, and Back / Start over (never a dead end).
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CardProblemSchema } from '../../electron/core/devices/id-reader/schema.js';
import { testIdentity } from './fake-kiosk';
import { renderApp } from './render-app';

const messages = {
  'removed-early': '卡片拿开得太早了，请重新放好，等听到提示再拿开',
  unreadable: '这张卡没有读出来',
  'invalid-number': '证件号码没有通过核对',
  expired: '已经过了有效期',
  'reader-fault': '读卡器出了点问题，不是您的原因',
  unsupported: '这里读不了这种证件',
} as const;

describe('card.problem', () => {
  it('has a message for every problem the contract knows', () => {
    expect(Object.keys(messages).sort()).toEqual([...CardProblemSchema.options].sort());
  });

  it.each(CardProblemSchema.options)('%s: shows its own message under one heading', async (problem) => {
    const fake = await renderApp();
    act(() => fake.emit('card.problem', { problem }));
    const screenEl = screen.getByTestId('card-problem');
    expect(screenEl.getAttribute('data-problem')).toBe(problem);
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByTestId('card-problem-message').textContent).toContain(messages[problem]);
    expect(screen.getByTestId('go-back')).toBeTruthy();
    expect(screen.getByTestId('go-home')).toBeTruthy();
  });

  it('Back returns to where the resident was; Start over goes home and clears', async () => {
    const fake = await renderApp();
    fireEvent.click(screen.getByTestId('go-help'));
    act(() => fake.emit('card.problem', { problem: 'unreadable' }));
    fireEvent.click(screen.getByTestId('go-back'));
    expect(screen.getByTestId('help')).toBeTruthy();
    act(() => fake.emit('card.problem', { problem: 'unreadable' }));
    fireEvent.click(screen.getByTestId('go-home'));
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(fake.callsTo('identity.clear')).toHaveLength(1);
  });

  it('Back to Home counts as going home: it clears', async () => {
    const fake = await renderApp();
    act(() => fake.emit('card.problem', { problem: 'removed-early' }));
    fireEvent.click(screen.getByTestId('go-back'));
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(fake.callsTo('identity.clear')).toHaveLength(1);
  });

  it('placing the card again after a problem shows the identity', async () => {
    const fake = await renderApp();
    act(() => fake.emit('card.problem', { problem: 'removed-early' }));
    act(() => fake.emit('card.read', testIdentity));
    expect(screen.getByTestId('identity')).toBeTruthy();
  });

  it('does not interrupt the "is this you?" question', async () => {
    const fake = await renderApp();
    act(() => fake.emit('card.read', testIdentity));
    act(() => fake.emit('card.problem', { problem: 'unreadable' }));
    expect(screen.getByTestId('identity')).toBeTruthy();
  });

  it('speaks English', async () => {
    const fake = await renderApp({ defaultLanguage: 'en' });
    act(() => fake.emit('card.problem', { problem: 'removed-early' }));
    expect(screen.getByTestId('card-problem-message').textContent).toContain('taken away too soon');
  });
});
