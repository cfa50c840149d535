import type { PluginDescription } from '../describe.js';

/*
 * Which encoding carries specs and data-source values between Kiln and its
 * plugins, decided once for every plugin as Packer decides it (packer/plugin.go
 * DiscoverMultiPlugin, PackerUseProto): protobuf (with cty msgpack for
 * data-source results) only when every plugin serving a component says
 * protocol_version "v2" in `describe` and PACKER_FORCE_GOB is not set; a
 * single plugin that cannot, or the variable, makes it gob for all.
 */

export type SpecEncoding = 'gob' | 'protobuf';

/** The protocol_version of a plugin that can speak protobuf (sdk plugin/set.go ProtocolVersion2). */
export const PROTOCOL_VERSION_2 = 'v2';

/** Set (to anything but "" or "0"), Packer talks gob to every plugin. */
export const FORCE_GOB_ENV = 'PACKER_FORCE_GOB';

/**
 * A plugin that serves at least one component: its `describe` answer, or null
 * for a single-component binary (packer-builder-NAME ..., Packer 1.6.6's
 * built-ins), which only speaks gob. Packer leaves out plugins whose
 * components were all shadowed by another plugin's.
 */
export type ProtocolSource = Pick<PluginDescription, 'protocol_version'> | null;

type Env = Readonly<Record<string, string | undefined>>;

export function forcesGob(env: Env): boolean {
  const value = env[FORCE_GOB_ENV];
  return value !== undefined && value !== '' && value !== '0';
}

export function chooseSpecEncoding(sources: Iterable<ProtocolSource>, env: Env): SpecEncoding {
  if (forcesGob(env)) return 'gob';
  for (const source of sources) if (source?.protocol_version !== PROTOCOL_VERSION_2) return 'gob';
  return 'protobuf';
}
