// A one-line progress bar on stderr (only when stderr is a terminal or KORYU_PROGRESS=1).
export function progressBar(label: string) {
  const enabled = process.stderr.isTTY || process.env.KORYU_PROGRESS === '1';
  let lastDraw = 0;
  const t0 = Date.now();
  return {
    update(done: number, total: number) {
      if (!enabled) return;
      const now = Date.now();
      if (now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      const width = 30;
      const frac = total > 0 ? Math.min(1, done / total) : 1;
      const filled = Math.round(frac * width);
      const rate = done / Math.max(0.001, (now - t0) / 1000);
      process.stderr.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}% ${done}/${total} (${Math.round(rate)}/s)   `,
      );
    },
    done() {
      if (enabled) process.stderr.write('\n');
    },
  };
}
