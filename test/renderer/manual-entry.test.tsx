// Manual entry by signed-in staff: keypad with X and letters, 6-8-4 groups, Check → the reason in words (number kept
// for correction) or the resident's "is this you?" with a note that staff typed it.
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { KioskError } from '../../electron/core/errors.js';
import { settle, pressKeys, signedIn } from './staff-helpers';

const valid = '11010519491231002X';
const wrongCheck = '110105194912310021';

async function onManualEntry(info: Parameters<typeof signedIn>[0] = {}) {
  const fake = await signedIn(info);
  fireEvent.click(screen.getByTestId('staff-manual'));
  expect(screen.getByTestId('staff-manual-entry')).toBeTruthy();
  return fake;
}

const shown = () => screen.getByTestId('manual-display');
const check = async () => {
  fireEvent.click(screen.getByTestId('manual-check'));
  await settle();
};

describe('manual entry', () => {
  it('shows the number large in 6-8-4 groups as it is typed, with the count', async () => {
    await onManualEntry();
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['手工录入证件号码']);
    expect(screen.getByTestId('staff-strip-officer').textContent).toBe('工作人员：王**（0001）');
    pressKeys(valid);
    const groups = [...shown().querySelectorAll('.entry-group')].map((group) => group.textContent);
    expect(groups).toEqual(['110105', '19491231', '002X']);
    expect(screen.getByTestId('manual-count').textContent).toBe('已输入 18 位');
    // 18 characters at most.
    pressKeys('1');
    expect(shown().textContent).toBe(valid);
  });

  it('a valid number → "is this you?" masked, with the staff-typed note; Yes goes on as usual', async () => {
    const fake = await onManualEntry();
    pressKeys(valid);
    await check();
    expect(fake.callsTo('identity.manual')).toEqual([{ typed: valid }]);
    expect(screen.getByTestId('identity')).toBeTruthy();
    expect(screen.getByTestId('identity-masked-number').textContent).toMatch(/^11\*+2X$/);
    expect(screen.getByTestId('identity-document-type').textContent).toBe('居民身份证');
    expect(screen.getByTestId('identity-manual-note').textContent).toContain('工作人员手工录入');
    expect(document.body.textContent).not.toContain(valid);
    // The resident's screen: no staff status line.
    expect(screen.queryByTestId('staff-strip')).toBeNull();
    fireEvent.click(screen.getByTestId('identity-yes'));
    // The resident's flow starts with the read staff checked: application.begin is asked with its readId.
    await settle();
    expect(screen.getByTestId('flow-phone')).toBeTruthy();
    expect(fake.callsTo('application.begin')).toEqual([{ readId: 'manual-0001-test' }]);
  });

  it('a wrong check digit: the reason in words, the number stays, and fixing the last character works', async () => {
    await onManualEntry();
    pressKeys(wrongCheck);
    await check();
    const entry = screen.getByTestId('staff-manual-entry');
    expect(entry.getAttribute('data-reason')).toBe('check-digit');
    const problem = screen.getByTestId('manual-problem');
    expect(problem.getAttribute('role')).toBe('alert');
    expect(problem.textContent).toContain('号码的最后一位不对');
    expect(problem.textContent).toContain('请对照证件改正号码');
    expect(shown().textContent).toBe(wrongCheck);
    fireEvent.click(screen.getByTestId('key-backspace'));
    pressKeys('X');
    expect(shown().textContent).toBe(valid);
    await check();
    expect(screen.getByTestId('identity')).toBeTruthy();
  });

  it('other reasons too (length), in English', async () => {
    await onManualEntry({ defaultLanguage: 'en' });
    pressKeys('1101051949');
    await check();
    expect(screen.getByTestId('manual-problem').textContent).toContain('wrong number of characters');
  });

  it('an empty Check says to type first, without asking core', async () => {
    const fake = await onManualEntry();
    await check();
    expect(screen.getByTestId('manual-problem').textContent).toContain('请先输入号码。');
    expect(fake.callsTo('identity.manual')).toEqual([]);
  });

  it('letters for 2017 foreign cards: behind a toggle, and typed on a keyboard (upper-cased)', async () => {
    await onManualEntry();
    const toggle = screen.getByTestId('key-letters');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const letters = document.getElementById(toggle.getAttribute('aria-controls') ?? '') as HTMLElement;
    expect(letters.hidden).toBe(true);
    expect(letters.getAttribute('aria-label')).toBe('字母键');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(within(letters).getAllByRole('button')).toHaveLength(26);
    fireEvent.click(screen.getByTestId('letter-U'));
    fireEvent.keyDown(window, { key: 's' });
    fireEvent.keyDown(window, { key: 'A' });
    fireEvent.keyDown(window, { key: '-' });
    expect(shown().textContent).toBe('USA');
    fireEvent.keyDown(window, { key: 'Delete' });
    expect(shown().textContent).toBe('还没有输入');
  });

  it('Enter on the keyboard checks', async () => {
    const fake = await onManualEntry();
    for (const key of valid.toLowerCase()) fireEvent.keyDown(window, { key });
    fireEvent.keyDown(window, { key: 'Enter' });
    await settle();
    expect(fake.callsTo('identity.manual')).toEqual([{ typed: valid }]);
    expect(screen.getByTestId('identity')).toBeTruthy();
  });

  it('an error from core (e.g. staff only) is said in words, the number kept', async () => {
    const fake = await onManualEntry();
    fake.failManual(new KioskError('unauthorized', 'errors.staffOnly'));
    pressKeys(valid);
    await check();
    expect(screen.getByTestId('manual-problem').textContent).toContain('这项操作需要工作人员先登录。');
    expect(shown().textContent).toBe(valid);
  });

  it('Back returns to the staff home, still signed in', async () => {
    const fake = await onManualEntry();
    pressKeys('1101');
    fireEvent.click(screen.getByTestId('go-back'));
    expect(screen.getByTestId('staff-home')).toBeTruthy();
    expect(fake.officer()).not.toBeNull();
    fireEvent.click(screen.getByTestId('staff-manual'));
    expect(shown().textContent).toBe('还没有输入');
  });
});
