#!/usr/bin/env bash
# Builds the browser studio's front end into the folder given ($1) with the machine's Node.js: `npm ci` from the
# committed package-lock.json when node_modules is missing or older than the lock, then esbuild. Nothing else is
# downloaded: no Node.js, no browser.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	echo "cabin web: building the browser studio needs Node.js 20 or newer (node and npm on the PATH)," >&2
	echo "cabin web: e.g. 'apt-get install nodejs npm'; it is not downloaded by the build." >&2
	exit 1
fi
major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$major" -lt 20 ]; then
	echo "cabin web: building the browser studio needs Node.js 20 or newer; this machine has $(node --version)" >&2
	exit 1
fi
cd "$here"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	npm ci --no-audit --no-fund --loglevel=error
fi
node build.mjs "$1"
