export const id = 176;
export const ids = [176];
export const modules = {

/***/ 8176:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  amazonEbsSteps: () => (/* binding */ amazonEbsSteps),
  runAmazonEbsBuilder: () => (/* binding */ runAmazonEbsBuilder)
});

// EXTERNAL MODULE: ./build/components/common/amazon/client.js
var client = __webpack_require__(7417);
// EXTERNAL MODULE: ./build/components/common/step-connect.js + 11 modules
var step_connect = __webpack_require__(4473);
// EXTERNAL MODULE: ./build/components/common/step-provision.js
var step_provision = __webpack_require__(6075);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-cjs/index.js
var dist_cjs = __webpack_require__(5193);
// EXTERNAL MODULE: ./build/components/provision-hook.js
var provision_hook = __webpack_require__(2084);
// EXTERNAL MODULE: ./build/components/common/amazon/errors.js
var amazon_errors = __webpack_require__(1377);
;// CONCATENATED MODULE: ./build/components/common/amazon/waiter.js


const WAIT_DEFAULTS = { minDelayMs: 250, maxDelayMs: 5000, growth: 1.5 };
async function waitFor(options) {
    const { signal, check } = options;
    const deadline = Date.now() + options.timeoutMs;
    const maxDelay = Math.max(options.maxDelayMs ?? WAIT_DEFAULTS.maxDelayMs, options.minDelayMs ?? 0);
    let delay = options.minDelayMs ?? WAIT_DEFAULTS.minDelayMs;
    for (;;) {
        signal.throwIfAborted();
        let seen;
        try {
            const poll = await check();
            if (poll.done)
                return poll.value;
            seen = poll.seen;
        }
        catch (error) {
            if (signal.aborted)
                throw error;
            if (!options.retryCodes?.includes((0,amazon_errors/* awsErrorCode */.J6)(error)))
                throw error;
            seen = (0,amazon_errors/* awsErrorMessage */.X_)(error);
        }
        const left = deadline - Date.now();
        if (left <= 0)
            throw new Error(`Timed out waiting for ${options.what} (last seen: ${seen})`);
        // Full jitter over the upper half keeps concurrent waiters apart without ever polling in a burst.
        const sleep = Math.min(left, delay / 2 + (Math.random() * delay) / 2);
        await (0,provision_hook/* abortableDelay */.s)(sleep, signal);
        delay = Math.min(delay * WAIT_DEFAULTS.growth, maxDelay);
    }
}
/** The plugin's getWaiterOptions: a delay and an overall wait derived from the settings, else `defaultTimeoutMs`. */
function waitBounds(polling, defaultTimeoutMs, env = process.env) {
    const number = (v) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined);
    const delay = polling?.delay_seconds || number(env['AWS_POLL_DELAY_SECONDS']);
    const attempts = polling?.max_attempts || number(env['AWS_MAX_ATTEMPTS']);
    const timeout = number(env['AWS_TIMEOUT_SECONDS']);
    const delaySeconds = delay ?? 2;
    const minDelay = delay !== undefined ? { minDelayMs: delay * 1000 } : {};
    if (attempts)
        return { timeoutMs: attempts * delaySeconds * 1000, ...minDelay };
    if (timeout)
        return { timeoutMs: timeout * 1000, ...minDelay };
    return { timeoutMs: defaultTimeoutMs, ...minDelay };
}

;// CONCATENATED MODULE: ./build/components/builders/amazon-ebs/steps/ami.js


/* What several steps and the artifact do with AMIs: wait for one, and deregister one with its snapshots. */
const DEFAULT_AMI_WAIT_MS = 30 * 60 * 1000;
/** WaitUntilAMIAvailable, tolerating an AMI not yet visible (eventual consistency); resolves the image. */
function waitForAmi(ec2, imageId, polling, signal) {
    return waitFor({
        what: `AMI ${imageId} to become available`,
        signal,
        ...waitBounds(polling, DEFAULT_AMI_WAIT_MS),
        retryCodes: ['InvalidAMIID.NotFound'],
        check: async () => {
            const out = await ec2.send(new dist_cjs/* DescribeImagesCommand */.ji5({ ImageIds: [imageId] }), { abortSignal: signal });
            const image = out.Images?.[0];
            if (!image)
                return { done: false, seen: 'AMI not listed yet' };
            if (image.State === 'available')
                return { done: true, value: image };
            if (image.State === 'failed' || image.State === 'error' || image.State === 'invalid') {
                const reason = image.StateReason?.Message ? `: ${image.StateReason.Message}` : '';
                throw new Error(`AMI ${imageId} is ${image.State}${reason}`);
            }
            return { done: false, seen: `state ${image.State ?? ''}` };
        },
    });
}
/** The snapshot IDs of an image's EBS mappings. */
function snapshotIds(image) {
    return (image.BlockDeviceMappings ?? []).flatMap((b) => (b.Ebs?.SnapshotId ? [b.Ebs.SnapshotId] : []));
}
/** How long cleanup waits for an AMI it just created to be listed (EC2 is eventually consistent). */
const NEW_AMI_VISIBLE_MS = 2 * 60_000;
/**
 * DestroyAMIs: deregisters each image and deletes its snapshots; `say` reports each removal.
 * With visibleWithinMs, images not listed yet (just created) are waited for that long: else a
 * cancelled build would leave an AMI that DescribeImages did not return at once.
 */
async function destroyAmis(ec2, imageIds, say = () => { }, visibleWithinMs = 0) {
    for (const image of await describeImages(ec2, imageIds, visibleWithinMs)) {
        await ec2.send(new dist_cjs/* DeregisterImageCommand */.x2c({ ImageId: image.ImageId }));
        say(`Deregistered AMI id: ${image.ImageId ?? ''}`);
        for (const snapshot of snapshotIds(image)) {
            await ec2.send(new dist_cjs/* DeleteSnapshotCommand */.tZN({ SnapshotId: snapshot }));
            say(`Deleted snapshot: ${snapshot}`);
        }
    }
}
async function describeImages(ec2, imageIds, visibleWithinMs) {
    const describe = async () => (await ec2.send(new dist_cjs/* DescribeImagesCommand */.ji5({ ImageIds: [...imageIds] }))).Images ?? [];
    if (visibleWithinMs <= 0)
        return describe();
    return waitFor({
        what: `AMI(s) ${imageIds.join(', ')} to be listed`,
        signal: new AbortController().signal,
        timeoutMs: visibleWithinMs,
        retryCodes: ['InvalidAMIID.NotFound'],
        check: async () => {
            const images = await describe();
            if (images.length === imageIds.length)
                return { done: true, value: images };
            return { done: false, seen: `${images.length} of ${imageIds.length} listed` };
        },
    });
}

;// CONCATENATED MODULE: ./build/components/builders/amazon-ebs/artifact.js


/* common.Artifact of packer-plugin-amazon: the AMIs by region; destroy() deregisters them and deletes their snapshots. */
const BUILDER_ID = 'mitchellh.amazonebs';
function amiArtifact(amis, access, generatedData) {
    const entries = Object.entries(amis);
    const id = entries
        .map(([region, ami]) => `${region}:${ami}`)
        .sort()
        .join(',');
    const lines = entries.map(([region, ami]) => `${region}: ${ami}`).sort();
    return {
        builderId: BUILDER_ID,
        id,
        files: [],
        description: `AMIs were created:\n${lines.join('\n')}\n`,
        generatedData,
        async destroy() {
            const session = await (0,client/* amazonSession */.$m)(access);
            const errors = [];
            try {
                for (const [region, ami] of entries) {
                    try {
                        await destroyAmis(session.ec2(region), [ami]);
                    }
                    catch (error) {
                        errors.push(error instanceof Error ? error : new Error(String(error)));
                    }
                }
            }
            finally {
                session.destroy();
            }
            if (errors.length === 1)
                throw errors[0];
            if (errors.length > 1) {
                throw new Error(`${errors.length} error(s) occurred:\n\n${errors.map((e) => `* ${e.message}`).join('\n')}`);
            }
        },
    };
}

// EXTERNAL MODULE: ./build/components/builders/amazon-ebs/prepare-run.js + 1 modules
var prepare_run = __webpack_require__(8944);
// EXTERNAL MODULE: ./build/components/builders/amazon-ebs/state.js
var amazon_ebs_state = __webpack_require__(8823);
// EXTERNAL MODULE: ./build/components/common/amazon/tags.js
var amazon_tags = __webpack_require__(2959);
;// CONCATENATED MODULE: ./build/components/builders/amazon-ebs/steps/ami-attributes.js




/*
 * StepEnableDeprecation (deprecate_at) and StepModifyAMIAttributes
 * (ami_description, ami_users, ami_groups, ami_org_arns, ami_ou_arns,
 * ami_product_codes, imds_support on every AMI; snapshot_users and
 * snapshot_groups on every snapshot).
 */
