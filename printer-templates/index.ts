// Every slip template by id (the registry renderSlip in electron/core/printing/slip-data.ts draws from), and a sample of each.
import type { TemplateId } from '../electron/core/printing/schema.js';
import type { SlipDataByTemplate } from '../electron/core/printing/slip-data.js';
import type { Template } from '../electron/core/printing/template.js';
import { paperCodeTemplate } from './paper-code.js';
import { proxySlipTemplate } from './proxy-slip.js';
import { receiptTemplate } from './receipt.js';
import { slaReportTemplate } from './sla-report.js';
import { timeoutNoticeTemplate } from './timeout-notice.js';

export const slipTemplates: { [K in TemplateId]: Template<SlipDataByTemplate[K]> } = {
  'paper-code': paperCodeTemplate,
  receipt: receiptTemplate,
  'proxy-slip': proxySlipTemplate,
  'timeout-notice': timeoutNoticeTemplate,
  'sla-report': slaReportTemplate,
};

export { paperCodeTemplate, proxySlipTemplate, receiptTemplate, slaReportTemplate, timeoutNoticeTemplate };

/**
 * One invented, already-masked example per slip (the docs/paper-code.md worked example for the code): for previews,
 * the trainer and tests. Nothing here is a real person.
 */
export const slipSamples: SlipDataByTemplate = {
  'paper-code': {
    hallName: '市南区八大湖街道便民服务中心',
    status: 'GREEN',
    codeText:
      'J6036W BS0H7B0G1V3C%8.803SJ.80IRJ.803RO: O-942JPJVG860Y521FIHWEDR8$BN3FFU2LUGP:+T/EIJ*8+.EJV48$TSLE0EW-IRT2L6QE1IIB.7.Q8/LR6AJSDT-8UC252YFCNL*5NJMC:3TF5120',
    humanId: '8YEJ-WFTD-HTBT-6=',
    maskedName: '张*',
    maskedNumber: '11**************2X',
    validUntil: '2020-03-09T01:30:00.000Z',
    statusAsOf: '2020-03-02T01:00:00.000Z',
    proxyMaskedName: '李**',
    reprintNumber: 0,
    complaintRef: 'QD-20200302-0007',
  },
  receipt: {
    hallName: '市南区八大湖街道便民服务中心',
    applicationRef: 'QD-20200302-0007',
    maskedName: '张*',
    maskedNumber: '11**************2X',
    submittedAt: '2020-03-02T01:12:00.000Z',
    expectedBy: '2020-03-02T07:12:00.000Z',
    why: 'review',
    proxyMaskedName: null,
    complaintRef: 'QD-20200302-0007',
    reprintNumber: 0,
  },
  'proxy-slip': {
    hallName: '市南区八大湖街道便民服务中心',
    applicationRef: 'QD-20200302-0007',
    proxy: { maskedName: '李**', maskedNumber: '37**************15' },
    subject: { maskedName: '张*', maskedNumber: '11**************2X' },
    relationship: 'child',
    consent: 'card-presented',
    staffNo: '1001',
    at: '2020-03-02T01:12:00.000Z',
    reprintNumber: 0,
  },
  'timeout-notice': {
    hallName: '市南区八大湖街道便民服务中心',
    applicationRef: 'QD-20200302-0007',
    maskedName: '张*',
    maskedNumber: '11**************2X',
    submittedAt: '2020-03-02T01:12:00.000Z',
    dueAt: '2020-03-02T07:12:00.000Z',
    autoDefaultAt: '2020-03-03T10:00:00.000Z',
    issuedStatus: 'GREEN',
    officer: { staffNo: '1001', maskedName: '王*' },
    community: '八大湖社区',
    reprintNumber: 0,
  },
  'sla-report': {
    hallName: '市南区八大湖街道便民服务中心',
    date: '2020-03-02',
    officer: { staffNo: '1001', maskedName: '王*' },
    decided: 14,
    onTime: 12,
    breaches: 2,
    medianMinutes: 95,
    p90Minutes: 310,
    pending: 3,
    breachRefs: ['QD-20200302-0003', 'QD-20200302-0005'],
    reprintNumber: 0,
  },
};
