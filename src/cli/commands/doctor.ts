// `baton doctor`: checks the setup end to end and prints a fix for everything that is not right.
import { defineCommand, printJson } from '../command.js';
import {
  checkConfig,
  checkDataDir,
  checkDisabled,
  checkHooks,
  checkNode,
  checkSender,
  checkTracker,
  type CheckResult,
} from '../doctor/checks.js';
import { paint } from '../style.js';

const HELP = `Usage: baton doctor [--json]

Checks Node, the Baton config, the tracker (reachable, version, key valid), the plugin's hooks, the data dir and
the background sender, and prints how to fix each problem. Exits 1 when a check fails.
`;

export const doctorCommand = defineCommand({
  name: 'doctor',
  summary: 'diagnose the setup and print fixes',
  help: HELP,
  options: { json: { type: 'boolean' } },
  async run({ values }, ctx) {
    const results: CheckResult[] = [
      checkNode(),
      checkDisabled(ctx),
      ...checkConfig(ctx),
      ...(await checkTracker(ctx)),
      ...checkHooks(ctx),
      checkDataDir(ctx),
      checkSender(ctx),
    ];
    const failed = results.some((r) => r.level === 'fail');
    if (values.json) return printJson(ctx, { ok: !failed, checks: results }, { code: failed ? 1 : 0 });
    const p = paint(ctx.io);
    const mark = { ok: p.green('✓'), warn: p.yellow('!'), fail: p.red('✗') };
    for (const r of results) {
      ctx.io.out(`${mark[r.level]} ${p.bold(r.name)}: ${r.detail}\n`);
      if (r.fix) ctx.io.out(`    fix: ${r.fix}\n`);
    }
    const warns = results.filter((r) => r.level === 'warn').length;
    ctx.io.out(
      failed
        ? p.red('\nSome checks failed.\n')
        : warns
          ? p.yellow(`\nAll essential checks passed (${warns} warning(s)).\n`)
          : p.green('\nAll checks passed.\n'),
    );
    return failed ? 1 : 0;
  },
});
