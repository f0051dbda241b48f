// End-to-end test of the phone web client in Debian's chromium (headless, 360×740):
// a real photoblocksd on the test network serves the page and the API on loopback; the page
// pairs with a code from POST /api/v1/pairing, mines a photo of a person to the phone's own
// address, sees the reward, and sends coins with a transfer signed by its WebCrypto key.
// The node accepting that transfer, and naming the page's address as its sender, shows that
// the JS address and transfer encodings match the C++ ones (a wrong byte = bad_signature).
// The page lists its transfers (mined, sent; pending then confirmed) as the node does, fills
// the send form from a payment-request link (and refuses a bad one), warns that its key has no
// backup and fills a "send everything to my desktop wallet" transfer.
// Screenshots of every step go to $PB_SCREENSHOTS/web-*.png.
//
// Environment: PB_DAEMON (photoblocksd), PB_JS_MODULES (node_modules with puppeteer-core),
// PB_SCREENSHOTS, PB_PHOTO (a Debian-shipped photo of a person), PB_WRONG_PHOTO (one
// without an airplane), PB_CHROMIUM.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { check, env, log, runBrowserTest, waitFor } from './daemon.mjs';

const screenshots = env('PB_SCREENSHOTS');
mkdirSync(screenshots, { recursive: true });
for (const old of readdirSync(screenshots).filter((name) => /^web-\d+-.*\.png$/.test(name))) rmSync(join(screenshots, old));

// The files at / come with their types, revalidation and an ETag that gives 304.
async function checkServedFiles(node) {
  const types = { '/': 'text/html', '/app.js': 'text/javascript', '/api.js': 'text/javascript',
                  '/wallet.js': 'text/javascript', '/i18n.js': 'text/javascript', '/payments.js': 'text/javascript',
                  '/style.css': 'text/css',
                  '/manifest.webmanifest': 'application/manifest+json', '/icon.svg': 'image/svg+xml' };
  for (const [path, type] of Object.entries(types)) {
    const first = await node.api('GET', path);
    check(first.status === 200, `GET ${path} answers 200, not ${first.status}`);
    check(first.headers.get('content-type').startsWith(type), `${path} is ${type}, not ${first.headers.get('content-type')}`);
    check(first.headers.get('cache-control') === 'no-cache', `${path} is revalidated (Cache-Control: no-cache)`);
    const etag = first.headers.get('etag');
    const again = await fetch(node.url(path), { headers: { 'If-None-Match': etag } });
    check(again.status === 304, `GET ${path} with its ETag answers 304, not ${again.status}`);
  }
  const wrongMethod = await node.api('POST', '/');
  check(wrongMethod.status === 405, `POST / answers 405, not ${wrongMethod.status}`);
  const lookalike = await node.api('GET', '/appXjs');
  check(lookalike.status === 404 && lookalike.json.error.code === 'no_such_route', `GET /appXjs is no route: ${lookalike.text}`);
}