function stepEnableDeprecation(ctx) {
    const { config: c, builder } = ctx;
    return {
        name: 'StepEnableDeprecation',
        async run(state, signal) {
            if (c.skip_create_ami || !c.deprecate_at) {
                builder.ui.say('Skipping Enable AMI deprecation...');
                return 'continue';
            }
            for (const [region, ami] of sortedEntries(state.amis)) {
                builder.ui.say(`Enabling deprecation on AMI (${ami}) in region "${region}" ...`);
                try {
                    const input = { ImageId: ami, DeprecateAt: new Date(c.deprecate_at) };
                    await ctx.session.ec2(region).send(new dist_cjs/* EnableImageDeprecationCommand */.cJk(input), { abortSignal: signal });
                }
                catch (error) {
                    if (signal.aborted)
                        throw error;
                    throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Error enable AMI deprecation: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`, error);
                }
            }
            return 'continue';
        },
    };
}
function stepModifyAmiAttributes(ctx) {
    const { config: c, builder } = ctx;
    const ui = builder.ui;
    return {
        name: 'StepModifyAMIAttributes',
        async run(state, signal) {
            if (c.skip_create_ami) {
                ui.say('Skipping AMI modify attributes...');
                return 'continue';
            }
            let description = c.ami_description ?? '';
            try {
                description = (0,amazon_tags/* renderWithBuildInfo */.ZT)(description, (0,amazon_ebs_state/* currentBuildInfo */.Ik)(ctx, state), ctx.scope);
            }
            catch (error) {
                throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Error interpolating AMI description: ${error.message}`, error);
            }
            const image = imageOptions(c, description);
            const snapshot = snapshotOptions(c);
            if (image.length === 0 && snapshot.length === 0)
                return 'continue';
            const fail = (what, error) => signal.aborted ? error : (0,amazon_ebs_state/* stepError */.hH)(ctx, `${what}: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`, error);
            for (const [region, ami] of sortedEntries(state.amis)) {
                ui.say(`Modifying attributes on AMI (${ami})...`);
                for (const [name, input] of image) {
                    ui.say(`Modifying: ${name}`);
                    try {
                        await ctx.session.ec2(region).send(new dist_cjs/* ModifyImageAttributeCommand */.FE3({ ...input, ImageId: ami }), {
                            abortSignal: signal,
                        });
                    }
                    catch (error) {
                        throw fail('Error modify AMI attributes', error);
                    }
                }
            }
            for (const [region, snapshots] of sortedEntries(state.snapshots)) {
                for (const id of snapshots) {
                    ui.say(`Modifying attributes on snapshot (${id})...`);
                    for (const [name, input] of snapshot) {
                        ui.message(`Modifying: ${name}`);
                        try {
                            await ctx.session.ec2(region).send(new dist_cjs/* ModifySnapshotAttributeCommand */.KD0({ ...input, SnapshotId: id }), {
                                abortSignal: signal,
                            });
                        }
                        catch (error) {
                            throw fail('Error modify snapshot attributes', error);
                        }
                    }
                }
            }
            return 'continue';
        },
    };
}
function imageOptions(c, description) {
    const out = [];
    if (description)
        out.push(['description', { ImageId: undefined, Description: { Value: description } }]);
    const groups = c.ami_groups ?? [];
    if (groups.length > 0) {
        const Add = groups.map((g) => ({ Group: g }));
        out.push(['groups', { ImageId: undefined, UserGroups: [...groups], LaunchPermission: { Add } }]);
    }
    const users = c.ami_users ?? [];
    if (users.length > 0) {
        const Add = users.map((UserId) => ({ UserId }));
        out.push(['users', { ImageId: undefined, UserIds: [...users], LaunchPermission: { Add } }]);
    }
    const orgs = c.ami_org_arns ?? [];
    if (orgs.length > 0) {
        const Add = orgs.map((OrganizationArn) => ({ OrganizationArn }));
        out.push(['ami org arns', { ImageId: undefined, OrganizationArns: [...orgs], LaunchPermission: { Add } }]);
    }
    const ous = c.ami_ou_arns ?? [];
    if (ous.length > 0) {
        const Add = ous.map((OrganizationalUnitArn) => ({ OrganizationalUnitArn }));
        out.push(['ami ou arns', { ImageId: undefined, OrganizationalUnitArns: [...ous], LaunchPermission: { Add } }]);
    }
    const codes = c.ami_product_codes ?? [];
    if (codes.length > 0)
        out.push(['product codes', { ImageId: undefined, ProductCodes: [...codes] }]);
    if (c.imds_support)
        out.push(['imds_support', { ImageId: undefined, ImdsSupport: { Value: c.imds_support } }]);
    return out;
}
function snapshotOptions(c) {
    const out = [];
    const groups = c.snapshot_groups ?? [];
    if (groups.length > 0) {
        const Add = groups.map((g) => ({ Group: g }));
        out.push(['groups', { SnapshotId: undefined, GroupNames: [...groups], CreateVolumePermission: { Add } }]);
    }
    const users = c.snapshot_users ?? [];
    if (users.length > 0) {
        const Add = users.map((UserId) => ({ UserId }));
        out.push(['users', { SnapshotId: undefined, UserIds: [...users], CreateVolumePermission: { Add } }]);
    }
    return out;
}
/** Map entries by key (Go ranges over maps in random order; sorted keeps calls reproducible). */
function sortedEntries(map) {
    return Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./build/components/builders/amazon-ebs/steps/run-tags.js


/** run_tags (with run_tag blocks) rendered with the build info so far, plus Kiln's run tags. */
function runTags(ctx, state) {
    return (0,amazon_tags/* withRunTags */.Xk)(userRunTags(ctx, state), ctx.builder.runUuid, ctx.builder.build);
}
/** run_tags as the user wrote them, rendered: what the plugin copies onto the AMI. */
function userRunTags(ctx, state) {
    return (0,amazon_tags/* renderTags */.Ep)(keyValueMap(ctx.config.run_tags, ctx.config.run_tag), (0,amazon_ebs_state/* currentBuildInfo */.Ik)(ctx, state), ctx.scope);
}
/** A tag map with its `*_tag { key value }` (or `{ name value }`) blocks copied on (KeyValues.CopyOn). */
function keyValueMap(map, blocks = []) {
    const out = { ...map };
    for (const b of blocks)
        out[b.key ?? b.name ?? ''] = b.value ?? '';
    return out;
}

;// CONCATENATED MODULE: ./build/components/builders/amazon-ebs/steps/block-devices.js
/** BlockDevices.BuildEC2BlockDeviceMappings of the plugin. */
function ec2BlockDeviceMappings(devices) {
    return devices.map(ec2BlockDeviceMapping);
}
function ec2BlockDeviceMapping(b) {
    const DeviceName = b.device_name ?? '';
    if (b.no_device)
        return { DeviceName, NoDevice: '' };
    if (b.virtual_name)
        return b.virtual_name.startsWith('ephemeral') ? { DeviceName, VirtualName: b.virtual_name } : { DeviceName };
    const type = b.volume_type ?? '';
    const ebs = {
        DeleteOnTermination: b.delete_on_termination ?? false,
        ...(type ? { VolumeType: type } : {}),
        ...((b.volume_size ?? 0) > 0 ? { VolumeSize: b.volume_size } : {}),
        ...(['io1', 'io2', 'gp3'].includes(type) && b.iops !== undefined ? { Iops: b.iops } : {}),
        ...(type === 'gp3' && b.throughput !== undefined ? { Throughput: b.throughput } : {}),
        ...(b.snapshot_id ? { SnapshotId: b.snapshot_id } : {}),
        ...(b.encrypted !== undefined ? { Encrypted: b.encrypted } : {}),
        ...(b.kms_key_id ? { KmsKeyId: b.kms_key_id } : {}),
    };
    return { DeviceName, Ebs: ebs };
}

;// CONCATENATED MODULE: ./build/components/builders/amazon-ebs/steps/create-ami.js









/*
 * stepCreateAMI: creates the AMI from the stopped instance (a randomly named
 * intermediary one when encrypt_boot or skip_save_build_region), with the run
 * tags unless skip_ami_run_tags, and waits for it. Kiln's run tags go on too,
 * so a killed run's half-made AMI can be found; the last step takes them off.
 * Unlike the plugin, cleanup removes the AMI as soon as CreateImage returned,
 * not only once it was available, when the build fails or is cancelled.
 */
const CREATE_TIMEOUT_MS = 15 * 60_000;
const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
function stepCreateAmi(ctx) {
    const { config: c, builder } = ctx;
    const ui = builder.ui;
    let imageId = '';
    return {
        name: 'stepCreateAMI',
        async run(state, signal) {
            if (c.skip_create_ami) {
                ui.say('Skipping AMI creation...');
                return 'continue';
            }
            const ec2 = ctx.session.ec2();
            const region = ctx.session.region;
            let name = c.ami_name ?? '';
            state.intermediary = c.encrypt_boot === true || c.skip_save_build_region === true;
            if (state.intermediary)
                name = Array.from({ length: 7 }, () => ALPHANUMERIC[(0,external_node_crypto_.randomInt)(62)]).join('');
            const instanceId = state.instance?.InstanceId ?? '';
            ui.say(`Creating AMI ${name} from instance ${instanceId}`);
            let tags;
            try {
                tags = c.skip_ami_run_tags ? [] : userRunTags(ctx, state);
            }
            catch (error) {
                throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Error tagging AMI: ${error.message}`, error);
            }
            ui.say(c.skip_ami_run_tags ? 'Skipping attaching run tags to AMI...' : 'Attaching run tags to AMI...');
            const mappings = ec2BlockDeviceMappings(c.ami_block_device_mappings);
            const input = {
                InstanceId: instanceId,
                Name: name,
                ...(mappings.length > 0 ? { BlockDeviceMappings: mappings } : {}),
                TagSpecifications: (0,amazon_tags/* tagSpecifications */.v7)((0,amazon_tags/* withRunTags */.Xk)(tags, builder.runUuid, builder.build), 'image', 'snapshot'),
            };
            const deadline = Date.now() + CREATE_TIMEOUT_MS;
            for (let attempt = 1;; attempt++) {
                try {
                    // Not abortable: an AMI created after an abort would leak.
                    imageId = (await ec2.send(new dist_cjs/* CreateImageCommand */.T6T(input))).ImageId ?? '';
                    break;
                }
                catch (error) {
                    const notStopped = (0,amazon_errors/* awsErrorMatches */.Pn)(error, 'InvalidParameterValue', 'Instance is not in state');
                    if (notStopped && Date.now() < deadline && !signal.aborted) {
                        await (0,provision_hook/* abortableDelay */.s)(Math.min(200 * attempt, 30_000), signal);
                        continue;
                    }
                    throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Error creating AMI: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`, error);
                }
            }
            ui.message(`AMI: ${imageId}`);
            state.amis = { [region]: imageId };
            ui.say('Waiting for AMI to become ready...');
            try {
                await waitForAmi(ec2, imageId, c.aws_polling, signal);
            }
            catch (error) {
                if (signal.aborted)
                    throw error;
                throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Error waiting for AMI: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`, error);
            }
            let images;
            try {
                images = (await ec2.send(new dist_cjs/* DescribeImagesCommand */.ji5({ ImageIds: [imageId] }), { abortSignal: signal })).Images;
            }
            catch (error) {
                if (signal.aborted)
                    throw error;
                throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Error searching for AMI: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`, error);
            }
            state.snapshots = { [region]: images?.[0] ? snapshotIds(images[0]) : [] };
            return 'continue';
        },
        async cleanup(state) {
            if (!imageId || !(state.failed || builder.signal.aborted))
                return;
            ui.say('Deregistering the AMI and deleting associated snapshots because of cancellation, or error...');
            try {
                await destroyAmis(ctx.session.ec2(), [imageId], (line) => ui.say(line), NEW_AMI_VISIBLE_MS);
            }
            catch (error) {
                ui.error(`Error deregistering existing AMI: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`);
            }
            imageId = '';
        },
    };
}

;// CONCATENATED MODULE: ./build/components/builders/amazon-ebs/steps/create-tags.js








/*
 * StepCreateTags: tags (with tag blocks) on every AMI and its snapshots,
 * snapshot_tags on the snapshots; a new AMI or snapshot not yet visible is
 * retried. Then Kiln takes its run tags off the finished AMIs and snapshots,
 * unless the template's own tags set them.
 */
const NOT_FOUND = ['InvalidAMIID.NotFound', 'InvalidSnapshot.NotFound'];
function stepCreateTags(ctx) {
    const { config: c, builder } = ctx;
    const ui = builder.ui;
    return {
        name: 'StepCreateTags',
        async run(state, signal) {
            if (c.skip_create_ami) {
                ui.say('Skipping AMI create tags...');
                return 'continue';
            }
            const tags = keyValueMap(c.tags, c.tag);
            const snapshotTagMap = keyValueMap(c.snapshot_tags, c.snapshot_tag);
            if (Object.keys(tags).length === 0 && Object.keys(snapshotTagMap).length === 0)
                return 'continue';
            for (const [region, ami] of sortedEntries(state.amis)) {
                ui.say(`Adding tags to AMI (${ami})...`);
                const ec2 = ctx.session.ec2(region);
                let image;
                try {
                    image = (await ec2.send(new dist_cjs/* DescribeImagesCommand */.ji5({ ImageIds: [ami] }), { abortSignal: signal })).Images?.[0];
                }
                catch (error) {
                    if (signal.aborted)
                        throw error;
                    throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Error retrieving details for AMI (${ami}): ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`, error);
                }
                if (!image)
                    throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Error retrieving details for AMI (${ami}), no images found`);
                const snapshots = snapshotIds(image);
                for (const id of snapshots)
                    ui.say(`Tagging snapshot: ${id}`);
                const info = (0,amazon_ebs_state/* currentBuildInfo */.Ik)(ctx, state);
                let amiTags;
                let snapshotTags;
                try {
                    ui.say('Creating AMI tags');
                    amiTags = (0,amazon_tags/* renderTags */.Ep)(tags, info, ctx.scope);
                    (0,amazon_tags/* reportTags */.aF)(ui, amiTags);
                    ui.say('Creating snapshot tags');
                    snapshotTags = (0,amazon_tags/* renderTags */.Ep)(snapshotTagMap, info, ctx.scope);
                    (0,amazon_tags/* reportTags */.aF)(ui, snapshotTags);
                }
                catch (error) {
                    throw (0,amazon_ebs_state/* stepError */.hH)(ctx, error.message, error);
                }
                const resources = [ami, ...snapshots];
                try {
                    await waitFor({
                        what: `AMI ${ami} and its snapshots to take tags`,
                        signal,
                        timeoutMs: 5 * 60_000,
                        retryCodes: NOT_FOUND,
                        check: async () => {
                            if (amiTags.length > 0) {
                                await ec2.send(new dist_cjs/* CreateTagsCommand */.RmG({ Resources: resources, Tags: amiTags }), { abortSignal: signal });
                            }
                            if (snapshotTags.length > 0 && snapshots.length > 0) {
                                const input = { Resources: snapshots, Tags: snapshotTags };
                                await ec2.send(new dist_cjs/* CreateTagsCommand */.RmG(input), { abortSignal: signal });
                            }
                            return { done: true, value: undefined };
                        },
                    });
                }
                catch (error) {
                    if (signal.aborted)
                        throw error;
                    const message = `Error adding tags to Resources (${JSON.stringify(resources)}): ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`;
                    throw (0,amazon_ebs_state/* stepError */.hH)(ctx, message, error);
                }
            }
            return 'continue';
        },
    };
}
/** Takes Kiln's run tags off the finished AMIs and snapshots; the user's own tags of the same keys stay. */
function stepRemoveRunTags(ctx) {
    const { config: c } = ctx;
    return {
        name: 'StepRemoveRunTags',
        async run(state, signal) {
            const own = new Set([
                ...Object.keys(keyValueMap(c.tags, c.tag)),
                ...(c.skip_ami_run_tags ? [] : Object.keys(keyValueMap(c.run_tags, c.run_tag))),
            ]);
            const ownSnapshot = new Set([...own, ...Object.keys(keyValueMap(c.snapshot_tags, c.snapshot_tag))]);
            const strip = (keep) => [amazon_tags/* RUN_ID_TAG */.D$, amazon_tags/* BUILD_TAG */.cJ].filter((k) => !keep.has(k)).map((Key) => ({ Key }));
            for (const [region, ami] of sortedEntries(state.amis)) {
                const ec2 = ctx.session.ec2(region);
                const jobs = [
                    { Resources: [ami], Tags: strip(own) },
                    { Resources: state.snapshots[region] ?? [], Tags: strip(ownSnapshot) },
                ];
                for (const input of jobs) {
                    if (input.Resources.length === 0 || input.Tags.length === 0)
                        continue;
                    try {
                        await ec2.send(new dist_cjs/* DeleteTagsCommand */.MVD(input), { abortSignal: signal });
                    }
                    catch (error) {
                        if (signal.aborted)
                            throw error;
                        throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Error removing Kiln's run tags from ${input.Resources.join(', ')}: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`, error);
                    }
                }
            }
            return 'continue';
        },
    };
}

;// CONCATENATED MODULE: ./build/components/builders/amazon-ebs/steps/deregister-ami.js




/*
 * StepDeregisterAMI: with force_deregister, removes our AMIs named ami_name
 * in the build region and every ami_regions entry (and their snapshots with
 * force_delete_snapshot).
 */
