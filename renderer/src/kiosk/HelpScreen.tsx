// Help: the resident's whole path in plain words, one numbered step per line, with Back and Start over.
import { useTranslation } from 'react-i18next';
import { BackHomeButtons } from '../components/BackHomeButtons';
import { ScreenFrame, type FrameInfo } from '../components/ScreenFrame';

interface HelpScreenProps {
  info: FrameInfo;
  onBack: () => void;
  onHome: () => void;
}

export function HelpScreen({ info, onBack, onHome }: HelpScreenProps) {
  const { t } = useTranslation(['common', 'help']);
  // Written out key by key so every key stays greppable and checked by the locale test.
  const steps = [
    t('help:steps.card'),
    t('help:steps.confirm'),
    t('help:steps.phone'),
    t('help:steps.questions'),
    t('help:steps.pledge'),
    t('help:steps.result'),
  ];
  return (
    <ScreenFrame testId="help" info={info} footer={<BackHomeButtons onBack={onBack} onHome={onHome} />}>
      <h1>{t('help:heading')}</h1>
      <p className="lead">{t('help:intro')}</p>
      <ol className="steps">
        {steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <p className="lead">{t('help:askStaff')}</p>
    </ScreenFrame>
  );
}
