// The plain static peer of the paint benchmark: the same content the app shows first, as plain
// HTML with the app's own stylesheet and no script, served by the same nginx configuration.
// Whatever the app takes beyond this page's time is what the app itself costs.
//
//   node bench/plain-pages.mjs DIST OUT
//
// Writes OUT/index.html (the start page's result cards, in the order the open data lists the
// agreements) and OUT/medborgarlofte/ID/index.html for every agreement (title, promises and
// activities), with the same classes the benchmark's selectors look for.
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dist, out] = process.argv.slice(2);
if (!dist || !out) {
  console.error("usage: node bench/plain-pages.mjs DIST OUT");
  process.exit(2);
}
const data = JSON.parse(readFileSync(join(dist, "data/medborgarloften.json"), "utf8"));
const css = readdirSync(dist).find((f) => /^main-[0-9a-f]+\.css$/.test(f));
if (!css) throw new Error(`no main-*.css in ${dist}`);
mkdirSync(out, { recursive: true });
cpSync(join(dist, css), join(out, css));

const escape = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const page = (title, body) => `<!DOCTYPE html>
<html lang="sv">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escape(title)}</title>
  <link rel="stylesheet" href="/${css}">
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
writeFileSync(join(out, "index.html"), page("Medborgarlöften", `<h1>Sök bland medborgarlöften</h1>\n<ol class="results">\n${cards.join("\n")}\n</ol>`));

for (const a of data.agreements) {
  const dir = join(out, "medborgarlofte", a.id);
  mkdirSync(dir, { recursive: true });
  const body = [
    `<h1 lang="sv">${escape(a.title)}</h1>`,
    `<p>${escape(a.kommuner.join(", "))}</p>`,
    `<ol class="promises">${a.promises.map((p) => record("promise", p.text)).join("")}</ol>`,
    `<ul class="records">${a.activities.map((x) => record("activity", x.text)).join("")}</ul>`,
  ].join("\n");
  writeFileSync(join(dir, "index.html"), page(a.title, body));
}
console.log(`plain pages: ${data.agreements.length + 1} pages in ${out}`);
