#!/usr/bin/env bash
# Refreshes the front-end libraries vendored into src/MlPrep.Web/wwwroot/lib from npm.
# The copies are committed so that neither CI nor users need npm, and the app works offline.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
lib="$here/src/MlPrep.Web/wwwroot/lib"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent htmx.org@2.0.11 katex@0.19.1 @highlightjs/cdn-assets@11.12.0
rm -rf "$lib" && mkdir -p "$lib/htmx" "$lib/katex/contrib" "$lib/highlight/styles"
cp node_modules/htmx.org/dist/htmx.min.js "$lib/htmx/"
cp node_modules/htmx.org/LICENSE "$lib/htmx/LICENSE"
cp node_modules/katex/dist/katex.min.js node_modules/katex/dist/katex.min.css "$lib/katex/"
cp node_modules/katex/dist/contrib/auto-render.min.js "$lib/katex/contrib/"
mkdir -p "$lib/katex/fonts" && cp node_modules/katex/dist/fonts/*.woff2 "$lib/katex/fonts/"  # every current browser reads woff2
cp node_modules/katex/LICENSE "$lib/katex/LICENSE"
cp node_modules/@highlightjs/cdn-assets/highlight.min.js "$lib/highlight/"
cp node_modules/@highlightjs/cdn-assets/styles/github.min.css node_modules/@highlightjs/cdn-assets/styles/github-dark.min.css "$lib/highlight/styles/"
cp node_modules/@highlightjs/cdn-assets/LICENSE "$lib/highlight/LICENSE"
echo "vendored into $lib"