function stepDeregisterAmi(ctx) {
    const { config: c, builder } = ctx;
    return {
        name: 'StepDeregisterAMI',
        async run(_state, signal) {
            if (!c.force_deregister)
                return 'continue';
            const name = c.ami_name ?? '';
            for (const region of [...(c.ami_regions ?? []), ctx.session.region]) {
                const ec2 = ctx.session.ec2(region);
                const fail = (what, error) => signal.aborted ? error : (0,amazon_ebs_state/* stepError */.hH)(ctx, `${what}: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`, error);
                let images;
                try {
                    const input = { Owners: ['self'], Filters: [{ Name: 'name', Values: [name] }] };
                    images = (await ec2.send(new dist_cjs/* DescribeImagesCommand */.ji5(input), { abortSignal: signal })).Images ?? [];
                }
                catch (error) {
                    throw fail('Error describing AMI', error);
                }
                for (const image of images) {
                    try {
                        await ec2.send(new dist_cjs/* DeregisterImageCommand */.x2c({ ImageId: image.ImageId }), { abortSignal: signal });
                    }
                    catch (error) {
                        throw fail('Error deregistering existing AMI', error);
                    }
                    builder.ui.say(`Deregistered AMI ${name}, id: ${image.ImageId ?? ''}`);
                    if (!c.force_delete_snapshot)
                        continue;
                    for (const snapshot of snapshotIds(image)) {
                        try {
                            await ec2.send(new dist_cjs/* DeleteSnapshotCommand */.tZN({ SnapshotId: snapshot }), { abortSignal: signal });
                        }
                        catch (error) {
                            throw fail('Error deleting existing snapshot', error);
                        }
                        builder.ui.say(`Deleted snapshot: ${snapshot}`);
                    }
                }
            }
            return 'continue';
        },
    };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./build/template/gotemplate/packer-funcs.js
var packer_funcs = __webpack_require__(1990);
;// CONCATENATED MODULE: ./build/components/builders/amazon-ebs/steps/key-pair.js








/*
 * StepKeyPair: uses ssh_private_key_file, the SSH agent, or creates the
 * temporary key pair (temporary_key_pair_name, else packer_<uuid>) of
 * temporary_key_pair_type, tagged with the run tags. Cleanup deletes it.
 * The create is not abortable: a key pair made after an abort would leak.
 */
/** The temporary key pair's name per RunConfig.Prepare, or "" when the template brings its own key. */
function temporaryKeyPairName(c) {
    if (c.temporary_key_pair_name)
        return c.temporary_key_pair_name;
    if (c.ssh_keypair_name || c.ssh_private_key_file || c.ssh_password)
        return '';
    return `packer_${(0,packer_funcs/* timeOrderedUUID */.II)()}`;
}
function stepKeyPair(ctx) {
    const { config: c, builder } = ctx;
    const ui = builder.ui;
    const tempName = temporaryKeyPairName(c);
    let created = false;
    return {
        name: 'StepKeyPair',
        async run(state) {
            if (c.ssh_private_key_file) {
                ui.say('Using existing SSH private key');
                const path = c.ssh_private_key_file.replace(/^~(?=$|\/)/, (0,external_node_os_.homedir)());
                try {
                    state.privateKey = await (0,promises_.readFile)(path, 'utf8');
                }
                catch (error) {
                    throw new Error(`Error on reading SSH private key: ${error.message}`, { cause: error });
                }
                if (c.ssh_keypair_name)
                    state.keyPairName = c.ssh_keypair_name;
                return 'continue';
            }
            if (c.ssh_agent_auth && !c.ssh_keypair_name) {
                ui.say('Using SSH Agent with key pair in Source AMI');
                return 'continue';
            }
            if (c.ssh_agent_auth && c.ssh_keypair_name) {
                ui.say(`Using SSH Agent for existing key pair ${c.ssh_keypair_name}`);
                state.keyPairName = c.ssh_keypair_name;
                return 'continue';
            }
            if (!tempName) {
                ui.say('Not using temporary keypair');
                return 'continue';
            }
            ui.say(`Creating temporary keypair: ${tempName}`);
            let tags;
            try {
                tags = runTags(ctx, state);
            }
            catch (error) {
                throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Error tagging key pair: ${error.message}`, error);
            }
            try {
                const out = await ctx.session.ec2().send(new dist_cjs/* CreateKeyPairCommand */.XdA({
                    KeyName: tempName,
                    KeyType: (c.temporary_key_pair_type || 'rsa'),
                    TagSpecifications: (0,amazon_tags/* tagSpecifications */.v7)(tags, 'key-pair'),
                }));
                created = true;
                state.keyPairName = tempName;
                state.privateKey = out.KeyMaterial ?? '';
            }
            catch (error) {
                throw new Error(`Error creating temporary keypair: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`, { cause: error });
            }
            return 'continue';
        },
        async cleanup() {
            if (!created)
                return;
            ui.say('Deleting temporary keypair...');
            try {
                await ctx.session.ec2().send(new dist_cjs/* DeleteKeyPairCommand */.EWB({ KeyName: tempName }));
            }
            catch {
                ui.error(`Error cleaning up keypair. Please delete the key manually: ${tempName}`);
            }
            created = false;
        },
    };
}

// EXTERNAL MODULE: ./build/components/builders/amazon-ebs/steps/filters.js
var steps_filters = __webpack_require__(5425);
;// CONCATENATED MODULE: ./build/components/builders/amazon-ebs/steps/network-info.js




/*
 * StepNetworkInfo: resolves vpc_filter to one VPC and subnet_filter to one
 * subnet (most_free or random when several match); with
 * associate_public_ip_address and no subnet, infers a subnet of the default
 * VPC; finally looks up the subnet's zone and VPC.
 */
function stepNetworkInfo(ctx) {
    const { config: c, builder } = ctx;
    const ui = builder.ui;
    return {
        name: 'StepNetworkInfo',
        async run(state, signal) {
            const ec2 = ctx.session.ec2();
            const opts = { abortSignal: signal };
            let vpcId = c.vpc_id ?? '';
            let subnetId = c.subnet_id ?? '';
            let zone = c.availability_zone ?? '';
            const fail = (message, error) => {
                if (signal.aborted)
                    return error instanceof Error ? error : new Error(String(error));
                return (0,amazon_ebs_state/* stepError */.hH)(ctx, `${message}: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`, error);
            };
            const vpcFilter = (0,steps_filters/* filterMap */.x)(c.vpc_filter);
            if (!vpcId && Object.keys(vpcFilter).length > 0) {
                const input = { Filters: (0,steps_filters/* ec2Filters */.a)(vpcFilter) };
                const vpcs = await ec2.send(new dist_cjs/* DescribeVpcsCommand */.Dti(input), opts).then((out) => out.Vpcs ?? [], (error) => Promise.reject(fail('Error querying VPCs', error)));
                if (vpcs.length !== 1) {
                    throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Exactly one VPC should match the filter, but ${vpcs.length} VPC's was found matching filters: ${JSON.stringify(input)}`);
                }
                vpcId = vpcs[0]?.VpcId ?? '';
                ui.message(`Found VPC ID: ${vpcId}`);
            }
            const subnetFilter = (0,steps_filters/* filterMap */.x)(c.subnet_filter);
            if (!subnetId && Object.keys(subnetFilter).length > 0) {
                const filters = { ...subnetFilter, state: 'available' };
                if (vpcId)
                    filters['vpc-id'] = vpcId;
                if (zone)
                    filters['availabilityZone'] = zone;
                const input = { Filters: (0,steps_filters/* ec2Filters */.a)(filters) };
                const subnets = await ec2.send(new dist_cjs/* DescribeSubnetsCommand */.jSW(input), opts).then((out) => out.Subnets ?? [], (error) => Promise.reject(fail('Error querying Subnets', error)));
                if (subnets.length === 0) {
                    throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `No Subnets was found matching filters: ${JSON.stringify(input)}`);
                }
                const { most_free: mostFree, random } = c.subnet_filter ?? {};
                if (subnets.length > 1 && !random && !mostFree) {
                    throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Your filter matched ${subnets.length} Subnets. Please try a more specific search, or set random or most_free to true.`);
                }
                const subnet = mostFree
                    ? mostFreeSubnet(subnets)
                    : random
                        ? subnets[Math.floor(Math.random() * subnets.length)]
                        : subnets[0];
                subnetId = subnet?.SubnetId ?? '';
                ui.message(`Found Subnet ID: ${subnetId}`);
            }
            if (c.associate_public_ip_address !== undefined && !subnetId) {
                try {
                    const found = await defaultVpcSubnet(ec2, ui, c.associate_public_ip_address, vpcId, c.instance_type ?? '', signal);
                    ({ subnetId, vpcId, zone } = found);
                }
                catch (error) {
                    if (signal.aborted)
                        throw error;
                    ui.say('associate_public_ip_address is set without a subnet_id.');
                    ui.say(`Packer attempted to infer a subnet from default VPC (if unspecified), but failed due to: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`);
                    ui.say('The associate_public_ip_address will be ignored for the remainder of the build, and a public IP will only be associated if the VPC chosen enables it by default.');
                }
            }
            if (subnetId && (!zone || !vpcId)) {
                const subnets = await ec2.send(new dist_cjs/* DescribeSubnetsCommand */.jSW({ SubnetIds: [subnetId] }), opts).then((out) => out.Subnets ?? [], (error) => Promise.reject(fail(`Describing the subnet: ${subnetId} returned error`, error)));
                zone ||= subnets[0]?.AvailabilityZone ?? '';
                vpcId ||= subnets[0]?.VpcId ?? '';
            }
            state.vpcId = vpcId;
            state.subnetId = subnetId;
            state.availabilityZone = zone;
            return 'continue';
        },
    };
}
/** The subnet with the most free addresses (the last of equals, as the plugin's sort leaves them). */
function mostFreeSubnet(subnets) {
    return [...subnets].sort((a, b) => (a.AvailableIpAddressCount ?? 0) - (b.AvailableIpAddressCount ?? 0)).at(-1);
}
/** GetDefaultVPCAndSubnet: the most free subnet of the (default) VPC in a zone offering the instance type. */
async function defaultVpcSubnet(ec2, ui, publicIp, vpc, instanceType, signal) {
    const opts = { abortSignal: signal };
    ui.say(`Setting public IP address to ${publicIp} on instance without a subnet ID`);
    if (!vpc) {
        ui.say('No VPC ID provided, Packer will use the default VPC');
        const filters = [{ Name: 'is-default', Values: ['true'] }];
        const vpcs = (await ec2.send(new dist_cjs/* DescribeVpcsCommand */.Dti({ Filters: filters }), opts)).Vpcs ?? [];
        if (vpcs.length !== 1)
            throw new Error('No default VPC found');
        vpc = vpcs[0]?.VpcId ?? '';
    }
    ui.say(`Inferring subnet from the selected VPC "${vpc}"`);
    const filters = (0,steps_filters/* ec2Filters */.a)({ 'vpc-id': vpc, state: 'available' });
    let subnets = (await ec2.send(new dist_cjs/* DescribeSubnetsCommand */.jSW({ Filters: filters }), opts)).Subnets ?? [];
    const zones = [...new Set(subnets.map((s) => s.AvailabilityZone ?? ''))];
    try {
        const offered = [];
        for (const zone of zones) {
            const out = await ec2.send(new dist_cjs/* DescribeInstanceTypeOfferingsCommand */.DyC({
                LocationType: 'availability-zone',
                Filters: [
                    { Name: 'location', Values: [zone] },
                    { Name: 'instance-type', Values: [instanceType] },
                ],
            }), opts);
            if ((out.InstanceTypeOfferings ?? []).some((o) => o.InstanceType === instanceType))
                offered.push(zone);
        }
        if (offered.length === 0)
            throw new Error(`no AZ match the requested machine type "${instanceType}"`);
        subnets = subnets.filter((s) => offered.includes(s.AvailabilityZone ?? ''));
    }
    catch (error) {
        if (signal.aborted)
            throw error;
        ui.say(`Failed to filter subnets/AZ for the requested machine type "${instanceType}": ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`);
        ui.say("This may result in Packer picking a subnet/AZ that can't host the requested machine type");
        ui.say('Please check that you have the permissions required to run DescribeInstanceTypeOfferings and try again.');
    }
    const subnet = mostFreeSubnet(subnets);
    if (!subnet)
        throw new Error('Failed to get subnets for the filtered AZs');
    ui.say(`Set subnet as "${subnet.SubnetId ?? ''}"`);
    return { subnetId: subnet.SubnetId ?? '', vpcId: vpc, zone: subnet.AvailabilityZone ?? '' };
}

;// CONCATENATED MODULE: ./build/components/builders/amazon-ebs/steps/pre-validate.js




/*
 * StepPreValidate: the regions exist (unless skip_region_validation), a
 * vpc_id without subnet is a default VPC, and no AMI of ours has the name yet
 * (unless force_deregister, skip_save_build_region or skip_create_ami).
 */
function stepPreValidate(ctx) {
    const { config: c, builder } = ctx;
    const ui = builder.ui;
    return {
        name: 'StepPreValidate',
        async run(_state, signal) {
            const ec2 = ctx.session.ec2();
            if (!c.skip_region_validation)
                await validateRegions(ctx, signal);
            if (c.force_deregister) {
                ui.say('Force Deregister flag found, skipping prevalidating AMI Name');
                return 'continue';
            }
            if (c.skip_save_build_region) {
                ui.say('skip_build_region was set; not prevalidating AMI name');
                return 'continue';
            }
            if (c.skip_create_ami) {
                ui.say('skip_create_ami was set; not prevalidating AMI name');
                return 'continue';
            }
            ui.say('Prevalidating any provided VPC information');
            const hasSubnetFilter = Object.keys((0,steps_filters/* filterMap */.x)(c.subnet_filter)).length > 0;
            if (c.vpc_id && !c.subnet_id && !hasSubnetFilter) {
                let isDefault;
                try {
                    const out = await ec2.send(new dist_cjs/* DescribeVpcsCommand */.Dti({ VpcIds: [c.vpc_id] }), { abortSignal: signal });
                    isDefault = out.Vpcs?.length === 1 ? out.Vpcs[0]?.IsDefault : undefined;
                }
                catch (error) {
                    if (signal.aborted)
                        throw error;
                    throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Error retrieving VPC information for vpc_id ${c.vpc_id}: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`, error);
                }
                if (isDefault === false) {
                    throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Error: subnet_id or subnet_filter must be provided for non-default VPCs (${c.vpc_id})`);
                }
            }
            const name = c.ami_name ?? '';
            ui.say(`Prevalidating AMI Name: ${name}`);
            let images;
            try {
                const input = { Owners: ['self'], Filters: [{ Name: 'name', Values: [name] }] };
                images = (await ec2.send(new dist_cjs/* DescribeImagesCommand */.ji5(input), { abortSignal: signal })).Images ?? [];
            }
            catch (error) {
                if (signal.aborted)
                    throw error;
                throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Error querying AMI: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`, error);
            }
            const existing = images[0];
            if (existing) {
                throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Error: AMI Name: '${existing.Name ?? ''}' is used by an existing AMI: ${existing.ImageId ?? ''}`);
            }
            return 'continue';
        },
    };
}
async function validateRegions(ctx, signal) {
    const wanted = [...(ctx.config.ami_regions ?? []), ctx.config.region ?? ''].filter((r) => r !== '');
    let valid;
    try {
        const out = await ctx.session.ec2().send(new dist_cjs/* DescribeRegionsCommand */.cAn({}), { abortSignal: signal });
        valid = (out.Regions ?? []).map((r) => r.RegionName ?? '');
    }
    catch (error) {
        if (signal.aborted)
            throw error;
        throw new Error(`error validating regions: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`, { cause: error });
    }
    const invalid = wanted.filter((r) => !valid.includes(r));
    if (invalid.length > 0) {
        throw new Error(`error validating regions: Invalid region(s): [${invalid.join(' ')}], available regions: [${valid.join(' ')}]`);
    }
}

;// CONCATENATED MODULE: ./build/components/builders/amazon-ebs/steps/region-copy.js




/*
 * StepAMIRegionCopy: copies the AMI to every ami_regions entry at once
 * (encrypted with encrypt_boot, kms_key_id and region_kms_key_ids), and, for
 * an intermediary AMI, into the build region too. Cleanup removes the
 * intermediary AMI; on failure or cancel it also removes the copies made.
 */
function stepRegionCopy(ctx) {
    const { config: c, builder } = ctx;
    const ui = builder.ui;
    let intermediary = '';
    const copies = new Map();
    return {
        name: 'StepAMIRegionCopy',
        async run(state, signal) {
            if (c.skip_create_ami) {
                ui.say('Skipping AMI region copy...');
                return 'continue';
            }
            const original = ctx.session.region;
            const ami = state.amis[original] ?? '';
            const regions = copyRegions(original, c.ami_regions ?? [], state.intermediary, c.skip_save_build_region === true);
            if (state.intermediary)
                intermediary = ami;
            if (c.skip_save_build_region) {
                delete state.amis[original];
                delete state.snapshots[original];
            }
            const keys = { ...c.region_kms_key_ids };
            if (c.encrypt_boot && c.kms_key_id && keys[original] === undefined)
                keys[original] = c.kms_key_id;
            if (regions.length === 0)
                return 'continue';
            ui.say(`Copying/Encrypting AMI (${ami}) to other regions...`);
            for (const region of regions)
                ui.message(`Copying to: ${region}`);
            ui.message('Waiting for all copies to complete...');
            const results = await Promise.allSettled(regions.map(async (region) => {
                const ec2 = ctx.session.ec2(region);
                const keyId = c.encrypt_boot ? (keys[region] ?? '') : '';
                let copyId;
                try {
                    // Not abortable: a copy started after an abort would leak.
                    const out = await ec2.send(new dist_cjs/* CopyImageCommand */.SDF({
                        SourceRegion: original,
                        SourceImageId: ami,
                        Name: c.ami_name ?? '',
                        ...(c.encrypt_boot !== undefined ? { Encrypted: c.encrypt_boot } : {}),
                        ...(keyId ? { KmsKeyId: keyId } : {}),
                        CopyImageTags: true,
                        TagSpecifications: (0,amazon_tags/* tagSpecifications */.v7)((0,amazon_tags/* withRunTags */.Xk)([], builder.runUuid, builder.build), 'image', 'snapshot'),
                        ...(c.snapshot_copy_duration_minutes
                            ? { SnapshotCopyCompletionDurationMinutes: c.snapshot_copy_duration_minutes }
                            : {}),
                    }));
                    copyId = out.ImageId ?? '';
                }
                catch (error) {
                    const inner = `Error Copying AMI (${ami}) to region (${region}): ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`;
                    throw new Error(`Error copying AMI (${ami}) to region (${region}): ${inner}`, { cause: error });
                }
                copies.set(region, copyId);
                let image;
                try {
                    image = await waitForAmi(ec2, copyId, c.aws_polling, signal);
                }
                catch (error) {
                    if (signal.aborted)
                        throw error;
                    const message = `Error waiting for AMI (${ami}) in region (${region}): ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`;
                    throw new Error(message, { cause: error });
                }
                state.amis[region] = copyId;
                state.snapshots[region] = snapshotIds(image);
            }));
            const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
            if (signal.aborted)
                throw errors[0] ?? new Error('context canceled');
            if (errors.length > 0) {
                const message = multiErrorText(errors);
                ui.error(message);
                throw new Error(message, { cause: errors[0] });
            }
            return 'continue';
        },
        async cleanup(state) {
            if (state.failed || builder.signal.aborted) {
                for (const [region, id] of copies)
                    await destroyQuietly(ctx, region, id);
            }
            copies.clear();
            if (!intermediary)
                return;
            ui.say('Deregistering the AMI and deleting unencrypted temporary AMIs and snapshots');
            await destroyQuietly(ctx, ctx.session.region, intermediary);
            intermediary = '';
        },
    };
}
/** DeduplicateRegions: the copy targets; the build region only for an intermediary AMI that is kept there. */
function copyRegions(original, regions, intermediary, skipBuildRegion) {
    const set = new Set([original, ...regions]);
    if (!intermediary || skipBuildRegion)
        set.delete(original);
    return [...set];
}
async function destroyQuietly(ctx, region, id) {
    try {
        await destroyAmis(ctx.session.ec2(region), [id], undefined, NEW_AMI_VISIBLE_MS);
    }
    catch (error) {
        ctx.builder.ui.error((0,amazon_errors/* awsErrorMessage */.X_)(error));
    }
}
/** packersdk.MultiError's text. */
function multiErrorText(errors) {
    const lines = errors.map((e) => `* ${e.message}`).join('\n');
    return `${errors.length} error(s) occurred:\n\n${lines}`;
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./build/components/builders/amazon-ebs/steps/instance-waits.js


/* The instance waiters the plugin takes from the SDK (InstanceRunning, InstanceStopped, InstanceTerminated). */
const DEFAULT_WAIT_MS = 10 * 60 * 1000;
/** States after which the target can no longer be reached. */
const FAILURES = {
    running: ['shutting-down', 'terminated', 'stopping'],
    stopped: ['pending', 'terminated'],
    terminated: ['pending', 'stopping'],
};
function waitForInstance(ec2, instanceId, target, polling, signal) {
    const bounds = waitBounds(polling, DEFAULT_WAIT_MS);
    return waitFor({
        what: `instance ${instanceId} to become ${target}`,
        signal,
        ...bounds,
        // A new instance may not be visible to Describe* yet; a terminated one may already be gone.
        retryCodes: target === 'terminated' ? [] : ['InvalidInstanceID.NotFound'],
        check: async () => {
            const out = await ec2.send(new dist_cjs/* DescribeInstancesCommand */.bNs({ InstanceIds: [instanceId] }), { abortSignal: signal });
            const instance = out.Reservations?.[0]?.Instances?.[0];
            if (!instance) {
                return target === 'terminated' ? { done: true, value: {} } : { done: false, seen: 'instance not listed' };
            }
            const state = instance.State?.Name ?? '';
            if (state === target)
                return { done: true, value: instance };
            if (FAILURES[target].includes(state)) {
                throw new Error(`instance ${instanceId} is ${state}, so it will not become ${target}`);
            }
            return { done: false, seen: `state ${state}` };
        },
    });
}

;// CONCATENATED MODULE: ./build/components/builders/amazon-ebs/steps/instance-options.js
/*
 * The instance settings RunInstances and the spot launch template share
 * (the plugin sets them the same way in both): the burstable CPU credit mode
 * and the instance metadata options.
 */
function creditAndMetadataOptions(c) {
    const type = c.instance_type ?? '';
    const metadata = c.metadata_options;
    const credits = c.enable_unlimited_credits || c.enable_t2_unlimited
        ? { CreditSpecification: { CpuCredits: 'unlimited' } }
        : /^t(2|3a?|4g)\./.test(type)
            ? { CreditSpecification: { CpuCredits: 'standard' } }
            : {};
    if ((metadata?.http_endpoint || 'enabled') !== 'enabled')
        return credits;
    return {
        ...credits,
        MetadataOptions: {
            HttpEndpoint: 'enabled',
            HttpTokens: (metadata?.http_tokens || 'optional'),
            HttpPutResponseHopLimit: metadata?.http_put_response_hop_limit || 1,
            ...(metadata?.instance_metadata_tags === 'enabled' ? { InstanceMetadataTags: 'enabled' } : {}),
        },
    };
}

;// CONCATENATED MODULE: ./build/components/builders/amazon-ebs/steps/run-instance.js











/*
 * StepRunSourceInstance: launches the build instance from the source AMI
 * with the run tags on the instance, its network interface and (with
 * run_volume_tags) its volumes, then waits for it to run. RunInstances itself
 * is not abortable, so an instance AWS created is always known to cleanup,
 * which terminates it and waits until it is gone.
 */
const PROFILE_RETRIES = 11;
function stepRunInstance(ctx) {
    const { config: c, builder } = ctx;
    const ui = builder.ui;
    let instanceId = '';
    return {
        name: 'StepRunSourceInstance',
        async run(state, signal) {
            const ec2 = ctx.session.ec2();
            let userData = c.user_data ?? '';
            if (c.user_data_file) {
                try {
                    userData = await (0,promises_.readFile)(external_node_path_.resolve(builder.cwd, c.user_data_file), 'utf8');
                }
                catch (error) {
                    throw new Error(`Problem reading user data file: ${error.message}`, { cause: error });
                }
            }
            if (!isBase64(userData))
                userData = Buffer.from(userData).toString('base64');
            ui.say('Launching a source AWS instance...');
            const image = state.sourceImage;
            if (!image)
                throw new Error('source_image type assertion failed');
            if (image.RootDeviceType !== 'ebs') {
                throw new Error(`The provided source AMI has an invalid root device type.\nExpected 'ebs', got '${image.RootDeviceType ?? ''}'.`);
            }
            let instanceTags;
            let volumeTags;
            try {
                instanceTags = runTags(ctx, state);
            }
            catch (error) {
                throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Error tagging source instance: ${error.message}`, error);
            }
            try {
                const userVolumeTags = keyValueMap(c.run_volume_tags, c.run_volume_tag);
                const rendered = (0,amazon_tags/* renderTags */.Ep)(userVolumeTags, (0,amazon_ebs_state/* currentBuildInfo */.Ik)(ctx, state), ctx.scope);
                volumeTags = (0,amazon_tags/* withRunTags */.Xk)(rendered, builder.runUuid, builder.build);
            }
            catch (error) {
                throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Error tagging volumes: ${error.message}`, error);
            }
            const input = runInstancesInput(ctx, state, userData, instanceTags, volumeTags);
            (0,amazon_tags/* reportTags */.aF)(ui, instanceTags);
            (0,amazon_tags/* reportTags */.aF)(ui, volumeTags);
            if (state.subnetId && c.associate_public_ip_address !== undefined) {
                ui.say(`changing public IP address config to ${c.associate_public_ip_address} for instance on subnet "${state.subnetId}"`);
            }
            for (let attempt = 1;; attempt++) {
                try {
                    const out = await ec2.send(new dist_cjs/* RunInstancesCommand */.zq7(input));
                    instanceId = out.Instances?.[0]?.InstanceId ?? '';
                    break;
                }
                catch (error) {
                    // A new instance profile takes a while to be usable (IAM eventual consistency).
                    const retry = (0,amazon_errors/* awsErrorMatches */.Pn)(error, 'InvalidParameterValue', 'iamInstanceProfile');
                    if (retry && attempt < PROFILE_RETRIES && !signal.aborted) {
                        await (0,provision_hook/* abortableDelay */.s)(Math.min(200 * attempt, 30_000), signal);
                        continue;
                    }
                    if (!state.subnetId && (0,amazon_errors/* awsErrorMatches */.Pn)(error, 'VPCIdNotSpecified', 'No default VPC for this user')) {
                        throw (0,amazon_ebs_state/* stepError */.hH)(ctx, 'Error launching source instance: a valid Subnet Id was not specified', error);
                    }
                    throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Error launching source instance: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`, error);
                }
            }
            ui.message(`Instance ID: ${instanceId}`);
            ui.say(`Waiting for instance (${instanceId}) to become ready...`);
            try {
                state.instance = await waitForInstance(ec2, instanceId, 'running', c.aws_polling, signal);
            }
            catch (error) {
                if (signal.aborted)
                    throw error;
                const message = `Error waiting for instance (${instanceId}) to become ready: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`;
                ui.error(message);
                await reportStateReason(ctx, instanceId);
                throw new Error(message, { cause: error });
            }
            if (c.packer_debug)
                debugAddresses(ctx, state);
            return 'continue';
        },
        async cleanup(state) {
            if (!instanceId)
                return;
            const ec2 = ctx.session.ec2();
            ui.say('Terminating the source AWS instance...');
            try {
                await ec2.send(new dist_cjs/* TerminateInstancesCommand */.NaF({ InstanceIds: [instanceId] }));
            }
            catch (error) {
                ui.error(`Error terminating instance, may still be around: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`);
                return;
            }
            try {
                await waitForInstance(ec2, instanceId, 'terminated', c.aws_polling, new AbortController().signal);
            }
            catch (error) {
                ui.error((0,amazon_errors/* awsErrorMessage */.X_)(error));
            }
            instanceId = '';
            state.instance = undefined;
        },
    };
}
/** The RunInstances request of the plugin, from the config and what earlier steps found. */
function runInstancesInput(ctx, state, userData, instanceTags, volumeTags) {
    const c = ctx.config;
    const type = c.instance_type ?? '';
    const tenancy = c.placement?.tenancy || c.tenancy || '';
    const publicIp = c.associate_public_ip_address;
    const network = state.subnetId && publicIp !== undefined
        ? {
            NetworkInterfaces: [
                {
                    DeviceIndex: 0,
                    AssociatePublicIpAddress: publicIp,
                    SubnetId: state.subnetId,
                    Groups: [...state.securityGroupIds],
                    DeleteOnTermination: true,
                },
            ],
        }
        : { ...(state.subnetId ? { SubnetId: state.subnetId } : {}), SecurityGroupIds: [...state.securityGroupIds] };
    const reservation = c.capacity_reservation_id || c.capacity_reservation_group_arn;
    const blockDevices = ec2BlockDeviceMappings(c.launch_block_device_mappings);
    if (c.no_ephemeral) {
        for (const letter of 'abcdefghijklmnopqrstuvwxyz')
            blockDevices.push({ DeviceName: `xvdc${letter}`, NoDevice: '' });
    }
    return {
        ImageId: state.sourceImage?.ImageId ?? '',
        InstanceType: type,
        ...(userData ? { UserData: userData } : {}),
        MaxCount: 1,
        MinCount: 1,
        ...(c.iam_instance_profile ? { IamInstanceProfile: { Name: c.iam_instance_profile } } : {}),
        ...(blockDevices.length > 0 ? { BlockDeviceMappings: blockDevices } : {}),
        Placement: {
            ...(state.availabilityZone ? { AvailabilityZone: state.availabilityZone } : {}),
            ...(c.placement?.host_resource_group_arn ? { HostResourceGroupArn: c.placement.host_resource_group_arn } : {}),
            ...(c.placement?.host_id ? { HostId: c.placement.host_id } : {}),
            ...(tenancy ? { Tenancy: tenancy } : {}),
        },
        EbsOptimized: c.ebs_optimized ?? false,
        EnclaveOptions: { Enabled: c.enable_nitro_enclave ?? false },
        ...creditAndMetadataOptions(c),
        TagSpecifications: [
            ...(0,amazon_tags/* tagSpecifications */.v7)(instanceTags, 'instance', 'network-interface'),
            ...(0,amazon_tags/* tagSpecifications */.v7)(volumeTags, 'volume'),
        ],
        ...(state.keyPairName ? { KeyName: state.keyPairName } : {}),
        ...network,
        InstanceInitiatedShutdownBehavior: (c.shutdown_behavior || 'stop'),
        ...(c.license_specifications.length > 0
            ? {
                LicenseSpecifications: c.license_specifications.map((l) => ({
                    LicenseConfigurationArn: l.license_configuration_request?.license_configuration_arn ?? '',
                })),
            }
            : {}),
        ...(c.capacity_reservation_preference || reservation
            ? {
                CapacityReservationSpecification: {
                    ...(c.capacity_reservation_preference
                        ? { CapacityReservationPreference: c.capacity_reservation_preference }
                        : {}),
                    ...(reservation
                        ? {
                            CapacityReservationTarget: {
                                ...(c.capacity_reservation_id ? { CapacityReservationId: c.capacity_reservation_id } : {}),
                                ...(c.capacity_reservation_group_arn
                                    ? { CapacityReservationResourceGroupArn: c.capacity_reservation_group_arn }
                                    : {}),
                            },
                        }
                        : {}),
                },
            }
            : {}),
    };
}
/** Go's base64.StdEncoding.DecodeString succeeds: the plugin then sends the user data as it is. */
function isBase64(text) {
    return text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text);
}
async function reportStateReason(ctx, instanceId) {
    try {
        const out = await ctx.session.ec2().send(new dist_cjs/* DescribeInstancesCommand */.bNs({ InstanceIds: [instanceId] }));
        const instance = out.Reservations?.[0]?.Instances?.[0];
        if (instance?.StateTransitionReason && instance.StateReason?.Message) {
            ctx.builder.ui.error(`Instance state change details: ${instance.StateTransitionReason}: ${instance.StateReason.Message}`);
        }
    }
    catch {
        // Only extra detail for an error already reported.
    }
}
function debugAddresses(ctx, state) {
    const i = state.instance;
    if (i?.PublicDnsName)
        ctx.builder.ui.message(`Public DNS: ${i.PublicDnsName}`);
    if (i?.PublicIpAddress)
        ctx.builder.ui.message(`Public IP: ${i.PublicIpAddress}`);
    if (i?.PrivateIpAddress)
        ctx.builder.ui.message(`Private IP: ${i.PrivateIpAddress}`);
}

