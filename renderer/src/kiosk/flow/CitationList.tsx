// The policy rules behind a refusal or a review, each with its id and its plain sentence in the screen's language.
import { useTranslation } from 'react-i18next';
import type { Citation } from './flow-types';

export function CitationList({ citations }: { citations: readonly Citation[] }) {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <ul className="citations" data-testid="citations">
      {citations.map((citation) => (
        <li key={citation.ruleId} className="citation" data-testid="citation" data-rule-id={citation.ruleId} data-effect={citation.effect}>
          <span className="citation-sentence">{citation.sentence[language]}</span>
          {/* The id lets staff find the rule on the "current rules" screen and in the policy file. */}
          <span className="citation-id">{citation.ruleId}</span>
        </li>
      ))}
    </ul>
  );
}
