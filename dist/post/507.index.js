export const id = 507;
export const ids = [507];
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

/***/ 40962:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ amazonServiceConfig)
/* harmony export */ });
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44708);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77417);


async function amazonServiceConfig(access) {
    const session = await (0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .amazonSession */ .$m)(access);
    try {
        await (0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .checkCredentials */ .vG)(access, session);
        const { credentials, maxAttempts } = session.ec2().config;
        return {
            region: session.region,
            credentials,
            maxAttempts,
            ...(access.insecure_skip_tls_verify
                ? { requestHandler: { httpsAgent: new node_https__WEBPACK_IMPORTED_MODULE_0__.Agent({ rejectUnauthorized: false }) } }
                : {}),
        };
    }
    finally {
        session.destroy();
    }
}


/***/ }),

/***/ 94507:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  executeAmazonParameterstore: () => (/* binding */ executeAmazonParameterstore)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ssm/dist-cjs/index.js
var dist_cjs = __webpack_require__(34736);
// EXTERNAL MODULE: ./build/hcl/quote.js
var quote = __webpack_require__(48820);
// EXTERNAL MODULE: ./build/eval/value.js
var eval_value = __webpack_require__(1290);
// EXTERNAL MODULE: ./build/components/common/amazon/errors.js
var errors = __webpack_require__(1377);
// EXTERNAL MODULE: ./build/components/common/amazon/service-config.js
var service_config = __webpack_require__(40962);
;// CONCATENATED MODULE: ./build/components/common/amazon/ssm.js


/** An SSM client with the template's access settings (ssm.NewFromConfig of the plugin's config). */
async function amazonSsmClient(access) {
    return new dist_cjs/* SSMClient */.jBj(await (0,service_config/* amazonServiceConfig */.c)(access));
}

;// CONCATENATED MODULE: ./build/components/datasources/amazon-parameterstore/datasource.js





/*
 * datasource/parameterstore Execute of packer-plugin-amazon: one GetParameter.
 * A SecureString's value is marked sensitive (Kiln's addition), so it prints
 * as <sensitive> and is masked wherever it flows.
 */
async function executeAmazonParameterstore(c) {
    const name = c.name ?? '';
    const client = await amazonSsmClient(c);
    let parameter;
    try {
        const out = await client.send(new dist_cjs/* GetParameterCommand */.lhy({ Name: name, WithDecryption: c.with_decryption ?? false }));
        parameter = out.Parameter ?? {};
    }
    catch (error) {
        const code = (0,errors/* awsErrorCode */.J6)(error);
        if (code === 'ParameterNotFound')
            throw new Error(`The parameter name ${(0,quote/* goQuote */.d)(name)} not found`, { cause: error });
        if (code === 'ParameterVersionNotFound')
            throw new Error(`The parameter version ${(0,quote/* goQuote */.d)(name)} not found`, { cause: error });
        throw new Error(`error to get parameter value: ${(0,errors/* awsErrorMessage */.X_)(error)}`, { cause: error });
    }
    finally {
        client.destroy();
    }
    const value = eval_value/* Value */.WT.string(parameter.Value ?? '');
    return eval_value/* Value */.WT.object({
        value: parameter.Type === 'SecureString' ? value.mark(eval_value/* Sensitive */.pT) : value,
        version: eval_value/* Value */.WT.string(String(parameter.Version ?? 0)),
        arn: eval_value/* Value */.WT.string(parameter.ARN ?? ''),
    });
}


/***/ })

};
