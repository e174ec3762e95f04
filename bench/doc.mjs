// Writes a benchmark's figures into docs/benchmarks.md. Each mode of bench/run.mjs owns a
// section between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` and rewrites only that one,
// so running one mode keeps the other modes' figures. A section opens with when, on what
// machine, at which commit and by which command its figures were measured.
import { readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { root } from "../tests/e2e/harness.mjs";

const DOC = "docs/benchmarks.md";

/** The command that is measuring: bench.sh passes its own; otherwise this node process's. */
export const command = process.env.BENCH_COMMAND || ["node", "bench/run.mjs", ...process.argv.slice(2)].join(" ");

const git = (...args) => execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();

/**
 * The commit measured, by its short hash, with "+ uncommitted changes" when the tree differs
 * from it. The figures this file writes into docs/benchmarks.md do not count as a change, so
 * the modes of one `bash scripts/bench.sh` run name the same commit.
 */
function commit() {
  try {
    const hash = git("rev-parse", "--short", "HEAD");
    const dirty = git("status", "--porcelain", "--", ".", `:(exclude)${DOC}`) !== "";
    return dirty ? `${hash} + uncommitted changes` : hash;
  } catch {
    return "unknown (not a git checkout)";
  }
}

function osName() {
  try {
    const name = readFileSync("/etc/os-release", "utf8").match(/^PRETTY_NAME="?([^"\n]*)"?$/m);
    if (name) return name[1];
  } catch {
    // No os-release: the kernel's name below.
  }
  return `${os.type()} ${os.release()}`;
}

/** Cores, CPU model, memory, OS and the browser that measured. */
function machine(chromium) {
  const cpus = os.cpus();
  const model = (cpus[0]?.model ?? "unknown CPU").trim().replace(/\s+/g, " ");
  const gib = Math.round(os.totalmem() / 2 ** 30);
  return `${cpus.length} cores (${model}), ${gib} GiB of memory, ${osName()}, Chromium ${chromium} headless`;
}

/** A markdown table: `head` the column titles, `rows` arrays of cells. */
export function table(head, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

/**
 * Replaces section `name` of docs/benchmarks.md (appends it when the file has none) with
 * `title`, the line saying how the figures were measured, and `body` (markdown).
 * `chromium` is the version of the browser that measured.
 */
export function writeSection(name, title, body, chromium) {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const date = new Date().toISOString().slice(0, 10);
  const how = `Measured on ${date} at commit ${commit()} by \`${command}\`, on ${machine(chromium)}.`;
  const section = [start, `## ${title}`, "", how, "", body.trim(), end].join("\n");
  const file = path.join(root, DOC);
  const doc = readFileSync(file, "utf8");
  const i = doc.indexOf(start);
  const j = doc.indexOf(end, i);
  const next = i >= 0 && j >= 0 ? doc.slice(0, i) + section + doc.slice(j + end.length) : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
  console.log(`written to ${DOC}: "${title}"`);
}
