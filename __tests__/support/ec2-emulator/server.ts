import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as imageAttributes from './actions/image-attributes.js';
import * as images from './actions/images.js';
import * as fleet from './actions/fleet.js';
import * as instances from './actions/instances.js';
import * as keypairs from './actions/keypairs.js';
import * as network from './actions/network.js';
import * as storage from './actions/storage.js';
import { getCallerIdentityResponse, stsErrorResponse } from './actions/sts.js';
import * as tags from './actions/tags.js';
import { Ec2Error } from './errors.js';
import { parseParams } from './params.js';
import type { Context, Handler } from './runtime.js';
import { verifySignature, type Credentials } from './sigv4.js';
import { ec2ErrorResponse, ec2Response } from './xml.js';

/* The HTTP front: read the form, check the signature, maybe inject a fault, dispatch, log the call. */

const HANDLERS: Record<string, Handler> = {
  DescribeImages: images.describeImages,
  CreateImage: images.createImage,
  RegisterImage: images.registerImage,
  CopyImage: images.copyImage,
  DeregisterImage: images.deregisterImage,
  ModifyImageAttribute: imageAttributes.modifyImageAttribute,
  DescribeImageAttribute: imageAttributes.describeImageAttribute,
  RunInstances: instances.runInstances,
  DescribeInstances: instances.describeInstances,
  DescribeInstanceStatus: instances.describeInstanceStatus,
  StopInstances: instances.stopInstances,
  StartInstances: instances.startInstances,
  TerminateInstances: instances.terminateInstances,
  ModifyInstanceAttribute: instances.modifyInstanceAttribute,
  GetPasswordData: instances.getPasswordData,
  CreateLaunchTemplate: fleet.createLaunchTemplate,
  DeleteLaunchTemplate: fleet.deleteLaunchTemplate,
  DescribeLaunchTemplates: fleet.describeLaunchTemplates,
  CreateFleet: fleet.createFleet,
  CreateKeyPair: keypairs.createKeyPair,
  ImportKeyPair: keypairs.importKeyPair,
  DeleteKeyPair: keypairs.deleteKeyPair,
  DescribeKeyPairs: keypairs.describeKeyPairs,
  DescribeRegions: network.describeRegions,
  DescribeAvailabilityZones: network.describeAvailabilityZones,
  DescribeInstanceTypeOfferings: network.describeInstanceTypeOfferings,
  DescribeVpcs: network.describeVpcs,
  DescribeSubnets: network.describeSubnets,
  CreateSecurityGroup: network.createSecurityGroup,
  AuthorizeSecurityGroupIngress: network.authorizeSecurityGroupIngress,
  DeleteSecurityGroup: network.deleteSecurityGroup,
  DescribeSecurityGroups: network.describeSecurityGroups,
  DescribeVolumes: storage.describeVolumes,
  DeleteVolume: storage.deleteVolume,
  DescribeSnapshots: storage.describeSnapshots,
  DeleteSnapshot: storage.deleteSnapshot,
  ModifySnapshotAttribute: storage.modifySnapshotAttribute,
  CreateTags: tags.createTags,
  DeleteTags: tags.deleteTags,
  DescribeTags: tags.describeTags,
};

export interface ServerOptions {
  host: string;
  credentials: Credentials;
  /** Everything a handler needs except the request's region and parameters. */
  context: Omit<Context, 'region' | 'params'>;
  fault: () => Ec2Error | undefined;
}

export interface Server {
  port: number;
  /** Stops accepting requests and waits for those being answered (a RunInstances may be starting a container). */
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<Server> {
  const inFlight = new Set<Promise<void>>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const answered = answer(options, req, Buffer.concat(chunks)).then(({ status, body }) => {
        res.writeHead(status, { 'Content-Type': 'text/xml;charset=UTF-8', 'x-amzn-RequestId': randomUUID() });
        res.end(body);
      });
      inFlight.add(answered);
      void answered.finally(() => inFlight.delete(answered));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, options.host, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.all([...inFlight]);
      server.closeAllConnections();
      await closed;
    },
  };
}

async function answer(
  options: ServerOptions,
  req: http.IncomingMessage,
  body: Buffer,
): Promise<{ status: number; body: string }> {
  const requestId = randomUUID();
  const form = Object.fromEntries(new URLSearchParams(body.toString('utf8')));
  const { Action: action = '', Version: _version, ...flat } = form;
  let region = '';
  let service = 'ec2';
  const log = (status: number, errorCode?: string) =>
    options.context.store.calls.push({
      action,
      region,
      params: flat,
      status,
      ...(errorCode ? { errorCode } : {}),
      at: Date.now(),
    });
  try {
    ({ region, service } = verifySignature(
      req.method ?? 'POST',
      req.url ?? '/',
      req.headers,
      body,
      options.credentials,
    ));
    const fault = options.fault();
    if (fault) throw fault;
    if (action === 'GetCallerIdentity') {
      log(200);
      return { status: 200, body: getCallerIdentityResponse(requestId) };
    }
    const handler = HANDLERS[action];
    if (!handler) {
      throw new Ec2Error('InvalidAction', `The action ${action} is not valid for this web service.`);
    }
    const result = await handler({ ...options.context, region, params: parseParams(flat) });
    log(200);
    return { status: 200, body: ec2Response(action, requestId, result) };
  } catch (error) {
    const failure =
      error instanceof Ec2Error ? error : new Ec2Error('InternalError', `ec2-emulator: ${String(error)}`, 500);
    if (!(error instanceof Ec2Error)) process.stderr.write(`ec2-emulator: ${action} failed: ${String(error)}\n`);
    log(failure.status, failure.code);
    const document =
      service === 'sts'
        ? stsErrorResponse(failure.code, failure.message, requestId)
        : ec2ErrorResponse(failure.code, failure.message, requestId);
    return { status: failure.status, body: document };
  }
}
