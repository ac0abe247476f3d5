// Opens an HTML report of quotecheck in headless Chromium (Debian's, driven
// by playwright-core) and prints, as JSON, what a reader of the page meets:
// errors, network requests, every marked quotation with its colour and
// place, and what the inspector shows when the mark is pointed at and
// clicked. tests/html_report.rs runs it and judges the result; this script
// only looks.
//
// usage: node report.mjs REPORT.html SCREENSHOT.png

import { chromium } from "playwright-core";
import { pathToFileURL } from "node:url";

const [report, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  // A closed network: no background connections, no sandbox as root.
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
const url = pathToFileURL(report).href;
const seen = { errors: [], requests: [] };
page.on("console", (m) => {
  if (m.type() === "error" || m.type() === "warning") seen.errors.push(`console ${m.type()}: ${m.text()}`);
});
page.on("pageerror", (e) => seen.errors.push(`page error: ${e.message}`));
page.on("request", (r) => {
  if (r.url() !== url) seen.requests.push(r.url());
});
await page.goto(url, { waitUntil: "load" });

const text = async (el) => (el ? (await el.textContent()).replace(/\s+/g, " ").trim() : null);

seen.title = await page.title();
seen.summary = await page.$$eval("table.summary tbody tr", (rows) =>
  rows.map((row) => ({
    article: row.querySelector("th").textContent,
    counts: Object.fromEntries(
      [...row.querySelectorAll("td.n")].map((td) => [td.classList[1], Number(td.textContent)]),
    ),
  })),
);

seen.articles = [];
for (const section of await page.$$("section.article")) {
  const name = await section.getAttribute("data-article");
  const marks = [];
  for (const mark of await section.$$("mark.q")) {
    await mark.scrollIntoViewIfNeeded();
    const place = await mark.evaluate((m) => {
      const box = m.getClientRects()[0];
      const inText = m.closest(".text") !== null;
      const x = box.left + Math.min(4, box.width / 2);
      const y = box.top + box.height / 2;
      const top = document.elementFromPoint(x, y);
      return {
        id: m.id,
        status: m.classList[1],
        text: m.textContent.replace(/\s+/g, " ").trim(),
        background: getComputedStyle(m).backgroundColor,
        visible: box.width > 0 && box.height > 0,
        in_text: inText,
        on_top: top === m || m.contains(top),
      };
    });
    // Pointing at it shows it; clicking pins it.
    await mark.hover();
    const hovered = await section.$eval(".inspector", (i) => i.dataset.showing || null);
    await mark.click();
    const inspector = await section.$(".inspector");
    const field = async (selector) => await text(await inspector.$(selector));
    marks.push({
      ...place,
      hovered,
      shown: await inspector.evaluate((i) => i.dataset.showing || null),
      pinned: await mark.evaluate((m) => m.classList.contains("pinned")),
      record: await field(".record"),
      printed: await field(".printed"),
      deleted: await inspector.$$eval(".diff del", (d) => d.map((x) => x.textContent)),
      inserted: await inspector.$$eval(".diff ins", (d) => d.map((x) => x.textContent)),
      speaker_of_record: await field(".speaker-of-record"),
      attributed: await field(".attributed"),
      badge: await field(".badge"),
    });
  }
  seen.articles.push({ name, marks });
}

// The picture a reader gets: the drifted quotation, pinned beside the record.
const drifted = await page.$("mark.q.drifted");
if (drifted) {
  await drifted.scrollIntoViewIfNeeded();
  await drifted.click();
  await page.evaluate(() => window.scrollBy(0, -200));
}
await page.screenshot({ path: screenshot });
await browser.close();
process.stdout.write(JSON.stringify(seen, null, 1) + "\n");
