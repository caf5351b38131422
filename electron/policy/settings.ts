import Ajv, { type ErrorObject } from 'ajv';

import { de } from '../../shared/i18n';
import type { MachineConfig } from '../../shared/ipc';
import type { OfficeId } from '../../shared/offices';
import { fill } from '../text';
import { policySchema, SETTING_KEYS, type SettingKey, UPDATE_CHANNELS } from './schema';

const { desktop } = de;

/**
 * Settings come in layers: safe defaults < the user's settings file < launch parameters (npm start) < the machine
 * policy. A key the machine policy names is managed: nothing below it can change it, and if its value there is
 * invalid the safe default applies, not the user's value. Keys that weaken security (plaintext key storage,
 * update download, update feed) only the machine policy can set, so a broken or missing policy leaves them at
 * their safe defaults by construction.
 */
export type Settings = {
  serverUrl: string;
  officeId?: OfficeId;
  updateChannel: (typeof UPDATE_CHANNELS)[number];
  updateUrl?: string;
  idleLockMinutes: number;
  laptopPurgeDays?: number;
  allowPlaintextKeyStorage: boolean;
  allowUpdateDownload: boolean;
  nightContactName?: string;
  nightContactPhone?: string;
};

export const SAFE_DEFAULTS: Readonly<Settings> = Object.freeze({
  serverUrl: 'http://localhost:3000',
  updateChannel: 'latest',
  idleLockMinutes: 10,
  allowPlaintextKeyStorage: false,
  allowUpdateDownload: false,
});

export type LayerSource = keyof typeof desktop.policy.sources;

const SETTABLE_BY: Record<LayerSource, ReadonlySet<SettingKey>> = {
  machine: new Set(SETTING_KEYS),
  user: new Set<SettingKey>(['serverUrl', 'officeId', 'updateChannel', 'idleLockMinutes']),
  launch: new Set<SettingKey>(['serverUrl']),
};

export type Layer = {
  source: LayerSource;
  /** Valid values only. */
  values: Partial<Settings>;
  /** Keys the layer names, valid or not (for the machine policy: the managed keys). */
  named: SettingKey[];
  errors: string[];
};

export type ResolvedSettings = { settings: Settings; managed: SettingKey[]; errors: string[] };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
type UrlProblem = 'url' | 'plainHttp' | 'credentials';

/** Plain http is refused except to this machine itself: the data are children's case records. */
export function serverUrlProblem(value: string): UrlProblem | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'url';
  }
  if (url.username || url.password) return 'credentials';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:') return LOCAL_HOSTS.has(url.hostname) ? null : 'plainHttp';
  return 'url';
}

const ajv = new Ajv({ allErrors: true, strict: true });
const validatePolicy = ajv.compile(policySchema);

function sourceName(source: LayerSource): string {
  return desktop.policy.sources[source];
}

function describeFallback(key: SettingKey): string {
  const value = SAFE_DEFAULTS[key];
  return value === undefined ? desktop.policy.noDefault : String(value);
}

function problemText(error: ErrorObject): string {
  const problems = desktop.policy.problems;
  switch (error.keyword) {
    case 'type': {
      const type = String(error.params.type) as 'integer' | 'boolean' | 'string';
      return problems[type] ?? problems.invalid;
    }
    case 'minimum':
      return fill(problems.minimum, { limit: error.params.limit });
    case 'maximum':
      return fill(problems.maximum, { limit: error.params.limit });
    case 'enum':
      return fill(problems.oneOf, { values: (error.params.allowedValues as unknown[]).join(', ') });
    case 'pattern':
      return problems.url;
    default:
      return problems.invalid;
  }
}

function invalidValueMessage(source: LayerSource, key: SettingKey, problem: string): string {
  return fill(desktop.policy.invalidValue, {
    source: sourceName(source),
    key,
    label: desktop.settings[key],
    problem,
    fallback: describeFallback(key),
  });
}

function isSettingKey(key: string): key is SettingKey {
  return (SETTING_KEYS as string[]).includes(key);
}

