// The phone web client: pairing, mining a photo, coins and recent blocks, all through the
// node's REST API on the same origin. No framework: each section has a refresh function
// that reads the API and writes the DOM.
import * as api from './api.js';
import * as wallet from './wallet.js';
import { formatCoinInput, formatCoinText, formatNumber, formatTime, normaliseAmount, t, tn, translatePage } from './i18n.js';
import * as payments from './payments.js';

const $ = (id) => document.getElementById(id);
const FINAL_JOB_STATES = new Set(['rejected', 'mined', 'stale', 'cancelled']);
const RECENT_BLOCKS = 8;
// How far back the page looks for the latest block claiming a label (the one a vote is on).
const CLAIM_SEARCH_DEPTH = 32;
const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
const JOB_POLL_MS = 1000;
const REFRESH_MS = 10000;
const HISTORY_SHOWN = 20;
const DESKTOP_ADDRESS_KEY = 'photoblocks.desktopAddress';

const page = { status: null, key: null, jobId: null, jobTimer: null, account: null, scan: null };

// "1,5 pièces": units as coins, in the page's language, with the right plural.
function coinsText(units) {
  const decimal = wallet.formatCoins(units);
  return tn('coins.amount', Number(decimal), { amount: formatCoinText(decimal) });
}

function say(element, text, kind = '') {
  element.textContent = text;
  element.className = `message ${kind}`;
}

// Shows an API failure where it happened; a revoked token sends the user back to pairing.
function fail(element, error) {
  say(element, api.describe(error), 'error');
  if (error instanceof api.ApiError && error.status === 401) {
    api.forgetPairing();
    showPairingState();
    say($('pair-result'), t('pair.revoked'), 'error');
  }
}

function showPairingState() {
  const device = api.pairedDevice();
  $('pairing').hidden = Boolean(device) && !$('pair-code').value;
  for (const id of ['device', 'mine', 'wallet']) $(id).hidden = !device;
  if (device) $('device-name').textContent = t('device.pairedAs', { name: device.name || t('device.thisPhone'), id: device.id || '?' });
}

async function refreshStatus() {
  try {
    page.status = await api.get('/api/v1/status');
    const s = page.status;
    $('node-status').textContent = t('status.line', {
      network: s.network, height: formatNumber(s.height), peers: tn('status.peers', s.peers),
      mining: t(s.mining.active ? 'status.on' : 'status.off'),
    });
  } catch (e) {
    $('node-status').textContent = api.describe(e);
  }
}

// ---- Pairing ----

async function onPair(event) {
  event.preventDefault();
  const result = $('pair-result');
  $('pair-button').disabled = true;
  try {
    const device = await api.pair($('pair-code').value, $('pair-name').value.trim());
    $('pair-code').value = '';
    say(result, t('pair.done', { id: device.id }), 'ok');
    showPairingState();
    await Promise.all([refreshLabels(), refreshWallet()]);
  } catch (e) {
    fail(result, e);
  } finally {
    $('pair-button').disabled = false;
  }
}

async function onUnpair() {
  const device = api.pairedDevice();
  const button = $('unpair-button');
  button.disabled = true;
  try {
    // The node revokes the token first: a phone that is lost later cannot use it.
    await api.request('DELETE', '/api/v1/pair');
    api.forgetPairing();
    showPairingState();
    say($('pair-result'), t('device.unpaired', { id: device && device.id }), 'ok');
  } catch (e) {
    api.forgetPairing();
    showPairingState();
    say($('pair-result'), t('device.unpairFailed', { error: api.describe(e), id: device && device.id }), 'error');
  } finally {
    button.disabled = false;
  }
}

// ---- Mining ----

async function refreshLabels() {
  const select = $('label-select');
  try {
    const answer = await api.get('/api/v1/mining/jobs');
    const chosen = select.value;
    select.replaceChildren(new Option(t('mine.chooseLabel'), ''), ...answer.labels.map((label) => new Option(label, label)));
    select.value = answer.labels.includes(chosen) ? chosen : '';
    $('mine-button').disabled = Boolean(answer.recognizerProblem);
    if (answer.recognizerProblem) say($('job-state'), t('mine.cannot', { problem: answer.recognizerProblem }), 'error');
  } catch (e) {
    fail($('job-state'), e);
  }
}

