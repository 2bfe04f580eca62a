// After "Yes, that's me": says plainly that the declaration steps are not on this terminal yet, and ends the session.
import { useTranslation } from 'react-i18next';
import { ScreenFrame, type FrameInfo } from '../components/ScreenFrame';
import { StartOverButton } from '../components/StartOverButton';
import { DoneMark } from '../components/StatusMark';

interface ConfirmedScreenProps {
  info: FrameInfo;
  onHome: () => void;
}

export function ConfirmedScreen({ info, onHome }: ConfirmedScreenProps) {
  const { t } = useTranslation(['common', 'identity']);
  return (
    <ScreenFrame testId="confirmed" info={info} footer={<StartOverButton onHome={onHome} />}>
      <h1>
        <DoneMark /> {t('identity:confirmedHeading')}
      </h1>
      {/* The declaration flow is a later change: no pretending it happened. */}
      <p className="lead">{t('identity:confirmedNotYet')}</p>
      <p className="lead">{t('identity:confirmedAskStaff')}</p>
      <p className="lead">{t('identity:takeCard')}</p>
    </ScreenFrame>
  );
}
