import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Paths of the checkout, wherever a tool is started from. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RENDERER_OUT = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));
export const ELECTRON_OUT = fileURLToPath(new URL('../../dist/electron/', import.meta.url));

export function packageJson(): { version: string; scripts: Record<string, string> } {
  return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
    scripts: Record<string, string>;
  };
}

export function isMainModule(metaUrl: string): boolean {
  return process.argv[1] === fileURLToPath(metaUrl);
}