;// CONCATENATED MODULE: ./build/components/builders/amazon-ebs/steps/run-spot-instance.js













/*
 * StepRunSpotInstance: a launch template holding the instance settings and an
 * `instant` EC2 fleet of one spot instance made from it. The run tags go on
 * the instance, its interface and volumes through the template; the template
 * itself carries spot_tags and Kiln's run tags so a sweep finds it. Neither
 * create call is abortable, so cleanup always knows what AWS made: it
 * terminates the instance and deletes the template.
 */
const FLEET_TRIES = 11;
const run_spot_instance_ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function stepRunSpotInstance(ctx) {
    const { config: c, builder } = ctx;
    const ui = builder.ui;
    let instanceId = '';
    let templateName = '';
    return {
        name: 'StepRunSpotInstance',
        async run(state, signal) {
            const ec2 = ctx.session.ec2();
            ui.say('Launching a spot AWS instance...');
            const image = state.sourceImage;
            if (!image)
                throw new Error('source_image type assertion failed');
            if (image.RootDeviceType !== 'ebs') {
                throw new Error(`The provided source AMI has an invalid root device type.\nExpected 'ebs', got '${image.RootDeviceType ?? ''}'.`);
            }
            ui.say('Interpolating tags for spot instance...');
            const tags = spotTags(ctx, state);
            (0,amazon_tags/* reportTags */.aF)(ui, tags.instance);
            (0,amazon_tags/* reportTags */.aF)(ui, tags.volume);
            ui.message('Loading User Data File...');
            const userData = await loadUserData(ctx);
            const name = `packer-fleet-launch-template-${randomAlphaNum(7)}`;
            ui.message('Creating Spot Fleet launch template...');
            const templateInput = launchTemplateInput(ctx, state, name, userData, tags);
            if (state.subnetId && c.associate_public_ip_address !== undefined) {
                ui.say(`changing public IP address config to ${c.associate_public_ip_address} for instance on subnet "${state.subnetId}"`);
            }
            try {
                const out = await ec2.send(new dist_cjs/* CreateLaunchTemplateCommand */.xMu(templateInput));
                templateName = name;
                ui.message(`Created Spot Fleet launch template: ${out.LaunchTemplate?.LaunchTemplateId ?? ''}`);
            }
            catch (error) {
                throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Error creating launch template for spot instance: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`, error);
            }
            const fleetInput = createFleetInput(ctx, name, tags.fleet);
            (0,amazon_tags/* reportTags */.aF)(ui, tags.fleet);
            instanceId = await createFleet(ctx, fleetInput, signal);
            ui.message(`Instance ID: ${instanceId}`);
            ui.say(`Waiting for instance (${instanceId}) to become ready...`);
            try {
                state.instance = await waitForInstance(ec2, instanceId, 'running', c.aws_polling, signal);
            }
            catch (error) {
                if (signal.aborted)
                    throw error;
                throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Error waiting for instance (${instanceId}) to become ready: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`, error);
            }
            const request = state.instance.SpotInstanceRequestId;
            if (request && (c.spot_tags !== undefined || c.spot_tag.length > 0)) {
                (0,amazon_tags/* reportTags */.aF)(ui, tags.spot);
                try {
                    await ec2.send(new dist_cjs/* CreateTagsCommand */.RmG({ Resources: [request], Tags: tags.spot }));
                }
                catch (error) {
                    throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Error tagging spot request: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`, error);
                }
            }
            if (c.packer_debug) {
                const i = state.instance;
                if (i.PublicDnsName)
                    ui.message(`Public DNS: ${i.PublicDnsName}`);
                if (i.PublicIpAddress)
                    ui.message(`Public IP: ${i.PublicIpAddress}`);
                if (i.PrivateIpAddress)
                    ui.message(`Private IP: ${i.PrivateIpAddress}`);
            }
            return 'continue';
        },
        async cleanup(state) {
            const ec2 = ctx.session.ec2();
            if (instanceId) {
                ui.say('Terminating the source AWS instance...');
                try {
                    await ec2.send(new dist_cjs/* TerminateInstancesCommand */.NaF({ InstanceIds: [instanceId] }));
                    await waitForInstance(ec2, instanceId, 'terminated', c.aws_polling, new AbortController().signal);
                    instanceId = '';
                    state.instance = undefined;
                }
                catch (error) {
                    ui.error(`Error terminating instance, may still be around: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`);
                }
            }
            // Unlike the plugin, the template goes even when the instance would not: it holds nothing up.
            if (!templateName)
                return;
            try {
                await ec2.send(new dist_cjs/* DeleteLaunchTemplateCommand */.s9K({ LaunchTemplateName: templateName }));
                templateName = '';
            }
            catch (error) {
                ui.error((0,amazon_errors/* awsErrorMessage */.X_)(error));
            }
        },
    };
}
/** The tags of the spot launch, rendered with the build info so far. */
function spotTags(ctx, state) {
    const c = ctx.config;
    const { runUuid, build } = ctx.builder;
    const render = (what, map) => {
        try {
            return (0,amazon_tags/* renderTags */.Ep)(map, (0,amazon_ebs_state/* currentBuildInfo */.Ik)(ctx, state), ctx.scope);
        }
        catch (error) {
            throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Error generating ${what}: ${error.message}`, error);
        }
    };
    let instance;
    try {
        instance = runTags(ctx, state);
    }
    catch (error) {
        throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Error generating tags for source instance: ${error.message}`, error);
    }
    return {
        instance,
        volume: (0,amazon_tags/* withRunTags */.Xk)(render('volume tags', keyValueMap(c.run_volume_tags, c.run_volume_tag)), runUuid, build),
        spot: (0,amazon_tags/* withRunTags */.Xk)(render('tags for spot request', keyValueMap(c.spot_tags, c.spot_tag)), runUuid, build),
        fleet: render('fleet tags', keyValueMap(c.fleet_tags, c.fleet_tag)),
    };
}
async function loadUserData(ctx) {
    const c = ctx.config;
    let userData = c.user_data ?? '';
    if (c.user_data_file) {
        try {
            userData = await (0,promises_.readFile)(external_node_path_.resolve(ctx.builder.cwd, c.user_data_file), 'utf8');
        }
        catch (error) {
            throw new Error(`Problem reading user data file: ${error.message}`, { cause: error });
        }
    }
    return isBase64(userData) ? userData : Buffer.from(userData).toString('base64');
}
/** The plugin's CreateTemplateData plus the template's name and tags. */
function launchTemplateInput(ctx, state, name, userData, tags) {
    const c = ctx.config;
    const type = c.instance_type ?? '';
    const network = state.subnetId
        ? {
            NetworkInterfaces: [
                {
                    Groups: [...state.securityGroupIds],
                    DeleteOnTermination: true,
                    DeviceIndex: 0,
                    SubnetId: state.subnetId,
                    ...(c.associate_public_ip_address !== undefined
                        ? { AssociatePublicIpAddress: c.associate_public_ip_address }
                        : {}),
                },
            ],
        }
        : { SecurityGroupIds: [...state.securityGroupIds] };
    const spotOptions = {
        ...(c.spot_price !== 'auto' ? { MaxPrice: c.spot_price } : {}),
        ...(c.block_duration_minutes ? { BlockDurationMinutes: c.block_duration_minutes } : {}),
    };
    const data = {
        BlockDeviceMappings: launchBlockDevices(ctx),
        DisableApiTermination: false,
        EbsOptimized: c.ebs_optimized ?? false,
        ...(c.iam_instance_profile ? { IamInstanceProfile: { Name: c.iam_instance_profile } } : {}),
        ImageId: state.sourceImage?.ImageId ?? '',
        InstanceMarketOptions: { MarketType: 'spot', SpotOptions: spotOptions },
        Placement: state.availabilityZone ? { AvailabilityZone: state.availabilityZone } : {},
        UserData: userData,
        ...network,
        ...creditAndMetadataOptions(c),
        ...(type ? { InstanceType: type } : {}),
        ...(state.keyPairName ? { KeyName: state.keyPairName } : {}),
        TagSpecifications: [
            ...(0,amazon_tags/* tagSpecifications */.v7)(tags.instance, 'instance', 'network-interface'),
            ...(0,amazon_tags/* tagSpecifications */.v7)(tags.volume, 'volume'),
        ],
    };
    return {
        LaunchTemplateData: data,
        LaunchTemplateName: name,
        VersionDescription: 'template generated by packer for launching spot instances',
        TagSpecifications: (0,amazon_tags/* tagSpecifications */.v7)(tags.spot, 'launch-template'),
    };
}
/** launch_block_device_mappings (and no_ephemeral's empty xvdca-xvdcz) as launch template mappings. */
function launchBlockDevices(ctx) {
    const out = ec2BlockDeviceMappings(ctx.config.launch_block_device_mappings).map(({ DeviceName, VirtualName, Ebs }) => ({
        DeviceName,
        ...(VirtualName ? { VirtualName } : {}),
        ...(Ebs
            ? {
                Ebs: {
                    DeleteOnTermination: Ebs.DeleteOnTermination,
                    Encrypted: Ebs.Encrypted,
                    Iops: Ebs.Iops,
                    KmsKeyId: Ebs.KmsKeyId,
                    SnapshotId: Ebs.SnapshotId,
                    Throughput: Ebs.Throughput,
                    VolumeSize: Ebs.VolumeSize,
                    VolumeType: Ebs.VolumeType,
                },
            }
            : {}),
    }));
    if (ctx.config.no_ephemeral) {
        for (const letter of 'abcdefghijklmnopqrstuvwxyz')
            out.push({ DeviceName: `xvdc${letter}`, NoDevice: '' });
    }
    return out;
}
/** One spot instance from the template, any of spot_instance_types acceptable. */
function createFleetInput(ctx, templateName, fleetTags) {
    const c = ctx.config;
    const types = c.spot_instance_types ?? [];
    return {
        LaunchTemplateConfigs: [
            {
                LaunchTemplateSpecification: { LaunchTemplateName: templateName, Version: '1' },
                ...(types.length > 0
                    ? { Overrides: types.map((t) => ({ InstanceType: t })) }
                    : {}),
            },
        ],
        ReplaceUnhealthyInstances: false,
        TargetCapacitySpecification: { TotalTargetCapacity: 1, DefaultTargetCapacityType: 'spot' },
        Type: 'instant',
        ...(c.spot_allocation_strategy
            ? { SpotOptions: { AllocationStrategy: c.spot_allocation_strategy } }
            : {}),
        ...(fleetTags.length > 0 ? { TagSpecifications: (0,amazon_tags/* tagSpecifications */.v7)(fleetTags, 'fleet') } : {}),
    };
}
/**
 * CreateFleet until an instance comes: a new instance profile takes a while to be
 * usable, and spot capacity may be short for a while. Errors for some pools do
 * not matter once an instance runs.
 */
async function createFleet(ctx, input, signal) {
    const ec2 = ctx.session.ec2();
    for (let attempt = 1;; attempt++) {
        let out;
        try {
            out = await ec2.send(new dist_cjs/* CreateFleetCommand */.igL(input));
        }
        catch (error) {
            if ((0,amazon_errors/* awsErrorMessage */.X_)(error).includes('Invalid IAM Instance Profile name') && attempt < FLEET_TRIES) {
                await (0,provision_hook/* abortableDelay */.s)(Math.min(500 * attempt, 30_000), signal);
                continue;
            }
            throw (0,amazon_ebs_state/* stepError */.hH)(ctx, (0,amazon_errors/* awsErrorMessage */.X_)(error), error);
        }
        const id = out.Instances?.[0]?.InstanceIds?.[0];
        if (id)
            return id;
        const errors = out.Errors ?? [];
        if (errors.some((e) => e.ErrorCode === 'InsufficientInstanceCapacity') && attempt < FLEET_TRIES) {
            await (0,provision_hook/* abortableDelay */.s)(Math.min(500 * attempt, 30_000), signal);
            continue;
        }
        const fleet = out.FleetId ?? '';
        const message = errors.length > 0
            ? `Error waiting for fleet request (${fleet}) to become ready:${errors.map((e) => e.ErrorMessage ?? '').join('')}`
            : `Error waiting for fleet request (${fleet}): no instance was launched`;
        throw (0,amazon_ebs_state/* stepError */.hH)(ctx, message);
    }
}
function randomAlphaNum(length) {
    return Array.from({ length }, () => run_spot_instance_ALPHANUMERIC[(0,external_node_crypto_.randomInt)(run_spot_instance_ALPHANUMERIC.length)]).join('');
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./build/components/builders/amazon-ebs/steps/security-group.js










/*
 * StepSecurityGroup: uses security_group_id(s) or security_group_filter, else
 * creates a temporary group in the VPC, tagged with the run tags, that lets
 * the communicator port in from temporary_security_group_source_cidrs (or this
 * host's public IP; default 0.0.0.0/0). Cleanup deletes it, retrying while
 * the terminating instance still holds it.
 */
const DELETE_ATTEMPTS = 5;
function stepSecurityGroup(ctx, checkPublicIp = defaultCheckPublicIp) {
    const { config: c, builder } = ctx;
    const ui = builder.ui;
    let createdGroupId = '';
    return {
        name: 'StepSecurityGroup',
        async run(state, signal) {
            const ec2 = ctx.session.ec2();
            const ids = c.security_group_ids?.length
                ? c.security_group_ids
                : c.security_group_id
                    ? [c.security_group_id]
                    : [];
            if (ids.length > 0) {
                try {
                    await ec2.send(new dist_cjs/* DescribeSecurityGroupsCommand */.jsQ({ GroupIds: ids }), { abortSignal: signal });
                }
                catch (error) {
                    if (signal.aborted)
                        throw error;
                    throw new Error(`Couldn't find specified security group: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`, { cause: error });
                }
                state.securityGroupIds = [...ids];
                return 'continue';
            }
            const filter = (0,steps_filters/* filterMap */.x)(c.security_group_filter);
            if (Object.keys(filter).length > 0) {
                if (state.vpcId)
                    filter['vpc-id'] = state.vpcId;
                let groups;
                try {
                    const input = { Filters: (0,steps_filters/* ec2Filters */.a)(filter) };
                    groups = (await ec2.send(new dist_cjs/* DescribeSecurityGroupsCommand */.jsQ(input), { abortSignal: signal })).SecurityGroups;
                }
                catch (error) {
                    if (signal.aborted)
                        throw error;
                    throw new Error(`Couldn't find security groups for filter: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`, { cause: error });
                }
                state.securityGroupIds = (groups ?? []).map((g) => g.GroupId ?? '');
                ui.message(`Found Security Group(s): ${state.securityGroupIds.join(', ')}`);
                return 'continue';
            }
            const groupName = `packer_${(0,packer_funcs/* timeOrderedUUID */.II)()}`;
            ui.say(`Creating temporary security group for this instance: ${groupName}`);
            let tags;
            try {
                tags = runTags(ctx, state);
            }
            catch (error) {
                throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Error tagging security group: ${error.message}`, error);
            }
            try {
                // Not abortable: a group created after an abort would leak.
                const out = await ec2.send(new dist_cjs/* CreateSecurityGroupCommand */.x3C({
                    GroupName: groupName,
                    Description: 'Temporary group for Packer',
                    TagSpecifications: (0,amazon_tags/* tagSpecifications */.v7)(tags, 'security-group'),
                    ...(state.vpcId ? { VpcId: state.vpcId } : {}),
                }));
                createdGroupId = out.GroupId ?? '';
            }
            catch (error) {
                throw (0,amazon_ebs_state/* stepError */.hH)(ctx, (0,amazon_errors/* awsErrorMessage */.X_)(error), error);
            }
            const groupId = createdGroupId;
            try {
                await waitFor({
                    what: `security group ${groupId} to exist`,
                    signal,
                    timeoutMs: 200_000,
                    retryCodes: ['InvalidGroup.NotFound', 'InvalidSecurityGroupID.NotFound'],
                    check: async () => {
                        const out = await ec2.send(new dist_cjs/* DescribeSecurityGroupsCommand */.jsQ({ GroupIds: [groupId] }), {
                            abortSignal: signal,
                        });
                        return (out.SecurityGroups ?? []).length > 0
                            ? { done: true, value: undefined }
                            : { done: false, seen: 'no group' };
                    },
                });
            }
            catch (error) {
                if (signal.aborted)
                    throw error;
                throw new Error(`Timed out waiting for security group ${groupId}: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`, { cause: error });
            }
            let cidrs = c.temporary_security_group_source_cidrs ?? [];
            if (cidrs.length > 0 && c.temporary_security_group_source_public_ip) {
                ui.say('Using temporary_security_group_source_public_ip with temporary_security_group_source_cidrs is unsupported, ignoring temporary_security_group_source_public_ip.');
            }
            if (cidrs.length === 0 && c.temporary_security_group_source_public_ip) {
                ui.say("Checking current host's public IP...");
                let ip;
                try {
                    ip = await checkPublicIp(signal);
                }
                catch (error) {
                    if (signal.aborted)
                        throw error;
                    throw (0,amazon_ebs_state/* stepError */.hH)(ctx, error.message, error);
                }
                if (ip === '0.0.0.0' || ip === '::')
                    throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Current host's public IP is unspecified: ${ip}`);
                ui.say(`Current host's public IP: ${ip}`);
                cidrs = [`${ip}/${(0,external_node_net_.isIPv4)(ip) ? 32 : 128}`];
            }
            if (cidrs.length === 0)
                cidrs = ['0.0.0.0/0'];
            state.securityGroupIds = [groupId];
            if (c.ssh_interface === 'session_manager')
                return 'continue';
            const port = communicatorPort(c);
            ui.say(`Authorizing access to port ${port} from [${cidrs.join(' ')}] in the temporary security groups...`);
            try {
                await ec2.send(new dist_cjs/* AuthorizeSecurityGroupIngressCommand */.N8i({
                    GroupId: groupId,
                    IpPermissions: [
                        {
                            FromPort: port,
                            ToPort: port,
                            IpProtocol: 'tcp',
                            IpRanges: cidrs.filter((r) => (0,external_node_net_.isIPv4)(r.split('/')[0] ?? '')).map((CidrIp) => ({ CidrIp })),
                            Ipv6Ranges: cidrs.filter((r) => !(0,external_node_net_.isIPv4)(r.split('/')[0] ?? '')).map((CidrIpv6) => ({ CidrIpv6 })),
                        },
                    ],
                }), { abortSignal: signal });
            }
            catch (error) {
                if (signal.aborted)
                    throw error;
                throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Error authorizing temporary security group: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`, error);
            }
            return 'continue';
        },
        async cleanup() {
            if (!createdGroupId)
                return;
            ui.say('Deleting temporary security group...');
            const never = new AbortController().signal;
            let lastError;
            for (let attempt = 0; attempt < DELETE_ATTEMPTS; attempt++) {
                try {
                    await ctx.session.ec2().send(new dist_cjs/* DeleteSecurityGroupCommand */.yEh({ GroupId: createdGroupId }));
                    createdGroupId = '';
                    return;
                }
                catch (error) {
                    lastError = error;
                    // DependencyViolation while the instance's interface goes away: wait a little longer each time.
                    if (attempt < DELETE_ATTEMPTS - 1)
                        await (0,provision_hook/* abortableDelay */.s)(500 * 2 ** attempt, never);
                }
            }
            ui.error(`Error cleaning up security group. Please delete the group manually: err: ${(0,amazon_errors/* awsErrorMessage */.X_)(lastError)}; security group ID: ${createdGroupId}`);
        },
    };
}
/** communicator.Config.Port(): the SSH or WinRM port with its default. */
function communicatorPort(c) {
    if (c.communicator === 'winrm')
        return c.winrm_port || (c.winrm_use_ssl ? 5986 : 5985);
    return c.ssh_port || 22;
}
/** CheckPublicIp: asks checkip.amazonaws.com for this host's public address. */
async function defaultCheckPublicIp(signal) {
    const response = await fetch('https://checkip.amazonaws.com', { signal });
    if (!response.ok)
        throw new Error(`Error checking public IP: ${response.status} ${response.statusText}`);
    return (await response.text()).trim();
}

// EXTERNAL MODULE: ./build/components/builders/amazon-ebs/steps/source-ami.js
var source_ami = __webpack_require__(5905);
;// CONCATENATED MODULE: ./build/components/builders/amazon-ebs/steps/ssh-host.js


/*
 * The plugin's SSHHost: ssh_host if set, else the address ssh_interface
 * names; without ssh_interface, the public IP (the private one on the last
 * try) in a VPC, else the public DNS name. The instance is described again
 * while it has no address yet.
 */
const TRIES = 2;
const RETRY_DELAY_MS = 1000;
function stepSshHost(ctx) {
    const { config: c } = ctx;
    return {
        name: 'StepSSHHost',
        async run(state, signal) {
            if (c.ssh_host) {
                state.sshHost = c.ssh_host;
                return 'continue';
            }
            for (let attempt = 0; attempt <= TRIES; attempt++) {
                const instance = state.instance ?? {};
                const host = hostOf(instance, c.ssh_interface ?? '', attempt === TRIES);
                if (host) {
                    state.sshHost = host;
                    return 'continue';
                }
                const out = await ctx.session
                    .ec2()
                    .send(new dist_cjs/* DescribeInstancesCommand */.bNs({ InstanceIds: [instance.InstanceId ?? ''] }), { abortSignal: signal });
                const described = out.Reservations?.[0]?.Instances?.[0];
                if (!described)
                    throw new Error(`instance not found: ${instance.InstanceId ?? ''}`);
                state.instance = described;
                await (0,provision_hook/* abortableDelay */.s)(RETRY_DELAY_MS, signal);
            }
            throw new Error("couldn't determine address for instance");
        },
    };
}
function hostOf(i, sshInterface, lastTry) {
    switch (sshInterface) {
        case 'public_ip':
            return i.PublicIpAddress ?? '';
        case 'private_ip':
            return i.PrivateIpAddress ?? '';
        case 'public_dns':
            return i.PublicDnsName ?? '';
        case 'private_dns':
            return i.PrivateDnsName ?? '';
        case 'ipv6':
            return i.Ipv6Address ?? '';
        case 'session_manager':
            return 'localhost';
    }
    if (i.VpcId)
        return i.PublicIpAddress || (lastTry ? i.PrivateIpAddress || '' : '');
    return i.PublicDnsName ?? '';
}

;// CONCATENATED MODULE: ./build/components/builders/amazon-ebs/steps/stop-instance.js





/*
 * StepStopEBSBackedInstance (stop unless disable_stop_instance, then wait
 * until stopped) and StepModifyEBSBackedInstance (sriov_support, ena_support).
 */
function stepStopInstance(ctx) {
    const { config: c, builder } = ctx;
    const ui = builder.ui;
    return {
        name: 'StepStopEBSBackedInstance',
        async run(state, signal) {
            const ec2 = ctx.session.ec2();
            const instanceId = state.instance?.InstanceId ?? '';
            if (!c.disable_stop_instance) {
                ui.say('Stopping the source instance...');
                try {
                    await waitFor({
                        what: `instance ${instanceId} to accept a stop`,
                        signal,
                        timeoutMs: 5 * 60_000,
                        minDelayMs: 1000,
                        retryCodes: ['InvalidInstanceID.NotFound'],
                        check: async () => {
                            ui.message('Stopping instance');
                            await ec2.send(new dist_cjs/* StopInstancesCommand */.esG({ InstanceIds: [instanceId] }), { abortSignal: signal });
                            return { done: true, value: undefined };
                        },
                    });
                }
                catch (error) {
                    if (signal.aborted)
                        throw error;
                    throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Error stopping instance: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`, error);
                }
            }
            else {
                ui.say('Automatic instance stop disabled. Please stop instance manually.');
            }
            ui.say('Waiting for the instance to stop...');
            try {
                state.instance = await waitForInstance(ec2, instanceId, 'stopped', c.aws_polling, signal);
            }
            catch (error) {
                if (signal.aborted)
                    throw error;
                throw (0,amazon_ebs_state/* stepError */.hH)(ctx, `Error waiting for instance to stop: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`, error);
            }
            return 'continue';
        },
    };
}
function stepModifyInstance(ctx) {
    const { config: c, builder } = ctx;
    return {
        name: 'StepModifyEBSBackedInstance',
        async run(state, signal) {
            const ec2 = ctx.session.ec2();
            const InstanceId = state.instance?.InstanceId ?? '';
            if (c.sriov_support) {
                builder.ui.say('Enabling Enhanced Networking (SR-IOV)...');
                try {
                    const input = { InstanceId, SriovNetSupport: { Value: 'simple' } };
                    await ec2.send(new dist_cjs/* ModifyInstanceAttributeCommand */.ho4(input), { abortSignal: signal });
                }
                catch (error) {
                    if (signal.aborted)
                        throw error;
                    const message = `Error enabling Enhanced Networking (SR-IOV) on ${InstanceId}: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`;
                    throw (0,amazon_ebs_state/* stepError */.hH)(ctx, message, error);
                }
            }
            if (c.ena_support !== undefined) {
                const prefix = c.ena_support ? 'En' : 'Dis';
                builder.ui.say(`${prefix}abling Enhanced Networking (ENA)...`);
                try {
                    const input = { InstanceId, EnaSupport: { Value: c.ena_support } };
                    await ec2.send(new dist_cjs/* ModifyInstanceAttributeCommand */.ho4(input), { abortSignal: signal });
                }
                catch (error) {
                    if (signal.aborted)
                        throw error;
                    const message = `Error ${prefix.toLowerCase()}abling Enhanced Networking (ENA) on ${InstanceId}: ${(0,amazon_errors/* awsErrorMessage */.X_)(error)}`;
                    throw (0,amazon_ebs_state/* stepError */.hH)(ctx, message, error);
                }
            }
            return 'continue';
        },
    };
}

