// Voice guidance: speaks each step's words with window.speechSynthesis in a voice of the screen's language. Sound is
// extra (every word is also on screen), so a missing or failing speech engine is silent, never an error.
import { useCallback, useEffect } from 'react';

/** A little slower than the default: the residents are often elderly, and a hall is noisy. */
const SPEECH_RATE = 0.9;

interface VoiceOptions {
  /** What to say; said again whenever it changes. Empty: say nothing. */
  text: string;
  /** The screen's language (BCP 47, e.g. zh-CN, en). */
  language: string;
  /** The terminal's setting and the resident's mute button together. */
  enabled: boolean;
}

/** The browser's speech engine, or undefined where there is none (jsdom, some kiosk builds, a blocked API). */
export function speechEngine(): SpeechSynthesis | undefined {
  try {
    if (typeof window === 'undefined' || typeof window.SpeechSynthesisUtterance !== 'function') return undefined;
    return window.speechSynthesis ?? undefined;
  } catch {
    return undefined;
  }
}

const normalise = (tag: string) => tag.replace(/_/g, '-').toLowerCase();

/**
 * The voice for a language: one with exactly that tag, else one of the same base language (zh-CN for zh, en-GB for
 * en), a voice installed on the machine preferred over a network one (a hall's network may be down).
 */
export function pickVoice(voices: readonly SpeechSynthesisVoice[], language: string): SpeechSynthesisVoice | undefined {
  const wanted = normalise(language);
  const base = wanted.split('-')[0];
  const local = (list: SpeechSynthesisVoice[]) => list.find((voice) => voice.localService) ?? list[0];
  return (
    local(voices.filter((voice) => normalise(voice.lang) === wanted)) ??
    local(voices.filter((voice) => normalise(voice.lang).split('-')[0] === base))
  );
}

/** Stops whatever is being said (a new step, a muted voice, the end of the session). */
function hush() {
  try {
    speechEngine()?.cancel();
  } catch {
    // Nothing was being said that could be stopped.
  }
}

function say(text: string, language: string) {
  const engine = speechEngine();
  if (!engine || text.trim() === '') return;
  try {
    engine.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = language;
    utterance.rate = SPEECH_RATE;
    // Without a matching voice the engine picks one by `lang`; with one, Chinese is never read by an English voice.
    const voice = pickVoice(engine.getVoices(), language);
    if (voice) utterance.voice = voice;
    engine.speak(utterance);
  } catch {
    // A speech engine that fails is the same as none: the words are on the screen.
  }
}

/** Speaks `text` while enabled; `repeat` says it again (the "listen again" button); stops on change and unmount. */
export function useVoice({ text, language, enabled }: VoiceOptions) {
  useEffect(() => {
    if (!enabled) return;
    say(text, language);
    return hush;
  }, [text, language, enabled]);

  const repeat = useCallback(() => {
    if (enabled) say(text, language);
  }, [text, language, enabled]);

  return { available: speechEngine() !== undefined, repeat };
}