function showPreviousClaim(claim) {
  const votable = Boolean(claim);
  for (const radio of document.querySelectorAll('input[name=vote]')) {
    if (radio.value !== 'abstain') radio.disabled = !votable;
    if (!votable) radio.checked = radio.value === 'abstain';
  }
  const votes = claim && claim.votes
    ? t('mine.votesSoFar', { agree: formatNumber(claim.votes.agree), disagree: formatNumber(claim.votes.disagree) }) : '';
  $('previous-claim').textContent = votable
    ? t('mine.claim', { height: formatNumber(claim.height), label: claim.label, votes })
    : t('mine.noClaim', { count: CLAIM_SEARCH_DEPTH });
}

// Photos over the node's 2 MiB limit (or in a type it does not take) are re-encoded as JPEG,
// scaled down until they fit.
async function photoForUpload(file) {
  if (file.size <= MAX_PHOTO_BYTES && (file.type === 'image/jpeg' || file.type === 'image/png')) return file;
  const bitmap = await createImageBitmap(file);
  let scale = Math.min(1, 2048 / Math.max(bitmap.width, bitmap.height));
  for (;;) {
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9));
    if (blob && blob.size <= MAX_PHOTO_BYTES) return blob;
    scale *= 0.8;
  }
}

function base64Of(blob) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

function onPhotoChosen() {
  const file = $('photo-input').files[0];
  const preview = $('photo-preview');
  if (preview.src) URL.revokeObjectURL(preview.src);
  preview.hidden = !file;
  if (file) preview.src = URL.createObjectURL(file);
}

async function onMine(event) {
  event.preventDefault();
  const file = $('photo-input').files[0];
  const jobState = $('job-state');
  if (!file) return say(jobState, t('mine.noPhoto'), 'error');
  $('mine-button').disabled = true;
  try {
    delete jobState.dataset.state;
    say(jobState, t('mine.sending'));
    const body = {
      photo: await base64Of(await photoForUpload(file)),
      label: $('label-select').value,
      vote: document.querySelector('input[name=vote]:checked').value,
    };
    const reward = $('reward-address').value.trim();
    if (reward) body.rewardAddress = reward;
    const job = await api.post('/api/v1/mining/jobs', body);
    followJob(job);
  } catch (e) {
    fail(jobState, e);
  } finally {
    $('mine-button').disabled = false;
  }
}

const JOB_STATES = new Set(['queued', 'recognizing', 'mining', ...FINAL_JOB_STATES]);

function showJob(job) {
  const final = FINAL_JOB_STATES.has(job.state);
  const kind = job.state === 'mined' ? 'ok' : ['rejected', 'stale'].includes(job.state) ? 'error' : '';
  const title = JOB_STATES.has(job.state) ? t(`job.${job.state}`) : job.state;
  const detail = job.blockHash ? t('job.block', { hash: job.blockHash }) : job.detail;
  const text = detail ? t('job.withDetail', { title, detail }) : title;
  say($('job-state'), t('job.line', { id: job.id, label: job.label, text }), kind);
  $('job-state').dataset.state = job.state;
  $('cancel-job-button').hidden = final;
  const thumbnail = $('job-thumbnail');
  thumbnail.hidden = !job.blockHash;
  if (job.blockHash) thumbnail.src = `/api/v1/blocks/${job.blockHash}/thumbnail`;
}

function followJob(job) {
  clearTimeout(page.jobTimer);
  page.jobId = job.id;
  showJob(job);
  if (FINAL_JOB_STATES.has(job.state)) {
    if (job.state === 'mined') refreshAll();
    return;
  }
  page.jobTimer = setTimeout(async () => {
    try {
      const latest = await api.get(`/api/v1/mining/jobs/${encodeURIComponent(job.id)}`);
      if (latest.id === page.jobId) followJob(latest);
    } catch (e) {
      fail($('job-state'), e);
      if (page.jobId === job.id) page.jobTimer = setTimeout(() => followJob(job), JOB_POLL_MS);
    }
  }, JOB_POLL_MS);
}

async function onCancelJob() {
  try {
    followJob(await api.request('DELETE', `/api/v1/mining/jobs/${encodeURIComponent(page.jobId)}`));
  } catch (e) {
    fail($('job-state'), e);
  }
}

// ---- Coins ----

