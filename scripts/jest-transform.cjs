// Jest transform: TypeScript to CommonJS with esbuild (ts-jest needs a TypeScript compiler API).
const { transformSync } = require("esbuild");

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, {
      loader: filename.endsWith(".ts") ? "ts" : "js",
      format: "cjs",
      target: "node20",
      sourcemap: "external",
      sourcefile: filename,
    });
    return { code, map };
  },
};
