// The proxy wizard's first question: for a family member (为家人代办), for a walk-in resident (staff), or a care
// home's list (batch); then that path, whose Back returns here.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BatchProxyScreen } from './BatchProxyScreen';
import { ConsoleFrame } from './ConsoleFrame';
import type { ConsoleProps } from './console-props';
import { ProxyWizard } from './ProxyWizard';

type Path = 'family' | 'staff' | 'batch';
const paths: readonly Path[] = ['family', 'staff', 'batch'];

export function ProxyWizardScreen(screen: ConsoleProps) {
  const { t } = useTranslation(['common', 'staff']);
  const [path, setPath] = useState<Path>();
  const back = () => setPath(undefined);
  if (path === 'batch') return <BatchProxyScreen {...screen} onBack={back} />;
  // Keyed by path: a new path starts from its first step with nothing carried over.
  if (path) return <ProxyWizard key={path} {...screen} path={path} onBack={back} />;
  const words: Record<Path, { label: string; hint: string }> = {
    family: { label: t('staff:proxy.choose.family'), hint: t('staff:proxy.choose.familyHint') },
    staff: { label: t('staff:proxy.choose.staff'), hint: t('staff:proxy.choose.staffHint') },
    batch: { label: t('staff:proxy.choose.batch'), hint: t('staff:proxy.choose.batchHint') },
  };
  return (
    <ConsoleFrame testId="staff-proxy" screen={screen}>
      <h1>{t('staff:proxy.heading')}</h1>
      <div className="actions console-choices">
        {paths.map((option) => (
          <button
            key={option}
            type="button"
            className="button button-primary button-stacked"
            data-testid={`proxy-path-${option}`}
            onClick={() => setPath(option)}
          >
            {words[option].label}
            <span className="button-note">{words[option].hint}</span>
          </button>
        ))}
      </div>
    </ConsoleFrame>
  );
}
