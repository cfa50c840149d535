/*
 * An image reference split as the docker CLI splits it before calling the
 * Engine API: "host:5000/name:tag" -> repository "host:5000/name", tag "tag";
 * no tag means "latest" (reference.TagNameOnly). The daemon validates the rest.
 */

export interface RepoTag {
  readonly repo: string;
  readonly tag: string;
}

export function splitReference(reference: string): RepoTag {
  const colon = reference.lastIndexOf(':');
  if (colon > reference.lastIndexOf('/')) {
    return { repo: reference.slice(0, colon), tag: reference.slice(colon + 1) };
  }
  return { repo: reference, tag: 'latest' };
}
