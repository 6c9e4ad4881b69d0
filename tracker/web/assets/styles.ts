// The tracker's one stylesheet, served at /assets/app.css: tracker/web/client/app.css, minified by scripts/build.mjs.
export { APP_CSS } from './generated/browser-scripts.js';
