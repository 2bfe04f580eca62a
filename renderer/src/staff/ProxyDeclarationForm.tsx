// The declaration for a proxy application, staff-dense: the resident flow's questions (its words) on one form, yes/no
// as radio pairs, the measured temperature, purpose, an optional phone number and the pledge; what is missing is said
// next to the form before anything is sent.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { purposes } from '../kiosk/flow/flow-types';
import { isAsked, yesNoFields, type DeclarationDraft, type DraftProblem, type YesNoField } from './proxy-declaration';
import { usePurposeWords } from '../kiosk/flow/use-purpose-words';

interface ProxyDeclarationFormProps {
  draft: DeclarationDraft;
  onChange: (draft: DeclarationDraft) => void;
  missing: readonly DraftProblem[];
}

export function ProxyDeclarationForm({ draft, onChange, missing }: ProxyDeclarationFormProps) {
  const { t } = useTranslation(['common', 'flow', 'staff']);
  const id = useId();
  const questions: Record<YesNoField, string> = {
    fever: t('flow:questions.fever.heading'),
    coughOrOtherSymptoms: t('flow:questions.cough.heading'),
    travelOutsideProvince14d: t('flow:questions.travel.heading'),
    travelLowRiskProvincesOnly14d: t('flow:questions.lowRisk.heading'),
    contactWithCase14d: t('flow:questions.contact.heading'),
    underMedicalObservation: t('flow:questions.observation.heading'),
  };
  const purposeWords = usePurposeWords();
  const problemWords: Record<DraftProblem, string> = {
    temperature: t('staff:proxy.missing.temperature'),
    fever: t('staff:proxy.missing.answer', { question: questions.fever }),
    coughOrOtherSymptoms: t('staff:proxy.missing.answer', { question: questions.coughOrOtherSymptoms }),
    travelOutsideProvince14d: t('staff:proxy.missing.answer', { question: questions.travelOutsideProvince14d }),
    travelLowRiskProvincesOnly14d: t('staff:proxy.missing.answer', { question: questions.travelLowRiskProvincesOnly14d }),
    contactWithCase14d: t('staff:proxy.missing.answer', { question: questions.contactWithCase14d }),
    underMedicalObservation: t('staff:proxy.missing.answer', { question: questions.underMedicalObservation }),
    purpose: t('staff:proxy.missing.purpose'),
    phone: t('staff:proxy.missing.phone'),
    commitment: t('staff:proxy.missing.commitment'),
  };
  const answer = (field: YesNoField, value: boolean) => onChange({ ...draft, answers: { ...draft.answers, [field]: value } });

  return (
    <div className="console-form" data-testid="proxy-declaration">
      <label className="console-field">
        <span>{t('staff:proxy.temperature')}</span>
        <input
          type="text"
          inputMode="decimal"
          data-testid="decl-temperature"
          value={draft.temperature}
          aria-invalid={missing.includes('temperature')}
          onChange={(event) => onChange({ ...draft, temperature: event.target.value })}
        />
      </label>
      {yesNoFields
        .filter((field) => isAsked(field, draft))
        .map((field) => (
          <fieldset key={field} className="console-yes-no" data-testid={`decl-${field}`} aria-invalid={missing.includes(field)}>
            <legend>{questions[field]}</legend>
            {([true, false] as const).map((value) => (
              <label key={String(value)}>
                <input
                  type="radio"
                  name={`${id}-${field}`}
                  checked={draft.answers[field] === value}
                  data-testid={`decl-${field}-${value ? 'yes' : 'no'}`}
                  onChange={() => answer(field, value)}
                />{' '}
                {value ? t('flow:review.yes') : t('flow:review.no')}
              </label>
            ))}
          </fieldset>
        ))}
      <fieldset className="console-yes-no" data-testid="decl-purpose">
        <legend>{t('flow:purpose.heading')}</legend>
        {purposes.map((purpose) => (
          <label key={purpose}>
            <input
              type="radio"
              name={`${id}-purpose`}
              checked={draft.purpose === purpose}
              data-testid={`decl-purpose-${purpose}`}
              onChange={() => onChange({ ...draft, purpose })}
            />{' '}
            {purposeWords[purpose]}
          </label>
        ))}
      </fieldset>
      <label className="console-field">
        <span>{t('staff:proxy.phone')}</span>
        <input
          type="tel"
          data-testid="decl-phone"
          value={draft.phone}
          aria-invalid={missing.includes('phone')}
          onChange={(event) => onChange({ ...draft, phone: event.target.value })}
        />
      </label>
      <label className="console-field console-check">
        <input
          type="checkbox"
          data-testid="decl-commitment"
          checked={draft.commitment}
          onChange={(event) => onChange({ ...draft, commitment: event.target.checked })}
        />{' '}
        {t('staff:proxy.commitment')}
      </label>
      <div role="alert" data-testid="decl-missing">
        {missing.length === 0 ? null : (
          <ul>
            {missing.map((problem) => (
              <li key={problem} data-problem={problem}>
                {problemWords[problem]}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
