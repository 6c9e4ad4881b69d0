// Entry of dist/hook.cjs, the one hook runner for every event: `node dist/hook.cjs <Event>` (see hooks.json).
import { runHook } from '../src/capture/hook/run-hook.js';
import { finishHook, installCrashGuard } from '../src/capture/hook/output.js';

installCrashGuard();
runHook(process.argv, process.env).then(finishHook, () => finishHook({}));
