// Voice guidance: each step's question spoken in a voice of the screen's language when the terminal's setting is on,
// never when it is off or the resident muted it, and a missing or broken speech engine changes nothing on screen.
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pickVoice } from '../../renderer/src/kiosk/flow/use-voice';
import { answerUpToReview, answerYesNo, click, currentStep, settle, startFlow } from './flow-helpers';

class FakeUtterance {
  lang = '';
  rate = 1;
  voice: SpeechSynthesisVoice | null = null;
  constructor(readonly text: string) {}
}

const voice = (lang: string, name: string, localService = true) => ({ lang, name, localService }) as SpeechSynthesisVoice;
const voices = [voice('en-US', 'English'), voice('zh-TW', 'Taiwan'), voice('zh-CN', 'Mandarin')];

/** A speech engine that records what it was asked to say. */
function installSpeech({ failing = false } = {}) {
  const said: FakeUtterance[] = [];
  const engine = {
    speak: vi.fn((utterance: FakeUtterance) => {
      if (failing) throw new Error('audio device busy');
      said.push(utterance);
    }),
    cancel: vi.fn(),
    getVoices: () => voices,
  };
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
  vi.stubGlobal('speechSynthesis', engine);
  return { said, engine };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('voice on', () => {
  it('speaks each step once, in Chinese with a Chinese voice, a little slower', async () => {
    const { said } = installSpeech();
    await startFlow({ voice: true });
    expect(currentStep()).toBe('phone');
    const phone = said.at(-1)!;
    expect(phone.text).toContain('要不要留一个手机号？');
    expect(phone.text).toContain('老人机也能收到');
    expect(phone.lang).toBe('zh-CN');
    expect(phone.voice?.name).toBe('Mandarin');
    expect(phone.rate).toBeLessThan(1);
    click('phone-skip');
    expect(said.at(-1)!.text).toBe('您最近14天有没有发烧？');
    const count = said.length;
    answerYesNo(false);
    expect(said.length).toBe(count + 1);
    expect(said.at(-1)!.text).toContain('咳嗽');
  });

  it('speaks the observation question with its hint, as it shows', async () => {
    const { said } = installSpeech();
    await startFlow({ voice: true });
    click('phone-skip');
    answerYesNo(false);
    answerYesNo(false);
    answerYesNo(false);
    answerYesNo(true);
    expect(currentStep()).toBe('observation');
    expect(said.at(-1)!.text).toBe('您现在是否正在接受集中或居家隔离医学观察？ 集中隔离和居家隔离都算。观察已经结束的，请按“没有”。');
  });

  it('speaks English in an English voice', async () => {
    const { said } = installSpeech();
    await startFlow({ voice: true, defaultLanguage: 'en' });
    expect(said.at(-1)).toMatchObject({ text: expect.stringContaining('Would you like to leave a mobile number?'), lang: 'en' });
    expect(said.at(-1)!.voice?.name).toBe('English');
  });

  it('"listen again" repeats the step; "turn sound off" stops and silences the next steps; on again speaks', async () => {
    const { said, engine } = installSpeech();
    await startFlow({ voice: true });
    const before = said.length;
    click('voice-repeat');
    expect(said.length).toBe(before + 1);
    expect(said.at(-1)!.text).toContain('要不要留一个手机号？');
    engine.cancel.mockClear();
    click('voice-toggle');
    expect(engine.cancel).toHaveBeenCalled();
    expect(screen.getByTestId('voice-toggle').textContent).toBe('打开声音');
    const muted = said.length;
    click('phone-skip');
    answerYesNo(false);
    expect(said.length).toBe(muted);
    click('voice-toggle');
    expect(said.at(-1)!.text).toContain('咳嗽');
  });

  it('speaks the result in the words on screen, and stops when the session ends', async () => {
    const { said, engine } = installSpeech();
    await startFlow({ voice: true });
    answerUpToReview();
    click('flow-submit');
    await settle();
    expect(said.at(-1)!.text).toMatch(/^办好了 绿码 您的纸质健康码正在打印，请从打印机取走。 请取走身份证。$/);
    engine.cancel.mockClear();
    click('flow-done');
    expect(screen.getByTestId('home')).toBeTruthy();
    expect(engine.cancel).toHaveBeenCalled();
  });

  it('a speech engine that throws is silent, never an error on screen', async () => {
    installSpeech({ failing: true });
    await startFlow({ voice: true });
    click('phone-skip');
    expect(currentStep()).toBe('fever');
  });
});

describe('voice off', () => {
  it('the setting off: nothing spoken, no sound buttons', async () => {
    const { engine } = installSpeech();
    await startFlow({ voice: false });
    click('phone-skip');
    answerYesNo(false);
    expect(engine.speak).not.toHaveBeenCalled();
    expect(screen.queryByTestId('voice-toggle')).toBeNull();
    expect(screen.queryByTestId('voice-repeat')).toBeNull();
  });

  it('no speech engine at all (jsdom): the flow works, no sound buttons', async () => {
    await startFlow({ voice: true });
    expect(screen.queryByTestId('voice-toggle')).toBeNull();
    click('phone-skip');
    expect(currentStep()).toBe('fever');
  });
});

describe('pickVoice', () => {
  it('prefers the exact language, then the same base language, installed voices first', () => {
    expect(pickVoice(voices, 'zh-CN')?.name).toBe('Mandarin');
    expect(pickVoice([voice('zh-TW', 'Taiwan'), voice('en-GB', 'British')], 'zh-CN')?.name).toBe('Taiwan');
    expect(pickVoice([voice('en_GB', 'British')], 'en')?.name).toBe('British');
    expect(pickVoice([voice('zh-CN', 'Online', false), voice('zh-CN', 'Local')], 'zh-CN')?.name).toBe('Local');
    expect(pickVoice([voice('fr-FR', 'French')], 'zh-CN')).toBeUndefined();
  });
});
