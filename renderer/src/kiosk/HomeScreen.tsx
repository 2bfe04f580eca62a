// Home (the idle loop): where to put the ID card, core's date and time, help, and a small staff door in the corner.
import { useTranslation } from 'react-i18next';
import { CardOnReaderPicture } from '../components/CardOnReaderPicture';
import { ScreenFrame, type FrameInfo } from '../components/ScreenFrame';
import { formatCoreTime } from '../i18n/format-time';

interface HomeScreenProps {
  info: FrameInfo;
  /** Core's time (ISO with offset); undefined until core has told us. */
  now: string | undefined;
  onHelp: () => void;
  onStaff: () => void;
}

export function HomeScreen({ info, now, onHelp, onStaff }: HomeScreenProps) {
  const { t, i18n } = useTranslation(['common', 'home']);
  const clock = now === undefined ? undefined : formatCoreTime(now, i18n.language);
  return (
    <ScreenFrame
      testId="home"
      info={info}
      footer={
        <button type="button" className="button button-quiet" data-testid="go-staff" onClick={onStaff}>
          {t('home:staff')}
        </button>
      }
    >
      <h1 className="home-heading">{t('home:heading')}</h1>
      {clock ? (
        <p className="clock" data-testid="clock">
          <time dateTime={now}>{t('clock', { ...clock })}</time>
        </p>
      ) : null}
      <CardOnReaderPicture />
      <div className="actions">
        <button type="button" className="button button-primary button-huge" data-testid="go-help" onClick={onHelp}>
          {t('home:howItWorks')}
        </button>
      </div>
    </ScreenFrame>
  );
}
