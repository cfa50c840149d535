import type Docker from 'dockerode';
import type { Engine } from '../../../communicator/docker/engine.js';

/*
 * How a run's build containers are found again: by name, not by label. The
 * engine copies a container's labels into the image `docker commit` makes, so
 * a label would end up on every finished image. Names are
 * `kiln-<run uuid>-<build name>`, within Docker's name rule
 * [a-zA-Z0-9][a-zA-Z0-9_.-]+ (moby's RestrictedNamePattern).
 */

const KILN_PREFIX = 'kiln-';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** The build container's name: the run's UUID, then the build's name with other characters as '_'. */
export function buildContainerName(runUuid: string, build: string): string {
  return `${runContainerPrefix(runUuid)}${build.replace(/[^a-zA-Z0-9_.-]/g, '_')}`;
}

/** What every container of this run's name starts with. */
export function runContainerPrefix(runUuid: string): string {
  return `${KILN_PREFIX}${runUuid}-`;
}

/**
 * Whether a container name (without the engine's leading '/') is a build
 * container of that run, or of any run: `kiln-` followed by a run UUID, so a
 * user's own `kiln-web` container is never taken for one.
 */
export function isBuildContainerName(name: string, runUuid?: string): boolean {
  if (runUuid !== undefined) return name.startsWith(runContainerPrefix(runUuid));
  return new RegExp(`^${KILN_PREFIX}${UUID}-`).test(name);
}

export interface LeftoverContainer {
  readonly id: string;
  readonly name: string;
  readonly state: string;
}

/** The build containers of a run (or of every run) the engine has, running or not, sorted by name. */
export async function findBuildContainers(engine: Engine, runUuid?: string): Promise<LeftoverContainer[]> {
  // The engine's name filter matches anywhere in the name; the prefix is checked here.
  const filter = runUuid === undefined ? KILN_PREFIX : runContainerPrefix(runUuid);
  const listed: Docker.ContainerInfo[] = await engine.listContainers({ all: true, filters: { name: [filter] } });
  return listed
    .map((c) => ({ id: c.Id, name: (c.Names[0] ?? '').replace(/^\//, ''), state: c.State }))
    .filter((c) => isBuildContainerName(c.name, runUuid))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Removes a container forcibly (killing it first), with its anonymous volumes. */
export async function removeBuildContainer(engine: Engine, id: string): Promise<void> {
  await engine.getContainer(id).remove({ force: true, v: true });
}
