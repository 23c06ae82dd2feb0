// `claimkb site` in a real browser: Debian's Chromium driven by playwright-core, with
// axe-core for accessibility (tests/site/README.md).
//   node browser_test.js SITE_DIR [SCREENSHOT_DIR]
"use strict";
const fs = require("fs");
const path = require("path");
const assert = require("assert");
const { pathToFileURL, fileURLToPath } = require("url");
const { chromium } = require("playwright-core");
const { default: AxeBuilder } = require("@axe-core/playwright");

const site = path.resolve(process.argv[2]);
const shots = process.argv[3];
const url = (rel) => pathToFileURL(path.join(site, rel)).href;
const pages = [];
for (const dir of ["", "claims", "citations"]) {
  for (const f of fs.readdirSync(path.join(site, dir))) if (f.endsWith(".html")) pages.push(path.join(dir, f));
}
const claims = pages.filter((p) => p.startsWith("claims"));
let failures = 0;
function fail(message) {
  failures++;
  console.error("FAIL: " + message);
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox"],  // ctest may run as root
  });
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));

  // Every page: loads without a console error, every local link and fragment resolves,
  // and each claim page has one ClaimReview with its required fields.
  for (const rel of pages) {
    errors.length = 0;
    await page.goto(url(rel));
    if (errors.length) fail(`${rel}: console errors: ${errors.join("; ")}`);
    const links = await page.evaluate(() =>
      Array.from(document.querySelectorAll("a[href], link[href], script[src]"), (e) =>
        new URL(e.getAttribute("href") || e.getAttribute("src"), document.baseURI).href));
    for (const link of links) {
      const u = new URL(link);
      if (u.protocol !== "file:") continue;
      const file = fileURLToPath(u.origin === "null" ? "file://" + u.pathname : u.href.split("#")[0]);
      if (!fs.existsSync(file)) { fail(`${rel}: broken link ${link}`); continue; }
      if (u.hash) {
        const id = decodeURIComponent(u.hash.slice(1));
        const html = fs.readFileSync(file, "utf8");
        if (!html.includes(`id="${id}"`)) fail(`${rel}: no #${id} in ${link}`);
      }
    }
    const ld = await page.$$eval('script[type="application/ld+json"]', (s) => s.map((e) => e.textContent));
    if (rel.startsWith("claims")) {
      assert.strictEqual(ld.length, 1, rel);
      const j = JSON.parse(ld[0]);
      assert.strictEqual(j["@type"], "ClaimReview", rel);
      assert.ok(j.claimReviewed && [...j.claimReviewed].length <= 75, `${rel}: claimReviewed`);
      assert.ok(j.url && j.author && j.author.name && /^\d{4}-\d\d-\d\d$/.test(j.datePublished), rel);
      assert.ok(j.reviewRating.ratingValue >= 1 && j.reviewRating.ratingValue <= 5, rel);
      assert.ok(j.reviewRating.alternateName, rel);
      assert.ok(Array.isArray(j.itemReviewed.appearance), rel);
    } else {
      assert.strictEqual(ld.length, 0, rel);
    }
  }
  console.log(`${pages.length} pages loaded, links checked`);

  // Accessibility: no serious or critical axe violation on the index, the about page,
  // every claim page and the first citation pages.
  const audited = ["index.html", "about.html", ...claims, ...pages.filter((p) => p.startsWith("citations")).slice(0, 5)];
  for (const rel of audited) {
    await page.goto(url(rel));
    const result = await new AxeBuilder({ page }).analyze();
    for (const v of result.violations) {
      if (v.impact === "serious" || v.impact === "critical") {
        fail(`${rel}: axe ${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3)})`);
      }
    }
  }
  console.log(`${audited.length} pages audited with axe`);

  // The search box finds a claim from a lay word that its statement does not use.
  await page.goto(url("index.html"));
  const index = await page.evaluate(() => window.CLAIMKB_INDEX);
  const belly = index.claims.find((c) => c[0] === "psoas-can-be-palpated-through-abdomen");
  assert.ok(belly && !/belly/i.test(belly[1]), "'belly' is a lay word for that claim, not in its statement");
  await page.fill("#q", "belly");
  const found = await page.$$eval("#results a", (as) => as.map((a) => a.getAttribute("href")));
  if (!found.includes("claims/psoas-can-be-palpated-through-abdomen.html")) fail(`search 'belly' found ${found}`);
  assert.ok(await page.isHidden("#listing"), "the static list gives way to the results");
  await page.fill("#q", "");
  assert.ok(await page.isVisible("#listing"), "an empty finder shows the full list again");

  // Filters: each shows exactly the claims the index data says it should.
  const expect = (pred) => index.claims.filter(pred).length;
  await page.selectOption("#f-verdict", "refuted");
  let shown = await page.$$eval("#results li .badge", (b) => b.map((e) => e.className));
  if (shown.length !== expect((c) => c[2] === "refuted") || shown.some((c) => !c.includes("v-refuted"))) {
    fail(`verdict filter showed ${shown.length} (${shown.slice(0, 3)})`);
  }
  await page.selectOption("#f-verdict", "");
  const tag = await page.$eval("#f-tag option:nth-child(2)", (o) => o.value);
  await page.selectOption("#f-tag", tag);
  shown = await page.$$eval("#results li", (l) => l.length);
  if (shown !== expect((c) => c[4].includes(tag))) fail(`tag filter '${tag}' showed ${shown}`);
  await page.selectOption("#f-tag", "");
  const concept = await page.$eval("#f-concept option:nth-child(2)", (o) => o.value);
  await page.selectOption("#f-concept", concept);
  shown = await page.$$eval("#results li", (l) => l.length);
  if (shown !== expect((c) => c[5].includes(concept)) || shown === 0) fail(`concept filter '${concept}' showed ${shown}`);
  console.log("search and filters work");

  // Without JavaScript the finder stays hidden and every claim is still listed.
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const p2 = await plain.newPage();
  await p2.goto(url("index.html"));
  assert.ok(await p2.isHidden("#finder"));
  assert.strictEqual(await p2.$$eval("#listing li", (l) => l.length), Math.min(200, index.claims.length));
  await plain.close();

  // A phone 375 px wide: no page scrolls sideways; tables scroll inside their box.
  const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true });
  const p3 = await phone.newPage();
  for (const rel of ["index.html", "about.html", claims[0], ...claims.slice(1, 6)]) {
    await p3.goto(url(rel));
    const width = await p3.evaluate(() => document.documentElement.scrollWidth);
    if (width > 375) fail(`${rel}: ${width} px wide at 375`);
  }
  await phone.close();
  console.log("readable at 375 px");

  if (shots) {
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(url("index.html"));
    await page.screenshot({ path: path.join(shots, "site-index.png") });
    await page.goto(url("claims/tight-psoas-causes-back-pain.html"));
    await page.screenshot({ path: path.join(shots, "site-claim.png"), fullPage: false });
  }
  await browser.close();
  if (failures) {
    console.error(`${failures} failures`);
    process.exit(1);
  }
  console.log("browser tests passed");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
