import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ChildBackendOptions } from './childBackend';

const CHILD = path.join(__dirname, 'childBackend.ts');

/** A backend started by {@link startChild}. */
export interface Child {
  process: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts `childBackend.ts` as its own process; resolves once it serves. */
export async function startChild(options: ChildBackendOptions): Promise<Child> {
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      CHILD,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SRE_CC_CHILD: JSON.stringify(options) },
    },
  );
  let output = '';
  child.stderr!.on('data', d => (output += d));
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`child did not start:\n${output}`)),
      40_000,
    );
    child.stdout!.on('data', d => {
      output += d;
      const ready = output.match(/READY (\d+)/);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    });
    child.once('exit', code => {
      clearTimeout(timer);
      reject(new Error(`child exited with ${code}:\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  return {
    process: child,
    url: `http://127.0.0.1:${port}/api/sre-control-center`,
    output: () => output,
  };
}

/** Stops a child with `signal` (SIGKILL: no graceful shutdown); resolves once it exited. */
export function stop(child: Child, signal: NodeJS.Signals): Promise<void> {
  return new Promise(resolve => {
    if (child.process.exitCode !== null || child.process.signalCode) {
      resolve();
      return;
    }
    child.process.once('exit', () => resolve());
    child.process.kill(signal);
  });
}
