// The rule a refusal cites: one radio per rule of the application's policy (id and sentence in the screen's
// language). Required: a refusal without a rule is never sent.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefusableRule } from '../api/approval-types';

interface RulePickerProps {
  rules: readonly RefusableRule[];
  value: string | null;
  onChange: (ruleId: string) => void;
}

export function RulePicker({ rules, value, onChange }: RulePickerProps) {
  const { t, i18n } = useTranslation(['common', 'staff']);
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const name = useId();
  return (
    <fieldset className="console-rules" data-testid="rule-picker">
      <legend>{t('staff:decide.pickRule')}</legend>
      {rules.map((rule) => (
        <label key={rule.id} className="console-rule" data-testid="rule-option" data-rule-id={rule.id}>
          <input
            type="radio"
            name={name}
            value={rule.id}
            checked={value === rule.id}
            data-testid={`rule-${rule.id}`}
            onChange={() => onChange(rule.id)}
          />
          <span className="citation-id">{rule.id}</span> <span>{rule.sentence[language]}</span>
        </label>
      ))}
    </fieldset>
  );
}
