// Minifies the stylesheet that index.html carries inline (every page rendered from it has it),
// with lightningcss from tools/: node scripts/minify-css.cjs PATH/index.html. Comments and
// white space are most of what the stylesheet's bytes cost a first visit. Run before the
// page's Content-Security-Policy is written, which allows the stylesheet by its hash.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { transform } = require(path.join(__dirname, "..", "tools", "node_modules", "lightningcss"));

const file = process.argv[2];
const html = fs.readFileSync(file, "utf8");
const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)];
if (styles.length !== 1) {
  console.error(`minify-css: expected the one inlined stylesheet in ${file}, found ${styles.length}`);
  process.exit(1);
}
const css = styles[0][1];
// No targets: the CSS is kept as written (light-dark(), nesting and all), only smaller.
const { code } = transform({ filename: "style/main.css", code: Buffer.from(css), minify: true });
const at = styles[0].index + "<style>".length;
fs.writeFileSync(file, html.slice(0, at) + code.toString() + html.slice(at + css.length));
console.log(`minify-css: the inline stylesheet ${css.length} → ${code.length} bytes`);
