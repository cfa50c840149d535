import type Docker from 'dockerode';

/*
 * Packer starts the container with `docker run <args>`; Kiln maps the same
 * argument list onto one Engine API create call. The arguments are parsed as
 * the docker CLI parses them (pflag: -dit clusters, -uroot, --name=x,
 * --name x, "--" ends the flags); the first argument after the flags is the
 * image, the rest its command. Flags with no mapping are refused by name.
 */

export interface ContainerSpec {
  /** The create call's body. */
  readonly config: Docker.ContainerCreateOptions;
  /** The create call's query: name and platform. */
  readonly query: { name?: string; platform?: string };
}

type Apply = (spec: Draft, value: string) => void;

interface Draft {
  config: Docker.ContainerCreateOptions & { HostConfig: Docker.HostConfig };
  query: { name?: string; platform?: string };
}

const push = (list: string[] | undefined, value: string): string[] => [...(list ?? []), value];
const env: Apply = (d, v) => (d.config.Env = push(d.config.Env, v));
const bind: Apply = (d, v) => (d.config.HostConfig.Binds = push(d.config.HostConfig.Binds, v));

/** Flags taking a value, by every name the CLI accepts. */
const VALUED: Readonly<Record<string, Apply>> = {
  entrypoint: (d, v) => (d.config.Entrypoint = [v]),
  env,
  e: env,
  user: (d, v) => (d.config.User = v),
  u: (d, v) => (d.config.User = v),
  workdir: (d, v) => (d.config.WorkingDir = v),
  w: (d, v) => (d.config.WorkingDir = v),
  hostname: (d, v) => (d.config.Hostname = v),
  h: (d, v) => (d.config.Hostname = v),
  name: (d, v) => (d.query.name = v),
  label: (d, v) => addLabel(d, v),
  l: (d, v) => addLabel(d, v),
  volume: bind,
  v: bind,
  network: (d, v) => (d.config.HostConfig.NetworkMode = v),
  net: (d, v) => (d.config.HostConfig.NetworkMode = v),
  'cap-add': (d, v) => (d.config.HostConfig.CapAdd = push(d.config.HostConfig.CapAdd, v)),
  'cap-drop': (d, v) => (d.config.HostConfig.CapDrop = push(d.config.HostConfig.CapDrop, v)),
  device: (d, v) => (d.config.HostConfig.Devices = [...(d.config.HostConfig.Devices ?? []), deviceMapping(v)]),
  tmpfs: (d, v) => {
    const [path = '', ...options] = v.split(':');
    d.config.HostConfig.Tmpfs = { ...d.config.HostConfig.Tmpfs, [path]: options.join(':') };
  },
  runtime: (d, v) => (d.config.HostConfig.Runtime = v),
  platform: (d, v) => (d.query.platform = v),
  'add-host': (d, v) => (d.config.HostConfig.ExtraHosts = push(d.config.HostConfig.ExtraHosts, v)),
  dns: (d, v) => (d.config.HostConfig.Dns = push(d.config.HostConfig.Dns, v)),
  'security-opt': (d, v) => (d.config.HostConfig.SecurityOpt = push(d.config.HostConfig.SecurityOpt, v)),
  'group-add': (d, v) => (d.config.HostConfig.GroupAdd = push(d.config.HostConfig.GroupAdd, v)),
  'stop-signal': (d, v) => (d.config.StopSignal = v),
  ipc: (d, v) => (d.config.HostConfig.IpcMode = v),
  pid: (d, v) => (d.config.HostConfig.PidMode = v),
};

/** Boolean flags; -d and --detach change nothing (Kiln always starts detached). */
const BOOLEAN: Readonly<Record<string, (d: Draft, on: boolean) => void>> = {
  detach: () => undefined,
  d: () => undefined,
  interactive: (d, on) => (d.config.OpenStdin = on),
  i: (d, on) => (d.config.OpenStdin = on),
  tty: (d, on) => (d.config.Tty = on),
  t: (d, on) => (d.config.Tty = on),
  privileged: (d, on) => (d.config.HostConfig.Privileged = on),
  rm: (d, on) => (d.config.HostConfig.AutoRemove = on),
  init: (d, on) => (d.config.HostConfig.Init = on),
  'read-only': (d, on) => (d.config.HostConfig.ReadonlyRootfs = on),
};

/** Parses the arguments after `docker run`; throws naming a flag Kiln cannot map. */
export function parseRunArgs(args: readonly string[]): ContainerSpec {
  const d: Draft = { config: { HostConfig: {} }, query: {} };
  let i = 0;
  const next = (flag: string): string => {
    const value = args[++i];
    if (value === undefined) throw new Error(`run_command: flag needs an argument: ${flag}`);
    return value;
  };
  for (; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      i++;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    if (arg.startsWith('--')) {
      const [name = '', inline] = splitOnce(arg.slice(2), '=');
      if (name in VALUED) VALUED[name]?.(d, inline ?? next(arg));
      else if (name in BOOLEAN) BOOLEAN[name]?.(d, inline === undefined || parseBool(arg, inline));
      else throw unsupported(`--${name}`);
      continue;
    }
    // A cluster of short flags: booleans, then at most one valued flag taking the rest or the next argument.
    for (let k = 1; k < arg.length; k++) {
      const flag = arg[k] ?? '';
      if (flag in BOOLEAN) {
        BOOLEAN[flag]?.(d, true);
        continue;
      }
      if (!(flag in VALUED)) throw unsupported(`-${flag}`);
      const rest = arg.slice(k + 1).replace(/^=/, '');
      VALUED[flag]?.(d, rest !== '' ? rest : next(`-${flag}`));
      break;
    }
  }
  const image = args[i];
  if (image === undefined) throw new Error('run_command: "docker run" requires at least 1 argument (the image)');
  d.config.Image = image;
  const cmd = args.slice(i + 1);
  if (cmd.length > 0) d.config.Cmd = cmd;
  return { config: d.config, query: d.query };
}

function addLabel(d: Draft, value: string): void {
  const [key = '', label = ''] = splitOnce(value, '=');
  d.config.Labels = { ...d.config.Labels, [key]: label };
}

/** --device host[:container[:permissions]], as the CLI reads it. */
function deviceMapping(value: string): Docker.DeviceMapping {
  const [host = '', container, permissions] = value.split(':');
  if (container !== undefined && /^[rwm]+$/.test(container) && permissions === undefined) {
    return { PathOnHost: host, PathInContainer: host, CgroupPermissions: container };
  }
  return { PathOnHost: host, PathInContainer: container || host, CgroupPermissions: permissions || 'rwm' };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + separator.length)];
}

function parseBool(flag: string, value: string): boolean {
  if (/^(1|t|true)$/i.test(value)) return true;
  if (/^(0|f|false)$/i.test(value)) return false;
  throw new Error(`run_command: invalid argument "${value}" for "${flag}"`);
}

function unsupported(flag: string): Error {
  return new Error(`run_command: the docker run flag ${flag} is not supported by Kiln's Engine API mapping`);
}
