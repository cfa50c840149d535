import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type Docker from 'dockerode';
import { connectEngine } from '../../src/communicator/docker/engine.js';

/* Helpers for tests against the real Docker engine (DOCKER_HOST or /var/run/docker.sock). */

export const BASE_IMAGE = 'kiln-test/debian:bookworm';

const run = promisify(execFile);
const script = path.resolve(import.meta.dirname, '../../scripts/docker-base-image.sh');

export const engine: Docker = connectEngine();

/** Whether the engine answers; tests assert it rather than skip, so a CI without dockerd fails. */
export async function engineAvailable(): Promise<boolean> {
  try {
    await engine.ping();
    return true;
  } catch {
    return false;
  }
}

/** Builds the Debian base image with debootstrap when the engine lacks it (about a minute, once). */
export async function ensureBaseImage(): Promise<string> {
  await run(script, [BASE_IMAGE], { timeout: 600_000 });
  return BASE_IMAGE;
}

/** Every container (running or not) carrying the label, optionally with that value. */
export async function containersWithLabel(label: string, value?: string): Promise<Docker.ContainerInfo[]> {
  const filter = value === undefined ? label : `${label}=${value}`;
  return engine.listContainers({ all: true, filters: { label: [filter] } });
}

/** Starts a container as the docker builder's default run_command does, with a test label. */
export async function startContainer(labels: Record<string, string>, user?: string): Promise<Docker.Container> {
  const container = await engine.createContainer({
    Image: BASE_IMAGE,
    Entrypoint: ['/bin/sh'],
    Tty: true,
    OpenStdin: true,
    Labels: labels,
    ...(user ? { User: user } : {}),
  });
  await container.start();
  return container;
}

/** Removes every container with the label (a test's leftovers). */
export async function removeLabelled(label: string, value: string): Promise<void> {
  for (const info of await containersWithLabel(label, value)) {
    await engine.getContainer(info.Id).remove({ force: true });
  }
}
