import Docker from 'dockerode';

/*
 * The Docker Engine API client Kiln uses everywhere (dockerode over docker-modem):
 * DOCKER_HOST (unix://, tcp://, ssh://), DOCKER_TLS_VERIFY and DOCKER_CERT_PATH
 * are honoured as the docker CLI honours them; the default is the local socket.
 */

export type Engine = Docker;

export function connectEngine(): Engine {
  return new Docker();
}

/** Where the engine is reached, for messages. */
export function engineAddress(env: NodeJS.ProcessEnv = process.env): string {
  return env.DOCKER_HOST || 'unix:///var/run/docker.sock';
}

/** An Engine API error: the HTTP status and the daemon's own message. */
interface ModemError {
  statusCode?: number;
  json?: unknown;
  message: string;
}

/** The daemon's message for a failed call ("No such image: x"), else the error's own message. */
export function engineMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const json = (error as ModemError).json;
  if (json && typeof json === 'object' && 'message' in json && typeof json.message === 'string') {
    return json.message.trim();
  }
  if (Buffer.isBuffer(json) && json.length > 0) return json.toString('utf8').trim();
  // Streamed calls carry the daemon's message only in docker-modem's text: "(HTTP code 404) reason - message ".
  const match = /^\(HTTP code \d+\) [^-]*- ([\s\S]*)$/.exec(error.message);
  return (match?.[1] ?? error.message).trim();
}

/** Whether a failed call was answered with this HTTP status. */
export function hasStatus(error: unknown, status: number): boolean {
  return error instanceof Error && (error as ModemError).statusCode === status;
}
