import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pack } from 'tar-stream';
import { buildUi, EventBus, type BuildUi } from '../../../../src/core/events.js';
import type { PostProcessorContext } from '../../../../src/components/common/post-processor.js';
import { engine } from '../../../support/docker.js';

/* Shared by the docker post-processor tests: a recording UI, tiny images and the leftover check. */

/** UI lines as "say: x" / "message: x" / "error: x", in order. */
export function recordingContext(signal: AbortSignal = new AbortController().signal): {
  ctx: PostProcessorContext;
  lines: string[];
} {
  const bus = new EventBus();
  const lines: string[] = [];
  bus.subscribe((event) => {
    if (event.type === 'ui') lines.push(`${event.level}: ${event.text}`);
  });
  const ui: BuildUi = buildUi(bus, 'docker.t (pp)');
  return { ctx: { buildName: 't', builderType: 'docker', runUuid: 'run-1', signal, ui }, lines };
}

/** A repository name no other test run uses. */
export function uniqueRepository(prefix = 'kiln-pp-test'): string {
  return `${prefix}/r${randomBytes(4).toString('hex')}`;
}

/** A tar of a root file system with one file, as `docker export` writes one. */
export async function rootfsTar(content: string): Promise<Buffer> {
  const tar = pack();
  tar.entry({ name: 'hello.txt', mode: 0o644 }, content);
  tar.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of tar as unknown as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Imports a one-file image with no reference (unique content, so a unique ID); returns "sha256:...". */
export async function tinyImage(): Promise<string> {
  const stream = await engine.importImage(Readable.from([await rootfsTar(randomBytes(8).toString('hex'))]), {});
  const output = await new Promise<{ status?: string }[]>((resolve, reject) =>
    engine.modem.followProgress(stream, (error: Error | null, out: { status?: string }[]) =>
      error ? reject(error) : resolve(out),
    ),
  );
  const id = output.at(-1)?.status ?? '';
  if (!id.startsWith('sha256:')) throw new Error(`import answered ${JSON.stringify(output)}`);
  return id;
}

/** The references of an image, sorted; [] once it is gone. */
export async function repoTags(id: string): Promise<string[]> {
  try {
    return [...(await engine.getImage(id).inspect()).RepoTags].sort();
  } catch {
    return [];
  }
}

/** Every image reference under a repository prefix ("kiln-pp-test/" ...). */
export async function referencesUnder(prefix: string): Promise<string[]> {
  const images = await engine.listImages({ filters: { reference: [`${prefix}*`, `${prefix}*/*`] } });
  return images.flatMap((i) => i.RepoTags ?? []).filter((t) => t.includes(prefix));
}

/** Removes images by ID with all their references; a missing image is fine. */
export async function removeImages(ids: readonly string[]): Promise<void> {
  for (const id of ids)
    await engine
      .getImage(id)
      .remove({ force: true })
      .catch(() => undefined);
}
