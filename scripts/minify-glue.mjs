// Trunk post-build hook (Trunk.toml): minifies wasm-bindgen's JS glue in a release build and
// updates its integrity hash in index.html. Trunk's own JS minifier cannot parse the glue (it
// leaves it as is, with a warning), and the glue is part of the page's size budget: terser takes
// about half of it off (a quarter, gzipped). CSS and HTML are minified by Trunk itself.
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { minify } from "terser";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("run by trunk as a post_build hook (TRUNK_STAGING_DIR is not set)");
if (process.env.TRUNK_PROFILE !== "release") process.exit(0);

const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
const htmlPath = path.join(dir, "index.html");
let html = readFileSync(htmlPath, "utf8");
// The glue is the module index.html imports `init` from.
const glue = html.match(/import init, \* as bindings from '\/?([^']+\.js)'/)?.[1];
if (!glue) throw new Error("index.html imports no wasm-bindgen glue");
const file = path.join(dir, glue);
const before = readFileSync(file);
const out = await minify(before.toString("utf8"), { module: true, compress: true, mangle: true });
if (!out.code) throw new Error(`terser produced nothing for ${glue}`);
writeFileSync(file, out.code);
// Keep the preload's integrity check true to the file now served.
const oldHash = sri(before);
if (html.includes(oldHash)) {
  html = html.split(oldHash).join(sri(Buffer.from(out.code)));
  writeFileSync(htmlPath, html);
}
console.log(`minify-glue: ${glue} ${before.length} -> ${out.code.length} B`);
