#!/usr/bin/env node
// The `kruisec` command: the CLI bundled into dist/ (built by `npm ci` through `prepare`; see
// scripts/bundle.mjs) runs in this process and sets its exit status.
import { main } from '../dist/kruisec.js';

process.exitCode = await main(process.argv.slice(2));
