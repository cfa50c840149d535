export const id = 480;
export const ids = [480];
export const modules = {

/***/ 77417:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $m: () => (/* binding */ amazonSession),
/* harmony export */   C1: () => (/* binding */ baseCredentials),
/* harmony export */   vG: () => (/* binding */ checkCredentials)
/* harmony export */ });
/* unused harmony export DEFAULT_MAX_RETRIES */
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(35193);
/* harmony import */ var _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(71695);
/* harmony import */ var _aws_sdk_credential_providers__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(29719);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44708);
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

/***/ 93480:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sweepRun: () => (/* binding */ sweepRun)
/* harmony export */ });
/* unused harmony export sweepRegion */
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(35193);
/* harmony import */ var _provision_hook_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2084);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77417);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1377);
/* harmony import */ var _tags_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(42959);
/* harmony import */ var _waiter_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(10060);






const LIVE_STATES = ['pending', 'running', 'stopping', 'stopped', 'shutting-down'];
const TERMINATE_WAIT_MS = 10 * 60_000;
const GROUP_DELETE_ATTEMPTS = 6;
/** Sweeps the run's resources in each region with the given (secret-bearing) access config; returns how many went. */
async function sweepRun(runId, access, regions, log) {
    let session;
    try {
        session = await (0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .amazonSession */ .$m)(access);
    }
    catch (error) {
        log.warning(`Could not sweep AWS resources of run ${runId}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .awsErrorMessage */ .X_)(error)}`);
        return 0;
    }
    let removed = 0;
    try {
        const targets = [...new Set(regions.map((r) => r || session.region))];
        for (const region of targets)
            removed += await sweepRegion(session.ec2(region), region, runId, log);
    }
    finally {
        session.destroy();
    }
    return removed;
}
/** Removes everything tagged kiln:run-id = runId in one region; returns how many resources went. */
async function sweepRegion(ec2, region, runId, log) {
    const tagged = { Name: `tag:${_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .RUN_ID_TAG */ .D$}`, Values: [runId] };
    let removed = 0;
    const attempt = async (what, work) => {
        try {
            await work();
            log.info(`Removed ${what} in ${region} left by run ${runId}`);
            removed++;
        }
        catch (error) {
            log.warning(`Could not remove ${what} in ${region}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .awsErrorMessage */ .X_)(error)}`);
        }
    };
    const listed = async (what, list) => {
        try {
            return await list();
        }
        catch (error) {
            log.warning(`Could not list the ${what} of run ${runId} in ${region}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .awsErrorMessage */ .X_)(error)}`);
            return [];
        }
    };
    const instances = await listed('instances', async () => {
        const filters = [tagged, { Name: 'instance-state-name', Values: LIVE_STATES }];
        const out = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__/* .DescribeInstancesCommand */ .bNs({ Filters: filters }));
        return (out.Reservations ?? []).flatMap((r) => r.Instances ?? []).flatMap((i) => i.InstanceId ?? []);
    });
    if (instances.length > 0) {
        await attempt(`instance(s) ${instances.join(', ')}`, async () => {
            await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__/* .TerminateInstancesCommand */ .NaF({ InstanceIds: instances }));
            await waitTerminated(ec2, instances);
        });
    }
    const images = await listed('AMIs', async () => {
        const out = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__/* .DescribeImagesCommand */ .ji5({ Owners: ['self'], Filters: [tagged] }));
        return out.Images ?? [];
    });
    for (const image of images) {
        await attempt(`AMI ${image.ImageId ?? ''}`, () => ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__/* .DeregisterImageCommand */ .x2c({ ImageId: image.ImageId })));
    }
    // Snapshots of the AMIs just deregistered carry the tag too; any the AMIs did not list go as well.
    const snapshots = await listed('snapshots', async () => {
        const out = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__/* .DescribeSnapshotsCommand */ .MmI({ OwnerIds: ['self'], Filters: [tagged] }));
        return (out.Snapshots ?? []).flatMap((s) => s.SnapshotId ?? []);
    });
    for (const id of snapshots) {
        await attempt(`snapshot ${id}`, () => ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__/* .DeleteSnapshotCommand */ .tZN({ SnapshotId: id })));
    }
    const keyPairs = await listed('key pairs', async () => {
        const out = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__/* .DescribeKeyPairsCommand */ .DRu({ Filters: [tagged] }));
        return (out.KeyPairs ?? []).flatMap((k) => k.KeyName ?? []);
    });
    for (const name of keyPairs) {
        await attempt(`key pair ${name}`, () => ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__/* .DeleteKeyPairCommand */ .EWB({ KeyName: name })));
    }
    const groups = await listed('security groups', async () => {
        const out = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__/* .DescribeSecurityGroupsCommand */ .jsQ({ Filters: [tagged] }));
        return (out.SecurityGroups ?? []).flatMap((g) => g.GroupId ?? []);
    });
    for (const id of groups)
        await attempt(`security group ${id}`, () => deleteGroup(ec2, id));
    const volumes = await listed('volumes', async () => {
        const filters = [tagged, { Name: 'status', Values: ['available'] }];
        const out = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__/* .DescribeVolumesCommand */ .U$W({ Filters: filters }));
        return (out.Volumes ?? []).flatMap((v) => v.VolumeId ?? []);
    });
    for (const id of volumes) {
        await attempt(`volume ${id}`, () => ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__/* .DeleteVolumeCommand */ .Pbn({ VolumeId: id })));
    }
    const templates = await listed('launch templates', async () => {
        const out = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__/* .DescribeLaunchTemplatesCommand */ .fmI({ Filters: [tagged] }));
        return (out.LaunchTemplates ?? []).flatMap((t) => t.LaunchTemplateId ?? []);
    });
    for (const id of templates) {
        await attempt(`launch template ${id}`, () => ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__/* .DeleteLaunchTemplateCommand */ .s9K({ LaunchTemplateId: id })));
    }
    return removed;
}
function waitTerminated(ec2, instanceIds) {
    return (0,_waiter_js__WEBPACK_IMPORTED_MODULE_3__/* .waitFor */ .fm)({
        what: `instance(s) ${instanceIds.join(', ')} to become terminated`,
        signal: new AbortController().signal,
        timeoutMs: TERMINATE_WAIT_MS,
        check: async () => {
            const out = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__/* .DescribeInstancesCommand */ .bNs({ InstanceIds: instanceIds }));
            const states = (out.Reservations ?? []).flatMap((r) => r.Instances ?? []).map((i) => i.State?.Name ?? '');
            const left = states.filter((s) => s !== 'terminated');
            return left.length === 0 ? { done: true, value: undefined } : { done: false, seen: left.join(', ') };
        },
    });
}
/** A group stays in use (DependencyViolation) until its instances' interfaces are gone: try a few times. */
async function deleteGroup(ec2, groupId) {
    const never = new AbortController().signal;
    for (let attempt = 1;; attempt++) {
        try {
            await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__/* .DeleteSecurityGroupCommand */ .yEh({ GroupId: groupId }));
            return;
        }
        catch (error) {
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .awsErrorCode */ .J6)(error) !== 'DependencyViolation' || attempt >= GROUP_DELETE_ATTEMPTS)
                throw error;
            await (0,_provision_hook_js__WEBPACK_IMPORTED_MODULE_0__/* .abortableDelay */ .s)(500 * 2 ** attempt, never);
        }
    }
}


/***/ }),

/***/ 42959:
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
/* harmony import */ var _template_gotemplate_render_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58959);
/* harmony import */ var _template_legacy_context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54956);


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


/***/ }),

/***/ 10060:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fm: () => (/* binding */ waitFor),
/* harmony export */   nX: () => (/* binding */ waitBounds)
/* harmony export */ });
/* unused harmony export WAIT_DEFAULTS */
/* harmony import */ var _provision_hook_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2084);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1377);


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
            if (!options.retryCodes?.includes((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorCode */ .J6)(error)))
                throw error;
            seen = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorMessage */ .X_)(error);
        }
        const left = deadline - Date.now();
        if (left <= 0)
            throw new Error(`Timed out waiting for ${options.what} (last seen: ${seen})`);
        // Full jitter over the upper half keeps concurrent waiters apart without ever polling in a burst.
        const sleep = Math.min(left, delay / 2 + (Math.random() * delay) / 2);
        await (0,_provision_hook_js__WEBPACK_IMPORTED_MODULE_0__/* .abortableDelay */ .s)(sleep, signal);
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


/***/ })

};
