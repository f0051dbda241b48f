// Payment requests and the phone's transfer history. A request is a "photoblocks:" URI, parsed
// as strictly as the desktop's core/wallet/PaymentRequest: a valid address, each parameter
// once, amount in coins (at most 8 decimals), label and message percent-encoded UTF-8, an
// unknown "req-" parameter refused. Its texts are i18n.js messages (request.*, history.*), in
// the page's language.
import { decodeAddress, parseCoins, formatCoins } from './wallet.js';
import { formatCoinText, formatDateTime, formatNumber, t } from './i18n.js';

const MAX_LENGTH = 2000;
const MAX_LABEL = 64;
const MAX_MESSAGE = 200;

function strictDecode(text) {
  if (/%(?![0-9A-Fa-f]{2})/.test(text)) return null;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;  // not UTF-8
  }
}

// {address, amount (BigInt units or null), label, message}; throws an Error whose message says why not.
export function parsePaymentRequest(input) {
  const text = String(input).trim();
  if (text.length > MAX_LENGTH) throw new Error(t('request.tooLong', { max: formatNumber(MAX_LENGTH) }));
  if (!/^photoblocks:/i.test(text)) throw new Error(t('request.notARequest'));
  const rest = text.slice('photoblocks:'.length);
  const question = rest.indexOf('?');
  const request = { address: question < 0 ? rest : rest.slice(0, question), amount: null, label: '', message: '' };
  if (!decodeAddress(request.address)) throw new Error(t('send.badAddress', { to: request.address.slice(0, 100) }));
  if (question < 0) return request;
  const seen = new Set();
  for (const pair of rest.slice(question + 1).split('&')) {
    const equals = pair.indexOf('=');
    const key = (equals < 0 ? pair : pair.slice(0, equals)).toLowerCase();
    const value = strictDecode(equals < 0 ? '' : pair.slice(equals + 1));
    if (!key) throw new Error(t('request.emptyParameter'));
    if (seen.has(key)) throw new Error(t('request.twice', { key }));
    seen.add(key);
    if (value === null || /[\u0000-\u001f\u007f-\u009f]/.test(value)) throw new Error(t('request.badText', { key }));
    if (key === 'amount') {
      request.amount = /^\d{1,11}(\.\d{1,8})?$/.test(value) ? parseCoins(value) : null;
      if (!request.amount) throw new Error(t('request.badAmount', { value: value.slice(0, 40) }));
    } else if (key === 'label') {
      if (value.length > MAX_LABEL) throw new Error(t('request.tooLongField', { key, max: formatNumber(MAX_LABEL) }));
      request.label = value;
    } else if (key === 'message') {
      if (value.length > MAX_MESSAGE) throw new Error(t('request.tooLongField', { key, max: formatNumber(MAX_MESSAGE) }));
      request.message = value;
    } else if (key.startsWith('req-')) {
      throw new Error(t('request.required', { key }));
    }
  }
  return request;
}

export function formatPaymentRequest({ address, amount = null, label = '', message = '' }) {
  const query = [];
  if (amount) query.push(`amount=${formatCoins(amount)}`);
  if (label) query.push(`label=${encodeURIComponent(label)}`);
  if (message) query.push(`message=${encodeURIComponent(message)}`);
  return `photoblocks:${address}${query.length ? '?' + query.join('&') : ''}`;
}

// What the page says once a request filled the send form.
export function requestFilledText(request) {
  return t('request.filled', {
    from: request.label ? t('request.from', { label: request.label }) : '',
    message: request.message ? t('request.message', { message: request.message }) : '',
  });
}

// One list item per transfer of `address`, pending first as the node lists them.
export function historyItems(transactions, address) {
  if (!transactions.length) {
    const empty = document.createElement('li');
    empty.textContent = t('history.empty');
    return [empty];
  }
  return transactions.map((tx) => {
    const direction = tx.type === 'coinbase' ? 'mined' : tx.from === address ? (tx.to === address ? 'self' : 'out') : 'in';
    const item = document.createElement('li');
    item.dataset.id = tx.id;
    item.dataset.status = tx.status;
    item.dataset.direction = direction;
    const what = document.createElement('div');
    what.textContent = t(`history.${direction}`, {
      amount: formatCoinText(formatCoins(tx.amount)), address: direction === 'out' ? tx.to : tx.from,
    });
    what.className = 'mono';
    const when = document.createElement('div');
    when.className = `tx-status ${tx.status}`;
    when.textContent = tx.status === 'confirmed'
      ? `${t('history.inBlock', { height: formatNumber(tx.height) })}${tx.time ? ' · ' + formatDateTime(new Date(tx.time * 1000)) : ''}`
      : t('tx.pending');
    item.append(what, when);
    return item;
  });
}

export function scanSupported() {
  return 'BarcodeDetector' in window && Boolean(navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
}

// Reads QR codes from the back camera into `video` until one is a payment request (returned),
// or `signal` aborts (null). The stream stops either way.
export async function scanPaymentRequest(video, signal) {
  const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
  try {
    video.srcObject = stream;
    await video.play();
    while (!signal.aborted) {
      for (const code of await detector.detect(video)) {
        if (/^photoblocks:/i.test(code.rawValue)) return code.rawValue;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return null;
  } finally {
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  }
}
