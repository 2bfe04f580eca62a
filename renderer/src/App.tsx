// The kiosk app: loads app.info, then the resident session (screens, card events, wedge reader) under the idle guard.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../electron/ipc/contract.js';
import { getKiosk } from './api/kiosk';
import { useAppInfo } from './api/use-app-info';
import { MessageScreen } from './components/MessageScreen';
import { errorMessage } from './i18n/error-message';
import { KioskSession } from './kiosk/KioskSession';

export function App() {
  const [kiosk] = useState(getKiosk);
  const { t, i18n } = useTranslation();
  const { state, retry } = useAppInfo(kiosk, async (info: AppInfo) => {
    await i18n.changeLanguage(info.defaultLanguage);
  });

  if (state.status === 'loading') {
    return <MessageScreen testId="loading" heading={t('loading')} lines={[]} />;
  }
  if (state.status === 'failed') {
    return (
      <MessageScreen
        testId="startup-error"
        heading={t('startupFailed')}
        lines={[errorMessage(t, state.error)]}
        action={
          <button type="button" className="button button-primary" data-testid="retry" onClick={retry}>
            {t('retry')}
          </button>
        }
      />
    );
  }
  return <KioskSession kiosk={kiosk} info={state.info} />;
}
