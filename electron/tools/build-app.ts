import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { PROJECT_ROOT, RENDERER_OUT } from './paths';

/** A failure the tools explain in their own words: its message is printed as is, without a stack trace. */
export class ToolError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** The renderer build is slow-ish; npm start skips it when dist/renderer is newer than everything it comes from. */
export function rendererIsStale(root = PROJECT_ROOT, out = RENDERER_OUT): boolean {
  const built = newestMtime(path.join(out, 'index.html'));
  if (built === 0) return true;
  const sources = ['renderer', 'shared', 'vite.config.ts', 'package.json'].map((p) => newestMtime(path.join(root, p)));
  return Math.max(...sources) > built;
}

export function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new ToolError(`${path.basename(command)} ${args.join(' ')} ist fehlgeschlagen (Exit ${code}).`)),
    );
  });
}

export async function buildRenderer(): Promise<void> {
  console.log('Obhut: baue die Oberfläche (vite build) …');
  await run(process.execPath, [
    path.join(PROJECT_ROOT, 'node_modules/vite/bin/vite.js'),
    'build',
    '--logLevel',
    'warn',
  ]);
}
