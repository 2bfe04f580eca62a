// The timeout-default notice (超时默认通知书): the province issued by default after the review deadline; who is responsible.
import type { TimeoutNoticeData } from '../electron/core/printing/slip-data.js';
import type { Template } from '../electron/core/printing/template.js';

export const timeoutNoticeTemplate: Template<TimeoutNoticeData> = {
  id: 'timeout-notice',
  blocks: [
    { text: 'common.hall', values: { hall: 'hallName' }, align: 'center', bold: true },
    { text: 'timeoutNotice.title', size: 2, align: 'center', bold: true },
    { rule: true },
    { text: 'timeoutNotice.body' },
    { pair: 'common.applicationRef', value: 'applicationRef', bold: true },
    { pair: 'common.name', value: 'maskedName' },
    { pair: 'common.number', value: 'maskedNumber' },
    { pair: 'common.submittedAt', value: { field: 'submittedAt', as: 'datetime' } },
    { pair: 'timeoutNotice.dueAt', value: { field: 'dueAt', as: 'datetime' } },
    { pair: 'timeoutNotice.autoDefaultAt', value: { field: 'autoDefaultAt', as: 'datetime' } },
    {
      pair: 'timeoutNotice.issuedStatus',
      value: {
        text: 'common.statusLine',
        values: { word: { field: 'issuedStatus', as: 'status-word' }, shape: { field: 'issuedStatus', as: 'status-shape' } },
      },
      bold: true,
    },
    { rule: true },
    // DOMAIN.md §3: the breach is recorded on the assigned officer and the community.
    {
      pair: 'timeoutNotice.officer',
      value: { text: 'common.officer', values: { name: 'officer.maskedName', staffNo: 'officer.staffNo' } },
    },
    { pair: 'timeoutNotice.community', value: 'community' },
    { when: 'reprintNumber', blocks: [{ text: 'common.reprint', values: { n: 'reprintNumber' }, bold: true }] },
    { rule: true },
    { text: 'common.complaint', values: { ref: 'applicationRef' } },
    { feed: 1 },
    { cut: true },
  ],
};
