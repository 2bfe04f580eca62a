// Shown in a browser opened without the host's token: explains, in the resident's language, which link to use.
import { useTranslation } from 'react-i18next';
import { MessageScreen } from './MessageScreen';

export function NoTokenScreen() {
  const { t } = useTranslation();
  return <MessageScreen testId="no-token" heading={t('noToken.heading')} lines={[t('noToken.body'), t('noToken.hint')]} />;
}
