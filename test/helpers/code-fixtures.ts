// The worked example of docs/paper-code.md as test data: the RFC 8032 §7.1 TEST 1 key (published, tests only), the
// GB 11643 specimen holder, the example's fields and a trust list holding the key. Shared by the signing and
// checkpoint tests so both check the same code.
import { holderTag } from '../../electron/core/codes/holder.js';
import { issuerKeyFromSeed, trustedKey } from '../../electron/core/codes/keys.js';
import { minutesOf, type CodeFields } from '../../electron/core/codes/payload.js';
import type { TrustList } from '../../electron/core/codes/schema.js';

export const exampleSeed = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
export const examplePublicHex = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
export const exampleKey = issuerKeyFromSeed(exampleSeed);
/** A second key: signs codes nobody trusts. */
export const otherKey = issuerKeyFromSeed(Buffer.alloc(32, 7));

export const exampleHolder = '11010519491231002X';
export const exampleCodeId = '8f3a5c7e9b1d2f46';
export const exampleFields: Omit<CodeFields, 'kid'> = {
  codeId: exampleCodeId,
  status: 'GREEN',
  issuedAt: minutesOf(new Date('2020-03-02T01:30:00Z')),
  statusAsOf: minutesOf(new Date('2020-03-02T01:00:00Z')),
  validUntil: minutesOf(new Date('2020-03-09T01:30:00Z')),
  holderTag: holderTag(exampleCodeId, exampleHolder),
  proxy: true,
  hallId: 370202001,
};
export const exampleTrustList: TrustList = {
  issuer: 'demo province',
  keys: [trustedKey(exampleKey, new Date('2020-02-01T00:00:00Z'), null)],
  updatedAt: '2020-03-01T00:00:00.000Z',
};