/** Validates one layer's parsed content; invalid keys are reported and left out of `values`. */
export function layerFromObject(source: LayerSource, content: Record<string, unknown>): Layer {
  const errors: string[] = [];
  const invalid = new Map<SettingKey, string>();
  if (!validatePolicy(content)) {
    for (const error of validatePolicy.errors ?? []) {
      if (error.keyword === 'additionalProperties') {
        const key = String(error.params.additionalProperty);
        errors.push(fill(desktop.policy.unknownKey, { source: sourceName(source), key }));
        continue;
      }
      const key = error.instancePath.split('/')[1] ?? '';
      if (isSettingKey(key) && !invalid.has(key)) invalid.set(key, problemText(error));
    }
  }
  const named: SettingKey[] = [];
  const values: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    if (!(key in content)) continue;
    if (!SETTABLE_BY[source].has(key)) {
      errors.push(fill(desktop.policy.machineOnly, { source: sourceName(source), key, label: desktop.settings[key] }));
      continue;
    }
    named.push(key);
    let value = content[key];
    if (!invalid.has(key) && (key === 'serverUrl' || key === 'updateUrl')) {
      const problem = serverUrlProblem(value as string);
      if (problem) invalid.set(key, desktop.policy.problems[problem]);
      else value = (value as string).replace(/\/+$/, '');
    }
    const problem = invalid.get(key);
    if (problem) errors.push(invalidValueMessage(source, key, problem));
    else values[key] = value;
  }
  return { source, values: values, named, errors };
}

/** Parses a settings file's text; a file that is no JSON object yields an empty layer and one error. */
export function layerFromText(source: LayerSource, path: string, text: string): Layer {
  let content: unknown;
  try {
    content = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return brokenLayer(source, fill(desktop.policy.invalidJson, { source: sourceName(source), path, reason }));
  }
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    return brokenLayer(source, fill(desktop.policy.notAnObject, { source: sourceName(source), path }));
  }
  return layerFromObject(source, content as Record<string, unknown>);
}

export function unreadableLayer(source: LayerSource, path: string, reason: string): Layer {
  return brokenLayer(source, fill(desktop.policy.unreadable, { source: sourceName(source), path, reason }));
}

function brokenLayer(source: LayerSource, error: string): Layer {
  return { source, values: {}, named: [], errors: [error] };
}

/**
 * `packaged`: an installed app takes the server address from the machine policy only (else the safe default):
 * a user setting or a launch parameter could point the laptop's login at a server of someone else's choosing.
 * Development builds (npm start, tests) still take them.
 */
export function resolveSettings(
  layers: { machine?: Layer; launch?: Layer; user?: Layer },
  options: { packaged?: boolean } = {},
): ResolvedSettings {
  const settings: Settings = { ...SAFE_DEFAULTS };
  const managed = new Set(layers.machine?.named ?? []);
  for (const layer of [layers.user, layers.launch]) {
    if (!layer) continue;
    for (const key of layer.named) {
      if (options.packaged && key === 'serverUrl') continue;
      if (!managed.has(key) && key in layer.values) Object.assign(settings, { [key]: layer.values[key] });
    }
  }
  for (const key of managed) {
    Object.assign(settings, { [key]: layers.machine?.values[key] ?? SAFE_DEFAULTS[key] });
  }
  const errors = [layers.machine, layers.launch, layers.user].flatMap((layer) => layer?.errors ?? []);
  return { settings, managed: SETTING_KEYS.filter((key) => managed.has(key)), errors };
}

/** What the renderer may know: no update or key-storage internals. */
export function toMachineConfig({ settings, managed, errors }: ResolvedSettings): MachineConfig {
  return {
    serverUrl: settings.serverUrl,
    ...(settings.officeId ? { officeId: settings.officeId } : {}),
    idleLockMinutes: settings.idleLockMinutes,
    ...(settings.laptopPurgeDays ? { laptopPurgeDays: settings.laptopPurgeDays } : {}),
    ...(settings.nightContactPhone
      ? { nightContact: { phone: settings.nightContactPhone, name: settings.nightContactName ?? null } }
      : {}),
    managed,
    policyErrors: errors,
  };
}
