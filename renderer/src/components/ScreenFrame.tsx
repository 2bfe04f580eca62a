// The frame every screen shares: a banner landmark (demo notice, hall name, language switch, an optional status line),
// one main, an optional footer.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../electron/ipc/contract.js';
import { DemoBanner } from './DemoBanner';
import { LanguageSwitch } from './LanguageSwitch';

export type FrameInfo = Pick<AppInfo, 'hallName' | 'demo'>;

interface ScreenFrameProps {
  testId: string;
  /** Absent before `app.info` has answered (loading and start-up errors). */
  info?: FrameInfo;
  footer?: ReactNode;
  /** A line under the hall name on every screen of an area, e.g. the signed-in officer on staff screens. */
  status?: ReactNode;
  /** Extra `data-*` attributes on the screen, e.g. which problem a problem screen explains (for tests and support). */
  data?: Readonly<Record<`data-${string}`, string | undefined>>;
  children: ReactNode;
}

/** Keeps <html lang> and the window title in step with the language, so screen readers and fonts pick the right one. */
function useDocumentLanguage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('appName');
  }, [language, t]);
}

/**
 * A new screen starts at its top, and keyboard focus moves to its main content: the button that led here is gone,
 * and focus would otherwise fall back to the document body.
 */
function useFreshScreen() {
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    document.documentElement.scrollTop = 0;
    main.current?.focus({ preventScroll: true });
  }, []);
  return main;
}

export function ScreenFrame({ testId, info, footer, status, data, children }: ScreenFrameProps) {
  useDocumentLanguage();
  const main = useFreshScreen();
  return (
    <div className="screen" data-testid={testId} {...data}>
      <header className="topbar">
        {info?.demo ? <DemoBanner /> : null}
        <div className="topbar-row">
          <p className="hall-name">{info?.hallName}</p>
          <LanguageSwitch />
        </div>
        {status}
      </header>
      <main ref={main} className="content" tabIndex={-1}>
        {children}
      </main>
      {footer ? <footer className="screen-footer">{footer}</footer> : null}
    </div>
  );
}
