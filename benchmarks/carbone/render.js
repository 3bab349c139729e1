// Carbone renders a template as often as asked, for make bench (benchmarks/bench.py).
//   node render.js TEMPLATE.docx DATA.json OUT.docx
// Renders once (written to OUT.docx, to compare), then once per line read on stdin,
// answering each with the milliseconds that render took: voorstel's renderer and this one
// take turns, so both are measured under the same load.
"use strict";
const fs = require("fs");
const readline = require("readline");
const carbone = require("carbone");

const [sjabloon, gegevens, uit] = process.argv.slice(2);
const data = JSON.parse(fs.readFileSync(gegevens, "utf8"));

function render() {
  return new Promise((klaar, fout) => {
    carbone.render(sjabloon, data, {}, (err, resultaat) => (err ? fout(err) : klaar(resultaat)));
  });
}

(async () => {
  fs.writeFileSync(uit, await render());
  console.log("klaar");
  const regels = readline.createInterface({ input: process.stdin });
  for await (const _ of regels) {
    const begin = process.hrtime.bigint();
    await render();
    console.log(String(Number(process.hrtime.bigint() - begin) / 1e6));
  }
})().catch((err) => {
  console.error(String(err));
  process.exit(1);
});
