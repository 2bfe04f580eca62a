// The decision screen: the declaration in words, the rules and the history; approve after a confirm, refuse only with a
// rule, ask for information by keyboard (A / R / I, Enter, Esc); a community head may reassign; after the province's
// auto-default the timeout notice prints.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { KioskError } from '../../electron/core/errors.js';
import { DecideScreen } from '../../renderer/src/staff/DecideScreen';
import { itemId, queueItem } from './fake-approvals';
import { fakeRules } from './fake-kiosk';
import { flush, renderConsole } from './console-helpers';

const open = queueItem({ applicationId: itemId(1), ref: 'QD-20240501-0001' });

async function onDecide(staffNo = '0001', item = open) {
  return renderConsole((props) => <DecideScreen {...props} applicationId={item.applicationId} />, {
    staffNo,
    prepare: (fake) => fake.desk.seedQueue([item]),
  });
}

const key = (name: string) => fireEvent.keyDown(document.body, { key: name });

describe('the decision screen', () => {
  it('shows the declaration in words, the rules that applied, the history, and A/R/I on the buttons', async () => {
    await onDecide();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('审核 QD-20240501-0001');
    expect(within(screen.getByTestId('declaration-temperature')).getByText('37.6 ℃')).toBeTruthy();
    expect(within(screen.getByTestId('declaration-fever')).getByText('是')).toBeTruthy();
    expect(screen.getByTestId('citation').getAttribute('data-rule-id')).toBe(fakeRules.fever.id);
    expect(screen.getByTestId('citation').textContent).toContain(fakeRules.fever.sentence['zh-CN']);
    expect(screen.getAllByTestId('history-event').map((event) => event.getAttribute('data-kind'))).toEqual(['assigned']);
    expect(screen.getByTestId('decide-approve').textContent).toContain('A');
    expect(screen.getByTestId('decide-refuse').textContent).toContain('R');
    expect(screen.getByTestId('decide-ask-info').textContent).toContain('I');
    // The demo officer is not a community head: no reassigning.
    expect(screen.queryByTestId('reassign-panel')).toBeNull();
  });

  it('approves only after the confirmation, then says so and closes the actions', async () => {
    const { fake } = await onDecide();
    fireEvent.click(screen.getByTestId('decide-approve'));
    expect(fake.callsTo('queue.decide')).toEqual([]);
    fireEvent.click(screen.getByTestId('decide-confirm'));
    await flush();
    expect(fake.callsTo('queue.decide')).toEqual([{ applicationId: itemId(1), decision: 'approve', ruleId: null }]);
    expect(screen.getByTestId('decide-outcome').textContent).toContain('已批准：QD-20240501-0001');
    expect(screen.queryByTestId('decide-actions')).toBeNull();
    expect(screen.getByTestId('decide-declaration-gone')).toBeTruthy();
    expect(screen.getAllByTestId('history-event').at(-1)?.getAttribute('data-kind')).toBe('decided');
  });

  it('refuses only with a rule picked from the refusable rules', async () => {
    const { fake } = await onDecide();
    key('r');
    expect(screen.getByTestId('staff-decide').getAttribute('data-pending')).toBe('refuse');
    const options = screen.getAllByTestId('rule-option').map((option) => option.getAttribute('data-rule-id'));
    expect(options).toEqual(Object.values(fakeRules).map((rule) => rule.id));
    fireEvent.click(screen.getByTestId('decide-confirm'));
    await flush();
    expect(fake.callsTo('queue.decide')).toEqual([]);
    expect(screen.getByTestId('decide-problem').textContent).toContain('不予批准必须选一条规则');
    fireEvent.click(screen.getByTestId(`rule-${fakeRules.observation.id}`));
    key('Enter');
    await flush();
    expect(fake.callsTo('queue.decide')).toEqual([{ applicationId: itemId(1), decision: 'refuse', ruleId: fakeRules.observation.id }]);
    expect(screen.getByTestId('decide-outcome').getAttribute('data-outcome')).toBe('refuse');
  });

  it('asks for information by keyboard; Esc cancels, Esc again goes back', async () => {
    const { fake, onBack } = await onDecide();
    key('i');
    key('Escape');
    expect(screen.queryByTestId('decide-confirm-panel')).toBeNull();
    expect(onBack).not.toHaveBeenCalled();
    key('I');
    key('Enter');
    await flush();
    expect(fake.callsTo('queue.decide')).toEqual([{ applicationId: itemId(1), decision: 'ask-info', ruleId: null }]);
    expect(screen.getByTestId('decide-outcome').textContent).toContain('已请求补充信息');
    // Asking for information leaves it open: the actions stay.
    expect(screen.getByTestId('decide-actions')).toBeTruthy();
    key('Escape');
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  it("shows core's refusal in words, and follows a decision made elsewhere", async () => {
    const { fake } = await onDecide();
    fake.desk.failCall('queue.decide', new KioskError('forbidden', 'errors.roleMissing', { role: 'approver' }));
    key('a');
    key('Enter');
    await flush();
    expect(screen.getByTestId('decide-problem').textContent).toContain('审批人员');
    expect(screen.queryByTestId('decide-outcome')).toBeNull();
    fake.desk.failCall('queue.decide', undefined);
    act(() => fake.desk.updateItem(itemId(1), { state: 'decided' }));
    await flush();
    expect(screen.queryByTestId('decide-actions')).toBeNull();
    expect(screen.getByTestId('decide-closed')).toBeTruthy();
  });

  it('a community head reassigns to another approver', async () => {
    const { fake } = await onDecide('0003');
    const select = screen.getByTestId('reassign-to') as HTMLSelectElement;
    const choices = [...select.options].map((option) => option.value).filter(Boolean);
    expect(choices).toEqual(['0002', '0003']);
    fireEvent.change(select, { target: { value: '0002' } });
    fireEvent.click(screen.getByTestId('reassign-submit'));
    await flush();
    expect(fake.callsTo('queue.reassign')).toEqual([{ applicationId: itemId(1), toStaffNo: '0002' }]);
    expect(screen.getByTestId('reassign-result').textContent).toContain('已转给 李*');
  });

  it('after the auto-default, prints the timeout notice', async () => {
    const { fake } = await onDecide('0001', { ...open, state: 'auto-defaulted', level: 'overdue', remainingMs: -hour() });
    expect(screen.queryByTestId('decide-actions')).toBeNull();
    fireEvent.click(screen.getByTestId('print-notice'));
    await flush();
    expect(fake.callsTo('queue.printNotice')).toEqual([{ applicationId: itemId(1) }]);
    expect(screen.getByTestId('notice-result').textContent).toContain('超时默认通知书 QD-20240501-0001');
    expect(fake.printJobs().at(-1)?.template).toBe('timeout-notice');
  });
});

function hour() {
  return 3_600_000;
}
