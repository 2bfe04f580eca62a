// Imported first by the entry: work Electron accepts only before `ready` (ESM entry bodies may run after it).
import { registerAppScheme } from './protocol.js';

// Electron's ESM guide: only the entry's imports are sure to run before `ready`, not the entry's own body.
registerAppScheme();
