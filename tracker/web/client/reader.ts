// Browser enhancements for the session pages (reader), bundled into /assets/app.js.
export {};
