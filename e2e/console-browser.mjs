// The audit console in a real browser (Debian's chromium, driven by puppeteer-core; nothing is downloaded), against
// a running demo after the incident walk: ConsoleBrowserIT runs it. Usage:
//   node console-browser.mjs --url http://127.0.0.1:PORT/console/ --audit-file FILE --screenshots DIR \
//        --chromium /usr/bin/chromium --markup-correlation ID
// Prints "ok - <check>" per check and "chain: <text>" with the broken chain as the console shows it; exits 1 on the
// first failed check (its message on stderr), 2 on bad usage. Screenshots go to DIR (01-calls.png, ...).
import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  arg.startsWith('--') ? pairs.concat([[arg.slice(2), all[i + 1]]]) : pairs, []));
for (const required of ['url', 'audit-file', 'screenshots', 'chromium', 'markup-correlation']) {
  if (!args[required]) {
    console.error(`missing --${required}`);
    process.exit(2);
  }
}
fs.mkdirSync(args.screenshots, { recursive: true });

let passed = 0;
function check(condition, description, detail = '') {
  if (!condition) throw new Error(`FAILED: ${description}${detail ? ': ' + detail : ''}`);
  passed++;
  console.log(`ok - ${description}`);
}

const browser = await puppeteer.launch({ executablePath: args.chromium, headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
const problems = [];
const page = await browser.newPage();
try {
  await page.setViewport({ width: 1440, height: 1000 });
  page.on('console', (message) => {
    const where = message.location() && message.location().url || '';
    if (message.type() === 'error' && !where.endsWith('/favicon.ico')) problems.push(`console error: ${message.text()} (${where})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.evaluateOnNewDocument(() => document.addEventListener('securitypolicyviolation',
    (e) => { window.cspViolations = (window.cspViolations || []).concat(`${e.violatedDirective} ${e.blockedURI}`); }));

  const idle = () => page.waitForFunction(() => document.body.dataset.ready === 'true' && !document.body.dataset.busy
    && !document.getElementById('chain').dataset.checking, { timeout: 20000 });
  const shot = (name) => page.screenshot({ path: path.join(args.screenshots, name), fullPage: true });
  const text = (selector) => page.$eval(selector, (e) => e.textContent);
  const rows = () => page.$$eval('#calls tbody tr', (trs) => trs.map((tr) => Array.from(tr.cells, (c) => c.textContent)));
  const COLUMN = { seq: 0, principal: 2, tool: 4, decision: 5, outcome: 6, flags: 8 };

  /** Runs {@code action} (a click that changes the view) and waits until the console has shown the new view. */
  async function navigate(action) {
    const before = await page.evaluate(() => Number(document.body.dataset.routes || 0));
    await action();
    await page.waitForFunction((b) => Number(document.body.dataset.routes || 0) > b && !document.body.dataset.busy,
      { timeout: 20000 }, before);
  }

  async function filter(values) {
    await page.$eval('#filters', (form) => form.reset());
    for (const [name, value] of Object.entries(values)) {
      await page.$eval(`#filters [name=${name}]`, (field, v) => { field.value = v; }, value);
    }
    await navigate(() => page.click('#filters-apply'));
  }

  // The list, newest first, with the chain intact.
  await page.goto(args.url, { waitUntil: 'load' });
  await idle();
  check((await text('#chain')).startsWith('Chain intact: '), 'the header shows the chain intact', await text('#chain'));
  const all = await rows();
  check(all.length >= 10, 'the call list shows the incident walk', `${all.length} rows`);
  check(Number(all[0][COLUMN.seq]) > Number(all[all.length - 1][COLUMN.seq]), 'newest first');
  await shot('01-calls.png');

  // Filters.
  await filter({ principal: 'apikey:inventory-demo', decision: 'denied' });
  const denied = await rows();
  check(denied.length >= 1 && denied.every((r) => r[COLUMN.principal] === 'apikey:inventory-demo' && r[COLUMN.decision] === 'denied'),
    'principal and decision filters keep only the inventory key\'s denied calls', JSON.stringify(denied));
  check(denied.some((r) => r[COLUMN.tool] === 'ddb__describe_table'), 'the denied describe_table of payments-orders is listed');
  await shot('02-filter-denied.png');

  await filter({ findings: 'bad value!' });
  check((await text('#error')).includes("findings: 'bad value!' is not a name"), 'a bad filter value is refused naming the parameter');
  problems.splice(0, problems.length, ...problems.filter((p) => !p.includes('findings=bad'))); // the expected 400

  await filter({ findings: 'any', taint: 'strong' });
  const flagged = await rows();
  check(flagged.length >= 1 && flagged.every((r) => r[COLUMN.flags].includes('findings') && r[COLUMN.flags].includes('taint strong')),
    'guard findings and taint filters keep the flagged reads', JSON.stringify(flagged));
  check(flagged.some((r) => r[COLUMN.tool] === 's3__get_object'), 'the vendor notes read is among them');

  // One call's detail.
  const vendorNotes = flagged.find((r) => r[COLUMN.tool] === 's3__get_object')[COLUMN.seq];
  await navigate(() => page.click(`#calls tbody tr[data-seq="${vendorNotes}"] a`));
  const detail = await text('#view-detail');
  check(detail.includes('s3__get_object · seq ' + vendorNotes), 'the detail view opens the record', detail.slice(0, 200));
  const findings = await page.$$eval('#view-detail table.findings tbody tr', (trs) => trs.map((tr) => Array.from(tr.cells, (c) => c.textContent)));
  check(findings.length >= 1 && findings.every((f) => f[2].startsWith('$')), 'guard findings are listed with their JSON paths', JSON.stringify(findings));
  check(detail.includes('Session taint') && detail.includes('strong'), 'the session taint is shown');
  check(detail.includes('payments-oncall.yaml:') && detail.includes('role/mcp-s3-readonly') && detail.includes('STS session name'),
    'the decision rule and the AWS identity are shown', detail);
  check(detail.includes('lookup-events --lookup-attributes AttributeKey=Username,AttributeValue=payments-oncall.'),
    'AWS request ids come with a CloudTrail lookup hint');
  check(detail.includes('"key": "runbooks/vendor-notes.md"'), 'the audited arguments are shown');
  await shot('03-detail.png');

  // The session's timeline.
  await navigate(() => page.click('#view-detail dd a[href^="#session/"]'));
  const timeline = await page.$$eval('#view-session ol.timeline li', (lis) => lis.map((li) => li.textContent));
  check(timeline.length >= 2 && timeline[0].includes('session_start') && timeline.some((t) => t.includes('s3__get_object')),
    'the session timeline starts with session_start and holds the read', JSON.stringify(timeline));
  await shot('04-session.png');

  // Audit data is text, never markup.
  await page.goto(args.url + '#calls?requestId=' + encodeURIComponent(args['markup-correlation']), { waitUntil: 'load' });
  await idle();
  const markupRows = await rows();
  check(markupRows.length === 1, 'a correlation id finds its one call', JSON.stringify(markupRows));
  await navigate(() => page.click('#calls tbody tr a'));
  const markup = await page.evaluate(() => ({ text: document.getElementById('view-detail').textContent,
    images: document.querySelectorAll('img').length, pwned: document.body.dataset.pwned || null }));
  check(markup.text.includes('<img src=x onerror=') && markup.images === 0 && markup.pwned === null,
    'markup in audited arguments is shown as text and never runs', JSON.stringify(markup).slice(0, 300));

  // Live state.
  await navigate(() => page.click('#nav-live'));
  const live = await text('#view-live');
  check(/Open sessions \([1-9]\d*\)/.test(live) && live.includes('apikey:payments-demo'), 'the live page lists open sessions');
  const toolsets = await page.$$eval('#view-live table:nth-of-type(2) tbody tr', (trs) => trs.map((tr) => tr.cells[0].textContent));
  check(['ddb', 's3', 'logs', 'lambda', 'cw'].every((t) => toolsets.includes(t)), 'and every toolset with its breakers', JSON.stringify(toolsets));
  check(live.includes('inventory, payments-oncall') && live.includes('accepted'), 'and the policy set in force');
  await shot('05-live.png');

  // Policy explain.
  async function explain(principal, tool, argumentsJson) {
    await page.click('#nav-explain');
    await page.waitForSelector('#view-explain:not([hidden])');
    await page.$eval('#explain-form [name=principal]', (f, v) => { f.value = v; }, principal);
    await page.select('#explain-form [name=tool]', tool);
    await page.$eval('#explain-form [name=arguments]', (f, v) => { f.value = v; }, argumentsJson);
    await page.click('#explain-submit');
    await page.waitForSelector('#explain-result:not([hidden]) .verdict');
    await idle();
    return text('#explain-result');
  }
  const deny = await explain('apikey:inventory-demo', 'ddb__describe_table', '{"table":"payments-orders"}');
  check(deny.startsWith('DENY ddb__describe_table') && deny.includes('outside the resources granted'),
    'explain: the inventory key may not describe payments-orders, and why', deny);
  await shot('06-explain-deny.png');
  const allow = await explain('apikey:payments-demo', 'ddb__describe_table', '{"table":"payments-orders"}');
  check(allow.startsWith('ALLOW ddb__describe_table') && allow.includes('payments-oncall.yaml:'), 'explain: the payments key may, by this rule', allow);
  await shot('07-explain-allow.png');

  // A tampered audit file shows as a broken chain.
  const lines = fs.readFileSync(args['audit-file'], 'utf8').split('\n');
  const index = lines.findIndex((l) => l.includes('"principal":"apikey:inventory-demo"') && l.includes('"decision":"denied"'));
  check(index >= 0 && index < lines.length - 2, 'the trail holds a denial followed by more records');
  lines[index] = lines[index].replace('"decision":"denied"', '"decision":"allowed"');
  fs.writeFileSync(args['audit-file'], lines.join('\n'));
  await navigate(() => page.click('#nav-calls'));
  await page.click('#verify');
  await idle();
  const chain = await text('#chain');
  console.log('chain: ' + chain);
  check(chain.startsWith('Chain BROKEN: ') && chain.includes(`:${index + 2}: line ${index + 2} does not carry the hash of line ${index + 1}`),
    'after one record is edited the header shows the chain broken at the next line', chain);
  check(await page.$eval('#chain', (e) => e.classList.contains('broken')), 'in its alarm colours');
  await shot('08-broken-chain.png');

  const violations = await page.evaluate(() => window.cspViolations || []);
  check(violations.length === 0 && problems.length === 0, 'no Content-Security-Policy violation and no script error',
    JSON.stringify(violations.concat(problems)));
  console.log(`console browser checks: ${passed} passed`);
} catch (e) {
  console.error(e.message);
  console.error(problems.join('\n'));
  await page.screenshot({ path: path.join(args.screenshots, 'failure.png'), fullPage: true }).catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
}
