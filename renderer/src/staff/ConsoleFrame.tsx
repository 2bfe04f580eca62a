// The frame of a staff console screen: the shared screen frame with the staff strip on top and Back at the bottom.
import type { ReactNode } from 'react';
import { BackHomeButtons } from '../components/BackHomeButtons';
import { ScreenFrame } from '../components/ScreenFrame';
import type { ConsoleProps } from './console-props';
import { StaffStrip } from './StaffStrip';
import '../theme/console.css';

interface ConsoleFrameProps {
  testId: string;
  screen: ConsoleProps;
  data?: Readonly<Record<`data-${string}`, string | undefined>>;
  children: ReactNode;
}

export function ConsoleFrame({ testId, screen, data, children }: ConsoleFrameProps) {
  const { info, kiosk, officer, sync, printer, onBack, onSignOut } = screen;
  return (
    <ScreenFrame
      testId={testId}
      info={info}
      data={data}
      status={<StaffStrip officer={officer} sync={sync} printer={printer} onSignOut={onSignOut} kiosk={kiosk} />}
      footer={<BackHomeButtons onBack={onBack} />}
    >
      {children}
    </ScreenFrame>
  );
}
