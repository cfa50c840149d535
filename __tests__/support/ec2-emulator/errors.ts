/** An error answered to the client in EC2's error document, with AWS's code and HTTP status. */
export class Ec2Error extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export const notFound = (kind: 'AMIID' | 'InstanceID' | 'Snapshot' | 'Volume' | 'KeyPair' | 'GroupId', id: string) => {
  const messages: Record<string, string> = {
    AMIID: `The image id '[${id}]' does not exist`,
    InstanceID: `The instance ID '${id}' does not exist`,
    Snapshot: `The snapshot '${id}' does not exist.`,
    Volume: `The volume '${id}' does not exist.`,
    KeyPair: `The key pair '${id}' does not exist`,
    GroupId: `The security group '${id}' does not exist`,
  };
  const code = kind === 'GroupId' ? 'InvalidGroup.NotFound' : `Invalid${kind}.NotFound`;
  return new Ec2Error(code, messages[kind] ?? id);
};

export const invalidParameter = (message: string) => new Ec2Error('InvalidParameterValue', message);

export const missingParameter = (name: string) =>
  new Ec2Error('MissingParameter', `The request must contain the parameter ${name}`);
