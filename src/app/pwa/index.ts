/**
 * Public face of the PWA layer for the app shell: service worker registration, the update prompt,
 * and the secure-context check. Everything else in this folder is internal.
 */
export { registerServiceWorker, applyUpdate, checkForUpdateNow, UPDATE_CHECK_INTERVAL_MS } from './register';
export { UpdatePrompt, type UpdatePromptProps } from './UpdatePrompt';
export { isSecureEnoughForOffline, INSECURE_CONNECTION_MESSAGE, type OfflineReadiness } from './secure-context';
export { updateHoldReasons, type UpdateHoldInput } from './update-hold';
export { getUpdatePhase, subscribeUpdatePhase, type UpdatePhase } from './update-store';
