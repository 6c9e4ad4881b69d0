// Browser enhancements for the session pages (manage), bundled into /assets/app.js.
export {};
