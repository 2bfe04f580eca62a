// Settings schema (pure zod, no Node APIs): what an operator may configure on a terminal, versioned.
import { z } from 'zod';
import { BackupSettingsSchema } from '../backup/schema.js';

export const SETTINGS_VERSION = 1;

export const languages = ['zh-CN', 'en'] as const;
export const LanguageSchema = z.enum(languages);
export type Language = z.infer<typeof LanguageSchema>;

export const IdleSchema = z
  .object({
    /** Seconds without a touch before the "need more time?" warning appears. */
    timeoutSeconds: z.number().int().min(10).max(3600),
    /** Seconds the warning counts down before going home; WCAG 2.2.1 asks for at least 20. */
    warningSeconds: z.number().int().min(20).max(600),
  })
  .strict();

export const SettingsSchema = z
  .object({
    schemaVersion: z.literal(SETTINGS_VERSION),
    hallName: z.string().trim().min(1).max(40),
    defaultLanguage: LanguageSchema,
    kioskMode: z.boolean(),
    voice: z.boolean(),
    idle: IdleSchema,
    /** Where the SQLite file lives; empty means "kiosk.sqlite in the data folder". */
    databasePath: z.string().optional(),
    province: z
      .object({
        endpoint: z.url().optional(),
        terminalId: z.string().min(1).max(64).optional(),
        /** The hall's number in the province's hall register (e.g. a 9-digit township code); the paper code carries it. */
        hallId: z
          .string()
          .regex(/^\d{1,10}$/)
          .refine((id) => Number(id) <= 0xffffffff, 'at most 4294967295')
          .optional(),
      })
      .strict(),
    printer: z
      .object({
        /** `tcp://host:9100` or a device file; none in demo mode means the in-process printer emulator. */
        uri: z.string().min(1).optional(),
        /** Roll width; 58 mm when not set. */
        paper: z.enum(['58mm', '80mm']).optional(),
        /** `raster` for printers without native QR (`GS ( k`); native when not set. */
        qrMode: z.enum(['native', 'raster']).optional(),
      })
      .strict(),
    reader: z.object({ port: z.string().min(1).optional(), baudRate: z.number().int().positive() }).strict(),
    /** Scheduled backups (docs/backups.md); every 24 hours, keeping 7, into `backups` in the data folder when not set. */
    backup: BackupSettingsSchema.optional(),
    /** Days a closed, synced application keeps its personal values before the purge scrubs them; 28 when not set. */
    retention: z
      .object({ days: z.number().int().min(1).max(365) })
      .strict()
      .optional(),
  })
  .strict();
export type Settings = z.infer<typeof SettingsSchema>;

export const defaultSettings: Settings = {
  schemaVersion: SETTINGS_VERSION,
  hallName: '演示社区服务大厅',
  defaultLanguage: 'zh-CN',
  kioskMode: true,
  voice: true,
  idle: { timeoutSeconds: 90, warningSeconds: 30 },
  province: {},
  printer: {},
  reader: { baudRate: 115200 },
};

/** The demo hall's number when none is configured (市南区八大湖街道, an invented register entry). */
export const DEMO_HALL_ID = '370202001';

/** Demo mode: no provincial endpoint configured, so no real application can be filed from here. */
export function isDemo(settings: Settings): boolean {
  return settings.province.endpoint === undefined;
}
