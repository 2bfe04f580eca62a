// The SLA board's days as a small inline SVG bar chart (no chart library): for each day three bars — decided, on time,
// breaches — told apart by position, pattern and a legend as well as colour. role="img" with a one-line summary;
// the same numbers follow as a table for screen readers and anyone who prefers figures.
import { useTranslation } from 'react-i18next';
import type { SlaDay } from '../api/approval-types';

const BAR = 6;
const GAP = 2;
const DAY_GAP = 8;
const HEIGHT = 120;
const LABEL = 18;

const series = ['decided', 'onTime', 'breaches'] as const;
type Series = (typeof series)[number];

export function SlaDayChart({ days }: { days: readonly SlaDay[] }) {
  const { t } = useTranslation(['common', 'staff']);
  const max = Math.max(1, ...days.flatMap((day) => [day.decided, day.onTime, day.breaches]));
  const dayWidth = series.length * (BAR + GAP) + DAY_GAP;
  const width = Math.max(dayWidth, days.length * dayWidth);
  const total = (key: Series) => days.reduce((sum, day) => sum + day[key], 0);
  const words: Record<Series, string> = {
    decided: t('staff:board.decided'),
    onTime: t('staff:board.onTime'),
    breaches: t('staff:board.breaches'),
  };
  const summary = t('staff:board.chartSummary', {
    days: days.length,
    decided: total('decided'),
    onTime: total('onTime'),
    breaches: total('breaches'),
  });
  return (
    <figure className="sla-chart" data-testid="board-chart">
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${width} ${HEIGHT + LABEL}`}
        width="100%"
        height={HEIGHT + LABEL}
        preserveAspectRatio="none"
        data-testid="board-chart-svg"
      >
        {days.map((day, index) =>
          series.map((key, bar) => {
            const height = Math.round((day[key] / max) * HEIGHT);
            return (
              <rect
                key={`${day.day}-${key}`}
                className={`sla-bar sla-bar-${key}`}
                x={index * dayWidth + bar * (BAR + GAP)}
                y={HEIGHT - height}
                width={BAR}
                height={height}
                data-testid="board-bar"
                data-day={day.day}
                data-series={key}
                data-value={day[key]}
              />
            );
          }),
        )}
        <line x1={0} y1={HEIGHT} x2={width} y2={HEIGHT} className="sla-axis" />
      </svg>
      <figcaption>
        <ul className="sla-legend">
          {series.map((key) => (
            <li key={key}>
              <span className={`sla-swatch sla-bar-${key}`} aria-hidden="true" /> {words[key]}
            </li>
          ))}
        </ul>
      </figcaption>
      <table className="console-table" data-testid="board-days">
        <caption>{t('staff:board.byDay')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff:board.day')}</th>
            {series.map((key) => (
              <th key={key} scope="col">
                {words[key]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.day} data-testid="board-day" data-day={day.day}>
              <th scope="row">{day.day}</th>
              <td>{day.decided}</td>
              <td>{day.onTime}</td>
              <td>{day.breaches}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
