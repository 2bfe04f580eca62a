// The checkpoint screen: a wedge scan is sent as typed (spaces kept) and its answer shown large; a card tapped there
// stays there as the holder's card and goes with the check as readId; each refusal in words; idle ends it like staff.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ChannelOutput } from '../../electron/ipc/contract.js';
import enVerify from '../../renderer/locales/en/verify.json';
import zhVerify from '../../renderer/locales/zh-CN/verify.json';
import { testIdentity, type FakeKiosk } from './fake-kiosk';
import { settle, signedIn } from './staff-helpers';

type CheckpointResult = ChannelOutput<'code.verify'>;

/** docs/paper-code.md's worked example: 155 Base45 characters with inner spaces. */
const code =
  'J6036W BS0H7B0G1V3C%8.803SJ.80IRJ.803RO: O-942JPJVG860Y521FIHWEDR8$BN3FFU2LUGP:+T/EIJ*8+.EJV48$TSLE0EW-IRT2L6QE1IIB.7.Q8/LR6AJSDT-8UC252YFCNL*5NJMC:3TF5120';

const genuine: CheckpointResult = {
  valid: true,
  status: 'GREEN',
  statusAsOf: '2020-03-02T01:00:00.000+08:00',
  validUntil: '2020-03-09T09:30:00.000+08:00',
  issuedAt: '2020-03-02T09:30:00.000+08:00',
  kid: '21fe31df',
  humanId: '8YEJ-WFTD-HTBT-6=',
  hallId: 370202001,
  proxy: true,
  holder: 'not-checked',
};

const idle = { timeoutSeconds: 60, warningSeconds: 30 };
const seconds = (n: number) => act(() => vi.advanceTimersByTime(n * 1000));

async function onCheckpoint(info: Parameters<typeof signedIn>[0] = {}): Promise<FakeKiosk> {
  const fake = await signedIn(info);
  fireEvent.click(screen.getByTestId('staff-open-checkpoint'));
  expect(screen.getByTestId('staff-checkpoint')).toBeTruthy();
  return fake;
}

/** A scanner: every key at once (no time passes between them), then Enter; Shift before each capital, as scanners do. */
async function scan(text: string) {
  for (const key of text) {
    if (/[A-Z]/.test(key)) fireEvent.keyDown(window, { key: 'Shift' });
    fireEvent.keyDown(window, { key });
  }
  fireEvent.keyDown(window, { key: 'Enter' });
  await settle();
}

const result = () => screen.getByTestId('verify-result');

