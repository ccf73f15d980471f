#!/usr/bin/env node
// The installed `tim-marks-stub` command. npm links a workspace's bin at `npm ci` time, when dist/ does
// not exist yet, and skips a bin whose file is missing: this committed file is what it links, and it
// loads the build, so the command works as soon as `npm run build` (or `npm start`) has run.
const cli = new URL('../dist/cli.js', import.meta.url);
try {
  await import(cli.href);
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes(cli.pathname)) throw error;
  process.stderr.write(
    'tim-marks-stub: not built yet: run `npm run build` (or `npx nx run @tim-marks/stub-server:build`) first\n',
  );
  process.exitCode = 1;
}
