// The replay page's script, served at /assets/replay.js: tracker/web/client/replay.ts, bundled by scripts/build.mjs.
export { REPLAY_JS } from './generated/browser-scripts.js';
