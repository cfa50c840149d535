import type { GeneratedData } from '../runtime.js';

/*
 * commonsteps.PopulateProvisionHookData: what provisioners see as build.* (and
 * shell provisioners as PACKER_HTTP_*): the builder's generated data, the
 * instance ID, the run UUID, the HTTP server address and the communicator's
 * connection settings. The ERR_* values are Packer's own markers.
 */

export const HTTP_IP_NOT_IMPLEMENTED = 'ERR_HTTP_IP_NOT_IMPLEMENTED_BY_BUILDER';
export const HTTP_PORT_NOT_IMPLEMENTED = 'ERR_HTTP_PORT_NOT_IMPLEMENTED_BY_BUILDER';
export const HTTP_ADDR_NOT_IMPLEMENTED = 'ERR_HTTP_ADDR_NOT_IMPLEMENTED_BY_BUILDER';

/** The communicator settings the hook data reads (communicator.Config's Host(), Port() ...). */
export interface HookCommunicatorSettings {
  readonly type: string;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly sshPublicKey: string;
  readonly sshPrivateKey: string;
  readonly sshPrivateKeyFile: string;
  readonly sshAgentAuth: boolean;
  readonly winrmPassword: string;
}

export interface HookDataInput {
  readonly runUuid: string;
  /** The builder's "generated_data" state, if any. */
  readonly generated?: GeneratedData;
  /** The "instance_id" state (container ID, EC2 instance ID ...). */
  readonly instanceId?: string;
  readonly httpIp?: string;
  readonly httpPort?: number;
  /** The "communicator_config" state; absent for builders without one. */
  readonly communicator?: HookCommunicatorSettings;
}

export function populateProvisionHookData(input: HookDataInput): GeneratedData {
  const data: Record<string, string | number | boolean> = { ...input.generated };
  data.ID = input.instanceId ?? 'ERR_ID_NOT_IMPLEMENTED_BY_BUILDER';
  data.PackerRunUUID = input.runUuid;
  data.PackerHTTPIP = input.httpIp ?? HTTP_IP_NOT_IMPLEMENTED;
  data.PackerHTTPPort = input.httpPort !== undefined ? String(input.httpPort) : HTTP_PORT_NOT_IMPLEMENTED;
  data.PackerHTTPAddr =
    input.httpIp !== undefined && input.httpPort !== undefined
      ? `${input.httpIp}:${input.httpPort}`
      : HTTP_ADDR_NOT_IMPLEMENTED;
  const comm = input.communicator;
  if (!comm) return data;
  data.Host = comm.host;
  data.Port = comm.port;
  data.User = comm.user;
  data.Password = comm.password;
  data.ConnType = comm.type;
  data.SSHPublicKey = comm.sshPublicKey;
  data.SSHPrivateKey = comm.sshPrivateKey;
  data.SSHPrivateKeyFile = comm.sshPrivateKeyFile;
  data.SSHAgentAuth = comm.sshAgentAuth;
  data.WinRMPassword = comm.winrmPassword;
  return data;
}
