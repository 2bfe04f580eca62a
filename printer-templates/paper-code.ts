// The paper health code (UX.md "The paper code"): hall, status word + shape, QR, code id, masked holder, times, marks.
import type { PaperCodeData } from '../electron/core/printing/slip-data.js';
import type { Template } from '../electron/core/printing/template.js';

export const paperCodeTemplate: Template<PaperCodeData> = {
  id: 'paper-code',
  blocks: [
    { text: 'common.hall', values: { hall: 'hallName' }, align: 'center', bold: true },
    { text: 'paperCode.heading', align: 'center' },
    { rule: true },
    // Thermal paper is black and white: the word and the shape carry the status, never colour.
    {
      text: 'common.statusLine',
      values: { word: { field: 'status', as: 'status-word' }, shape: { field: 'status', as: 'status-shape' } },
      size: 3,
      align: 'center',
      bold: true,
    },
    { when: 'status', is: 'PENDING', blocks: [{ text: 'paperCode.notAPass', align: 'center', bold: true }] },
    { qr: 'codeText' },
    // Read aloud on a phone check when a scan fails, so bold.
    { text: 'paperCode.codeId', values: { id: 'humanId' }, align: 'center', bold: true },
    { rule: true },
    { pair: 'common.name', value: 'maskedName' },
    { pair: 'common.number', value: 'maskedNumber' },
    { pair: 'paperCode.validUntil', value: { field: 'validUntil', as: 'datetime' }, bold: true },
    { pair: 'paperCode.statusAsOf', value: { field: 'statusAsOf', as: 'datetime' } },
    { when: 'proxyMaskedName', blocks: [{ text: 'common.proxyMarker', values: { name: 'proxyMaskedName' }, bold: true }] },
    { when: 'reprintNumber', blocks: [{ text: 'common.reprint', values: { n: 'reprintNumber' }, bold: true }] },
    { rule: true },
    { text: 'common.complaint', values: { ref: 'complaintRef' } },
    { feed: 1 },
    { cut: true },
  ],
};
