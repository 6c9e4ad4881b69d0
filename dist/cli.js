#!/usr/bin/env node
import { createRequire as __bt_createRequire } from 'node:module'; const require = __bt_createRequire(import.meta.url);

// src/cli/main.ts
var argv = process.argv.slice(2);
var i = 0;
while (argv[i] === "--plugin-data" && argv.length - i >= 2) i += 2;
var bundled = !import.meta.url.endsWith(".ts");
var target = bundled && argv[i] === "export" ? "./cli-export.js" : "./cli-main.js";
await import(new URL(target, import.meta.url).href);
