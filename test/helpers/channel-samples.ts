// One valid input per contract channel: typed over every channel, so a new channel cannot be left out of the tests.
import type { Channel, ChannelInput } from '../../electron/ipc/contract.js';
import { lowRiskDeclaration } from './sync-fixtures.js';

export const sampleInputs: { [C in Channel]: ChannelInput<C> } = {
  'app.info': {},
  'system.health': {},
  'reader.status': {},
  'sync.status': {},
  'identity.wedge': { typed: '11010519491231002X' },
  'identity.manual': { typed: '11010519491231002X' },
  'identity.clear': {},
  'staff.signIn': { staffNo: '0001', pin: '246810' },
  'staff.signOut': {},
  'staff.session': {},
  'printer.status': {},
  'printer.jobs': { limit: 20 },
  'printer.reprint': { jobId: 1 },
  'printer.dismiss': { jobId: 1 },
  'printer.preview': { jobId: 1 },
  'code.verify': { text: 'NOT A CODE' },
  'policy.current': {},
  'application.begin': { readId: 'read-0001-test' },
  'application.submit': {
    readId: 'read-0001-test',
    declaration: lowRiskDeclaration,
    answers: {},
    language: 'zh-CN',
  },
  'application.status': { readId: 'read-0001-test' },
  'application.reprint': { readId: 'read-0001-test', applicationId: '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b' },
  'application.reportLoss': { readId: 'read-0001-test', applicationId: '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b' },
  'demo.cards': {},
  'demo.tapCard': { cardId: 'resident-elderly' },
  'demo.removeCard': {},
  'demo.fault': { fault: 'none' },
  'demo.province': { online: true },
  'demo.staff': {},
};
