export const id = 673;
export const ids = [673];
export const modules = {

/***/ 11673:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NULL_ARTIFACT: () => (/* binding */ NULL_ARTIFACT),
/* harmony export */   runNullBuilder: () => (/* binding */ runNullBuilder)
/* harmony export */ });
/* harmony import */ var _common_step_connect_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34473);
/* harmony import */ var _common_step_provision_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(36075);
/* harmony import */ var _common_run_builder_steps_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(42636);



/*
 * builder/null: connects to a host (StepConnect) and runs the provisioners
 * there (StepProvision); build.ID is "Null" and the artifact exports nothing.
 */
const NULL_ARTIFACT = {
    builderId: 'fnoeding.null',
    id: 'Null',
    files: [],
    description: 'Did not export anything. This is the null builder',
};
async function runNullBuilder(config, context) {
    const state = {};
    const host = config.ssh_host ?? '';
    const steps = [
        (0,_common_step_connect_js__WEBPACK_IMPORTED_MODULE_0__/* .stepConnect */ .T)(config, context, () => ({ host, instanceId: 'Null' })),
        (0,_common_step_provision_js__WEBPACK_IMPORTED_MODULE_1__/* .stepProvision */ .s)(context),
    ];
    await (0,_common_run_builder_steps_js__WEBPACK_IMPORTED_MODULE_2__/* .runBuilderSteps */ .U)(steps, state, context);
    return NULL_ARTIFACT;
}


/***/ })

};
