// The plain static peers of the paint benchmark: the same content the app shows first, as plain
// HTML with the app's own stylesheet and no script, served by the same nginx configuration.
// Whatever the app takes beyond this page's time is what the app itself costs.
//
//   node bench/plain-pages.mjs DIST OUT
//
// Writes OUT/index.html (the start page's result cards, in the order the open data lists the
// agreements) and OUT/medborgarlofte/ID/index.html for every agreement (title, promises and
// activities), with the same classes the benchmark's selectors look for. These link the
// stylesheet, as a static site does: the budget's peer. OUT/inlined/ holds the same pages with
// the stylesheet in a <style>, as the app's pages carry it: the best a static page can do.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dist, out] = process.argv.slice(2);
if (!dist || !out) {
  console.error("usage: node bench/plain-pages.mjs DIST OUT");
  process.exit(2);
}
const data = JSON.parse(readFileSync(join(dist, "data/medborgarloften.json"), "utf8"));
const stylesheet = readFileSync(join(dist, "shell.html"), "utf8").match(/<style>([^]*?)<\/style>/)?.[1];
if (!stylesheet) throw new Error(`no <style> in ${dist}/shell.html`);
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "main.css"), stylesheet);

const escape = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const VARIANTS = [
  { dir: out, style: `<link rel="stylesheet" href="/main.css">` },
  { dir: join(out, "inlined"), style: `<style>${stylesheet}</style>` },
];
const page = (title, body, style) => `<!DOCTYPE html>
<html lang="sv">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escape(title)}</title>
  ${style}
</head>
<body>
<main id="main" class="main">
${body}
</main>
</body>
</html>
`;
const record = (kind, text) => `<li><div class="record record--${kind}"><p class="record__text" lang="sv">${escape(text)}</p></div></li>`;

const cards = data.agreements.map((a) => `  <li><article class="card result">
    <h2 class="card__title" lang="sv"><a href="/medborgarlofte/${a.id}">${escape(a.title)}</a></h2>
    <p class="card__meta">${escape(a.kommuner.join(", "))}</p>
  </article></li>`);
const pages = [{ path: "", title: "Medborgarlöften", body: `<h1>Sök bland medborgarlöften</h1>\n<ol class="results">\n${cards.join("\n")}\n</ol>` }];

for (const a of data.agreements) {
  const body = [
    `<h1 lang="sv">${escape(a.title)}</h1>`,
    `<p>${escape(a.kommuner.join(", "))}</p>`,
    `<ol class="promises">${a.promises.map((p) => record("promise", p.text)).join("")}</ol>`,
    `<ul class="records">${a.activities.map((x) => record("activity", x.text)).join("")}</ul>`,
  ].join("\n");
  pages.push({ path: join("medborgarlofte", a.id), title: a.title, body });
}
for (const { dir, style } of VARIANTS) {
  for (const { path, title, body } of pages) {
    mkdirSync(join(dir, path), { recursive: true });
    writeFileSync(join(dir, path, "index.html"), page(title, body, style));
  }
}
console.log(`plain pages: ${pages.length} pages in ${out}, and with the stylesheet inlined in ${join(out, "inlined")}`);
