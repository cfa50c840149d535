export const id = 905;
export const ids = [905];
export const modules = {

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

/***/ 1905:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ecrGetLogin: () => (/* binding */ ecrGetLogin)
/* harmony export */ });
/* unused harmony export decodeToken */
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8249);
/* harmony import */ var _aws_sdk_client_ecr_public__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9821);
/* harmony import */ var _amazon_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7417);
/* harmony import */ var _amazon_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1377);




const ECR_PUBLIC_HOST = 'public.ecr.aws/';
/** ECR Public hands out tokens only in us-east-1. */
const ECR_PUBLIC_REGION = 'us-east-1';
const ECR_ADDRESS = /(?:http:\/\/|https:\/\/|)([0-9]*)\.dkr\.ecr\.(.*)\.amazonaws\.com.*/;
async function ecrGetLogin(access, server) {
    const credentials = await resolveCredentials(access);
    if (access.aws_force_use_public_ecr || server.includes(ECR_PUBLIC_HOST)) {
        const client = new _aws_sdk_client_ecr_public__WEBPACK_IMPORTED_MODULE_1__/* .ECRPUBLICClient */ .Rr({ region: ECR_PUBLIC_REGION, credentials });
        const answer = await send(client, () => client.send(new _aws_sdk_client_ecr_public__WEBPACK_IMPORTED_MODULE_1__/* .GetAuthorizationTokenCommand */ .Eu({})));
        return decodeToken(answer.authorizationData?.authorizationToken, 'ECR Public AuthorizationToken');
    }
    const match = ECR_ADDRESS.exec(server);
    if (!match) {
        throw new Error(`Failed to parse the ECR URL: ${server} it should be on the form <account number>.dkr.ecr.<region>.amazonaws.com`);
    }
    const [, account = '', region = ''] = match;
    const client = new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__/* .ECRClient */ .S70({ region, credentials });
    const answer = await send(client, () => client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__/* .GetAuthorizationTokenCommand */ .Eu6({ registryIds: [account] })));
    return decodeToken(answer.authorizationData?.[0]?.authorizationToken, 'ECR AuthorizationToken');
}
/** One call, its error as "Code: message", then the client's sockets closed. */
async function send(client, call) {
    try {
        return await call();
    }
    catch (error) {
        throw new Error((0,_amazon_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .awsErrorMessage */ .X_)(error), { cause: error });
    }
    finally {
        client.destroy();
    }
}
/** GetCredentials: the credentials are resolved once up front, so a missing source is reported as such. */
async function resolveCredentials(access) {
    const provider = (0,_amazon_client_js__WEBPACK_IMPORTED_MODULE_0__/* .baseCredentials */ .C1)({
        access_key: access.aws_access_key,
        secret_key: access.aws_secret_key,
        token: access.aws_token,
        profile: access.aws_profile,
    });
    try {
        return await provider();
    }
    catch (error) {
        if (error instanceof Error && error.name === 'CredentialsProviderError') {
            throw new Error('No valid credential sources found for AWS Provider.\n\tPlease see https://terraform.io/docs/providers/aws/index.html for more information on\n\tproviding credentials for the AWS Provider', { cause: error });
        }
        throw new Error(`Error loading credentials for AWS Provider: ${(0,_amazon_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .awsErrorMessage */ .X_)(error)}`, { cause: error });
    }
}
/** The token is base64 of "AWS:<password>". */
function decodeToken(token, what) {
    const text = token ?? '';
    const bad = /[^A-Za-z0-9+/=]|=[^=]/.exec(text);
    if (bad || text.length % 4 !== 0) {
        throw new Error(`Error decoding ${what}: illegal base64 data at input byte ${bad?.index ?? text.length}`);
    }
    const decoded = Buffer.from(text, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0)
        throw new Error(`Error decoding ${what}: no "user:password" in the token`);
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}


/***/ })

};
