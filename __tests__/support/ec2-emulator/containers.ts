import type Docker from 'dockerode';
import { connectEngine } from '../../../src/communicator/docker/engine.js';

/*
 * Instances as Docker containers. Each gets its own loopback address 127.0.1.N (N from
 * 10) with container port 22 published there; addresses used by any emulator's
 * containers are skipped, and a bind that loses a race moves on to the next address.
 */

export const EMULATOR_LABEL = 'kiln.ec2-emulator';
const FIRST_HOST = 10;
const LAST_HOST = 254;

export interface RunSpec {
  dockerImage: string;
  sshUser: string;
  publicKey?: string;
  name: string;
}

export class Containers {
  private readonly engine: Docker = connectEngine();
  /** Addresses this emulator holds (including containers being started). */
  private readonly held = new Set<string>();
  private readonly committed: string[] = [];
  /** Commits under way, which a removal of the same container waits for. */
  private readonly commits = new Map<string, Promise<unknown>>();

  constructor(private readonly emulatorId: string) {}

  /** Creates and starts the container; resolves with its id and address. */
  async run(spec: RunSpec): Promise<{ containerId: string; address: string }> {
    const busy = await this.busyAddresses();
    for (let n = FIRST_HOST; n <= LAST_HOST; n++) {
      const address = `127.0.1.${n}`;
      if (busy.has(address) || this.held.has(address)) continue;
      this.held.add(address);
      const container = await this.engine.createContainer({
        Image: spec.dockerImage,
        name: spec.name,
        Hostname: `ip-${address.replace(/\./g, '-')}`,
        Labels: { [EMULATOR_LABEL]: this.emulatorId },
        Env: [`KILN_SSH_USER=${spec.sshUser}`, `KILN_AUTHORIZED_KEY=${spec.publicKey ?? ''}`],
        ExposedPorts: { '22/tcp': {} },
        HostConfig: { PortBindings: { '22/tcp': [{ HostIp: address, HostPort: '22' }] } },
      });
      try {
        await container.start();
        return { containerId: container.id, address };
      } catch (error) {
        await container.remove({ force: true }).catch(() => undefined);
        if (!/address already in use|port is already allocated/i.test(String(error))) {
          this.held.delete(address);
          throw error;
        }
        // Another process took this address between our look and our bind: keep it marked and try the next.
      }
    }
    throw new Error('ec2-emulator: no free loopback address in 127.0.1.10-254');
  }

  async stop(containerId: string): Promise<void> {
    await this.engine
      .getContainer(containerId)
      .stop({ t: 5 })
      .catch((error: unknown) => {
        if (!/not running|304/i.test(String(error))) throw error;
      });
  }

  async start(containerId: string): Promise<void> {
    await this.engine.getContainer(containerId).start();
  }

  async remove(containerId: string, address: string): Promise<void> {
    await this.commits.get(containerId)?.catch(() => undefined);
    await this.engine
      .getContainer(containerId)
      .remove({ force: true })
      .catch((error: unknown) => {
        if (!/no such container|404/i.test(String(error))) throw error;
      });
    this.held.delete(address);
  }

  /** Commits the container into a new image `kiln-ec2-emulator/<emulator id>:<tag>`; returns its reference. */
  async commit(containerId: string, tag: string): Promise<string> {
    const repo = `kiln-ec2-emulator/${this.emulatorId}`;
    const commit = this.engine.getContainer(containerId).commit({
      repo,
      tag,
      // The key of this launch must not follow the image into the next one.
      changes: [`LABEL ${EMULATOR_LABEL}=${this.emulatorId}`, 'ENV KILN_AUTHORIZED_KEY=""'],
    });
    this.commits.set(containerId, commit);
    try {
      await commit;
    } finally {
      this.commits.delete(containerId);
    }
    const ref = `${repo}:${tag}`;
    this.committed.push(ref);
    return ref;
  }

  /** Removes every container of this emulator, then the images it committed. */
  async removeAll(): Promise<void> {
    const containers = await this.engine.listContainers({
      all: true,
      filters: { label: [`${EMULATOR_LABEL}=${this.emulatorId}`] },
    });
    await Promise.all(containers.map((c) => this.engine.getContainer(c.Id).remove({ force: true, v: true })));
    for (const ref of this.committed.splice(0)) {
      await this.engine
        .getImage(ref)
        .remove({ force: true })
        .catch(() => undefined);
    }
    this.held.clear();
  }

  private async busyAddresses(): Promise<Set<string>> {
    const containers = await this.engine.listContainers({ all: true, filters: { label: [EMULATOR_LABEL] } });
    const busy = new Set<string>();
    for (const c of containers) {
      for (const port of c.Ports) if (port.IP) busy.add(port.IP);
    }
    return busy;
  }
}
