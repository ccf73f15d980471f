// After a consumer run, with CI set: the pacts just written must be the committed ones, so that a
// change of the contract is always part of a reviewed commit. Prints the difference and fails.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const ci = process.env.CI;
if (ci === undefined || ci === '' || ci === 'false' || ci === '0') {
  console.log('pacts written to pacts/ (with CI set, they are compared with the committed ones)');
  process.exit(0);
}

const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });
let diff;
let untracked;
try {
  diff = git('diff', '--stat', '--patch', 'HEAD', '--', 'pacts/');
  untracked = git('ls-files', '--others', '--exclude-standard', '--', 'pacts/');
} catch (error) {
  console.error(`cannot compare pacts/ with the committed ones: ${error.message}`);
  process.exit(1);
}
if (diff === '' && untracked === '') {
  console.log('pacts/ is as committed');
  process.exit(0);
}
console.error('The consumer run produced pacts that differ from the committed ones.');
console.error('Review the contract change, then commit pacts/ with the change that caused it.\n');
if (diff !== '') console.error(diff);
if (untracked !== '') console.error(`not committed:\n${untracked}`);
process.exit(1);
