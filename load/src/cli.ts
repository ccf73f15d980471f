#!/usr/bin/env node
import { runLoad } from './runner.ts';

process.exitCode = await runLoad(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
