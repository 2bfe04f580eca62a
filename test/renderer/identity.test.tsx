// "Is this you?": a card.read shows the masked identity and photo; Yes / No / Start over / idle all forget the resident.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { testIdentity } from './fake-kiosk';
import { renderApp } from './render-app';
import { settle } from './staff-helpers';

const seconds = (n: number) => act(() => vi.advanceTimersByTime(n * 1000));

async function withCardRead(identity = testIdentity, info: Parameters<typeof renderApp>[0] = {}) {
  const fake = await renderApp(info);
  act(() => fake.emit('card.read', identity));
  expect(screen.getByTestId('identity')).toBeTruthy();
  return fake;
}

describe('card.read on Home', () => {
  it('shows the identity screen with the masked name and number, the document type and the photo', async () => {
    await withCardRead();
    const identity = screen.getByTestId('identity');
    expect(
      within(identity)
        .getAllByRole('heading', { level: 1 })
        .map((h) => h.textContent),
    ).toEqual(['这是您本人吗？']);
    expect(screen.getByTestId('identity-masked-name').textContent).toBe('张*丰');
    expect(screen.getByTestId('identity-masked-number').textContent).toBe('11**************2X');
    expect(screen.getByTestId('identity-document-type').textContent).toBe('居民身份证');
    const photo = screen.getByTestId('identity-photo');
    expect(photo.getAttribute('src')).toBe(testIdentity.photo);
    expect(screen.getByRole('img', { name: '身份证照片' })).toBe(photo);
    expect(screen.getByTestId('identity-yes').textContent).toBe('是我');
    expect(screen.getByTestId('identity-no').textContent).toBe('不是');
    expect(screen.queryByTestId('identity-expired')).toBeNull();
  });

  it('speaks English when the screen does', async () => {
    await withCardRead(testIdentity, { defaultLanguage: 'en' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Is this you?');
    expect(screen.getByRole('img', { name: 'ID card photo' })).toBeTruthy();
    expect(screen.getByTestId('identity-yes').textContent).toBe("Yes, that's me");
    expect(screen.getByTestId('identity-no').textContent).toBe('No');
  });

  it('says the name was not read (wedge) and shows no photo when there is none', async () => {
    await withCardRead({ ...testIdentity, source: 'wedge', maskedName: null, photo: null });
    expect(screen.getByTestId('identity-masked-name').textContent).toBe('没有读到姓名');
    expect(screen.queryByTestId('identity-photo')).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('says calmly when the card is past its validity', async () => {
    await withCardRead({ ...testIdentity, expired: true });
    expect(screen.getByTestId('identity-expired').textContent).toContain('已经过了有效期，工作人员可以帮您办理');
  });

  it('also comes from the Help screen', async () => {
    const fake = await renderApp();
    fireEvent.click(screen.getByTestId('go-help'));
    act(() => fake.emit('card.read', testIdentity));
    expect(screen.getByTestId('identity')).toBeTruthy();
  });

  it('is not shown over the staff screen', async () => {
    const fake = await renderApp();
    fireEvent.click(screen.getByTestId('go-staff'));
    act(() => fake.emit('card.read', testIdentity));
    expect(screen.getByTestId('staff')).toBeTruthy();
  });

  it('stays when the card is lifted', async () => {
    const fake = await withCardRead();
    act(() => fake.emit('card.removed', {}));
    expect(screen.getByTestId('identity')).toBeTruthy();
    expect(screen.getByTestId('identity-masked-name').textContent).toBe('张*丰');
  });
});

describe('answers', () => {
  it('Yes: the resident flow begins with this read (nothing of the card shown); Start over clears', async () => {
    const fake = await withCardRead();
    fireEvent.click(screen.getByTestId('identity-yes'));
    expect(screen.getByTestId('flow-loading')).toBeTruthy();
    await settle();
    const first = screen.getByTestId('flow-phone');
    expect(within(first).getByRole('heading', { level: 1 }).textContent).toBe('要不要留一个手机号？');
    expect(first.textContent).not.toContain('张*丰');
    expect(fake.callsTo('application.begin')).toEqual([{ readId: testIdentity.readId }]);
    expect(fake.callsTo('identity.clear')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('go-home'));
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(fake.callsTo('identity.clear')).toHaveLength(1);
  });

  it('No: back Home with "place your own card", identity cleared, the line gone after a while', async () => {
    vi.useFakeTimers();
    const fake = await withCardRead();
    fireEvent.click(screen.getByTestId('identity-no'));
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(screen.getByTestId('home-notice').textContent).toBe('请把您本人的身份证放在感应区');
    expect(document.body.textContent).not.toContain('11**************2X');
    expect(fake.callsTo('identity.clear')).toHaveLength(1);
    seconds(31);
    expect(screen.queryByTestId('home-notice')).toBeNull();
  });

  it('Start over on the identity screen clears too', async () => {
    const fake = await withCardRead();
    fireEvent.click(screen.getByTestId('go-home'));
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(fake.callsTo('identity.clear')).toHaveLength(1);
    expect(document.body.textContent).not.toContain('张*丰');
  });

  it('idle expiry on the identity screen returns Home and clears', async () => {
    vi.useFakeTimers();
    const fake = await withCardRead(testIdentity, { idle: { timeoutSeconds: 60, warningSeconds: 30 } });
    seconds(60);
    expect(screen.getByTestId('idle-warning')).toBeTruthy();
    seconds(30);
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(fake.callsTo('identity.clear')).toHaveLength(1);
    expect(document.body.textContent).not.toContain('张*丰');
  });

  it('idle expiry on the confirmed screen clears too', async () => {
    vi.useFakeTimers();
    const fake = await withCardRead(testIdentity, { idle: { timeoutSeconds: 60, warningSeconds: 30 } });
    fireEvent.click(screen.getByTestId('identity-yes'));
    seconds(60);
    seconds(30);
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(fake.callsTo('identity.clear')).toHaveLength(1);
  });

  it('a new card on the identity screen replaces the one shown', async () => {
    const fake = await withCardRead();
    act(() => fake.emit('card.read', { ...testIdentity, readId: 'read-0002-test', maskedName: '李*' }));
    expect(screen.getByTestId('identity-masked-name').textContent).toBe('李*');
  });
});
