// Preloaded with `node --require`: the child reports its own CPU time (µs, user + system) and peak RSS at exit.
process.on('exit', () => {
  const u = process.cpuUsage();
  process.stderr.write(
    `\nBENCH_CPU_US=${u.user + u.system} BENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`,
  );
});
