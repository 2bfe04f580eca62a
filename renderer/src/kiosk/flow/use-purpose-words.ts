// The purpose of travel in words: the resident's buttons, the review of the answers, the officer's screens.
import { useTranslation } from 'react-i18next';
import type { Purpose } from './flow-types';

export function usePurposeWords(): Record<Purpose, string> {
  const { t } = useTranslation(['common', 'flow']);
  // Written out key by key so every key stays greppable and checked by the locale test.
  return {
    work: t('flow:purpose.choices.work'),
    school: t('flow:purpose.choices.school'),
    family: t('flow:purpose.choices.family'),
    medical: t('flow:purpose.choices.medical'),
    other: t('flow:purpose.choices.other'),
  };
}
