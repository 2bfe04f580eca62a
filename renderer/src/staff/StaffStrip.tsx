// The status line on every signed-in staff screen: who is signed in ("工作人员：王**（0001）") and Sign out.
import { useTranslation } from 'react-i18next';
import type { SignedInOfficer } from '../api/staff-types';

interface StaffStripProps {
  officer: SignedInOfficer;
  onSignOut: () => void;
}

export function StaffStrip({ officer, onSignOut }: StaffStripProps) {
  const { t } = useTranslation(['common', 'staff']);
  return (
    <div className="staff-strip" data-testid="staff-strip">
      <p data-testid="staff-strip-officer">{t('staff:strip.officer', { name: officer.maskedName, staffNo: officer.staffNo })}</p>
      <button type="button" className="button button-quiet" data-testid="staff-sign-out" onClick={onSignOut}>
        {t('staff:strip.signOut')}
      </button>
    </div>
  );
}
