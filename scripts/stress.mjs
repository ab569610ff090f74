// `npm run test:stress`: the real-browser suites on a busy machine. One CPU-bound process per core
// competes with them for the whole run, as a CI machine shared with other work would; a test that
// depends on timing the browser or the machine does not promise fails here first. Not part of
// `npm test`: a run takes several times as long.
//
//   npm run test:stress                      3 rounds of the e2e suite, then the Firefox suite
//   npm run test:stress -- --runs 10 firefox 10 rounds of the Firefox suite alone
//
// Prints one line per suite run and closes with "N passed, N failed" (runs, not tests); exits 1
// when any run failed.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';

/** @type {Record<string, [string, string[]]>} */
const SUITES = {
  e2e: ['npx', ['playwright', 'test', '--project=e2e']],
  firefox: ['npx', ['vitest', 'run', '--config', 'vitest.firefox.config.ts']],
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '3' }, busy: { type: 'string', default: String(availableParallelism()) } },
});
const runs = Number(values.runs);
const busy = Number(values.busy);
const suites = positionals.length > 0 ? positionals : Object.keys(SUITES);
for (const name of suites) if (!(name in SUITES)) throw new Error(`No suite "${name}"; choose from ${Object.keys(SUITES).join(', ')}`);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(busy) || busy < 0) throw new Error('--runs and --busy take whole numbers');

/**
 * Runs a command to its end with the output shown; resolves to its exit code.
 * @param {string} command
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 * @returns {Promise<number>}
 */
function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

// The builds the suites test, made once before the load starts (npm test builds them the same way).
/** @type {[string, string[], Record<string, string>?][]} */
const buildSteps = [
  ['npx', ['wxt', 'build']],
  ['npx', ['wxt', 'build', '--mode', 'e2e'], { NODE_ENV: 'production' }],
  ['npx', ['wxt', 'build', '-b', 'firefox']],
  ['npx', ['wxt', 'build', '-b', 'firefox', '--mode', 'e2e'], { NODE_ENV: 'production' }],
];
for (const [command, args, env] of buildSteps) if ((await run(command, args, env)) !== 0) process.exit(1);

// Busy loops at the suites' own priority: each takes a whole core whenever the scheduler lets it.
const spinners = Array.from({ length: busy }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
const stopSpinners = () => spinners.forEach((child) => child.kill('SIGKILL'));
process.on('exit', stopSpinners);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
console.log(
  `test:stress: ${busy} busy process${busy === 1 ? '' : 'es'} running; ${runs} round${runs === 1 ? '' : 's'} of ${suites.join(' and ')}`,
);

const results = [];
for (let round = 1; round <= runs; round++)
  for (const name of suites) {
    const started = Date.now();
    const [command, args] = SUITES[name] ?? [];
    if (!command || !args) throw new Error(`No suite "${name}"`);
    const code = await run(command, args);
    const seconds = Math.round((Date.now() - started) / 1000);
    results.push({ round, name, passed: code === 0, seconds });
    console.log(`test:stress: round ${round}, ${name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s`);
  }

stopSpinners();
console.log('\ntest:stress, under load:');
for (const { round, name, passed, seconds } of results)
  console.log(`  round ${round}  ${name.padEnd(8)} ${passed ? 'passed' : 'FAILED'}  ${seconds} s`);
const passed = results.filter((result) => result.passed).length;
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);
