// The phone web client speaks English, German and French, chosen from the browser's
// navigator.languages: every language has exactly English's messages with the same
// placeholders, and in Debian's chromium (headless) a page whose browser prefers de-AT or fr-CA
// shows its headings, form labels, pairing answer, status line, transfer history and refusals
// (of an amount, of a payment request) in that language, with no English sentence left, amounts
// written with the language's decimal separator and a typed "0,5" read as half a coin. A browser
// preferring a language we lack (ja) gets English.
// Screenshots: $PB_SCREENSHOTS/web-lang-<language>.png.
//
// Environment: PB_DAEMON, PB_JS_MODULES, PB_SCREENSHOTS, PB_CHROMIUM, PB_WEB_DIR.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { check, env, log, runBrowserTest } from './daemon.mjs';

const screenshots = env('PB_SCREENSHOTS');
mkdirSync(screenshots, { recursive: true });
const i18n = await import(pathToFileURL(join(env('PB_WEB_DIR'), 'i18n.js')).href);

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');

function checkCatalogues() {
  const english = i18n.messages('en');
  check(JSON.stringify(i18n.LANGUAGES) === JSON.stringify(['en', 'de', 'fr']), `languages: ${i18n.LANGUAGES}`);
  for (const language of i18n.LANGUAGES) {
    const messages = i18n.messages(language);
    const missing = Object.keys(english).filter((key) => !(key in messages));
    const extra = Object.keys(messages).filter((key) => !(key in english));
    check(missing.length === 0, `${language} translates every message; missing: ${missing.join(', ')}`);
    check(extra.length === 0, `${language} has no message English lacks: ${extra.join(', ')}`);
    for (const [key, text] of Object.entries(messages)) {
      check(typeof text === 'string' && text.trim() !== '', `${language} ${key} is not empty`);
      check(placeholders(text) === placeholders(english[key]), `${language} ${key} keeps the placeholders of English`);
    }
  }
  check(i18n.pickLanguage(['ja', 'fr-CA', 'de']) === 'fr', 'the first preferred language spoken wins');
  check(i18n.pickLanguage(['ja', 'zh-CN']) === 'en', 'English when none is spoken');
}

// English sentences of the static page that must be gone in another language.
const ENGLISH_ONLY = ['Pair this phone', 'Name of this phone', 'Mine a photo', 'What the photo shows',
  'Your vote on the previous claim', 'Reward address', 'Recent blocks', 'Send to', 'Amount (coins)',
  'Connecting to the node', 'Paired: this phone is device', 'network · height', 'cannot be backed up',
  'Send everything to my desktop wallet', 'Transfers', 'No transfers yet', 'is not a Photoblocks address'];

