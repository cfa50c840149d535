import * as core from '@actions/core';

/*
 * The action's post step runs even when the job was cancelled. It is where
 * leftover resources of this run are swept and caches saved; this release
 * creates neither, so it only records that it ran.
 */
export async function runPost(): Promise<void> {
  core.debug('kiln post: no resources or caches to handle in this release');
}

void runPost();
