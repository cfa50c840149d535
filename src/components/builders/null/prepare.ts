import { prepareCommunicator } from '../../common/communicator.prepare.js';
import { PrepareErrors, type PrepareResult } from '../../schema/index.js';
import type { NullConfig } from './schema.js';

/* builder/null Config.Prepare of Packer: its checks, order and messages. */

export function prepareNull(c: NullConfig): PrepareResult {
  const out = new PrepareErrors();
  for (const e of prepareCommunicator(c)) out.error(e);
  if (c.communicator !== 'none') {
    const winrm = c.communicator === 'winrm';
    const host = winrm ? c.winrm_host : c.ssh_host;
    const user = winrm ? c.winrm_username : c.ssh_username;
    const password = winrm ? c.winrm_password : c.ssh_password;
    if (!host) out.error('a Host must be specified, please reference your communicator documentation');
    if (!user) out.error('a Username must be specified, please reference your communicator documentation');
    if (!c.ssh_agent_auth && !password && !c.ssh_private_key_file) {
      out.error('one authentication method must be specified, please reference your communicator documentation');
    }
    const ways = [c.ssh_agent_auth === true, !!c.ssh_password, !!c.ssh_private_key_file].filter(Boolean).length;
    if (ways > 1) out.error('only one of ssh_agent_auth, ssh_password, and ssh_private_key_file must be specified');
  }
  return out.result();
}
