// Lighthouse 12 (mobile preset) on each URL given, in one Chromium: one JSON line per page.
//   node lighthouse-pages.mjs URL...
// Only the categories that the suite's other checks do not cover: axe-core already runs the
// accessibility rules (Lighthouse's are a subset of axe's) and the weight checks count bytes.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

export const CATEGORIES = ['performance', 'best-practices', 'seo'];

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  // PaintHolding off: headless Chromium here otherwise sometimes delays the first paint.
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-features=PaintHolding',
    '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
const config = {
  extends: 'lighthouse:default',
  settings: {
    onlyCategories: CATEGORIES,
    // Pictures of the page feed no score, nor does the back/forward-cache check (weight 0),
    // which navigates away and back: together, a third of each run.
    disableFullPageScreenshot: true,
    skipAudits: ['bf-cache', 'full-page-screenshot', 'screenshot-thumbnails', 'final-screenshot'],
  },
};
try {
  for (const url of process.argv.slice(2)) {
    const { lhr } = await lighthouse(url, { port: chrome.port, logLevel: 'error' }, config);
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(
      CATEGORIES.map((name) => [name, Math.round(100 * lhr.categories[name].score)]));
    scores.bytes = lhr.audits['total-byte-weight'].numericValue;
    scores.requests = lhr.audits['network-requests'].details.items.length;
    console.log(JSON.stringify({ url, ...scores }));
  }
} finally {
  await chrome.kill();
}
