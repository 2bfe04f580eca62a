// "The rules in force now", reached from Home: the policy's title, source, effective date, scope, validity, every rule
// id with its sentence in the screen's language, the complaint line; a calm line when core cannot answer.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { KioskError } from '../../electron/core/errors.js';
import { fakePolicy } from './fake-kiosk';
import { click, settle } from './flow-helpers';
import { renderApp } from './render-app';

const text = (testId: string) => screen.getByTestId(testId).textContent ?? '';

describe('the rules screen', () => {
  it('lists the policy in force: title, source, dates, scope, validity, each rule id and sentence', async () => {
    const fake = await renderApp();
    expect(text('go-rules')).toBe('现在的办理规则');
    click('go-rules');
    await settle();
    expect(fake.callsTo('policy.current')).toHaveLength(1);
    expect(screen.getByTestId('rules').dataset.policyId).toBe(fakePolicy.id);
    expect(text('rules-title')).toBe(fakePolicy.title['zh-CN']);
    expect(text('rules-source')).toContain(fakePolicy.source.document);
    expect(text('rules-effective')).toBe('2020年3月27日');
    expect(text('rules-scope')).toBe(fakePolicy.scope['zh-CN']);
    expect(text('rules-validity')).toBe('健康码有效期 14 天');
    const rules = screen.getAllByTestId('rule');
    expect(rules.map((rule) => rule.dataset.ruleId)).toEqual(fakePolicy.rules.map((rule) => rule.id));
    rules.forEach((rule, index) => expect(rule.textContent).toContain(fakePolicy.rules[index]!.sentence['zh-CN']));
    expect(text('rules-complaint')).toBe('咨询投诉电话：12345');
  });

  it('in English', async () => {
    await renderApp({ defaultLanguage: 'en' });
    click('go-rules');
    await settle();
    expect(text('rules-effective')).toBe('March 27, 2020');
    expect(text('rules-validity')).toBe('A code is valid for 14 days');
    expect(screen.getAllByTestId('rule')[1]?.textContent).toContain(fakePolicy.rules[1]!.sentence.en);
  });

  it('Back returns Home', async () => {
    await renderApp();
    click('go-rules');
    await settle();
    click('go-back');
    expect(screen.getByTestId('home')).toBeTruthy();
  });

  it('says plainly when the rules cannot be read', async () => {
    await renderApp(
      {},
      {
        prepare: (fake) =>
          fake.failApplicationCall('policy.current', new KioskError('unavailable', 'errors.noPolicy', { date: '2020-01-01' })),
      },
    );
    click('go-rules');
    await settle();
    expect(text('rules-error')).toContain('2020-01-01 没有生效的办理规则');
    expect(screen.queryAllByTestId('rule')).toEqual([]);
  });
});
