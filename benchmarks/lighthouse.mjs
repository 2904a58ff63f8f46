// Lighthouse on several pages in one Node and one Chromium (benchmarks/audit.py runs it):
// a fresh `lighthouse` command per page spent longer starting Node and Chromium than auditing.
//
//   node benchmarks/lighthouse.mjs CATEGORIES URL...
//
// Prints one JSON line per page: {"url": ..., "scores": {category: 0-100}}. Without the
// performance category nothing is timed, so Lighthouse does not wait for the page to be
// quiet (those waits exist for the performance metrics), and no screenshot is taken.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { pageFunctions } from "lighthouse/core/lib/page-functions.js";

const [categories, ...urls] = process.argv.slice(2);
const only = categories.split(",");
const timed = only.includes("performance");
const settings = {
  onlyCategories: only,
  disableFullPageScreenshot: true,
  ...(timed ? {} : { pauseAfterFcpMs: 0, pauseAfterLoadMs: 0, networkQuietThresholdMs: 0,
                     cpuQuietThresholdMs: 0 }),
};

// Before each page Lighthouse spins the CPU for a second to rate the machine; only the
// performance metrics use that rating, so without them it is not measured.
if (!timed) pageFunctions.computeBenchmarkIndex = () => 0;

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update",
                // Only the local server is reachable: a third-party request fails at once.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
});
try {
  for (const url of urls) {
    const result = await lighthouse(url, { port: chrome.port, logLevel: "error" },
                                    { extends: "lighthouse:default", settings });
    const scores = Object.fromEntries(Object.entries(result.lhr.categories)
      .map(([name, category]) => [name, Math.round(category.score * 100)]));
    const failure = result.lhr.runtimeError?.message;
    console.log(JSON.stringify({ url, scores, ...(failure ? { failure } : {}) }));
  }
} finally {
  await chrome.kill();
}
