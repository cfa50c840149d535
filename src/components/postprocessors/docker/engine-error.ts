import { engineAddress, engineMessage } from '../../../communicator/docker/engine.js';

/*
 * The text a docker post-processor puts where the plugin put the docker CLI's
 * stderr: the daemon's own message, or the CLI's wording when the daemon
 * cannot be reached at all.
 */

const UNREACHABLE = new Set(['ENOENT', 'ECONNREFUSED', 'EACCES', 'EHOSTUNREACH', 'ETIMEDOUT']);

export function daemonMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && UNREACHABLE.has(code) && (error as { syscall?: string }).syscall === 'connect') {
    return `Cannot connect to the Docker daemon at ${engineAddress()}. Is the docker daemon running?`;
  }
  return engineMessage(error);
}
