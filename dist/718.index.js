"use strict";
exports.id = 718;
exports.ids = [718];
exports.modules = {

/***/ 7718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6058);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2020);
/* harmony import */ var _keep_login_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6097);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3175);
// The post step, which the runner calls after a failed or cancelled job, or after one that kept a login
// (action.yml's post-if): it loads only this, so that a job pays little for it.






/**
 * Removes the private directory even when main was cancelled or crashed, and the kept login (keep-login).
 * A directory still there means main did not end by itself: what it left running (a build, a push) is
 * stopped first, so that nothing of the run goes on, or writes there again, after the job.
 * With neither in the state it does nothing.
 */
async function post() {
    const workDir = _actions_core__WEBPACK_IMPORTED_MODULE_0__.getState(_state_js__WEBPACK_IMPORTED_MODULE_4__/* .STATE_WORKDIR */ .Z2);
    if (workDir && (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(workDir)) {
        // Loaded only here: after a kept login, the usual reason for a post step, main ended by itself.
        const { stopProcessesNaming } = await __webpack_require__.e(/* import() */ 315).then(__webpack_require__.bind(__webpack_require__, 6315));
        const stopped = await stopProcessesNaming(workDir);
        if (stopped)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`Stopped ${stopped} process(es) the main step left running (docker, buildx)`);
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(workDir, { recursive: true, force: true });
        }
        catch (error) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(`could not remove ${workDir}: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_5__/* .messageOf */ .bD)(error)}`);
        }
    }
    await (0,_keep_login_js__WEBPACK_IMPORTED_MODULE_3__/* .removeKeptLogin */ .y)();
}


/***/ })

};
;