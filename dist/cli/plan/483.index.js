export const id = 483;
export const ids = [483];
export const modules = {

/***/ 6483:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   provisionBreakpoint: () => (/* binding */ provisionBreakpoint)
/* harmony export */ });
/*
 * provisioner/breakpoint: says where it pauses and waits for enter. Without a
 * TTY the question fails and so does the build, with Packer's
 * "Error asking for input: no available tty".
 */
async function provisionBreakpoint(config, context) {
    const { ui } = context;
    const note = config.note ?? '';
    if (config.disable) {
        ui.say(note
            ? `Breakpoint provisioner with note "${note}" disabled; continuing...`
            : 'Breakpoint provisioner disabled; continuing...');
        return;
    }
    ui.say(note ? `Pausing at breakpoint provisioner with note "${note}".` : 'Pausing at breakpoint provisioner.');
    try {
        await context.prompt('Press enter to continue.', context.signal);
    }
    catch (thrown) {
        throw new Error(`Error asking for input: ${thrown instanceof Error ? thrown.message : String(thrown)}`, {
            cause: thrown,
        });
    }
}


/***/ })

};