async function setUpKey() {
  const note = $('wallet-note');
  if (!wallet.keysAvailable()) {
    say(note, t('coins.insecure'), 'error');
    $('send-form').hidden = true;
    return;
  }
  try {
    page.key = await wallet.loadOrCreateKey();
    $('wallet-address').textContent = page.key.address;
    if (!$('reward-address').value) $('reward-address').value = page.key.address;
    say(note, '');
  } catch (e) {
    say(note, t('coins.noEd25519', { error: e.message }), 'error');
    $('send-form').hidden = true;
  }
}

async function refreshWallet() {
  if (!page.key || !api.pairedDevice()) return;
  try {
    const account = await api.get(`/api/v1/addresses/${page.key.address}`);
    const pending = account.pending || {};
    const outgoing = pending.spend ? t('coins.outgoing', { amount: coinsText(pending.spend) }) : '';
    $('wallet-balance').textContent = coinsText(account.balance) + outgoing;
    $('wallet-balance').dataset.units = String(account.balance);
    page.account = account;
    const history = await api.get(`/api/v1/addresses/${page.key.address}/txs?limit=${HISTORY_SHOWN}`);
    $('history-list').replaceChildren(...payments.historyItems(history.transactions, page.key.address));
  } catch (e) {
    fail($('send-result'), e);
  }
}

async function onSend(event) {
  event.preventDefault();
  const result = $('send-result');
  const amount = wallet.parseCoins(normaliseAmount($('send-amount').value));
  const fee = wallet.parseCoins(normaliseAmount($('send-fee').value));
  const to = $('send-to').value.trim();
  if (amount === null || amount === 0n) return say(result, t('send.badAmount'), 'error');
  if (fee === null) return say(result, t('send.badFee'), 'error');
  if (!wallet.decodeAddress(to)) return say(result, t('send.badAddress', { to }), 'error');
  $('send-button').disabled = true;
  try {
    const [status, account] = await Promise.all([api.get('/api/v1/status'), api.get(`/api/v1/addresses/${page.key.address}`)]);
    const transfer = await wallet.signTransfer(page.key, {
      networkHex: status.genesisHash, toAddress: to, amount, fee, nonce: account.nextNonce,
    });
    const sent = await api.post('/api/v1/tx', transfer);
    const txStatus = sent.status || 'pending';
    const statusText = ['pending', 'confirmed'].includes(txStatus) ? t(`tx.${txStatus}`) : txStatus;
    say(result, t('send.sent', { amount: coinsText(amount), to, status: statusText, id: sent.id }), 'ok');
    result.dataset.tx = sent.id;
    $('send-amount').value = '';
    say($('request-note'), '');
    await refreshWallet();
  } catch (e) {
    fail(result, e);
  } finally {
    $('send-button').disabled = false;
  }
}

// A photoblocks: request typed, pasted, scanned or opened as a link fills the form.
function applyPaymentRequest(text) {
  try {
    const request = payments.parsePaymentRequest(text);
    $('send-to').value = request.address;
    if (request.amount) $('send-amount').value = formatCoinInput(wallet.formatCoins(request.amount));
    say($('request-note'), payments.requestFilledText(request), 'ok');
    return true;
  } catch (e) {
    say($('request-note'), e.message, 'error');
    return false;
  }
}

function onRecipientInput() {
  const text = $('send-to').value.trim();
  if (/^photoblocks:/i.test(text)) applyPaymentRequest(text);
  else say($('request-note'), '');
}

async function onScan() {
  if (page.scan) {
    page.scan.abort();
    return;
  }
  page.scan = new AbortController();
  const video = $('scan-video');
  video.hidden = false;
  say($('request-note'), t('request.scanning'));
  try {
    const found = await payments.scanPaymentRequest(video, page.scan.signal);
    if (found) applyPaymentRequest(found);
    else say($('request-note'), t('request.scanNothing'));
  } catch (e) {
    say($('request-note'), t('request.cameraRefused', { error: e.message }), 'error');
  } finally {
    video.hidden = true;
    page.scan = null;
  }
}