// EXTERNAL MODULE: ./build/components/common/run-builder-steps.js + 2 modules
var run_builder_steps = __webpack_require__(2636);
;// CONCATENATED MODULE: ./build/components/builders/amazon-ebs/builder.js





















/*
 * builder/ebs of packer-plugin-amazon on @aws-sdk/client-ec2, in the plugin's
 * step order. Cleanup terminates the instance and deletes the temporary key
 * pair and security group on success, failure and cancel, and a half-made
 * AMI on failure or cancel. Every resource the build creates carries
 * kiln:run-id and kiln:build tags; the final AMIs and snapshots lose them.
 */
async function runAmazonEbsBuilder(config, context) {
    const unsupported = unsupportedFeature(config);
    if (unsupported)
        throw new Error(`the amazon-ebs builder in Kiln does not support ${unsupported} yet`);
    const session = await (0,client/* amazonSession */.$m)(config);
    try {
        await (0,client/* checkCredentials */.vG)(config, session);
        const ctx = {
            config,
            session,
            builder: context,
            scope: {
                userVariables: config.packer_user_variables ?? {},
                buildName: config.packer_build_name ?? '',
                buildType: config.packer_builder_type ?? 'amazon-ebs',
                cwd: context.cwd,
            },
        };
        const state = (0,amazon_ebs_state/* initialState */.ue)();
        const steps = amazonEbsSteps(ctx).map((step) => trackFailure(step));
        await (0,run_builder_steps/* runBuilderSteps */.U)(steps, state, context);
        if (Object.keys(state.amis).length === 0)
            return null;
        return amiArtifact(state.amis, config, state.generated);
    }
    finally {
        session.destroy();
    }
}
function amazonEbsSteps(ctx) {
    const { config, builder } = ctx;
    return [
        stepPreValidate(ctx),
        (0,source_ami/* stepSourceAmi */.n)(ctx),
        stepNetworkInfo(ctx),
        stepKeyPair(ctx),
        stepSecurityGroup(ctx),
        (0,prepare_run/* isSpotInstance */.K)(config) ? stepRunSpotInstance(ctx) : stepRunInstance(ctx),
        ...(config.communicator === 'none' ? [] : [stepSshHost(ctx)]),
        (0,step_connect/* stepConnect */.T)(config, builder, (state) => ({
            host: state.sshHost ?? '',
            ...(state.privateKey ? { privateKey: state.privateKey } : {}),
            instanceId: state.instance?.InstanceId ?? '',
        })),
        stepSetGeneratedData(),
        (0,step_provision/* stepProvision */.s)(builder),
        stepStopInstance(ctx),
        stepModifyInstance(ctx),
        stepDeregisterAmi(ctx),
        stepCreateAmi(ctx),
        stepRegionCopy(ctx),
        stepEnableDeprecation(ctx),
        stepModifyAmiAttributes(ctx),
        stepCreateTags(ctx),
        stepRemoveRunTags(ctx),
    ];
}
/** StepSetGeneratedData: provisioners see SourceAMI, BuildRegion ... as build.* beside the connection data. */
function stepSetGeneratedData() {
    return {
        name: 'StepSetGeneratedData',
        run(state) {
            if (state.hook) {
                state.hook = { ...state.hook, generatedData: { ...state.generated, ...state.hook.generatedData } };
            }
            return Promise.resolve('continue');
        },
    };
}
/** Records a failed or halted step in the state, which cleanups that only act on failure read. */
function trackFailure(step) {
    return {
        ...step,
        async run(state, signal) {
            try {
                const action = await step.run(state, signal);
                if (action === 'halt')
                    state.failed = true;
                return action;
            }
            catch (error) {
                state.failed = true;
                throw error;
            }
        },
    };
}
/** Options Kiln's builder does not carry out yet: the build stops before creating anything. */
function unsupportedFeature(c) {
    if (c.temporary_iam_instance_profile_policy_document)
        return 'temporary_iam_instance_profile_policy_document';
    if (c.ssh_interface === 'session_manager')
        return 'ssh_interface = "session_manager"';
    if (c.fast_launch?.enable_fast_launch)
        return 'fast_launch';
    const vault = c.vault_aws_engine;
    if (vault?.name || vault?.role_arn || vault?.engine_name || vault?.ttl)
        return 'vault_aws_engine';
    if (c.deregistration_protection?.enabled)
        return 'deregistration_protection';
    return undefined;
}


