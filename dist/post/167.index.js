export const id = 167;
export const ids = [167];
export const modules = {

/***/ 74167:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   provisionSleep: () => (/* binding */ provisionSleep)
/* harmony export */ });
/* harmony import */ var _schema_go_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _provision_hook_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2084);


/* provisioner/sleep: waits `duration`, or fails with "context canceled" when the build is cancelled. */
async function provisionSleep(config, context) {
    const parsed = (0,_schema_go_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseGoDuration */ .Q)(config.duration ?? '0s');
    // The schema has already rejected what ParseDuration would; an unset duration is Go's zero.
    await (0,_provision_hook_js__WEBPACK_IMPORTED_MODULE_1__/* .abortableDelay */ .s)(parsed.ok ? parsed.ms : 0, context.signal);
}


/***/ })

};
