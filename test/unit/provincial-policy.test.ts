// Emulated province's policy math: risk rules, working hours (weekday rule, no holidays), auto-default time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addWorkingHours, defaultPolicy, reviewRuleFor, reviewTimes, HallPolicySchema } from '../../emulators/provincial/policy.js';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const low = {
  temperatureC: null,
  fever: false,
  coughOrOtherSymptoms: false,
  travelOutsideProvince14d: false,
  contactWithCase14d: false,
  purpose: 'work' as const,
  phone: null,
  commitment: true as const,
};

test('risk rules: low risk is null; the first rule that applies is cited; 37.3 °C counts as fever', () => {
  assert.equal(reviewRuleFor(low, defaultPolicy), null);
  assert.equal(reviewRuleFor({ ...low, temperatureC: 37.2 }, defaultPolicy), null);
  assert.equal(reviewRuleFor({ ...low, temperatureC: 37.3 }, defaultPolicy), 'fever');
  assert.equal(reviewRuleFor({ ...low, coughOrOtherSymptoms: true, contactWithCase14d: true }, defaultPolicy), 'symptoms');
});

test('working hours skip lunch, evenings and weekends; a start outside hours begins at the next working minute', () => {
  // Wednesday 11:00 Shanghai (03:00Z): 1 h to 12:00, 3.5 h to 17:00, 1.5 h Thursday → 10:00 Thursday (02:00Z).
  assert.equal(iso(addWorkingHours(at('2026-11-25T03:00:00Z'), 6, defaultPolicy)), '2026-11-26T02:00:00.000Z');
  // Saturday 20:00 Shanghai → from Monday 08:30: 3.5 h to 12:00, 2.5 h from 13:30 → 16:00 Monday (08:00Z).
  assert.equal(iso(addWorkingHours(at('2026-11-28T12:00:00Z'), 6, defaultPolicy)), '2026-11-30T08:00:00.000Z');
  // During lunch (12:30 Shanghai): counting starts 13:30; 3.5 h that afternoon, then 2.5 h next morning → 11:00.
  assert.equal(iso(addWorkingHours(at('2026-11-25T04:30:00Z'), 6, defaultPolicy)), '2026-11-26T03:00:00.000Z');
});

test('auto-default is 18:00 Shanghai the calendar day after the deadline; offline has none; the anchor is data', () => {
  const online = reviewTimes('online', at('2026-11-25T03:00:00Z'), defaultPolicy);
  assert.equal(iso(online.autoDefaultAt!), '2026-11-27T10:00:00.000Z');
  assert.deepEqual(reviewTimes('offline', at('2026-11-25T03:00:00Z'), defaultPolicy), {
    reviewDueAt: at('2026-11-25T09:00:00Z'),
    autoDefaultAt: null,
  });
  const bySubmission = HallPolicySchema.parse({ autoDefault: { anchor: 'submission', dayOffset: 1, at: '18:00' } });
  assert.equal(iso(reviewTimes('online', at('2026-11-25T03:00:00Z'), bySubmission).autoDefaultAt!), '2026-11-26T10:00:00.000Z');
});
