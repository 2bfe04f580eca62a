// A declaration as the officer reads it: each answer in words (the resident flow's own labels), the measured
// temperature, the purpose, whether a phone number was left, and the policy's extra answers when given.
import { useTranslation } from 'react-i18next';
import type { ReviewDetail } from '../api/approval-types';
import { usePurposeWords } from '../kiosk/flow/use-purpose-words';

type Declaration = NonNullable<ReviewDetail['declaration']>;
type Answers = NonNullable<ReviewDetail['answers']>;

export function DeclarationFacts({ declaration, answers }: { declaration: Declaration; answers: Answers | null }) {
  const { t } = useTranslation(['common', 'flow', 'staff']);
  const purposes = usePurposeWords();
  const yesNo = (value: boolean | undefined) =>
    value === undefined ? t('staff:decide.notAsked') : value ? t('flow:review.yes') : t('flow:review.no');
  const rows: [string, string, string][] = [
    [
      'temperature',
      t('staff:decide.temperature'),
      declaration.temperatureC === null ? t('staff:decide.notMeasured') : t('staff:decide.degrees', { value: declaration.temperatureC }),
    ],
    ['fever', t('flow:review.labels.fever'), yesNo(declaration.fever)],
    ['cough', t('flow:review.labels.cough'), yesNo(declaration.coughOrOtherSymptoms)],
    ['travel', t('flow:review.labels.travel'), yesNo(declaration.travelOutsideProvince14d)],
    ['contact', t('flow:review.labels.contact'), yesNo(declaration.contactWithCase14d)],
    ['purpose', t('flow:review.labels.purpose'), purposes[declaration.purpose]],
    ['phone', t('flow:review.labels.phone'), declaration.phoneGiven ? t('staff:decide.phoneGiven') : t('flow:review.noPhone')],
  ];
  if (answers?.travelLowRiskProvincesOnly14d !== undefined) {
    rows.push(['lowRisk', t('flow:review.labels.lowRisk'), yesNo(answers.travelLowRiskProvincesOnly14d)]);
  }
  if (answers?.underMedicalObservation !== undefined) {
    rows.push(['observation', t('flow:review.labels.observation'), yesNo(answers.underMedicalObservation)]);
  }
  return (
    <dl className="console-facts" data-testid="decide-declaration">
      {rows.map(([id, label, value]) => (
        <div key={id} data-testid={`declaration-${id}`}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
