// The kiosk session once app.info is known: screen state, card and wedge input, the staff screens, and the one way home
// that forgets the resident (identity.clear plus dropping every identity value from React state) and signs staff out.
import { useEffect, useReducer, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { AppInfo } from '../../../electron/ipc/contract.js';
import type { MaskedIdentity } from '../api/card-types';
import type { SignedInOfficer } from '../api/staff-types';
import { useCardEvents } from '../api/use-card-events';
import { useCoreTime } from '../api/use-core-time';
import { usePrinterStatus } from '../api/use-printer-status';
import { useReaderStatus } from '../api/use-reader-status';
import { useStaffSession } from '../api/use-staff-session';
import { useSyncStatus } from '../api/use-sync-status';
import { IdleGuard } from '../components/IdleGuard';
import { ManualEntryScreen } from '../staff/ManualEntryScreen';
import { PrinterScreen } from '../staff/PrinterScreen';
import { StaffHomeScreen } from '../staff/StaffHomeScreen';
import { StaffSignInScreen } from '../staff/StaffSignInScreen';
import { CheckpointScreen } from '../verify/CheckpointScreen';
import { CardProblemScreen } from './CardProblemScreen';
import { HelpScreen } from './HelpScreen';
import { HomeScreen } from './HomeScreen';
import { IdentityScreen } from './IdentityScreen';
import { ResidentFlow } from './flow/ResidentFlow';
import { RulesScreen } from './RulesScreen';
import { acceptsIdentity, currentScreen, initialSession, sessionReducer, type HomeNotice } from './session';
import { useWedgeReader } from './use-wedge-reader';

/** How long Home keeps the "place your own card" line after a "No": long enough to read, gone before the next person. */
export const NOTICE_MS = 30_000;

interface KioskSessionProps {
  kiosk: KioskApi;
  info: AppInfo;
}

export function KioskSession({ kiosk, info }: KioskSessionProps) {
  const { i18n } = useTranslation();
  const now = useCoreTime(kiosk);
  const reader = useReaderStatus(kiosk);
  const sync = useSyncStatus(kiosk);
  const printer = usePrinterStatus(kiosk);
  const [session, dispatch] = useReducer(sessionReducer, initialSession);
  const screen = currentScreen(session);
  // For answers that arrive after the screen that asked has gone (sign-in, manual check): where are we now?
  const latestScreen = useRef(screen);
  useEffect(() => {
    latestScreen.current = screen;
  }, [screen]);

  useCardEvents(kiosk, {
    onRead: (identity) => dispatch({ type: 'identity', identity }),
    onProblem: (problem) => dispatch({ type: 'problem', problem: { kind: 'card', problem } }),
  });

  useWedgeReader({
    enabled: acceptsIdentity(screen),
    onScan: (typed) => {
      void kiosk.invoke('identity.wedge', { typed }).then((envelope) => {
        // The reducer ignores an answer that comes back after the resident has moved somewhere it does not belong.
        if (!envelope.ok) dispatch({ type: 'problem', problem: { kind: 'error', error: envelope.error } });
        else if (envelope.value.valid) dispatch({ type: 'identity', identity: envelope.value.identity });
        else dispatch({ type: 'problem', problem: { kind: 'wedge', reason: envelope.value.reason } });
      });
    },
  });

  const notice = session.notice;
  useEffect(() => {
    if (notice === undefined) return;
    const timer = setTimeout(() => dispatch({ type: 'clear-notice' }), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  // Core says nobody is signed in any more: off the staff screens (the reducer leaves resident screens alone).
  useStaffSession(kiosk, () => dispatch({ type: 'signed-out' }));

  /** Every way home ends the session: core forgets the identity and the officer, and the screen drops both too. */
  const home = (homeNotice?: HomeNotice) => {
    const signedIn = session.officer !== undefined;
    dispatch({ type: 'home', notice: homeNotice });
    // Best effort: if core cannot be reached the identity is still gone from the screen, and core's own session
    // timeout is the backstop; there is nothing useful a resident could do about a failure here.
    void kiosk.invoke('identity.clear', {});
    if (signedIn) void kiosk.invoke('staff.signOut', {});
  };
  const signOut = () => home();
  const signedIn = (officer: SignedInOfficer) => {
    // Signed in after the sign-in screen had gone (idle, Start over): nobody is there, so out again.
    if (latestScreen.current === 'staff') dispatch({ type: 'signed-in', officer });
    else void kiosk.invoke('staff.signOut', {});
  };
  const manualIdentity = (identity: MaskedIdentity) => {
    if (latestScreen.current === 'staff-manual') dispatch({ type: 'manual-identity', identity });
    // Checked after the screen had gone: core holds an identity nobody is looking at; let it go.
    else void kiosk.invoke('identity.clear', {});
  };
  const startOver = () => home();
  const notMe = () => home('not-me');
  const back = () => {
    if (session.trail.at(-2) === 'home') home();
    else dispatch({ type: 'back' });
  };
  // Nobody answered the warning: whoever comes next starts fresh, in the terminal's own language.
  const endSession = () => {
    home();
    void i18n.changeLanguage(info.defaultLanguage);
  };

  // What every signed-in staff screen below Staff home gets: who, the status strip, and the ways out.
  const staffScreen = session.officer && {
    info,
    kiosk,
    officer: session.officer,
    sync,
    printer,
    onBack: back,
    onHome: startOver,
    onSignOut: signOut,
  };

  const content = (() => {
    switch (screen) {
      case 'home':
        return (
          <HomeScreen
            info={info}
            kiosk={kiosk}
            now={now}
            reader={reader}
            printer={printer}
            notice={notice}
            onHelp={() => dispatch({ type: 'go', screen: 'help' })}
            onRules={() => dispatch({ type: 'go', screen: 'rules' })}
            onStaff={() => dispatch({ type: 'go', screen: 'staff' })}
          />
        );
      case 'help':
        return <HelpScreen info={info} onBack={back} onHome={startOver} />;
      case 'staff':
        return <StaffSignInScreen info={info} kiosk={kiosk} onBack={back} onSignedIn={signedIn} />;
      case 'staff-home':
        return session.officer ? (
          <StaffHomeScreen
            info={info}
            kiosk={kiosk}
            officer={session.officer}
            sync={sync}
            printer={printer}
            onManual={() => dispatch({ type: 'go', screen: 'staff-manual' })}
            onCheckpoint={() => dispatch({ type: 'go', screen: 'staff-checkpoint' })}
            onPrinter={() => dispatch({ type: 'go', screen: 'staff-printer' })}
            onSignOut={signOut}
          />
        ) : null;
      case 'staff-printer':
        return staffScreen && <PrinterScreen {...staffScreen} />;
      case 'staff-checkpoint':
        return staffScreen && <CheckpointScreen {...staffScreen} />;
      case 'staff-manual':
        return staffScreen && <ManualEntryScreen {...staffScreen} onValid={manualIdentity} />;
      case 'identity':
        return session.identity ? (
          <IdentityScreen
            // A new card on the reader is a new screen: fresh focus and scroll, nothing carried over.
            key={session.identity.readId}
            info={info}
            identity={session.identity}
            onYes={() => dispatch({ type: 'confirm' })}
            onNo={notMe}
            onHome={startOver}
          />
        ) : null;
      case 'flow':
        return session.identity ? (
          <ResidentFlow
            // A new card read is a new flow: nothing of the previous resident's answers carried over.
            key={session.identity.readId}
            kiosk={kiosk}
            info={info}
            readId={session.identity.readId}
            onHome={startOver}
            onTimeout={endSession}
          />
        ) : null;
      case 'rules':
        return <RulesScreen info={info} kiosk={kiosk} onBack={back} onHome={startOver} />;
      case 'card-problem':
        return session.problem ? <CardProblemScreen info={info} problem={session.problem} onBack={back} onHome={startOver} /> : null;
    }
  })();

  return (
    // Keyed by screen so each screen starts with a fresh idle period and no leftover warning. The resident's flow
    // guards each of its steps itself (and not while a submission is on its way).
    <IdleGuard key={screen} enabled={screen !== 'home' && screen !== 'flow'} idle={info.idle} onExpire={endSession}>
      {content}
    </IdleGuard>
  );
}
