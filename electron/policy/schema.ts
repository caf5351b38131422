import type { FromSchema } from 'json-schema-to-ts';

import { de } from '../../shared/i18n';
import { OFFICE_IDS } from '../../shared/offices';
import { LAPTOP_PURGE_DAYS_DEFAULT, LAPTOP_PURGE_DAYS_LIMITS } from '../../shared/privacy/laptop-purge';

const { desktop } = de;

/**
 * The machine policy's JSON schema: the single source for validation in the app, the settings type and the
 * published build/policy.schema.json that admins point their editors at (`"$schema"` in policy.json).
 * German titles come from the one catalogue so the schema, the error messages and the app's
 * "verwaltet" labels say the same.
 */
export const UPDATE_CHANNELS = ['latest', 'beta'] as const;
const label = desktop.settings;

export const policySchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:obhut:machine-policy:1',
  title: 'Obhut – Maschinenrichtlinie',
  description:
    'Geräteweite Einstellungen von Obhut. Windows: %ProgramData%\\Obhut\\policy.json, Linux: /etc/obhut/policy.json, ' +
    'macOS: /Library/Application Support/Obhut/policy.json. Was hier steht, können Benutzer nicht ändern.',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', description: 'Verweis auf dieses Schema (für Editoren); wird ignoriert.' },
    serverUrl: {
      type: 'string',
      title: label.serverUrl,
      description: 'Adresse des Obhut-Servers. https:// ist Pflicht; http:// nur für localhost und 127.0.0.1.',
      pattern: '^https?://',
      maxLength: 2048,
    },
    officeId: {
      type: 'string',
      title: label.officeId,
      description: 'Jugendamt, dem dieses Gerät gehört.',
      enum: OFFICE_IDS,
    },
    updateChannel: {
      type: 'string',
      title: label.updateChannel,
      description: 'latest für freigegebene Versionen, beta für Testgeräte.',
      enum: UPDATE_CHANNELS,
    },
    updateUrl: {
      type: 'string',
      title: label.updateUrl,
      description: 'Adresse des eigenen Update-Servers (generic feed mit latest.yml und .sig-Dateien).',
      pattern: '^https?://',
      maxLength: 2048,
    },
    idleLockMinutes: {
      type: 'integer',
      title: label.idleLockMinutes,
      description: 'Nach so vielen Minuten ohne Eingabe sperrt Obhut sich (Standard 10).',
      minimum: 1,
      maximum: 240,
    },
    laptopPurgeDays: {
      type: 'integer',
      title: label.laptopPurgeDays,
      description: `Nach so vielen Tagen seit der letzten Änderung entfernt Obhut beendete und übergebene Inobhutnahmen von diesem Gerät; sie bleiben auf dem Server (Standard ${LAPTOP_PURGE_DAYS_DEFAULT}, Löschkonzept).`,
      minimum: LAPTOP_PURGE_DAYS_LIMITS.min,
      maximum: LAPTOP_PURGE_DAYS_LIMITS.max,
    },
    allowPlaintextKeyStorage: {
      type: 'boolean',
      title: label.allowPlaintextKeyStorage,
      description:
        'Nur für Linux-Geräte ohne Schlüsselbund (gnome-keyring/KWallet): erlaubt, den Datenbankschlüssel ohne ' +
        'Schutz durch das Betriebssystem abzulegen. Standard false.',
    },
    nightContactName: {
      type: 'string',
      title: label.nightContactName,
      description:
        'Wen Mitarbeitende nachts anrufen, wenn ihre Anmeldung gesperrt ist (z. B. „IT-Rufbereitschaft Kreis Segeberg“).',
      minLength: 1,
      maxLength: 200,
    },
    nightContactPhone: {
      type: 'string',
      title: label.nightContactPhone,
      description: 'Telefonnummer dafür, wie sie angezeigt wird (z. B. „04551 951-9999“).',
      pattern: '^[0-9+()/ -]{3,40}$',
    },
    allowUpdateDownload: {
      type: 'boolean',
      title: label.allowUpdateDownload,
      description: 'Ohne true lädt Obhut keine Updates herunter (Standard false).',
    },
  },
} as const;

type PolicyFile = FromSchema<typeof policySchema>;
/** Every setting the policy can fix (the `$schema` pointer is not a setting). */
export type SettingKey = Exclude<keyof PolicyFile, '$schema'>;
export const SETTING_KEYS = Object.keys(policySchema.properties).filter((k) => k !== '$schema') as SettingKey[];
