// The proxy slip (代办凭条): who applied for whom, their relationship and how consent was shown, for the record.
import type { ProxySlipData } from '../electron/core/printing/slip-data.js';
import type { Template } from '../electron/core/printing/template.js';

export const proxySlipTemplate: Template<ProxySlipData> = {
  id: 'proxy-slip',
  blocks: [
    { text: 'common.hall', values: { hall: 'hallName' }, align: 'center', bold: true },
    { text: 'proxySlip.title', size: 2, align: 'center', bold: true },
    { rule: true },
    { pair: 'common.applicationRef', value: 'applicationRef', bold: true },
    { pair: 'proxySlip.at', value: { field: 'at', as: 'datetime' } },
    { text: 'proxySlip.subject', bold: true },
    { pair: 'common.name', value: 'subject.maskedName' },
    { pair: 'common.number', value: 'subject.maskedNumber' },
    { text: 'proxySlip.proxy', bold: true },
    { pair: 'common.name', value: 'proxy.maskedName' },
    { pair: 'common.number', value: 'proxy.maskedNumber' },
    { pair: 'proxySlip.relationship', value: { field: 'relationship', as: 'word', words: 'relationship' } },
    { pair: 'proxySlip.consent', value: { field: 'consent', as: 'word', words: 'consent' } },
    { when: 'staffNo', blocks: [{ pair: 'proxySlip.staffNo', value: 'staffNo' }] },
    { rule: true },
    { text: 'proxySlip.pledge' },
    { feed: 1 },
    { text: 'proxySlip.signature' },
    { when: 'reprintNumber', blocks: [{ text: 'common.reprint', values: { n: 'reprintNumber' }, bold: true }] },
    { rule: true },
    // No complaint number of its own: the application number is the reference.
    { text: 'common.complaint', values: { ref: 'applicationRef' } },
    { feed: 1 },
    { cut: true },
  ],
};
