import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TIMEOUT_MS = 60_000;

/**
 * Runs one of our TypeScript command-line tools (`node --import tsx <script>`) from the repository root, on the
 * embedded store (DATABASE_URL removed), and returns its exit code and output.
 *
 * Node 20's module loader hooks (tsx) can deadlock at start-up: seen in CI with gdb, the CLI's main thread waited in
 * Atomics.wait for the hooks thread, which sat idle. spawnSync blocks the test worker, so no test timeout can fire,
 * and CI hung for good. Hence the timeout; a start that hangs is tried once more, and a tool that hangs twice fails
 * the test (code null, with the signal in the output).
 */
export function runCli(script: string, args: string[], env: Record<string, string | undefined>) {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  delete childEnv.DATABASE_URL;
  const once = () =>
    spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: ROOT,
      env: childEnv,
      encoding: 'utf8',
      timeout: TIMEOUT_MS,
    });
  let res = once();
  if (res.signal === 'SIGTERM') res = once();
  return { code: res.status, output: res.stdout + res.stderr + (res.signal ? `\n(beendet: ${res.signal})` : '') };
}
