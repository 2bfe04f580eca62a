// The kiosk app: loads app.info, then a small screen state machine (home → help / staff) under the idle guard.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../electron/ipc/contract.js';
import { getKiosk } from './api/kiosk';
import { useAppInfo } from './api/use-app-info';
import { useCoreTime } from './api/use-core-time';
import { IdleGuard } from './components/IdleGuard';
import { MessageScreen } from './components/MessageScreen';
import { errorMessage } from './i18n/error-message';
import { HelpScreen } from './kiosk/HelpScreen';
import { HomeScreen } from './kiosk/HomeScreen';
import { StaffSignInScreen } from './staff/StaffSignInScreen';

type Screen = 'home' | 'help' | 'staff';

export function App() {
  const [kiosk] = useState(getKiosk);
  const { t, i18n } = useTranslation();
  const { state, retry } = useAppInfo(kiosk, async (info: AppInfo) => {
    await i18n.changeLanguage(info.defaultLanguage);
  });
  const now = useCoreTime(kiosk);
  // The way back: the last entry is the screen shown; "Back" pops one, "Start over" keeps only home.
  const [trail, setTrail] = useState<readonly Screen[]>(['home']);

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

  const { info } = state;
  const screen = trail.at(-1) ?? 'home';
  const go = (next: Screen) => setTrail((current) => [...current, next]);
  const back = () => setTrail((current) => (current.length > 1 ? current.slice(0, -1) : current));
  const home = () => setTrail(['home']);
  const openHelp = () => go('help');
  const openStaff = () => go('staff');
  // Nobody answered the warning: whoever comes next starts fresh, in the terminal's own language.
  const endSession = () => {
    home();
    void i18n.changeLanguage(info.defaultLanguage);
  };

  return (
    // Keyed by screen so each screen starts with a fresh idle period and no leftover warning.
    <IdleGuard key={screen} enabled={screen !== 'home'} idle={info.idle} onExpire={endSession}>
      {screen === 'home' ? (
        <HomeScreen info={info} now={now} onHelp={openHelp} onStaff={openStaff} />
      ) : screen === 'help' ? (
        <HelpScreen info={info} onBack={back} onHome={home} />
      ) : (
        <StaffSignInScreen info={info} onBack={back} />
      )}
    </IdleGuard>
  );
}