async function checkLanguage(browser, node, preferred, expected) {
  const messages = i18n.messages(expected);
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.evaluateOnNewDocument((languages) => {
    Object.defineProperty(navigator, 'languages', { get: () => languages });
    Object.defineProperty(navigator, 'language', { get: () => languages[0] });
  }, preferred);
  await page.setViewport({ width: 360, height: 740, isMobile: true, hasTouch: true });
  const text = (selector) => page.$eval(selector, (e) => e.textContent.trim());

  const pairing = await node.operatorApi('POST', '/api/v1/pairing');
  check(pairing.status === 201, `a pairing code: ${pairing.text}`);
  await page.goto(pairing.json.pairingUrl);
  await page.waitForSelector('body[data-ready=true]', { timeout: 30000 });
  check(await page.$eval('html', (e) => e.lang) === expected, `<html lang> is ${expected} for ${preferred}`);
  check(await text('#pairing-title') === messages['pair.title'], `the pairing title in ${expected}: ${await text('#pairing-title')}`);
  check(await page.$eval('#pair-name', (e) => e.value) === messages['pair.defaultName'], 'the default phone name is translated');
  await page.click('#pair-button');
  await page.waitForSelector('#pair-result.ok', { timeout: 15000 });
  const paired = await text('#pair-result');
  check(paired.startsWith(messages['pair.done'].split('{id}')[0]), `the pairing answer in ${expected}: ${paired}`);
  await page.waitForFunction(() => document.getElementById('node-status').textContent.includes('·'), { timeout: 15000 });

  for (const [selector, key] of [['#mine-title', 'mine.title'], ['#wallet-title', 'coins.title'], ['#blocks-title', 'blocks.title'],
    ['label[for=label-select]', 'mine.label'], ['label[for=send-amount]', 'send.amount'], ['#vote legend', 'mine.voteLegend'],
    ['#unpair-button', 'device.unpair'], ['#mine-button', 'mine.button']])
    check(await text(selector) === messages[key], `${selector} reads "${messages[key]}", not "${await text(selector)}"`);
  const status = await text('#node-status');
  check(status.startsWith(messages['status.line'].split('{network}')[0]), `the status line in ${expected}: ${status}`);

  const decimal = new Intl.NumberFormat(expected).formatToParts(1.5).find((p) => p.type === 'decimal').value;
  const fee = await page.$eval('#send-fee', (e) => e.value);
  check(fee === `0${decimal}00001`, `the default fee is written 0${decimal}00001 in ${expected}, not ${fee}`);
  const half = await page.evaluate(async () => {
    const [{ normaliseAmount }, wallet] = await Promise.all([import('/i18n.js'), import('/wallet.js')]);
    const units = wallet.parseCoins(normaliseAmount(`0${new Intl.NumberFormat(document.documentElement.lang)
      .formatToParts(1.5).find((p) => p.type === 'decimal').value}5`));
    return units === null ? null : String(units);
  });
  check(half === '50000000', `half a coin typed the ${expected} way is 50000000 units, not ${half}`);

  // A refusal from the page itself is in the language too.
  await page.type('#send-to', 'pb1notanaddress');
  await page.type('#send-amount', 'abc');
  await page.click('#send-button');
  await page.waitForSelector('#send-result.error', { timeout: 10000 });
  check(await text('#send-result') === messages['send.badAmount'], `the refusal in ${expected}: ${await text('#send-result')}`);

  // The wallet's history (still empty) and a refused payment request speak it too.
  await page.waitForSelector('#history-list li', { timeout: 15000 });
  check(await text('#history-list li') === messages['history.empty'], `the empty history in ${expected}: ${await text('#history-list li')}`);
  await page.$eval('#send-to', (e) => { e.value = ''; });
  await page.type('#send-to', 'photoblocks:pb1nope?amount=1');
  await page.waitForSelector('#request-note.error', { timeout: 10000 });
  check(await text('#request-note') === messages['send.badAddress'].replace('{to}', 'pb1nope'),
        `the refused request in ${expected}: ${await text('#request-note')}`);

  if (expected !== 'en') {
    const visible = await page.evaluate(() => document.body.innerText);
    const left = ENGLISH_ONLY.filter((sentence) => visible.includes(sentence));
    check(left.length === 0, `no English left in the ${expected} page: ${left.join(' | ')}`);
  }
  await page.screenshot({ path: join(screenshots, `web-lang-${expected}.png`), fullPage: true });
  check(pageErrors.length === 0, `no script errors in the ${expected} page: ${pageErrors.join(' | ')}`);
  log(`${preferred.join(',')} → ${expected}: ${status}`);
  await page.close();
}

async function main({ node, dataDir, launchBrowser }) {
  checkCatalogues();
  await node.start(dataDir, ['--mode', 'head']);
  const browser = await launchBrowser();
  await checkLanguage(browser, node, ['de-AT', 'de'], 'de');
  await checkLanguage(browser, node, ['fr-CA', 'en'], 'fr');
  await checkLanguage(browser, node, ['ja', 'en-GB'], 'en');
}

await runBrowserTest('web-lang', main);
