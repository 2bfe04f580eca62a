// The proxy wizard: the family path from the proxy's card to a slip printed with the proxy marker, the staff path to a
// refusal citing the rule, and the batch path's report of bad lines with Import enabled only for a clean file.
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProxyWizardScreen } from '../../renderer/src/staff/ProxyWizardScreen';
import { subjectCard } from './fake-approvals';
import { fakeRules, testIdentity } from './fake-kiosk';
import { flush, renderConsole } from './console-helpers';

const click = (testId: string) => fireEvent.click(screen.getByTestId(testId));
const step = () => screen.getByTestId('staff-proxy-wizard').getAttribute('data-step');

/** Answers the declaration form: the given yes answers, everything else no; work; the pledge ticked. */
function declare(yes: readonly string[] = []) {
  for (const field of ['fever', 'coughOrOtherSymptoms', 'travelOutsideProvince14d', 'contactWithCase14d']) {
    click(`decl-${field}-${yes.includes(field) ? 'yes' : 'no'}`);
  }
  for (const field of ['travelLowRiskProvincesOnly14d', 'underMedicalObservation']) {
    if (screen.queryByTestId(`decl-${field}-yes`)) click(`decl-${field}-${yes.includes(field) ? 'yes' : 'no'}`);
  }
  click('decl-purpose-work');
  click('decl-commitment');
}

describe('the proxy wizard', () => {
  it('family: proxy card → subject card → relationship → consent → declaration → printed with the proxy marker', async () => {
    const { fake } = await renderConsole((props) => <ProxyWizardScreen {...props} />);
    click('proxy-path-family');
    expect(step()).toBe('proxy-card');
    act(() => fake.emit('card.read', { ...testIdentity }));
    await flush();
    expect(fake.callsTo('proxy.holdProxy')).toEqual([{ readId: testIdentity.readId }]);
    expect(step()).toBe('subject');
    expect(screen.getByTestId('proxy-held').textContent).toContain('张*丰');
    // The proxy's own card again is not taken as the subject.
    act(() => fake.emit('card.read', { ...testIdentity }));
    expect(screen.getByTestId('proxy-subject-same')).toBeTruthy();
    act(() => fake.emit('card.read', { ...subjectCard }));
    click('proxy-subject-card-next');
    await flush();
    expect(step()).toBe('relationship');
    expect(screen.getByTestId('relationship-spouse').textContent).toBe('配偶');
    click('relationship-spouse');
    click('consent-signed-form');
    expect(step()).toBe('declaration');
    // Nothing answered: said next to the form, nothing sent.
    click('proxy-submit');
    await flush();
    expect(fake.callsTo('proxy.family')).toEqual([]);
    expect(screen.getByTestId('decl-missing').querySelectorAll('li').length).toBeGreaterThan(3);
    declare();
    click('proxy-submit');
    await flush();
    expect(fake.callsTo('proxy.family')).toEqual([
      {
        proxyReadId: `proxy-${testIdentity.readId}`,
        relationship: 'spouse',
        consent: 'signed-form',
        subject: { readId: subjectCard.readId },
        declaration: {
          temperatureC: null,
          fever: false,
          coughOrOtherSymptoms: false,
          travelOutsideProvince14d: false,
          contactWithCase14d: false,
          purpose: 'work',
          phone: null,
          commitment: true,
        },
        answers: {},
        language: 'zh-CN',
      },
    ]);
    expect(step()).toBe('result');
    expect(screen.getByTestId('proxy-result').getAttribute('data-outcome')).toBe('submitted');
    expect(screen.getByTestId('proxy-print-job').getAttribute('data-printed')).toBe('true');
    expect(screen.getByTestId('proxy-print-job').textContent).toContain('带代办标记');
    expect(screen.getByTestId('proxy-slip-job').textContent).toContain('代办凭条');
    expect(fake.printJobs().map((job) => job.template)).toEqual(['paper-code', 'proxy-slip']);
  });

  it('staff: a typed subject under medical observation is refused, citing the rule', async () => {
    const { fake } = await renderConsole((props) => <ProxyWizardScreen {...props} />);
    click('proxy-path-staff');
    click('subject-typed-next');
    expect(screen.getByTestId('subject-problem').textContent).toContain('请输入证件号码和姓名');
    fireEvent.change(screen.getByTestId('subject-number'), { target: { value: '11010519491231002x' } });
    fireEvent.change(screen.getByTestId('subject-name'), { target: { value: '张三丰' } });
    click('subject-typed-next');
    click('verification-document-checked');
    click('consent-verbal-witnessed');
    declare(['contactWithCase14d', 'underMedicalObservation']);
    click('proxy-submit');
    await flush();
    const sent = fake.callsTo('proxy.staff')[0] as Record<string, unknown>;
    expect(sent.subject).toEqual({ typed: '11010519491231002X', name: '张三丰' });
    expect(sent.verification).toBe('document-checked');
    expect(sent.answers).toEqual({ underMedicalObservation: true });
    expect(screen.getByTestId('proxy-result').getAttribute('data-outcome')).toBe('refused');
    const refusal = screen.getAllByTestId('citation').filter((citation) => citation.getAttribute('data-effect') === 'refuse');
    expect(refusal.map((citation) => citation.getAttribute('data-rule-id'))).toEqual([fakeRules.observation.id]);
    expect(fake.printJobs()).toEqual([]);
  });
});

const header = 'idNumber,name,temperatureC,fever,coughOrOtherSymptoms,travelOutsideProvince14d,contactWithCase14d,purpose,phone';
const good = '11010519491231002X,张三丰,36.5,否,否,否,否,family,';

describe('the batch proxy', () => {
  it('reports each bad line, keeps Import disabled, and imports a clean file', async () => {
    const { fake } = await renderConsole((props) => <ProxyWizardScreen {...props} />);
    click('proxy-path-batch');
    expect(screen.getByTestId('batch-sample').textContent).toBe(header);
    fireEvent.change(screen.getByTestId('batch-name'), { target: { value: '幸福养老院' } });
    const bad = [header, good, '110105194912310021,李四,39.9,maybe,否,否,否,party,12345'].join('\n');
    fireEvent.change(screen.getByTestId('batch-csv'), { target: { value: bad } });
    expect((screen.getByTestId('batch-import') as HTMLButtonElement).disabled).toBe(true);
    click('batch-check');
    await flush();
    const problems = screen.getAllByTestId('batch-problem');
    expect(problems.map((row) => [row.getAttribute('data-line'), row.getAttribute('data-column')])).toEqual([
      ['3', 'idNumber'],
      ['3', 'fever'],
      ['3', 'purpose'],
      ['3', 'phone'],
    ]);
    expect(problems[0]?.textContent).toContain('最后一位校验码对不上');
    expect(problems[1]?.textContent).toContain('应填“是”或“否”');
    expect((screen.getByTestId('batch-import') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(screen.getByTestId('batch-csv'), { target: { value: [header, good, good.replace('张三丰', '张四丰')].join('\n') } });
    // Edited after the check: a new check is needed first.
    expect((screen.getByTestId('batch-import') as HTMLButtonElement).disabled).toBe(true);
    click('batch-check');
    await flush();
    expect(screen.queryByTestId('batch-problems')).toBeNull();
    expect((screen.getByTestId('batch-import') as HTMLButtonElement).disabled).toBe(false);
    click('batch-import');
    await flush();
    expect(fake.callsTo('proxy.batchImport')).toHaveLength(1);
    expect(screen.getByTestId('batch-refs').textContent).toContain('QD-20240501-B002');
  });
});
