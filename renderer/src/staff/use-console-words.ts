// The staff console's vocabulary in words: where an application came from, SLA levels, history events, consent kinds,
// verification methods, roles. Written out key by key so every key stays greppable and checked by the locale test.
import { useTranslation } from 'react-i18next';
import type { ConsentKind, ReviewEventKind, ReviewSource, SlaLevel, VerificationMethod } from '../api/approval-types';
import type { Role } from '../api/staff-types';

export function useSourceWords(): Record<ReviewSource, string> {
  const { t } = useTranslation(['common', 'staff']);
  return {
    kiosk: t('staff:source.kiosk'),
    family: t('staff:source.family'),
    staff: t('staff:source.staff'),
    batch: t('staff:source.batch'),
  };
}

export function useLevelWords(): Record<SlaLevel, string> {
  const { t } = useTranslation(['common', 'staff']);
  return {
    ok: t('staff:level.ok'),
    yellow: t('staff:level.yellow'),
    red: t('staff:level.red'),
    overdue: t('staff:level.overdue'),
  };
}

export function useEventWords(): Record<ReviewEventKind, string> {
  const { t } = useTranslation(['common', 'staff']);
  return {
    assigned: t('staff:history.assigned'),
    reassigned: t('staff:history.reassigned'),
    delegated: t('staff:history.delegated'),
    warned: t('staff:history.warned'),
    escalated: t('staff:history.escalated'),
    overdue: t('staff:history.overdue'),
    'info-requested': t('staff:history.info-requested'),
    decided: t('staff:history.decided'),
    'auto-defaulted': t('staff:history.auto-defaulted'),
  };
}

export function useConsentWords(): Record<ConsentKind, string> {
  const { t } = useTranslation(['common', 'staff']);
  return {
    'signed-form': t('staff:consent.signed-form'),
    'verbal-witnessed': t('staff:consent.verbal-witnessed'),
    'card-presented': t('staff:consent.card-presented'),
  };
}

export function useVerificationWords(): Record<VerificationMethod, string> {
  const { t } = useTranslation(['common', 'staff']);
  return {
    'card-read': t('staff:verification.card-read'),
    'document-checked': t('staff:verification.document-checked'),
    'household-register': t('staff:verification.household-register'),
    'known-in-person': t('staff:verification.known-in-person'),
  };
}

export function useRoleWords(): Record<Role, string> {
  const { t } = useTranslation(['common', 'staff']);
  return {
    officer: t('staff:roles.officer'),
    approver: t('staff:roles.approver'),
    'community-head': t('staff:roles.community-head'),
    admin: t('staff:roles.admin'),
  };
}
