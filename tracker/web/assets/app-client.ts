// Small progressive enhancements for every page, served at /assets/app.js: tracker/web/client/app.ts, bundled by
// scripts/build.mjs.
export { APP_JS } from './generated/browser-scripts.js';
