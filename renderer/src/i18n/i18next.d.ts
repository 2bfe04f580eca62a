// Types t() keys against the zh-CN resources, so a mistyped key fails `tsc` instead of showing a raw key on screen.
import type { defaultNS, resources } from './resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof defaultNS;
    resources: (typeof resources)['zh-CN'];
  }
}
