// Payment requests and the phone's transfer history. A request is a "photoblocks:" URI, parsed
// as strictly as the desktop's core/wallet/PaymentRequest: a valid address, each parameter
// once, amount in coins (at most 8 decimals), label and message percent-encoded UTF-8, an
// unknown "req-" parameter refused. Every text this file shows is in TEXT.
import { decodeAddress, parseCoins, formatCoins } from './wallet.js';

export const TEXT = {
  notARequest: 'A payment request starts with “photoblocks:”.',
  tooLong: 'A payment request has at most 2000 characters.',
  badAddress: (a) => `“${a.slice(0, 100)}” is not a Photoblocks address (pb1…, with a valid checksum).`,
  emptyParameter: 'The payment request has an empty parameter.',
  twice: (k) => `The payment request gives “${k}” twice.`,
  badText: (k) => `The payment request's “${k}” is not valid text.`,
  badAmount: (v) => `The requested amount “${v.slice(0, 40)}” is not a positive number of coins (at most 8 decimals).`,
  tooLongField: (k, n) => `The payment request's ${k} has more than ${n} characters.`,
  required: (k) => `The payment request requires “${k}”, which this page does not understand.`,
  requestFilled: (r) => `Payment request${r.label ? ` from ${r.label}` : ''}${r.message ? `: ${r.message}` : ''}. ` +
    'Check the amount, then Send.',
  direction: { in: 'Received', out: 'Sent', self: 'To itself', mined: 'Mined' },
  from: 'from', to: 'to',
  pending: 'pending', confirmed: (h) => `in block ${h}`,
  noHistory: 'No transfers yet.',
  scanUnsupported: 'This browser cannot read QR codes: paste or type the request.',
  scanning: 'Point the camera at the payment-request QR code…',
  scanNothing: 'No payment-request QR code found.',
  cameraRefused: (why) => `The camera is not available (${why}). Paste or type the request.`,
  sweepNoAddress: 'Type your desktop wallet\'s address first (pb1…).',
  sweepNothing: 'Nothing to send: the balance does not cover the fee.',
  sweepFilled: (coins) => `The form now sends everything, ${coins} coins after the fee, to your desktop wallet. Check and tap Send.`,
};

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
  if (text.length > MAX_LENGTH) throw new Error(TEXT.tooLong);
  if (!/^photoblocks:/i.test(text)) throw new Error(TEXT.notARequest);
  const rest = text.slice('photoblocks:'.length);
  const question = rest.indexOf('?');
  const request = { address: question < 0 ? rest : rest.slice(0, question), amount: null, label: '', message: '' };
  if (!decodeAddress(request.address)) throw new Error(TEXT.badAddress(request.address));
  if (question < 0) return request;
  const seen = new Set();
  for (const pair of rest.slice(question + 1).split('&')) {
    const equals = pair.indexOf('=');
    const key = (equals < 0 ? pair : pair.slice(0, equals)).toLowerCase();
    const value = strictDecode(equals < 0 ? '' : pair.slice(equals + 1));
    if (!key) throw new Error(TEXT.emptyParameter);
    if (seen.has(key)) throw new Error(TEXT.twice(key));
    seen.add(key);
    if (value === null || /[\u0000-\u001f\u007f-\u009f]/.test(value)) throw new Error(TEXT.badText(key));
    if (key === 'amount') {
      request.amount = /^\d{1,11}(\.\d{1,8})?$/.test(value) ? parseCoins(value) : null;
      if (!request.amount) throw new Error(TEXT.badAmount(value));
    } else if (key === 'label') {
      if (value.length > MAX_LABEL) throw new Error(TEXT.tooLongField('label', MAX_LABEL));
      request.label = value;
    } else if (key === 'message') {
      if (value.length > MAX_MESSAGE) throw new Error(TEXT.tooLongField('message', MAX_MESSAGE));
      request.message = value;
    } else if (key.startsWith('req-')) {
      throw new Error(TEXT.required(key));
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

// One list item per transfer of `address`, pending first as the node lists them.
export function historyItems(transactions, address) {
  if (!transactions.length) {
    const empty = document.createElement('li');
    empty.textContent = TEXT.noHistory;
    return [empty];
  }
  return transactions.map((tx) => {
    const direction = tx.type === 'coinbase' ? 'mined' : tx.from === address ? (tx.to === address ? 'self' : 'out') : 'in';
    const item = document.createElement('li');
    item.dataset.id = tx.id;
    item.dataset.status = tx.status;
    item.dataset.direction = direction;
    const what = document.createElement('div');
    const sign = direction === 'out' ? '−' : direction === 'self' ? '' : '+';
    what.textContent = `${TEXT.direction[direction]} ${sign}${formatCoins(tx.amount)}` +
      (direction === 'out' ? ` ${TEXT.to} ${tx.to}` : direction === 'in' ? ` ${TEXT.from} ${tx.from}` : '');
    what.className = 'mono';
    const when = document.createElement('div');
    when.className = `tx-status ${tx.status}`;
    when.textContent = tx.status === 'confirmed'
      ? `${TEXT.confirmed(tx.height)}${tx.time ? ' · ' + new Date(tx.time * 1000).toLocaleString() : ''}`
      : TEXT.pending;
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
