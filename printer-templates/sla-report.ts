// The officer's daily SLA report: decisions, on-time count, breaches, median and p90 time, and the overdue applications.
import type { SlaReportData } from '../electron/core/printing/slip-data.js';
import type { Template } from '../electron/core/printing/template.js';

export const slaReportTemplate: Template<SlaReportData> = {
  id: 'sla-report',
  blocks: [
    { text: 'common.hall', values: { hall: 'hallName' }, align: 'center', bold: true },
    { text: 'slaReport.title', size: 2, align: 'center', bold: true },
    { rule: true },
    { pair: 'slaReport.date', value: { field: 'date', as: 'date' } },
    {
      pair: 'slaReport.officer',
      value: { text: 'common.officer', values: { name: 'officer.maskedName', staffNo: 'officer.staffNo' } },
    },
    { rule: true },
    { pair: 'slaReport.decided', value: { text: 'common.count', values: { n: 'decided' } } },
    { pair: 'slaReport.onTime', value: { text: 'slaReport.onTimeValue', values: { onTime: 'onTime', decided: 'decided' } } },
    { pair: 'slaReport.breaches', value: { text: 'common.count', values: { n: 'breaches' } }, bold: true },
    { pair: 'slaReport.pending', value: { text: 'common.count', values: { n: 'pending' } } },
    // null, not 0, means "no figure": 0 minutes is a real (if unlikely) median.
    {
      when: 'medianMinutes',
      is: null,
      blocks: [{ pair: 'slaReport.median', value: { text: 'slaReport.none' } }],
      otherwise: [{ pair: 'slaReport.median', value: { text: 'common.minutes', values: { n: 'medianMinutes' } } }],
    },
    {
      when: 'p90Minutes',
      is: null,
      blocks: [{ pair: 'slaReport.p90', value: { text: 'slaReport.notEnough' } }],
      otherwise: [{ pair: 'slaReport.p90', value: { text: 'common.minutes', values: { n: 'p90Minutes' } } }],
    },
    { rule: true },
    { text: 'slaReport.breachRefs', bold: true },
    {
      when: 'breachRefs',
      blocks: [{ each: 'breachRefs', blocks: [{ text: 'slaReport.breachRef', values: { ref: 'item' } }] }],
      otherwise: [{ text: 'slaReport.none' }],
    },
    { feed: 1 },
    { text: 'slaReport.signature' },
    { when: 'reprintNumber', blocks: [{ text: 'common.reprint', values: { n: 'reprintNumber' }, bold: true }] },
    { feed: 1 },
    { cut: true },
  ],
};