function onSweep() {
  const to = $('desktop-address').value.trim();
  if (!wallet.decodeAddress(to)) return say($('send-result'), t('sweep.noAddress'), 'error');
  localStorage.setItem(DESKTOP_ADDRESS_KEY, to);
  const fee = wallet.parseCoins(normaliseAmount($('send-fee').value)) ?? 0n;
  const pendingSpend = BigInt((page.account && page.account.pending && page.account.pending.spend) || 0);
  const spendable = BigInt((page.account && page.account.balance) || 0) - pendingSpend;
  if (spendable <= fee) return say($('send-result'), t('sweep.nothing'), 'error');
  $('send-to').value = to;
  $('send-amount').value = formatCoinInput(wallet.formatCoins(spendable - fee));
  say($('request-note'), '');
  say($('send-result'), t('sweep.filled', { amount: coinsText(spendable - fee) }), 'ok');
  $('send-button').focus();
}

// ---- Recent blocks ----

function blockItem(block) {
  const item = document.createElement('li');
  let picture;
  if (block.photoHash) {
    picture = new Image();
    picture.src = `/api/v1/blocks/${block.hash}/thumbnail`;
    picture.alt = block.label ? t('blocks.photoClaim', { height: block.height, label: block.label }) : t('blocks.photo', { height: block.height });
    picture.loading = 'lazy';
  } else {
    picture = document.createElement('span');
    picture.className = 'no-photo';
    picture.setAttribute('role', 'img');
    picture.setAttribute('aria-label', t('blocks.noPhoto', { height: block.height }));
  }
  const text = document.createElement('div');
  const title = document.createElement('div');
  title.textContent = `#${formatNumber(block.height)}${block.label ? ` · “${block.label}”` : ''} · ${formatTime(new Date(block.time * 1000))}`;
  const hash = document.createElement('div');
  hash.className = 'hash mono';
  hash.textContent = block.hash.slice(0, 16) + '…';
  text.append(title, hash);
  item.append(picture, text);
  return item;
}

// Reads blocks down from the tip in parallel batches: the first few for the list, and on
// until the latest label claim (what a new job votes on).
async function refreshBlocks() {
  if (!page.status) return;
  const tip = page.status.height;
  const blocks = [];
  let claim = null;
  for (let top = tip; top >= 0 && tip - top < CLAIM_SEARCH_DEPTH && !claim; top -= RECENT_BLOCKS) {
    const heights = [];
    for (let h = top; h > top - RECENT_BLOCKS && h >= 0; --h) heights.push(h);
    const batch = await Promise.all(heights.map((h) => api.get(`/api/v1/blocks/${h}`)));
    blocks.push(...batch);
    claim = batch.find((b) => b.label) || null;
  }
  $('block-list').replaceChildren(...blocks.slice(0, RECENT_BLOCKS).map(blockItem));
  showPreviousClaim(claim);
}

async function refreshAll() {
  await refreshStatus();
  try {
    await Promise.all([refreshBlocks(), refreshWallet()]);
  } catch (e) {
    $('node-status').textContent = api.describe(e);
  }
}

async function start() {
  translatePage();
  $('send-amount').placeholder = formatCoinText('0.5');
  $('send-fee').value = formatCoinText($('send-fee').value);
  const code = /^#pair=([A-Za-z0-9-]+)$/.exec(location.hash);
  if (code) {
    $('pair-code').value = code[1];
    history.replaceState(null, '', location.pathname);  // a used code is worthless; keep it out of bookmarks
  }
  // A payment-request link: /#pay=<the photoblocks: URI, percent-encoded>.
  const payLink = /^#pay=(.+)$/.exec(location.hash);
  const payment = payLink ? decodeURIComponent(payLink[1]) : null;
  if (payLink) history.replaceState(null, '', location.pathname);
  $('pair-form').addEventListener('submit', onPair);
  $('unpair-button').addEventListener('click', onUnpair);
  $('photo-input').addEventListener('change', onPhotoChosen);
  $('mine-form').addEventListener('submit', onMine);
  $('cancel-job-button').addEventListener('click', onCancelJob);
  $('send-form').addEventListener('submit', onSend);
  $('send-to').addEventListener('input', onRecipientInput);
  $('scan-button').hidden = !payments.scanSupported();
  $('scan-button').addEventListener('click', onScan);
  $('sweep-button').addEventListener('click', onSweep);
  $('desktop-address').value = localStorage.getItem(DESKTOP_ADDRESS_KEY) || '';
  showPairingState();
  await setUpKey();
  await Promise.all([refreshLabels(), refreshAll()]);
  setInterval(refreshAll, REFRESH_MS);
  if (payment) applyPaymentRequest(payment);
  document.body.dataset.ready = 'true';
}

start();
