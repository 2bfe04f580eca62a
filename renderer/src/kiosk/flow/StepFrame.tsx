// The frame of every step of the resident's flow: the screen frame, "step n of m" as dots and words, the voice
// controls (listen again, sound off/on), the step's words spoken aloud, and Back / Start over at the bottom.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BackHomeButtons } from '../../components/BackHomeButtons';
import { ScreenFrame, type FrameInfo } from '../../components/ScreenFrame';
import { StartOverButton } from '../../components/StartOverButton';
import type { Step } from './flow';
import { useVoice } from './use-voice';
import '../../theme/flow.css';

/** The terminal's voice setting and the resident's own mute button (for this session only). */
export interface VoiceSetting {
  /** app.info `voice`: off means no sound and no sound controls. */
  on: boolean;
  muted: boolean;
  onToggle: () => void;
}

export interface StepFrameProps {
  info: FrameInfo;
  step: Step;
  voice: VoiceSetting;
  /** What the voice says for this step: the question and its hint, in the screen's language. */
  spoken: string;
  progress?: { current: number; total: number } | undefined;
  /** Absent: no Back (a result, a submission on its way). */
  onBack?: () => void;
  /** Absent: no Start over (a submission on its way). */
  onHome?: () => void;
  children: ReactNode;
}

function Progress({ current, total }: { current: number; total: number }) {
  const { t } = useTranslation(['common', 'flow']);
  return (
    <div className="flow-progress" data-testid="flow-progress" data-current={current} data-total={total}>
      {/* The dots repeat the words for the eye; a screen reader reads the words once. */}
      <ol className="flow-dots" aria-hidden="true">
        {Array.from({ length: total }, (_, index) => (
          <li key={index} className={index + 1 < current ? 'is-done' : index + 1 === current ? 'is-current' : undefined} />
        ))}
      </ol>
      <p className="flow-progress-words">{t('flow:progress', { current, total })}</p>
    </div>
  );
}

function VoiceControls({ voice, onRepeat }: { voice: VoiceSetting; onRepeat: () => void }) {
  const { t } = useTranslation(['common', 'flow']);
  return (
    <div className="voice-controls">
      <button
        type="button"
        className="button button-secondary button-small"
        data-testid="voice-repeat"
        disabled={voice.muted}
        onClick={onRepeat}
      >
        {t('flow:voice.repeat')}
      </button>
      <button
        type="button"
        className="button button-secondary button-small"
        data-testid="voice-toggle"
        data-muted={String(voice.muted)}
        onClick={voice.onToggle}
      >
        {voice.muted ? t('flow:voice.unmute') : t('flow:voice.mute')}
      </button>
    </div>
  );
}

export function StepFrame({ info, step, voice, spoken, progress, onBack, onHome, children }: StepFrameProps) {
  const { i18n } = useTranslation();
  const { available, repeat } = useVoice({ text: spoken, language: i18n.language, enabled: voice.on && !voice.muted });
  const footer = onBack ? <BackHomeButtons onBack={onBack} onHome={onHome} /> : onHome ? <StartOverButton onHome={onHome} /> : undefined;
  return (
    <ScreenFrame
      testId={`flow-${step}`}
      info={info}
      data={{ 'data-step': step }}
      status={voice.on && available ? <VoiceControls voice={voice} onRepeat={repeat} /> : undefined}
      footer={footer}
    >
      {progress ? <Progress current={progress.current} total={progress.total} /> : null}
      {children}
    </ScreenFrame>
  );
}
