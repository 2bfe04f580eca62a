// Renderer entry: make sure `window.kiosk` exists (preload or browser token), set up i18n, render the app.
import './api/zod-csp';
import './theme/tokens.css';
import './theme/base.css';
import './theme/screens.css';
import './theme/card.css';
import './theme/staff.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { installKiosk } from './api/install-kiosk';
import { App } from './App';
import { NoTokenScreen } from './components/NoTokenScreen';
import { createI18n } from './i18n/create-i18n';

const access = installKiosk();
// zh-CN until app.info says otherwise; the no-token screen never learns it, so it stays zh-CN with a switch.
const i18n = createI18n();
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>{access.kind === 'ready' ? <App /> : <NoTokenScreen />}</I18nextProvider>
  </StrictMode>,
);
