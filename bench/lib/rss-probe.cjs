// Preloaded with `node --require` so a child reports its own peak RSS (KiB on Linux) on stderr when it exits.
process.on('exit', () => {
  process.stderr.write(`\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
