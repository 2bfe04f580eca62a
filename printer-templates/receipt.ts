// The acceptance receipt (受理回执): printed when no code can be issued yet — review needed, or the province offline.
import type { ReceiptData } from '../electron/core/printing/slip-data.js';
import type { Template } from '../electron/core/printing/template.js';

export const receiptTemplate: Template<ReceiptData> = {
  id: 'receipt',
  blocks: [
    { text: 'common.hall', values: { hall: 'hallName' }, align: 'center', bold: true },
    { text: 'receipt.title', size: 2, align: 'center', bold: true },
    { rule: true },
    // The number staff and residents quote on the phone.
    { pair: 'common.applicationRef', value: 'applicationRef', bold: true },
    { pair: 'common.name', value: 'maskedName' },
    { pair: 'common.number', value: 'maskedNumber' },
    { pair: 'common.submittedAt', value: { field: 'submittedAt', as: 'datetime' } },
    { rule: true },
    { when: 'why', is: 'review', blocks: [{ text: 'receipt.review' }], otherwise: [{ text: 'receipt.offline' }] },
    { when: 'expectedBy', blocks: [{ pair: 'receipt.expectedBy', value: { field: 'expectedBy', as: 'datetime' }, bold: true }] },
    // A receipt in a pocket must not pass for a code at a gate.
    { text: 'receipt.notACode', bold: true },
    { text: 'receipt.next' },
    { when: 'proxyMaskedName', blocks: [{ text: 'common.proxyMarker', values: { name: 'proxyMaskedName' }, bold: true }] },
    { when: 'reprintNumber', blocks: [{ text: 'common.reprint', values: { n: 'reprintNumber' }, bold: true }] },
    { rule: true },
    { text: 'common.complaint', values: { ref: 'complaintRef' } },
    { feed: 1 },
    { cut: true },
  ],
};