/***/ }),

/***/ 8823:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ik: () => (/* binding */ currentBuildInfo),
/* harmony export */   ed: () => (/* binding */ generatedData),
/* harmony export */   hH: () => (/* binding */ stepError),
/* harmony export */   ue: () => (/* binding */ initialState)
/* harmony export */ });
/* harmony import */ var _common_amazon_tags_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2959);

function initialState() {
    return {
        vpcId: '',
        subnetId: '',
        availabilityZone: '',
        securityGroupIds: [],
        amis: {},
        snapshots: {},
        intermediary: false,
        generated: {},
        failed: false,
    };
}
/** The build info templates see now (extractBuildInfo): only BuildRegion before the source AMI is known. */
function currentBuildInfo(ctx, state) {
    return (0,_common_amazon_tags_js__WEBPACK_IMPORTED_MODULE_0__/* .buildInfo */ .NT)(ctx.session.region, state.sourceImage);
}
/** The generated data extractBuildInfo records once the source AMI is known. */
function generatedData(info) {
    if (info.SourceAMI === undefined)
        return {};
    return {
        BuildRegion: info.BuildRegion,
        SourceAMI: info.SourceAMI,
        SourceAMICreationDate: info.SourceAMICreationDate ?? '',
        SourceAMIName: info.SourceAMIName ?? '',
        SourceAMIOwner: info.SourceAMIOwner ?? '',
        SourceAMIOwnerName: info.SourceAMIOwnerName ?? '',
    };
}
/** Logs the error to the UI and returns it to throw, as the plugin's steps do (ui.Error + state "error"). */
function stepError(ctx, message, cause) {
    ctx.builder.ui.error(message);
    return new Error(message, cause === undefined ? undefined : { cause });
}


