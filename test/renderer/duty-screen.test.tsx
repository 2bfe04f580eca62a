// Duty: every officer with roles, duty, delegate, backup and load; an officer changes only their own duty and delegate;
// a community head also sets backups and others' duty; core's refusal is said in words.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DutyScreen } from '../../renderer/src/staff/DutyScreen';
import { itemId, queueItem, subjectCard } from './fake-approvals';
import { flush, renderConsole } from './console-helpers';

const row = (staffNo: string) =>
  screen.getAllByTestId('duty-row').find((candidate) => candidate.getAttribute('data-staff-no') === staffNo)!;

describe('the duty screen', () => {
  it('lists the officers with roles and load; an officer sets their own duty and delegate only', async () => {
    const { fake } = await renderConsole((props) => <DutyScreen {...props} />, {
      prepare: (kiosk) => kiosk.desk.seedQueue([queueItem({ applicationId: itemId(1), ref: 'QD-1' })]),
    });
    expect(screen.getAllByTestId('duty-row').map((candidate) => candidate.getAttribute('data-staff-no'))).toEqual([
      '0001',
      '0002',
      '0003',
      '0004',
    ]);
    expect(within(row('0001')).getByTestId('duty-load').textContent).toBe('1');
    expect(row('0003').textContent).toContain('社区负责人');
    // Not a community head: no controls on others' rows, no backup pickers.
    expect(within(row('0002')).queryByTestId('duty-toggle-0002')).toBeNull();
    expect(screen.queryByTestId('duty-backup-0001')).toBeNull();

    fireEvent.click(screen.getByTestId('duty-toggle-0001'));
    await flush();
    expect(fake.callsTo('officers.duty')).toEqual([{ staffNo: '0001', onDuty: false }]);
    expect(row('0001').getAttribute('data-on-duty')).toBe('false');
    expect(screen.getByTestId('duty-result').textContent).toContain('已保存：王**');

    fireEvent.change(screen.getByTestId('duty-delegate-0001'), { target: { value: '0002' } });
    await flush();
    fireEvent.change(screen.getByTestId('duty-away-0001'), { target: { value: '2024-05-03T17:00' } });
    fireEvent.click(screen.getByTestId('duty-away-set-0001'));
    await flush();
    expect(fake.callsTo('officers.duty').slice(1)).toEqual([
      { staffNo: '0001', delegateTo: '0002' },
      { staffNo: '0001', awayUntil: '2024-05-03T17:00:00+08:00' },
    ]);
    expect(within(row('0001')).getByTestId('duty-state').textContent).toContain('17:00');
  });

  it('a community head sets a backup and another officer’s duty', async () => {
    const { fake } = await renderConsole((props) => <DutyScreen {...props} />, { staffNo: '0003' });
    fireEvent.change(screen.getByTestId('duty-backup-0001'), { target: { value: '0002' } });
    await flush();
    fireEvent.click(screen.getByTestId('duty-toggle-0002'));
    await flush();
    expect(fake.callsTo('officers.duty')).toEqual([
      { staffNo: '0001', backup: '0002' },
      { staffNo: '0002', onDuty: false },
    ]);
    expect((within(row('0001')).getByTestId('duty-backup-0001') as HTMLSelectElement).value).toBe('0002');
    expect(row('0002').getAttribute('data-on-duty')).toBe('false');
  });

  it('an admin enrols a new officer by their ID card; nobody else sees the panel', async () => {
    const { fake } = await renderConsole((props) => <DutyScreen {...props} />, { staffNo: '0004' });
    const submit = screen.getByTestId('enrol-submit') as HTMLButtonElement;
    expect(screen.getByTestId('enrol-card').getAttribute('data-read')).toBe('false');
    fireEvent.change(screen.getByTestId('enrol-staff-no'), { target: { value: '2001' } });
    fireEvent.click(screen.getByTestId('enrol-role-approver'));
    expect(submit.disabled, 'no card yet').toBe(true);
    act(() => fake.emit('card.read', { ...subjectCard }));
    expect(screen.getByTestId('enrol-card').textContent).toContain(subjectCard.maskedName!);
    fireEvent.click(submit);
    await flush();
    expect(fake.callsTo('officers.add')).toEqual([{ staffNo: '2001', roles: ['officer', 'approver'], readId: subjectCard.readId }]);
    expect(screen.getByTestId('enrol-result').textContent).toContain(subjectCard.maskedName!);
    expect(screen.getAllByTestId('duty-row').map((r) => r.getAttribute('data-staff-no'))).toContain('2001');
  });

  it('the enrol panel is for admins only', async () => {
    await renderConsole((props) => <DutyScreen {...props} />, { staffNo: '0003' });
    expect(screen.queryByTestId('enrol-panel')).toBeNull();
  });
});
