import { build } from 'vite';

/** End-to-end tests run against the built renderer, as users get it; build it once per run. */
export default async function setup(): Promise<void> {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
