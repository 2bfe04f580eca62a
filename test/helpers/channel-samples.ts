// One valid input per contract channel: typed over every channel, so a new channel cannot be left out of the tests.
import type { Channel, ChannelInput } from '../../electron/ipc/contract.js';

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
  'demo.cards': {},
  'demo.tapCard': { cardId: 'resident-elderly' },
  'demo.removeCard': {},
  'demo.fault': { fault: 'none' },
  'demo.province': { online: true },
  'demo.staff': {},
};