describe('checkpoint screen', () => {
  it('is reached from the staff home; a scan is sent as scanned, spaces kept, and the answer shows large', async () => {
    const fake = await onCheckpoint();
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['核验健康码']);
    expect(screen.getByTestId('verify-waiting')).toBeTruthy();
    fake.answerVerify(genuine);
    await scan(code);
    expect(fake.callsTo('code.verify')).toEqual([{ text: code }]);
    expect(result().getAttribute('data-valid')).toBe('true');
    expect(screen.getByTestId('verify-status-word').textContent).toBe('● 绿码');
    expect(screen.getByTestId('verify-verdict').textContent).toContain('码是真的');
    // Core's times in core's own offset (+08:00 here), whatever the browser's time zone.
    expect(screen.getByTestId('verify-valid-until').textContent).toMatch(/2020年3月9日.* 09:30$/);
    expect(screen.getByTestId('verify-status-as-of').textContent).toMatch(/2020年3月2日.* 01:00$/);
    expect(screen.getByTestId('verify-human-id').textContent).toBe('8YEJ-WFTD-HTBT-6=');
    expect(screen.getByTestId('verify-proxy').textContent).toContain('代办');
    expect(screen.getByTestId('verify-holder').textContent).toContain('未核对身份证');
  });

  it('other statuses keep their shapes; a pending code says it is not a pass', async () => {
    const fake = await onCheckpoint();
    const shapes: [CheckpointResult & { valid: true }, string][] = [
      [{ ...genuine, status: 'YELLOW', proxy: false }, '▲ 黄码'],
      [{ ...genuine, status: 'RED', proxy: false }, '■ 红码'],
      [{ ...genuine, status: 'PENDING', proxy: false }, '◇ 审核中'],
    ];
    for (const [answer, word] of shapes) {
      fake.answerVerify(answer);
      await scan(code);
      expect(screen.getByTestId('verify-status-word').textContent).toBe(word);
      expect(screen.queryByTestId('verify-proxy')).toBeNull();
    }
    expect(result().textContent).toContain('审核中，不作通行凭证');
  });

  it('a card tapped here stays here as the holder card, and goes with the next scan as readId', async () => {
    const fake = await onCheckpoint();
    act(() => fake.emit('card.read', testIdentity));
    await settle();
    expect(screen.getByTestId('staff-checkpoint')).toBeTruthy();
    expect(screen.queryByTestId('identity')).toBeNull();
    expect(screen.getByTestId('verify-holder-identity').textContent).toBe('已读取：张*丰　11**************2X');
    fake.answerVerify({ ...genuine, holder: 'match' });
    await scan(code);
    expect(fake.callsTo('code.verify')).toEqual([{ text: code, readId: testIdentity.readId }]);
    expect(result().getAttribute('data-holder')).toBe('match');
    expect(screen.getByTestId('verify-holder').textContent).toContain('是本人的码');
    // The next person's code: the card was that person's, so it is not used again.
    await scan(code.slice(0, 150));
    expect(fake.callsTo('code.verify').at(-1)).toEqual({ text: code.slice(0, 150) });
    expect(screen.getByTestId('verify-holder-none')).toBeTruthy();
  });

  it('a card tapped after the scan checks the code on screen again, against that card; Clear forgets it', async () => {
    const fake = await onCheckpoint();
    fake.answerVerify(genuine);
    await scan(code);
    fake.answerVerify({ ...genuine, holder: 'mismatch' });
    act(() => fake.emit('card.read', testIdentity));
    await settle();
    expect(fake.callsTo('code.verify')).toEqual([{ text: code }, { text: code, readId: testIdentity.readId }]);
    expect(result().getAttribute('data-valid')).toBe('false');
    expect(screen.getByTestId('verify-reason').textContent).toBe(zhVerify.reasons['holder-mismatch']);
    const clears = fake.callsTo('identity.clear').length;
    fireEvent.click(screen.getByTestId('verify-clear-card'));
    expect(screen.getByTestId('verify-holder-none')).toBeTruthy();
    expect(fake.callsTo('identity.clear')).toHaveLength(clears + 1);
  });

  it('after a check that had a card, the next tap waits for the next scan instead of re-checking', async () => {
    const fake = await onCheckpoint();
    act(() => fake.emit('card.read', testIdentity));
    fake.answerVerify({ ...genuine, holder: 'match' });
    await scan(code);
    const next = { ...testIdentity, readId: 'read-0002-test', maskedName: '李*' };
    act(() => fake.emit('card.read', next));
    await settle();
    expect(fake.callsTo('code.verify')).toHaveLength(1);
    expect(screen.getByTestId('verify-holder-identity').textContent).toContain('李*');
    await scan(code.slice(0, 150));
    expect(fake.callsTo('code.verify').at(-1)).toEqual({ text: code.slice(0, 150), readId: 'read-0002-test' });
  });

  it('a card that could not be read says so, and the screen stays', async () => {
    const fake = await onCheckpoint();
    act(() => fake.emit('card.problem', { problem: 'unreadable' }));
    expect(screen.getByTestId('staff-checkpoint')).toBeTruthy();
    expect(screen.getByTestId('verify-card-note').textContent).toContain('身份证没有读出来');
  });

  const refusals: [CheckpointResult, keyof typeof zhVerify.reasons][] = [
    ...(['format', 'unknown-key', 'signature', 'revoked', 'not-yet-valid', 'expired', 'no-trust-list'] as const).map(
      (reason): [CheckpointResult, typeof reason] => [{ valid: false, reason }, reason],
    ),
    [{ ...genuine, holder: 'mismatch' }, 'holder-mismatch'],
  ];

  it.each(refusals)('refused (%j): its own sentence and what to do, in zh-CN', async (answer, reason) => {
    const fake = await onCheckpoint();
    fake.answerVerify(answer);
    await scan(code);
    expect(result().getAttribute('data-reason')).toBe(reason);
    expect(screen.getByTestId('verify-status-word').textContent).toBe('✕ 不通过');
    expect(screen.getByTestId('verify-reason').textContent).toBe(zhVerify.reasons[reason]);
    expect(screen.getByTestId('verify-advice').textContent).toBe(zhVerify.advice[reason]);
  });

  it('each refusal has a sentence of its own, and in English too', async () => {
    const fake = await onCheckpoint({ defaultLanguage: 'en' });
    const seen = new Set<string>();
    for (const [answer, reason] of refusals) {
      fake.answerVerify(answer);
      await scan(code);
      const sentence = screen.getByTestId('verify-reason').textContent ?? '';
      expect(sentence).toBe(enVerify.reasons[reason]);
      seen.add(sentence);
    }
    expect(seen.size).toBe(refusals.length);
    expect(screen.getByTestId('verify-status-word').textContent).toBe('✕ REFUSED');
  });

  it('a scan with characters outside Base45 (a web link) is refused as not a code, without asking core', async () => {
    const fake = await onCheckpoint();
    await scan('https://example.com/qr?id=12345');
    expect(fake.callsTo('code.verify')).toEqual([]);
    expect(result().getAttribute('data-reason')).toBe('format');
  });

  it('slow typing is not a scan; an ID-number swipe does not start a resident session', async () => {
    vi.useFakeTimers();
    const fake = await onCheckpoint();
    for (const key of '11010519491231002X') {
      act(() => vi.advanceTimersByTime(200));
      fireEvent.keyDown(window, { key });
    }
    fireEvent.keyDown(window, { key: 'Enter' });
    await settle();
    expect(fake.callsTo('code.verify')).toEqual([]);
    expect(screen.getByTestId('verify-waiting')).toBeTruthy();
    // A fast swipe of an ID number: not the resident wedge (identity.wedge), and the checkpoint stays.
    await scan('11010519491231002X');
    expect(fake.callsTo('identity.wedge')).toEqual([]);
    expect(screen.getByTestId('staff-checkpoint')).toBeTruthy();
  });

  it('Back returns to the staff home, and core forgets the tapped card', async () => {
    const fake = await onCheckpoint();
    fake.answerVerify(genuine);
    act(() => fake.emit('card.read', testIdentity));
    await scan(code);
    const clears = fake.callsTo('identity.clear').length;
    fireEvent.click(screen.getByTestId('go-back'));
    await settle();
    expect(screen.getByTestId('staff-home')).toBeTruthy();
    expect(fake.callsTo('identity.clear').length).toBeGreaterThan(clears);
    expect(document.body.textContent).not.toContain('11**************2X');
  });

  it('idle: the warning, then Home, signed out, the result gone', async () => {
    vi.useFakeTimers();
    const fake = await onCheckpoint({ idle });
    fake.answerVerify(genuine);
    await scan(code);
    expect(result()).toBeTruthy();
    seconds(60);
    expect(within(document.body).getByTestId('idle-warning')).toBeTruthy();
    seconds(30);
    await settle();
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(fake.officer()).toBeNull();
    expect(document.body.textContent).not.toContain('8YEJ-WFTD-HTBT-6=');
  });
});
