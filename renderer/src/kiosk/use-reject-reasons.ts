// Why core refused a document number, in plain words: shared by a refused swipe and by staff typing a number by hand.
import { useTranslation } from 'react-i18next';
import type { RejectReason } from '../api/card-types';

export function useRejectReasons(): Record<RejectReason, string> {
  const { t } = useTranslation(['common', 'identity']);
  // Written out key by key so every key stays greppable and checked by the locale test.
  return {
    length: t('identity:reasons.length'),
    charset: t('identity:reasons.charset'),
    'check-digit': t('identity:reasons.check-digit'),
    'birth-date': t('identity:reasons.birth-date'),
    region: t('identity:reasons.region'),
    type: t('identity:reasons.type'),
  };
}
