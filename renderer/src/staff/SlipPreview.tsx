// A job's slip as the printer draws it, on demand: core renders it from the same template as the bytes (printer.preview)
// and it is shown as an <img> with a data: URL. Never put into the page as HTML: an image cannot run anything.
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { ErrorData } from '../../../electron/ipc/envelope.js';
import { PendingMark, WarningMark } from '../components/StatusMark';
import { errorMessage } from '../i18n/error-message';

interface SlipPreviewProps {
  kiosk: KioskApi;
  jobId: number;
  /** What the image shows, for screen readers: the slip kind and its label. */
  alt: string;
}

type View = { kind: 'closed' } | { kind: 'loading' } | { kind: 'shown'; url: string } | { kind: 'error'; error: ErrorData };

/** The SVG text as an image URL (percent-encoded, so any character in it is safe inside the URL). */
export const svgDataUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

export function SlipPreview({ kiosk, jobId, alt }: SlipPreviewProps) {
  const { t } = useTranslation(['common', 'staff']);
  const [view, setView] = useState<View>({ kind: 'closed' });
  const request = useRef(0);
  const areaId = useId();
  const open = view.kind !== 'closed';

  const toggle = async () => {
    // Closing while core is still drawing: the answer that comes later is not wanted any more.
    const mine = ++request.current;
    if (open) {
      setView({ kind: 'closed' });
      return;
    }
    setView({ kind: 'loading' });
    const envelope = await kiosk.invoke('printer.preview', { jobId });
    if (mine !== request.current) return;
    setView(envelope.ok ? { kind: 'shown', url: svgDataUrl(envelope.value.svg) } : { kind: 'error', error: envelope.error });
  };

  return (
    <div className="slip-preview">
      <button
        type="button"
        className="button button-secondary"
        data-testid="job-preview"
        aria-expanded={open}
        aria-controls={areaId}
        onClick={() => void toggle()}
      >
        {open ? t('staff:printerJobs.hidePreview') : t('staff:printerJobs.preview')}
      </button>
      <div id={areaId} className="slip-preview-area" aria-live="polite">
        {view.kind === 'loading' ? (
          <p data-testid="job-preview-loading">
            <PendingMark /> {t('staff:printerJobs.previewLoading')}
          </p>
        ) : view.kind === 'shown' ? (
          <img className="slip-preview-image" data-testid="job-preview-image" src={view.url} alt={alt} />
        ) : view.kind === 'error' ? (
          <p role="alert" data-testid="job-preview-error">
            <WarningMark /> {errorMessage(t, view.error)}
          </p>
        ) : null}
      </div>
    </div>
  );
}
