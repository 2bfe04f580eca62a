// "Is this you?" (UX.md step 2): photo, masked name and number, document type, and two big answers; a note when staff
// typed the number by hand.
import { useTranslation } from 'react-i18next';
import type { DocumentType, MaskedIdentity } from '../api/card-types';
import { ScreenFrame, type FrameInfo } from '../components/ScreenFrame';
import { StartOverButton } from '../components/StartOverButton';
import { WarningMark } from '../components/StatusMark';

interface IdentityScreenProps {
  info: FrameInfo;
  identity: MaskedIdentity;
  onYes: () => void;
  onNo: () => void;
  onHome: () => void;
}

export function IdentityScreen({ info, identity, onYes, onNo, onHome }: IdentityScreenProps) {
  const { t } = useTranslation(['common', 'identity']);
  // Written out key by key so every key stays greppable and checked by the locale test.
  const documentTypes: Record<DocumentType, string> = {
    resident: t('identity:documentTypes.resident'),
    'resident-legacy': t('identity:documentTypes.resident-legacy'),
    'foreign-permanent': t('identity:documentTypes.foreign-permanent'),
    'hmt-permit': t('identity:documentTypes.hmt-permit'),
  };
  return (
    <ScreenFrame testId="identity" info={info} footer={<StartOverButton onHome={onHome} />}>
      <h1>{t('identity:heading')}</h1>
      <div className="identity-card">
        {identity.photo !== null ? (
          <img className="identity-photo" src={identity.photo} alt={t('identity:photoAlt')} data-testid="identity-photo" />
        ) : identity.source === 'card' ? (
          // A real card's photo needs the vendor's decoder; say so rather than leave an unexplained gap.
          <p className="identity-photo-missing">{t('identity:photoMissing')}</p>
        ) : null}
        <dl className="identity-fields">
          <div>
            <dt>{t('identity:name')}</dt>
            <dd data-testid="identity-masked-name">
              {identity.maskedName ?? <span className="identity-not-read">{t('identity:nameNotRead')}</span>}
            </dd>
          </div>
          <div>
            <dt>{t('identity:number')}</dt>
            <dd data-testid="identity-masked-number" className="identity-number">
              {identity.maskedNumber}
            </dd>
          </div>
          <div>
            <dt>{t('identity:documentType')}</dt>
            <dd data-testid="identity-document-type">{documentTypes[identity.documentType]}</dd>
          </div>
        </dl>
      </div>
      {identity.source === 'manual' ? (
        <p className="lead notice" data-testid="identity-manual-note">
          <WarningMark /> {t('identity:manualNote')}
        </p>
      ) : null}
      {identity.expired ? (
        <p className="lead notice" data-testid="identity-expired">
          <WarningMark /> {t('identity:expired')}
        </p>
      ) : null}
      <div className="actions answer-buttons">
        <button type="button" className="button button-primary button-answer" data-testid="identity-yes" onClick={onYes}>
          {t('identity:yes')}
        </button>
        <button type="button" className="button button-secondary button-answer" data-testid="identity-no" onClick={onNo}>
          {t('identity:no')}
        </button>
      </div>
    </ScreenFrame>
  );
}
