// Runs the web client's wallet.js under Node.js for tst_web_wallet_encoding.cpp, which checks
// the results against the C++ encodings. Usage: node wallet_encoding.mjs <wallet.js>, with a
// JSON array of cases on stdin: {seed (hex Ed25519 private key), network (hex), to, amount,
// fee, nonce}. Prints a JSON array: {publicKey, address, signingMessage (hex), transfer
// (the POST /api/v1/tx body, signed)}.
import { readFileSync } from 'node:fs';

const wallet = await import(`data:text/javascript,${encodeURIComponent(readFileSync(process.argv[2], 'utf8'))}`);
const PKCS8_ED25519_PREFIX = '302e020100300506032b657004220420';

async function keyFromSeed(seedHex) {
  const der = wallet.fromHex(PKCS8_ED25519_PREFIX + seedHex);
  const privateKey = await crypto.subtle.importKey('pkcs8', der, { name: 'Ed25519' }, true, ['sign']);
  const { x } = await crypto.subtle.exportKey('jwk', privateKey);
  const publicKey = new Uint8Array(Buffer.from(x, 'base64url'));
  return { privateKey, publicKey };
}

const cases = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const c of cases) {
  const key = await keyFromSeed(c.seed);
  const to = wallet.decodeAddress(c.to);
  const message = wallet.transferSigningMessage({
    network: wallet.fromHex(c.network), sender: key.publicKey, to, amount: BigInt(c.amount), fee: BigInt(c.fee), nonce: BigInt(c.nonce),
  });
  results.push({
    publicKey: wallet.toHex(key.publicKey),
    address: await wallet.addressFromPublicKey(key.publicKey),
    signingMessage: wallet.toHex(message),
    transfer: await wallet.signTransfer(key, {
      networkHex: c.network, toAddress: c.to, amount: BigInt(c.amount), fee: BigInt(c.fee), nonce: BigInt(c.nonce),
    }),
  });
}
process.stdout.write(JSON.stringify(results));
