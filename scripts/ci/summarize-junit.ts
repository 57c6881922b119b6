/**
 * Prints the closing line CI recognises, `N passed, N failed`, summed over every bun test run of .ci/run.
 *
 *   bun scripts/ci/summarize-junit.ts [--logs a.log,b.log] [--failed-step 'NAME[=x.xml,y.xml]']... junit-*.xml
 *
 * Counts come from the JUnit files (`bun test --reporter=junit`): a <testcase> with <failure> or <error> failed, one
 * with <skipped> (skip, todo) is left out, any other passed. Bun leaves out of the XML an error thrown outside any
 * test (a file that fails to load, an unhandled rejection between tests) but reports it in its console summary
 * (` 1 error`, also counted in ` N fail`): with --logs, those errors from the console logs count as failures too.
 * A CI step that failed (--failed-step) without any failed test in the JUnit files it names (typecheck, the Node
 * smoke check, a suite that crashed before writing its report) counts as one failure, so the closing line never
 * reads "0 failed" for a red run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

const files: string[] = [];
const logs: string[] = [];
const failedSteps: Array<{ name: string; reports: string[] }> = [];
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i]!;
  if (arg === '--logs') logs.push(...(process.argv[++i] ?? '').split(',').filter(Boolean));
  else if (arg === '--failed-step') {
    const [name = '', reports = ''] = (process.argv[++i] ?? '').split('=');
    failedSteps.push({ name, reports: reports.split(',').filter(Boolean).map((r) => basename(r)) });
  } else files.push(arg);
}
const failedIn = new Map<string, number>();

const unescape = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : e === 'amp' ? '&'
      : String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );

/** Parses bun's JUnit XML. Attribute values are quoted and escaped, so `>` inside a name cannot end a tag early. */
function countJunit(xml: string): Counts & { failures: string[] } {
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] as string[] };
  const testcase = /<testcase\b((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>/g;
  for (let match = testcase.exec(xml); match; match = testcase.exec(xml)) {
    let body = '';
    if (match[2] !== '/') {
      const end = xml.indexOf('</testcase>', testcase.lastIndex);
      body = xml.slice(testcase.lastIndex, end < 0 ? xml.length : end);
    }
    if (/<(failure|error)\b/.test(body)) {
      counts.failed++;
      const attr = (name: string) => unescape(new RegExp(`\\s${name}="([^"]*)"`).exec(match![1]!)?.[1] ?? '');
      counts.failures.push(`${attr('file')}: ${[attr('classname'), attr('name')].filter(Boolean).join(' > ')}`);
    } else if (/<skipped\b/.test(body)) counts.skipped++;
    else counts.passed++;
  }
  return counts;
}

/** Errors outside any test, from bun's console summaries (` 2 error` / ` 2 errors`); ANSI colours stripped. */
function consoleErrors(log: string): number {
  const plain = log.replace(/\x1b\[[0-9;]*m/g, '');
  let total = 0;
  for (const match of plain.matchAll(/^\s*(\d+) errors?\s*$/gm)) total += Number(match[1]);
  return total;
}

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
for (const file of files) {
  if (!existsSync(file)) {
    console.log(`${basename(file)}: missing (that run did not start or did not finish)`);
    continue;
  }
  const counts = countJunit(readFileSync(file, 'utf8'));
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  failedIn.set(basename(file), counts.failed);
  console.log(`${basename(file)}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  for (const failure of counts.failures) console.log(`  failed: ${failure}`);
}

const outsideTests = logs.filter(existsSync).reduce((sum, log) => sum + consoleErrors(readFileSync(log, 'utf8')), 0);
if (outsideTests > 0) {
  console.log(`${outsideTests} error(s) outside any test (bun's console summary; see "Unhandled error" in the log), counted as failed`);
  total.failed += outsideTests;
}
for (const step of failedSteps) {
  if (step.reports.some((report) => (failedIn.get(report) ?? 0) > 0)) continue;
  console.log(`step failed without a failed test to show for it: ${step.name} (counted as 1 failed)`);
  total.failed++;
}
console.log(`${total.passed} passed, ${total.failed} failed`);
