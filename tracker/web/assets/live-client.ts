// The live viewer's script, served at /assets/live.js: tracker/web/client/live.ts, bundled by scripts/build.mjs.
export { LIVE_JS } from './generated/browser-scripts.js';