/***/ }),

/***/ 5425:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ ec2Filters),
/* harmony export */   x: () => (/* binding */ filterMap)
/* harmony export */ });
/** buildEc2Filters of the plugin: one single-valued filter per entry, sorted by name (Go's map order is random). */
function ec2Filters(filters) {
    return Object.keys(filters)
        .sort()
        .map((Name) => ({ Name, Values: [filters[Name] ?? ''] }));
}
/** A filter block's `filters` map with its `filter { name value }` blocks copied on (NameValues.CopyOn). */
function filterMap(block) {
    const out = { ...block?.filters };
    for (const f of block?.filter ?? [])
        out[f.name ?? ''] = f.value ?? '';
    return out;
}


/***/ }),

/***/ 5905:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ stepSourceAmi),
/* harmony export */   p: () => (/* binding */ mostRecent)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5193);
/* harmony import */ var _common_amazon_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1377);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8823);
/* harmony import */ var _filters_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5425);




/*
 * StepSourceAMIInfo: finds the source AMI by ID and/or source_ami_filter
 * (filters, owners, most_recent, include_deprecated) and checks it can take
 * enhanced networking when ena_support or sriov_support ask for it.
 */
function stepSourceAmi(ctx) {
    const { config: c } = ctx;
    return {
        name: 'StepSourceAMIInfo',
        async run(state, signal) {
            const filter = c.source_ami_filter;
            const input = {
                IncludeDeprecated: filter?.include_deprecated ?? false,
                ...(c.source_ami ? { ImageIds: [c.source_ami] } : {}),
                ...(Object.keys(filter?.filters ?? {}).length > 0 ? { Filters: (0,_filters_js__WEBPACK_IMPORTED_MODULE_1__/* .ec2Filters */ .a)(filter?.filters ?? {}) } : {}),
                ...((filter?.owners ?? []).length > 0 ? { Owners: filter?.owners } : {}),
            };
            let images;
            try {
                images = (await ctx.session.ec2().send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .DescribeImagesCommand */ .ji5(input), { abortSignal: signal })).Images ?? [];
            }
            catch (error) {
                if (signal.aborted)
                    throw error;
                throw (0,_state_js__WEBPACK_IMPORTED_MODULE_0__/* .stepError */ .hH)(ctx, `Error querying AMI: ${(0,_common_amazon_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .awsErrorMessage */ .X_)(error)}`, error);
            }
            if (images.length === 0)
                throw (0,_state_js__WEBPACK_IMPORTED_MODULE_0__/* .stepError */ .hH)(ctx, `No AMI was found matching filters: ${describeInput(input)}`);
            if (images.length > 1 && !filter?.most_recent) {
                throw (0,_state_js__WEBPACK_IMPORTED_MODULE_0__/* .stepError */ .hH)(ctx, 'Your query returned more than one result. Please try a more specific search, or set most_recent to true.');
            }
            const image = filter?.most_recent ? mostRecent(images) : images[0];
            ctx.builder.ui.message(`Found Image ID: ${image.ImageId ?? ''}`);
            if (c.ena_support === true || c.sriov_support === true) {
                const problem = enhancedNetworkingProblem(c.ami_virtualization_type ?? '', image, c.source_ami ?? '');
                if (problem)
                    throw (0,_state_js__WEBPACK_IMPORTED_MODULE_0__/* .stepError */ .hH)(ctx, problem);
            }
            state.sourceImage = image;
            state.generated = { ...state.generated, ...(0,_state_js__WEBPACK_IMPORTED_MODULE_0__/* .generatedData */ .ed)((0,_state_js__WEBPACK_IMPORTED_MODULE_0__/* .currentBuildInfo */ .Ik)(ctx, state)) };
            return 'continue';
        },
    };
}
/** The newest image by CreationDate (a stable sort keeps the first of equals last, as Go's sort.Sort may not). */
function mostRecent(images) {
    const time = (i) => Math.floor((Date.parse(i.CreationDate ?? '') || 0) / 1000);
    return [...images].sort((a, b) => time(a) - time(b))[images.length - 1];
}
function enhancedNetworkingProblem(virtType, image, sourceAmi) {
    if (virtType === 'hvm')
        return undefined;
    if (virtType !== '')
        return `Cannot enable enhanced networking, AMIVirtType '${virtType}' is not HVM`;
    if (image.VirtualizationType !== 'hvm') {
        return `Cannot enable enhanced networking, source AMI '${sourceAmi}' is not HVM`;
    }
    return undefined;
}
/** The query, readable in the "no AMI" error (Go prints the input struct). */
function describeInput(input) {
    return JSON.stringify(input);
}


