import type { BenchSshd as Sshd } from './sshd.js';

/** OpenSSH client options that use only the bench's key and config, whatever the caller's ~/.ssh holds. */
export function clientOptions(sshd: Sshd): string[] {
  return [
    '-F',
    '/dev/null',
    '-i',
    sshd.userKeyFile,
    '-P',
    String(sshd.port),
    ...['IdentitiesOnly=yes', 'IdentityAgent=none', 'BatchMode=yes', 'LogLevel=ERROR'].flatMap((o) => ['-o', o]),
    ...['StrictHostKeyChecking=no', 'UserKnownHostsFile=/dev/null'].flatMap((o) => ['-o', o]),
  ];
}
