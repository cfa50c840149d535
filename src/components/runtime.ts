/*
 * What a natively implemented component gets when it runs: the build's UI, the
 * run's one AbortSignal and the terminal prompt, plus what Packer core fills in
 * (packer_build_name, packer_builder_type, -force).
 */
import type { Artifact, BuildUi, Prompt } from '../core/events.js';
import type { BuildContext } from '../core/build-runner.js';
import type { Communicator } from '../communicator/communicator.js';

/**
 * The provision hook's data (commonsteps.PopulateProvisionHookData): ID, Host,
 * Port, User, Password, ConnType, SSHPublicKey, SSHPrivateKey, PackerRunUUID,
 * PackerHTTPIP/Port/Addr ... and whatever else the builder generated. Strings,
 * numbers (Port) and booleans (SSHAgentAuth), as Packer passes them.
 */
export type GeneratedData = Readonly<Record<string, string | number | boolean>>;

/** What a builder hands the provision hook: its communicator (none for communicator = "none") and generated data. */
export interface ProvisionHookData {
  readonly communicator?: Communicator;
  readonly generatedData: GeneratedData;
}

export interface ProvisionContext {
  readonly ui: BuildUi;
  readonly signal: AbortSignal;
  /** Rejects with the reason when no answer can be asked (no TTY, machine-readable UI). */
  readonly prompt: Prompt;
  /** The source's name, as Packer sets PACKER_BUILD_NAME. */
  readonly buildName: string;
  readonly builderType: string;
  /** Relative paths in the template resolve against it, as Packer's working directory. */
  readonly cwd: string;
  /** The machine being provisioned; absent when the builder has no communicator. */
  readonly communicator?: Communicator;
  readonly generatedData: GeneratedData;
}

export type Provision = (config: unknown, context: ProvisionContext) => Promise<void>;

export interface BuilderContext extends BuildContext {
  /** The build's full name (CoreBuild.Name), which prefixes its UI lines. */
  readonly build: string;
  readonly cwd: string;
  readonly force: boolean;
  /** PACKER_RUN_UUID: one per run. */
  readonly runUuid: string;
  /** The provision hook: runs the build's provisioners in order (ProvisionHook.Run). */
  readonly provision: (signal: AbortSignal, hook: ProvisionHookData) => Promise<void>;
  /** The error-cleanup-provisioner hook, run when provisioning failed. */
  readonly cleanupProvision: (signal: AbortSignal, hook: ProvisionHookData) => Promise<void>;
}

/** Runs a builder; resolves its artifact (null for Go's nil artifact) or throws the build's error. */
export type RunBuilder = (config: unknown, context: BuilderContext) => Promise<Artifact | null>;
