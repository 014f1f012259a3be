// Runs in: everywhere. Storage keys shared by the background, extension pages and content scripts (which only
// listen for changes and never parse stored values themselves).
export const SETTINGS_KEY = 'settings';
