// Opens a relgraph viewer page in headless Chromium (puppeteer-core, pinned in
// package.json) and reports what a user would see, as one JSON line:
//   node viewer-check.js PAGE.html SEARCH [CHROMIUM]
// {"errors": [...console errors and page errors...], "requests": [...non-file URLs...],
//  "nodes": N, "edges": M, "visible": "...counts line...", "search": [ids],
//  "status": "...", "details": "...", "filtered": "...counts after filters..."}
// Used by tests/viewer_test.cpp.
"use strict";
const path = require("path");
const puppeteer = require("puppeteer-core");

async function main() {
  const [page_file, query, chromium = "/usr/bin/chromium"] = process.argv.slice(2);
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    // Root in a container has no user namespace for Chromium's sandbox.
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
  });
  const report = { errors: [], requests: [] };
  try {
    const page = await browser.newPage();
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") report.errors.push(m.type() + ": " + m.text());
    });
    page.on("pageerror", (e) => report.errors.push("pageerror: " + e.message));
    page.on("requestfailed", (r) => report.errors.push("requestfailed: " + r.url()));
    page.on("request", (r) => {
      if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) report.requests.push(r.url());
    });
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto("file://" + path.resolve(page_file), { waitUntil: "load" });
    await page.waitForFunction(() => window.relgraph && window.relgraph.ready, { timeout: 10000 });
    Object.assign(report, await page.evaluate(() => ({
      nodes: window.relgraph.cy.nodes().length,
      edges: window.relgraph.cy.edges().length,
      visible: document.getElementById("counts").textContent,
    })));
    // Search as a user does: type into the box and press Enter.
    await page.type("#search", query);
    await page.keyboard.press("Enter");
    Object.assign(report, await page.evaluate(() => ({
      search: window.relgraph.cy.nodes(".match").map((n) => n.id()),
      status: document.getElementById("search-status").textContent,
      details: document.getElementById("details").textContent,
    })));
    // Filters: the highest confidence only, then clicking a fact shows its evidence.
    await page.evaluate(() => {
      const slider = document.getElementById("min-confidence");
      slider.value = "0.95";
      slider.dispatchEvent(new Event("input"));
    });
    report.filtered = await page.evaluate(() => document.getElementById("counts").textContent);
    report.edge_details = await page.evaluate(() => {
      const e = window.relgraph.cy.edges().not(".hidden")[0];
      if (!e) return "";
      e.emit("tap");
      return document.getElementById("details").textContent;
    });
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(report) + "\n");
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
  process.exit(1);
});