async function main({ node, dataDir, launchBrowser }) {
  await node.start(dataDir, ['--mode', 'head', '--mine', '--threads', '1']);
  log(`node serving on ${node.url('/')}`);
  await checkServedFiles(node);

  const pairing = await node.operatorApi('POST', '/api/v1/pairing');
  check(pairing.status === 201, `POST /api/v1/pairing answers 201: ${pairing.text}`);
  const { code, pairingUrl } = pairing.json;
  check(pairingUrl === node.url(`/#pair=${code}`), `the pairing URL ${pairingUrl} opens this node's web client`);

  const browser = await launchBrowser();
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // Refused API calls (the wrong code below) log "Failed to load resource"; anything else
  // (an exception, a CSP refusal) is a fault of the page.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(message.text());
  });
  await page.setViewport({ width: 360, height: 740, isMobile: true, hasTouch: true });
  const shot = async (name) => page.screenshot({ path: join(screenshots, `web-${name}.png`), fullPage: true });
  const text = (selector) => page.$eval(selector, (e) => e.textContent);

  // 1. Open the pairing link; the code is in the form, and gone from the address bar.
  await page.goto(pairingUrl);
  await page.waitForSelector('body[data-ready=true]', { timeout: 30000 });
  check(await page.$eval('#pair-code', (e) => e.value) === code, 'the pairing code from #pair= is in the form');
  check(!page.url().includes(code), 'the used code leaves the address bar');
  const fitsWidth = await page.evaluate(() => document.documentElement.scrollWidth <= 360);
  check(fitsWidth, 'the page fits a 360-px-wide screen without horizontal scrolling');
  await shot('1-pairing');

  // 2. A mistyped code gets the API's error, readable; the right one pairs, and the node
  // lists the device under the name typed.
  const setField = (selector, value) => page.$eval(selector, (e, v) => { e.value = v; }, value);
  await setField('#pair-code', 'AAAA-AAAA');
  await page.click('#pair-button');
  await page.waitForSelector('#pair-result.error', { timeout: 15000 });
  const refusal = await text('#pair-result');
  check(refusal.includes('bad_pairing_code') && refusal.includes('HTTP 400'), `a wrong code is explained: ${refusal}`);
  await shot('2-wrong-code');
  await setField('#pair-code', code);
  await setField('#pair-name', '');
  await page.type('#pair-name', 'E2E phone');
  await page.click('#pair-button');
  await page.waitForSelector('#pair-result.ok', { timeout: 15000 });
  check(!await page.$eval('#device', (e) => e.hidden), 'the paired phone shows its device section');
  const devices = (await node.operatorApi('GET', '/api/v1/devices')).json.devices;
  check(devices.length === 1 && devices[0].name === 'E2E phone', `the node lists the paired phone: ${JSON.stringify(devices)}`);
  check(await page.evaluate(() => Boolean(localStorage.getItem('photoblocks.token'))), 'the token is in localStorage');
  const phoneAddress = await waitFor('the phone\'s address', async () => {
    const address = await text('#wallet-address');
    return address.startsWith('pb1') && address;
  }, 15000);
  check(await page.$eval('#reward-address', (e) => e.value) === phoneAddress, 'rewards go to the phone\'s address by default');
  await shot('3-paired');
  log(`paired; the phone's address is ${phoneAddress}`);

  // 3. Choose the photo and its label, then submit the job.
  await page.waitForSelector('#label-select option[value=person]', { timeout: 15000 });
  const photoInput = await page.$('#photo-input');
  await photoInput.uploadFile(env('PB_PHOTO'));
  await page.waitForSelector('#photo-preview:not([hidden])', { timeout: 10000 });
  await page.select('#label-select', 'person');
  await shot('4-photo-chosen');
  await page.click('#mine-button');

  // 4. Follow the job until it is mined.
  const finalState = await waitFor('the job to settle', () =>
    page.$eval('#job-state', (e) => ['mined', 'rejected', 'stale', 'cancelled'].includes(e.dataset.state) && e.dataset.state),
  90000);
  const jobText = await text('#job-state');
  await shot('5-job-settled');
  check(finalState === 'mined', `the job was mined, not ${finalState}: ${jobText}`);
  await page.waitForSelector('#job-thumbnail:not([hidden])');
  log(`job mined: ${jobText}`);

  // 5. The reward shows as the phone's balance.
  const balance = await waitFor('a balance above zero', async () => {
    const units = Number(await page.$eval('#wallet-balance', (e) => e.dataset.units || '0'));
    return units > 0 && units;
  }, 30000);
  const account = (await node.api('GET', `/api/v1/addresses/${phoneAddress}`)).json;
  check(account.balance === balance, `the page shows the node's balance (${account.balance} units), not ${balance}`);
  check(await page.$$eval('#block-list li', (items) => items.length) > 0, 'the recent blocks are listed');
  await page.evaluate(() => document.getElementById('wallet').scrollIntoView());
  await shot('6-balance');
  log(`balance ${balance} units`);

  // 6. Send a quarter coin to the node's own address with a transfer signed in the page.
  const nodeAddress = (await node.api('GET', '/api/v1/status')).json.mining.rewardAddress;
  check(nodeAddress !== phoneAddress, 'the recipient is another address');
  await page.type('#send-to', nodeAddress);
  await page.type('#send-amount', '0.25');
  await page.click('#send-button');
  await page.waitForFunction(() => /message (ok|error)/.test(document.getElementById('send-result').className), { timeout: 15000 });
  const sendText = await text('#send-result');
  await shot('7-sent');
  const txId = await page.$eval('#send-result', (e) => e.dataset.tx);
  check(txId, `the node accepted the transfer: ${sendText}`);
  const tx = (await node.api('GET', `/api/v1/tx/${txId}`)).json;
  check(tx.from === phoneAddress, `the node derives the page's address from its key (${tx.from} vs ${phoneAddress})`);
  check(tx.to === nodeAddress && tx.amount === 25000000 && tx.fee === 1000, `the transfer is as typed: ${JSON.stringify(tx)}`);
  await waitFor('the transfer to be confirmed', async () =>
    (await node.api('GET', `/api/v1/tx/${txId}`)).json.status === 'confirmed', 30000);
  log(`transfer ${txId} accepted and confirmed`);

  // 6b. The history lists the reward and the confirmed transfer, in the node's order.
  const historyRow = (id) => page.$eval(`#history-list li[data-id="${id}"]`,
    (e) => ({ status: e.dataset.status, direction: e.dataset.direction, text: e.textContent })).catch(() => null);
  await waitFor('the confirmed transfer in the page\'s history', async () => {
    const row = await historyRow(txId);
    return row && row.status === 'confirmed' && row.direction === 'out' && row.text.includes(nodeAddress);
  }, 30000);
  const nodeIds = (await node.api('GET', `/api/v1/addresses/${phoneAddress}/txs?limit=20`)).json.transactions.map((t) => t.id);
  check(nodeIds.length === 2, `the node lists the reward and the transfer: ${nodeIds}`);
  const pageIds = await page.$$eval('#history-list li', (items) => items.map((e) => e.dataset.id));
  check(JSON.stringify(pageIds) === JSON.stringify(nodeIds), `the page lists the node's history: ${pageIds} vs ${nodeIds}`);
  check(await page.$('#history-list li[data-direction=mined]'), 'the mining reward is in the history');
  check(await page.$eval('#backup-warning', (e) => !e.hidden && e.offsetParent !== null && e.textContent.includes('cannot be backed up')),
        'the page warns that its key has no backup');

  // 6c. A payment-request link fills the send form; sending it shows a pending, then confirmed, transfer.
  const request = `photoblocks:${nodeAddress}?amount=0.1&label=${encodeURIComponent('Desk wallet')}`;
  await page.goto('about:blank');
  await page.goto(node.url(`/#pay=${encodeURIComponent(request)}`));
  await page.waitForSelector('body[data-ready=true]', { timeout: 30000 });
  check(!page.url().includes('#pay='), 'the used request leaves the address bar');
  check(await page.$eval('#send-to', (e) => e.value) === nodeAddress, 'the request filled the recipient');
  check(await page.$eval('#send-amount', (e) => e.value) === '0.1', 'the request filled the amount');
  check((await text('#request-note')).includes('Desk wallet'), `the request's label is shown: ${await text('#request-note')}`);
  await shot('7b-payment-request');
  await page.click('#send-button');
  await page.waitForFunction((first) => {
    const result = document.getElementById('send-result');
    return (result.dataset.tx && result.dataset.tx !== first) || result.className.includes('error');
  }, { timeout: 15000 }, txId);
  const requestTx = await page.$eval('#send-result', (e) => e.dataset.tx);
  check(requestTx, `the node accepted the requested payment: ${await text('#send-result')}`);
  const firstSeen = await waitFor('the requested payment in the history', () => historyRow(requestTx), 15000);
  check(['pending', 'confirmed'].includes(firstSeen.status), `the history shows its status: ${JSON.stringify(firstSeen)}`);
  if (firstSeen.status === 'pending') check(firstSeen.text.includes('pending'), `a pending transfer says so: ${firstSeen.text}`);
  await shot('7c-history');
  await waitFor('the requested payment confirmed in the history', async () => (await historyRow(requestTx))?.status === 'confirmed', 40000);
  check((await node.api('GET', `/api/v1/tx/${requestTx}`)).json.amount === 10000000, 'the requested amount was sent');
  log(`payment request paid (${requestTx}, first seen ${firstSeen.status})`);

  // 6d. A bad request link is refused with its reason; the sweep fills everything spendable.
  await page.goto('about:blank');
  await page.goto(node.url(`/#pay=${encodeURIComponent('photoblocks:pb1nope?amount=1')}`));
  await page.waitForSelector('body[data-ready=true]', { timeout: 30000 });
  await page.waitForSelector('#request-note.error');
  check((await text('#request-note')).includes('not a Photoblocks address'), `a bad request is explained: ${await text('#request-note')}`);
  await waitFor('the balance', async () => Number(await page.$eval('#wallet-balance', (e) => e.dataset.units || '0')) > 0, 15000);
  await page.$eval('#sweep', (e) => { e.open = true; });
  await setField('#desktop-address', nodeAddress);
  await page.click('#sweep-button');
  const phoneAccount = (await node.api('GET', `/api/v1/addresses/${phoneAddress}`)).json;
  const everything = BigInt(phoneAccount.balance) - BigInt(phoneAccount.pending.spend || 0) - 1000n;
  const swept = await page.$eval('#send-amount', (e) => e.value);
  const [whole, fraction = ''] = swept.split('.');
  check(BigInt(whole) * 100000000n + BigInt(fraction.padEnd(8, '0')) === everything, `the sweep fills all that is spendable (${everything} units): ${swept}`);
  check(await page.$eval('#send-to', (e) => e.value) === nodeAddress, 'the sweep goes to the desktop address');
  await shot('7d-sweep');

  // 7. A photo claiming what it does not show (a dog as an airplane) is rejected, with what the recognizer saw.
  await (await page.$('#photo-input')).uploadFile(env('PB_WRONG_PHOTO'));  // the page was reloaded since
  await page.select('#label-select', 'airplane');
  await page.click('#mine-button');
  await page.waitForFunction((previous) => {
    const state = document.getElementById('job-state');
    return !state.textContent.includes(previous) && ['rejected', 'mined'].includes(state.dataset.state);
  }, { timeout: 60000 }, jobText.slice(0, 20));
  const rejection = await text('#job-state');
  check(await page.$eval('#job-thumbnail', (e) => e.hidden && getComputedStyle(e).display === 'none'),
        'a rejected job shows no block thumbnail');
  await page.$eval('#mine', (e) => e.scrollIntoView());
  await shot('8-rejected');
  check(/Rejected — the recognizer does not see 'airplane'; it sees \w/.test(rejection), `the rejection says what the recognizer saw: ${rejection}`);

  // 8. Unpair: the node revokes the token, the page forgets it and shows the pairing form.
  const deviceId = await page.evaluate(() => JSON.parse(localStorage.getItem('photoblocks.device')).id);
  check((await node.operatorApi('GET', '/api/v1/devices')).json.devices.some((d) => d.id === deviceId), 'the phone is paired');
  await page.click('#unpair-button');
  await page.waitForFunction(() => localStorage.getItem('photoblocks.token') === null, { timeout: 10000 });
  check(!await page.$eval('#pairing', (e) => e.hidden), 'the pairing form is back');
  check((await text('#pair-result')).startsWith('Unpaired: the node revoked'), `unpairing says so: ${await text('#pair-result')}`);
  check(!(await node.operatorApi('GET', '/api/v1/devices')).json.devices.some((d) => d.id === deviceId),
        'the node no longer lists the phone');
  await shot('9-unpaired');

  check(pageErrors.length === 0, `no script errors in the page: ${pageErrors.join(' | ')}`);
}

await runBrowserTest('web', main);
