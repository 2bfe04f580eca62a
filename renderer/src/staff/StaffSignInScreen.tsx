// Staff sign-in, for now an honest placeholder: officer accounts and the console come with a later change.
import { useTranslation } from 'react-i18next';
import { BackHomeButtons } from '../components/BackHomeButtons';
import { ScreenFrame, type FrameInfo } from '../components/ScreenFrame';

interface StaffSignInScreenProps {
  info: FrameInfo;
  onBack: () => void;
}

export function StaffSignInScreen({ info, onBack }: StaffSignInScreenProps) {
  const { t } = useTranslation(['common', 'staff']);
  return (
    <ScreenFrame testId="staff" info={info} footer={<BackHomeButtons onBack={onBack} />}>
      <h1>{t('staff:heading')}</h1>
      <p className="lead">{t('staff:notYet')}</p>
      <p className="lead">{t('staff:later')}</p>
    </ScreenFrame>
  );
}
