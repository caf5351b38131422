import { readFile } from 'node:fs/promises';
import path from 'node:path';

import {
  type Layer,
  layerFromObject,
  layerFromText,
  type ResolvedSettings,
  resolveSettings,
  unreadableLayer,
} from './settings';

/**
 * Where the machine-wide policy lives. OBHUT_POLICY_PATH is honoured only in an unpackaged app (development and
 * tests): in an installed app a user could otherwise point it at a file of their own and escape the policy.
 */
export function machinePolicyPath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, isPackaged: boolean): string {
  if (!isPackaged && env.OBHUT_POLICY_PATH) return env.OBHUT_POLICY_PATH;
  if (platform === 'win32') return path.win32.join(env.ProgramData || 'C:\\ProgramData', 'Obhut', 'policy.json');
  if (platform === 'darwin') return '/Library/Application Support/Obhut/policy.json';
  return '/etc/obhut/policy.json';
}

/** A missing file is no layer at all; any other failure is a layer with one error and no values. */
export async function readLayer(source: Layer['source'], file: string): Promise<Layer | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    return unreadableLayer(source, file, code ?? String(error));
  }
  return layerFromText(source, file, text);
}

/** The server URL npm start hands over: `--obhut-server-url=<url>` or OBHUT_SERVER_URL. */
export function launchServerUrl(argv: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  const prefix = '--obhut-server-url=';
  const arg = argv.find((a) => a.startsWith(prefix));
  return arg ? arg.slice(prefix.length) : env.OBHUT_SERVER_URL || undefined;
}

export type LoadOptions = {
  machinePolicyFile: string;
  userSettingsFile: string;
  launchServerUrl?: string;
  /** An installed app: the server address only from the machine policy (resolveSettings). */
  packaged?: boolean;
};

export async function loadSettings(options: LoadOptions): Promise<ResolvedSettings> {
  const [machine, user] = await Promise.all([
    readLayer('machine', options.machinePolicyFile),
    readLayer('user', options.userSettingsFile),
  ]);
  const launch = options.launchServerUrl
    ? layerFromObject('launch', { serverUrl: options.launchServerUrl })
    : undefined;
  return resolveSettings({ machine, user, launch }, { packaged: options.packaged });
}
