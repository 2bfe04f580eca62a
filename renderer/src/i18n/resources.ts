// The bundled translations: every namespace of every language, imported statically so the kiosk never fetches them.
import enCard from '../../locales/en/card.json';
import enCommon from '../../locales/en/common.json';
import enFlow from '../../locales/en/flow.json';
import enHelp from '../../locales/en/help.json';
import enHome from '../../locales/en/home.json';
import enIdentity from '../../locales/en/identity.json';
import enIdle from '../../locales/en/idle.json';
import enStaff from '../../locales/en/staff.json';
import enSlips from '../../locales/en/slips.json';
import enTrainer from '../../locales/en/trainer.json';
import enVerify from '../../locales/en/verify.json';
import zhCard from '../../locales/zh-CN/card.json';
import zhCommon from '../../locales/zh-CN/common.json';
import zhFlow from '../../locales/zh-CN/flow.json';
import zhHelp from '../../locales/zh-CN/help.json';
import zhHome from '../../locales/zh-CN/home.json';
import zhIdentity from '../../locales/zh-CN/identity.json';
import zhIdle from '../../locales/zh-CN/idle.json';
import zhStaff from '../../locales/zh-CN/staff.json';
import zhSlips from '../../locales/zh-CN/slips.json';
import zhTrainer from '../../locales/zh-CN/trainer.json';
import zhVerify from '../../locales/zh-CN/verify.json';
import type { Language } from './languages';

export const defaultNS = 'common';

export const resources = {
  'zh-CN': {
    common: zhCommon,
    home: zhHome,
    help: zhHelp,
    staff: zhStaff,
    idle: zhIdle,
    identity: zhIdentity,
    card: zhCard,
    trainer: zhTrainer,
    slips: zhSlips,
    verify: zhVerify,
    flow: zhFlow,
  },
  en: {
    common: enCommon,
    home: enHome,
    help: enHelp,
    staff: enStaff,
    idle: enIdle,
    identity: enIdentity,
    card: enCard,
    trainer: enTrainer,
    slips: enSlips,
    verify: enVerify,
    flow: enFlow,
  },
} as const satisfies Record<Language, Record<string, unknown>>;

export const namespaces = Object.keys(resources['zh-CN']) as (keyof (typeof resources)['zh-CN'])[];
