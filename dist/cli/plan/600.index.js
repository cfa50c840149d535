export const id = 600;
export const ids = [600];
export const modules = {

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


/***/ }),

/***/ 2600:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   executeAmazonAmi: () => (/* binding */ executeAmazonAmi)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5193);
/* harmony import */ var _eval_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6650);
/* harmony import */ var _eval_value_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1290);
/* harmony import */ var _builders_amazon_ebs_steps_source_ami_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5905);
/* harmony import */ var _builders_amazon_ebs_steps_filters_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5425);
/* harmony import */ var _common_amazon_client_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7417);
/* harmony import */ var _common_amazon_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1377);







/*
 * datasource/ami Execute of packer-plugin-amazon: one DescribeImages with the
 * filters, owners and include_deprecated (AmiFilterOptions.GetFilteredImage),
 * exactly one image unless most_recent picks the newest.
 */
async function executeAmazonAmi(c) {
    const session = await (0,_common_amazon_client_js__WEBPACK_IMPORTED_MODULE_3__/* .amazonSession */ .$m)(c);
    try {
        await (0,_common_amazon_client_js__WEBPACK_IMPORTED_MODULE_3__/* .checkCredentials */ .vG)(c, session);
        const image = await filteredImage(c, session.ec2());
        const tags = new Map((image.Tags ?? []).map((t) => [t.Key ?? '', _eval_value_js__WEBPACK_IMPORTED_MODULE_1__/* .Value */ .WT.string(t.Value ?? '')]));
        return _eval_value_js__WEBPACK_IMPORTED_MODULE_1__/* .Value */ .WT.object({
            id: _eval_value_js__WEBPACK_IMPORTED_MODULE_1__/* .Value */ .WT.string(image.ImageId ?? ''),
            name: _eval_value_js__WEBPACK_IMPORTED_MODULE_1__/* .Value */ .WT.string(image.Name ?? ''),
            creation_date: _eval_value_js__WEBPACK_IMPORTED_MODULE_1__/* .Value */ .WT.string(image.CreationDate ?? ''),
            owner: _eval_value_js__WEBPACK_IMPORTED_MODULE_1__/* .Value */ .WT.string(image.OwnerId ?? ''),
            owner_name: _eval_value_js__WEBPACK_IMPORTED_MODULE_1__/* .Value */ .WT.string(image.ImageOwnerAlias ?? ''),
            tags: _eval_value_js__WEBPACK_IMPORTED_MODULE_1__/* .Value */ .WT.map(tags, _eval_types_js__WEBPACK_IMPORTED_MODULE_0__/* .StringType */ .cT),
        });
    }
    finally {
        session.destroy();
    }
}
async function filteredImage(c, client) {
    const filters = c.filters ?? {};
    const input = {
        ...(Object.keys(filters).length > 0 ? { Filters: (0,_builders_amazon_ebs_steps_filters_js__WEBPACK_IMPORTED_MODULE_4__/* .ec2Filters */ .a)(filters) } : {}),
        ...((c.owners ?? []).length > 0 ? { Owners: c.owners } : {}),
        IncludeDeprecated: c.include_deprecated ?? false,
    };
    let images;
    try {
        images = (await client.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__/* .DescribeImagesCommand */ .ji5(input))).Images ?? [];
    }
    catch (error) {
        throw new Error(`Error querying AMI: ${(0,_common_amazon_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .awsErrorMessage */ .X_)(error)}`, { cause: error });
    }
    // Go prints the input struct; Kiln prints it as JSON, as the amazon-ebs builder does.
    if (images.length === 0)
        throw new Error(`No AMI was found matching filters: ${JSON.stringify(input)}`);
    if (images.length > 1 && !c.most_recent) {
        throw new Error('Your query returned more than one result. Please try a more specific search, or set most_recent to true.');
    }
    return c.most_recent ? (0,_builders_amazon_ebs_steps_source_ami_js__WEBPACK_IMPORTED_MODULE_2__/* .mostRecent */ .p)(images) : images[0];
}


/***/ })

};
