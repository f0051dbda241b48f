// The phone's own key and the encodings the node checks, written to match the C++ exactly:
// addresses as core/crypto/Address (bech32m, hrp "pb", first 20 bytes of SHA-256 of the
// Ed25519 public key) and transfers as core/chain/Transaction (the signing tag, then
// type 1 | network 32 | sender key 32 | to 20 | amount u64 | fee u64 | nonce u64, little-endian).

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const BECH32M_CONST = 0x2bc830a3;
const ADDRESS_HRP = 'pb';
const TRANSFER_SIGNING_TAG = 'photoblocks transfer v1';
const TRANSFER_TYPE = 1;
export const UNITS_PER_COIN = 100000000n;

function polymod(values) {
  const gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ v) >>> 0;
    for (let i = 0; i < 5; ++i) if ((top >>> i) & 1) chk = (chk ^ gen[i]) >>> 0;
  }
  return chk;
}

function hrpExpand(hrp) {
  const out = [];
  for (const c of hrp) out.push(c.charCodeAt(0) >> 5);
  out.push(0);
  for (const c of hrp) out.push(c.charCodeAt(0) & 31);
  return out;
}

// Regroups bits; decoding (pad = false) refuses leftovers, as the C++ does.
function convertBits(data, fromBits, toBits, pad) {
  let acc = 0, bits = 0;
  const out = [], maxValue = (1 << toBits) - 1;
  for (const value of data) {
    acc = ((acc << fromBits) | value) & 0xffffff;
    bits += fromBits;
    while (bits >= toBits) {
      bits -= toBits;
      out.push((acc >> bits) & maxValue);
    }
  }
  if (pad) {
    if (bits > 0) out.push((acc << (toBits - bits)) & maxValue);
  } else if (bits >= fromBits || ((acc << (toBits - bits)) & maxValue) !== 0) {
    return null;
  }
  return out;
}

export function bech32mEncode(hrp, data) {
  const mod = polymod([...hrpExpand(hrp), ...data, 0, 0, 0, 0, 0, 0]) ^ BECH32M_CONST;
  let out = hrp + '1';
  for (const d of data) out += CHARSET[d];
  for (let i = 0; i < 6; ++i) out += CHARSET[(mod >>> (5 * (5 - i))) & 31];
  return out;
}

// The 20-byte account hash of a "pb1…" address, or null if it is not one.
export function decodeAddress(text) {
  if (typeof text !== 'string' || text.length > 90 || /[^\x21-\x7e]/.test(text)) return null;
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) return null;
  const lower = text.toLowerCase();
  const sep = lower.lastIndexOf('1');
  if (sep < 1 || sep + 7 > lower.length || lower.slice(0, sep) !== ADDRESS_HRP) return null;
  const values = [];
  for (const c of lower.slice(sep + 1)) {
    const v = CHARSET.indexOf(c);
    if (v < 0) return null;
    values.push(v);
  }
  if (polymod([...hrpExpand(ADDRESS_HRP), ...values]) !== BECH32M_CONST) return null;
  const bytes = convertBits(values.slice(0, -6), 5, 8, false);
  return bytes && bytes.length === 20 ? Uint8Array.from(bytes) : null;
}

export async function addressFromPublicKey(publicKey) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', publicKey));
  return bech32mEncode(ADDRESS_HRP, convertBits(digest.slice(0, 20), 8, 5, true));
}

export function toHex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function fromHex(hex) {
  if (!/^([0-9a-fA-F]{2})*$/.test(hex)) throw new Error(`'${hex.slice(0, 20)}' is not hex`);
  return Uint8Array.from(hex.match(/../g) || [], (pair) => parseInt(pair, 16));
}

// "1.5" coins -> 150000000n units; null unless a non-negative amount with at most 8 decimals.
export function parseCoins(text) {
  const match = /^\s*(\d+)(?:\.(\d{0,8}))?\s*$/.exec(text);
  if (!match) return null;
  return BigInt(match[1]) * UNITS_PER_COIN + BigInt((match[2] || '').padEnd(8, '0'));
}

export function formatCoins(units) {
  const value = BigInt(units);
  const fraction = (value % UNITS_PER_COIN).toString().padStart(8, '0').replace(/0+$/, '');
  return `${value / UNITS_PER_COIN}${fraction ? '.' + fraction : ''}`;
}

function u64le(value) {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(value), true);
  return out;
}

// The bytes a transfer's signature covers: the tag, then its encoding up to the signature.
export function transferSigningMessage({ network, sender, to, amount, fee, nonce }) {
  const parts = [new TextEncoder().encode(TRANSFER_SIGNING_TAG), Uint8Array.of(TRANSFER_TYPE), network, sender, to,
                 u64le(amount), u64le(fee), u64le(nonce)];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

// The body of POST /api/v1/tx for a transfer signed with `key` (from loadOrCreateKey).
export async function signTransfer(key, { networkHex, toAddress, amount, fee, nonce }) {
  const to = decodeAddress(toAddress);
  if (!to) throw new Error(`'${toAddress}' is not a Photoblocks address (pb1…)`);
  const network = fromHex(networkHex);
  const message = transferSigningMessage({ network, sender: key.publicKey, to, amount, fee, nonce });
  const signature = new Uint8Array(await crypto.subtle.sign('Ed25519', key.privateKey, message));
  return {
    network: networkHex, senderPublicKey: toHex(key.publicKey), to: toAddress,
    amount: String(amount), fee: String(fee), nonce: String(nonce), signature: toHex(signature),
  };
}

// WebCrypto (and so a key) exists only in a secure context: https://, or http://localhost.
export function keysAvailable() {
  return Boolean(globalThis.isSecureContext && globalThis.crypto && crypto.subtle);
}

const DB_NAME = 'photoblocks';
const STORE = 'keys';
const KEY_ID = 'phone';

function openDatabase() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function inStore(db, mode, action) {
  return new Promise((resolve, reject) => {
    const request = action(db.transaction(STORE, mode).objectStore(STORE));
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

// The phone's Ed25519 key pair: made once, kept in IndexedDB as CryptoKey objects. The private
// key is non-extractable: this page can sign with it but no script can read its bytes.
// Returns { privateKey, publicKey: Uint8Array(32), address }.
export async function loadOrCreateKey() {
  const db = await openDatabase();
  try {
    let pair = await inStore(db, 'readonly', (store) => store.get(KEY_ID));
    if (!pair) {
      pair = await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify']);
      await inStore(db, 'readwrite', (store) => store.put({ privateKey: pair.privateKey, publicKey: pair.publicKey }, KEY_ID));
    }
    const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
    return { privateKey: pair.privateKey, publicKey, address: await addressFromPublicKey(publicKey) };
  } finally {
    db.close();
  }
}
