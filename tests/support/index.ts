/**
 * The shared browser-test harness: one import for e2e tests and benchmarks.
 * Simulated sync devices (worker threads) live separately in ./device.
 */
export { launchBrowser, CHROMIUM_ARGS, CHROMIUM_PATH, type LaunchedBrowser, type LaunchOptions } from './browser';
export { startTestServer, type TestServer, type TestServerOptions } from './server';
export { startStaticServer, type RunningServer } from './static-server';
export { DIST_DIR, REPO_ROOT, copyDist, requireBuiltDist } from './dist';
export { goOffline, goOnline, waitForServiceWorkerControl } from './network';
export { signInAs } from './sign-in';
export { runAxe, runAxeRaw, formatViolation, WCAG_22_AA_TAGS, type AxeOptions } from './axe';
export { recordReactRenders } from './react-renders';