/***/ }),

/***/ 7417:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $m: () => (/* binding */ amazonSession),
/* harmony export */   C1: () => (/* binding */ baseCredentials),
/* harmony export */   vG: () => (/* binding */ checkCredentials)
/* harmony export */ });
/* unused harmony export DEFAULT_MAX_RETRIES */
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5193);
/* harmony import */ var _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1695);
/* harmony import */ var _aws_sdk_credential_providers__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9719);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4708);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1377);





/*
 * AccessConfig.Config of packer-plugin-amazon on the v3 SDK: static keys
 * (access_key/secret_key/token), else a named profile or shared credentials
 * file, else the SDK's default chain; assume_role on top of whichever was
 * found. Retries (throttling, 5xx) are the SDK's standard retry strategy with
 * max_retries retries.
 */
/** max_retries when the template leaves it unset. */
const DEFAULT_MAX_RETRIES = 10;
async function amazonSession(access) {
    const credentials = credentialProvider(access);
    const shared = {
        credentials,
        maxAttempts: (access.max_retries && access.max_retries > 0 ? access.max_retries : DEFAULT_MAX_RETRIES) + 1,
        ...(access.custom_endpoint_ec2 ? { endpoint: endpointUrl(access.custom_endpoint_ec2) } : {}),
        ...(access.insecure_skip_tls_verify
            ? { requestHandler: { httpsAgent: new node_https__WEBPACK_IMPORTED_MODULE_0__.Agent({ rejectUnauthorized: false }) } }
            : {}),
    };
    const first = new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_1__/* .EC2Client */ .gu5({ ...shared, ...(access.region ? { region: access.region } : {}) });
    let region;
    try {
        region = await first.config.region();
    }
    catch (error) {
        first.destroy();
        throw new Error(`Error loading configuration for AWS Provider: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .awsErrorMessage */ .X_)(error)}`, { cause: error });
    }
    const clients = new Map([[region, first]]);
    return {
        region,
        ec2(target = region) {
            let client = clients.get(target);
            if (!client) {
                client = new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_1__/* .EC2Client */ .gu5({ ...shared, region: target });
                clients.set(target, client);
            }
            return client;
        },
        destroy() {
            for (const client of clients.values())
                client.destroy();
        },
    };
}
/** Retrieves the credentials once, as Packer does before the build; and checks them with STS unless told not to. */
async function checkCredentials(access, session) {
    const client = session.ec2();
    try {
        await client.config.credentials();
    }
    catch (error) {
        throw new Error(`Error loading credentials for AWS Provider: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .awsErrorMessage */ .X_)(error)}`, { cause: error });
    }
    if (access.skip_credential_validation)
        return;
    const sts = new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_3__/* .STSClient */ .iM({ region: session.region, credentials: client.config.credentials });
    try {
        await sts.send(new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_3__/* .GetCallerIdentityCommand */ .zI({}));
    }
    catch (error) {
        throw new Error(`error validating provider credentials: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .awsErrorMessage */ .X_)(error)}`, { cause: error });
    }
    finally {
        sts.destroy();
    }
}
function credentialProvider(access) {
    const base = baseCredentials(access);
    const role = access.assume_role;
    if (!role?.role_arn)
        return base;
    const tags = Object.entries(role.tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
    return (0,_aws_sdk_credential_providers__WEBPACK_IMPORTED_MODULE_4__/* .fromTemporaryCredentials */ .ss)({
        masterCredentials: base,
        params: {
            RoleArn: role.role_arn,
            RoleSessionName: role.session_name || `kiln-${Date.now()}`,
            ...(role.duration_seconds ? { DurationSeconds: role.duration_seconds } : {}),
            ...(role.external_id ? { ExternalId: role.external_id } : {}),
            ...(role.policy ? { Policy: role.policy } : {}),
            ...(role.policy_arns?.length ? { PolicyArns: role.policy_arns.map((arn) => ({ arn })) } : {}),
            ...(tags.length > 0 ? { Tags: tags } : {}),
            ...(role.transitive_tag_keys?.length ? { TransitiveTagKeys: role.transitive_tag_keys } : {}),
        },
        ...(access.region ? { clientConfig: { region: access.region } } : {}),
    });
}
function baseCredentials(access) {
    if (access.access_key && access.secret_key) {
        const identity = {
            accessKeyId: access.access_key,
            secretAccessKey: access.secret_key,
            ...(access.token ? { sessionToken: access.token } : {}),
        };
        return () => Promise.resolve(identity);
    }
    if (access.profile || access.shared_credentials_file) {
        return (0,_aws_sdk_credential_providers__WEBPACK_IMPORTED_MODULE_4__/* .fromIni */ .nJ)({
            ...(access.profile ? { profile: access.profile } : {}),
            ...(access.shared_credentials_file ? { filepath: access.shared_credentials_file } : {}),
        });
    }
    return (0,_aws_sdk_credential_providers__WEBPACK_IMPORTED_MODULE_4__/* .fromNodeProviderChain */ .br)();
}
/** Packer accepts a bare host for custom_endpoint_ec2; the SDK wants a URL. */
function endpointUrl(endpoint) {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
}


/***/ }),

/***/ 1377:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J6: () => (/* binding */ awsErrorCode),
/* harmony export */   Pn: () => (/* binding */ awsErrorMatches),
/* harmony export */   X_: () => (/* binding */ awsErrorMessage)
/* harmony export */ });
/*
 * AWS errors as the plugin matches and prints them (awserrors.Matches): an
 * error code such as "InvalidInstanceID.NotFound" and its message.
 */
/** The AWS error code of a service exception (the SDK puts it in `name`), or "". */
function awsErrorCode(error) {
    if (!(error instanceof Error))
        return '';
    const withCode = error;
    if (typeof withCode.Code === 'string')
        return withCode.Code;
    return withCode.$fault !== undefined ? error.name : '';
}
/** True when the error has this code and its message contains `messagePart`. */
function awsErrorMatches(error, code, messagePart = '') {
    return awsErrorCode(error) === code && error instanceof Error && error.message.includes(messagePart);
}
/** "Code: message" for a service exception, the message for anything else. */
function awsErrorMessage(error) {
    if (!(error instanceof Error))
        return String(error);
    const code = awsErrorCode(error);
    return code && !error.message.startsWith(code) ? `${code}: ${error.message}` : error.message;
}


/***/ }),

/***/ 2959:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D$: () => (/* binding */ RUN_ID_TAG),
/* harmony export */   Ep: () => (/* binding */ renderTags),
/* harmony export */   NT: () => (/* binding */ buildInfo),
/* harmony export */   Xk: () => (/* binding */ withRunTags),
/* harmony export */   ZT: () => (/* binding */ renderWithBuildInfo),
/* harmony export */   aF: () => (/* binding */ reportTags),
/* harmony export */   cJ: () => (/* binding */ BUILD_TAG),
/* harmony export */   v7: () => (/* binding */ tagSpecifications)
/* harmony export */ });
/* unused harmony export cleanResourceName */
/* harmony import */ var _template_gotemplate_render_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8959);
/* harmony import */ var _template_legacy_context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4956);


/*
 * The plugin's TagMap.EC2Tags: tag keys and values are Go templates rendered
 * with the build info (BuildRegion, SourceAMI, SourceAMIName ...), plus Kiln's
 * own run tags that let a later sweep find what a killed run left.
 */
const RUN_ID_TAG = 'kiln:run-id';
const BUILD_TAG = 'kiln:build';
function buildInfo(region, source) {
    if (!source)
        return { BuildRegion: region };
    const tags = {};
    for (const tag of source.Tags ?? [])
        tags[tag.Key ?? ''] = tag.Value ?? '';
    return {
        BuildRegion: region,
        SourceAMI: source.ImageId ?? '',
        SourceAMICreationDate: source.CreationDate ?? '',
        SourceAMIName: source.Name ?? '',
        SourceAMIOwner: source.OwnerId ?? '',
        SourceAMIOwnerName: source.ImageOwnerAlias ?? '',
        SourceAMITags: tags,
    };
}
/** Renders one plugin template (a tag key or value, ami_description) with the build info as its dot. */
function renderWithBuildInfo(text, info, scope) {
    return (0,_template_gotemplate_render_js__WEBPACK_IMPORTED_MODULE_0__/* .interpolate */ .GW)(text, templateContext(info, scope));
}
function templateContext(info, scope) {
    const base = (0,_template_legacy_context_js__WEBPACK_IMPORTED_MODULE_1__/* .interpolateContext */ .n)({ env: {}, cwd: scope.cwd, initTime: new Date(), templatePath: '' }, {
        userVariables: scope.userVariables,
        enableEnv: false,
        buildName: scope.buildName,
        buildType: scope.buildType,
        data: new _template_gotemplate_render_js__WEBPACK_IMPORTED_MODULE_0__/* .GoStruct */ .On('BuildInfoTemplate', { ...info, SourceAMITags: info.SourceAMITags ?? {} }),
    });
    return { ...base, extraFuncs: { ...base.extraFuncs, clean_resource_name: cleanResourceName } };
}
/** The plugin's clean_resource_name: every byte an AMI name does not allow becomes "-". */
function cleanResourceName(name) {
    const allowed = new Set(Buffer.from("()[] ./-'@_"));
    const bytes = Buffer.from(name);
    const isAlphanumeric = (b) => (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122);
    return Buffer.from(bytes.map((b) => (isAlphanumeric(b) || allowed.has(b) ? b : 45))).toString('latin1');
}
/** Renders a tag map; keys are sorted so calls are stable (Go's map order is random). */
function renderTags(tags, info, scope) {
    const out = [];
    const entries = Object.entries(tags ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [key, value] of entries) {
        try {
            out.push({ Key: renderWithBuildInfo(key, info, scope), Value: renderWithBuildInfo(value, info, scope) });
        }
        catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            throw new Error(`Error processing tag: ${key}:${value} - ${message}`, { cause: error });
        }
    }
    return out;
}
/** The user's tags with Kiln's run tags added (a user's own kiln:* tag wins). */
function withRunTags(tags, runId, build) {
    const own = new Set(tags.map((t) => t.Key));
    const added = [
        { Key: RUN_ID_TAG, Value: runId },
        { Key: BUILD_TAG, Value: build },
    ].filter((t) => !own.has(t.Key));
    return [...tags, ...added];
}
/** EC2Tags.TagSpecifications: one specification per resource type, none when there are no tags. */
function tagSpecifications(tags, ...types) {
    if (tags.length === 0)
        return [];
    return types.map((ResourceType) => ({ ResourceType, Tags: [...tags] }));
}
/** EC2Tags.Report: one line per tag. */
function reportTags(ui, tags) {
    for (const tag of tags)
        ui.message(`Adding tag: "${tag.Key ?? ''}": "${tag.Value ?? ''}"`);
}


/***/ })

};
