// A static server for the load benchmarks: like the tests' (tests/e2e/harness.mjs, python's
// http.server) but every response gzip-encoded, as a real host would send the page, so that the
// emulated phone's bandwidth is spent on the bytes a visitor downloads. Loopback only.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import path from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

/** The body of `file` gzipped at level 9 (what budget.test.mjs counts), made once per file. */
function cached() {
  const gz = new Map();
  return async (file) => {
    if (!gz.has(file)) gz.set(file, gzipSync(await readFile(file), { level: 9 }));
    return gz.get(file);
  };
}

/** Serves `dir` on 127.0.0.1 with gzip; resolves to { url, stop }. */
export function serveGzip(dir) {
  const root = path.resolve(dir);
  const body = cached();
  const server = createServer(async (req, res) => {
    const name = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = path.join(root, name.endsWith("/") ? `${name}index.html` : name);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const gz = await body(file);
      res.writeHead(200, {
        "content-type": TYPES[path.extname(file)] || "application/octet-stream",
        "content-encoding": "gzip",
        "content-length": gz.length,
        "cache-control": "no-cache",
      });
      res.end(gz);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, stop: () => server.close() });
    });
  });
}
