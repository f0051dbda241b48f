// Every answer the node sends matches the OpenAPI document it serves: a mining head node and a
// mobile node peered with it (real photoblocksd processes on loopback, the test network) are
// asked every GET operation of resources/openapi.json with real ids, the writes that create
// those ids (pairing, jobs as multipart and JSON, bans), and representative refusals (400, 401,
// 403, 404, 405, 409, 413, 415, 429, 503). Each answer's status code must be declared for its operation, its
// headers Allow, ETag, Retry-After and WWW-Authenticate declared when sent, its content type
// declared, and a JSON body must validate against the declared schema with every object closed
// (an object schema without additionalProperties is read as additionalProperties: false), so
// the document names every field the node sends. The validator is first shown to refuse
// answers with an extra field, a wrong type, a null where none is allowed, or an undeclared status.
//
// Usage: node validate-answers.mjs OPENAPI.json
// Environment: PB_DAEMON (photoblocksd), PB_JS_MODULES (node_modules with ajv), PB_PHOTO (a
// Debian-shipped photo of a person), PB_WRONG_PHOTO (a photo without an airplane), PB_WALLET_JS
// (the web client's wallet.js, which signs a transfer).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Node, check, env, log, waitFor } from './daemon.mjs';

const Ajv = createRequire(join(env('PB_JS_MODULES'), 'x.js'))('ajv');
const wallet = await import(`data:text/javascript,${encodeURIComponent(readFileSync(env('PB_WALLET_JS'), 'utf8'))}`);
const documentFile = process.argv[2];
if (!documentFile) throw new Error('usage: node validate-answers.mjs OPENAPI.json');
const openapi = JSON.parse(readFileSync(documentFile, 'utf8'));

// Headers whose presence in an answer the document must declare.
const declaredHeaders = ['allow', 'etag', 'retry-after', 'www-authenticate'];
const componentsId = 'photoblocks-openapi-components';

// A copy of an OpenAPI 3.0 schema for ajv: every object closed unless it says otherwise,
// allOf of objects merged into one object (closing each part would refuse the other parts'
// fields), and $ref to components pointed at the components schema registered with ajv.
function closed(schema) {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  if (schema.$ref) {
    check(schema.$ref.startsWith('#/components/schemas/'), `only component schemas are referenced: ${schema.$ref}`);
    return { $ref: `${componentsId}#/definitions/${schema.$ref.slice('#/components/schemas/'.length)}` };
  }
  if (schema.allOf) return closed(mergedAllOf(schema));
  const copy = { ...schema };
  if (copy.properties) copy.properties = Object.fromEntries(Object.entries(copy.properties).map(([k, v]) => [k, closed(v)]));
  for (const key of ['items', 'not']) if (copy[key]) copy[key] = closed(copy[key]);
  if (typeof copy.additionalProperties === 'object') copy.additionalProperties = closed(copy.additionalProperties);
  for (const key of ['oneOf', 'anyOf']) if (copy[key]) copy[key] = copy[key].map(closed);
  if ((copy.type === 'object' || copy.properties) && !('additionalProperties' in copy)) copy.additionalProperties = false;
  return copy;
}

function resolved(schema) {
  return schema.$ref ? resolved(openapi.components.schemas[schema.$ref.slice('#/components/schemas/'.length)]) : schema;
}

function mergedAllOf(schema) {
  const { allOf, ...rest } = schema;
  const merged = { ...rest, type: 'object', properties: {}, required: [] };
  for (const part of allOf.map(resolved)) {
    const flat = part.allOf ? mergedAllOf(part) : part;
    check(flat.type === 'object', 'allOf merges object schemas only');
    Object.assign(merged.properties, flat.properties);
    merged.required.push(...(flat.required || []));
  }
  return merged;
}

function makeAjv(document) {
  const ajv = new Ajv({ strict: true, allErrors: true });
  ajv.addFormat('byte', /^[A-Za-z0-9+/]*={0,2}$/);
  ajv.addFormat('binary', true);
  const definitions = Object.fromEntries(Object.entries(document.components.schemas).map(([name, s]) => [name, closed(s)]));
  ajv.addSchema({ $id: componentsId, definitions });
  return ajv;
}

// The operation of the document a request path falls under: literal segments first. A method
// the path does not serve is held to the answers of the path's first operation, which all
// declare 405.
function findOperation(document, method, path) {
  const segments = path.split('?')[0].split('/');
  const candidates = Object.keys(document.paths).filter((template) => {
    const parts = template.split('/');
    return parts.length === segments.length && parts.every((p, i) => /^\{.*\}$/.test(p) || p === segments[i]);
  }).sort((a, b) => (a.match(/\{/g) || []).length - (b.match(/\{/g) || []).length);
  const template = candidates[0];
  const operation = template && document.paths[template][method.toLowerCase()];
  return { template, operation: operation || (template && Object.values(document.paths[template])[0]) };
}

class AnswerValidator {
  constructor(document) {
    this.document = document;
    this.ajv = makeAjv(document);
    this.compiled = new Map();
    this.checked = new Set();  // "METHOD /template" of the operations answers were checked for
  }

  // The problems of one answer (empty when it matches the document).
  problems(method, path, answer) {
    const { template, operation } = findOperation(this.document, method, path);
    if (!operation) return [`${method} ${path} is no path of the document`];
    const where = `${method} ${template} ${answer.status}`;
    this.checked.add(`${method} ${template}`);
    let declared = operation.responses[String(answer.status)];
    if (!declared) return [`${where}: status ${answer.status} is not declared (declared: ${Object.keys(operation.responses).join(', ')})`];
    if (declared.$ref) declared = this.document.components.responses[declared.$ref.split('/').pop()];
    const problems = [];
    for (const header of declaredHeaders) {
      const named = Object.keys(declared.headers || {}).some((name) => name.toLowerCase() === header);
      if (answer.headers.get(header) !== null && !named) problems.push(`${where}: header ${header} is sent but not declared`);
    }
    // RFC 9110: every 401 names the authentication scheme.
    if (answer.status === 401 && answer.headers.get('www-authenticate') !== 'Bearer')
      problems.push(`${where}: a 401 without WWW-Authenticate: Bearer`);
    const type = (answer.headers.get('content-type') || '').split(';')[0].trim();
    if (!declared.content) {
      if (answer.text.length > 0) problems.push(`${where}: declares no body but ${answer.text.length} bytes of ${type} came`);
      return problems;
    }
    if (!declared.content[type]) return [...problems, `${where}: content type '${type}' is not declared (${Object.keys(declared.content)})`];
    if (type !== 'application/json') return problems;
    const key = `${where} ${type}`;
    if (!this.compiled.has(key)) this.compiled.set(key, this.ajv.compile(closed(declared.content[type].schema)));
    const validate = this.compiled.get(key);
    if (!validate(JSON.parse(answer.text))) {
      for (const e of validate.errors) problems.push(`${where}: ${e.instancePath.replace(/\/\d+(?=\/|$)/g, '/*') || '(body)'} ${e.message} ${JSON.stringify(e.params)}`);
    }
    return problems;
  }
}

// An answer-like object, for the validator's self-test.
const fakeAnswer = (status, body, headers = {}) => ({
  status, text: JSON.stringify(body),
  headers: new Headers({ 'content-type': 'application/json', ...headers }),
});

function proveTheValidatorCanFail() {
  const validator = new AnswerValidator(openapi);
  const error = { error: { code: 'block_not_found', message: 'no block 99' } };
  check(validator.problems('GET', '/api/v1/blocks/99', fakeAnswer(404, error)).length === 0,
        `a documented error answer passes: ${validator.problems('GET', '/api/v1/blocks/99', fakeAnswer(404, error))}`);
  const refused = {
    'an extra field': fakeAnswer(404, { error: { ...error.error, hint: 'x' } }),
    'a wrong type': fakeAnswer(404, { error: { code: 404, message: 'no block 99' } }),
    'a missing field': fakeAnswer(404, { error: { code: 'block_not_found' } }),
    'an undeclared status': fakeAnswer(418, error),
    'an undeclared header': fakeAnswer(404, error, { 'retry-after': '2' }),
  };
  for (const [what, answer] of Object.entries(refused)) {
    check(validator.problems('GET', '/api/v1/blocks/99', answer).length > 0, `the validator refuses an answer with ${what}`);
  }
  // nullable is honoured: a job's blockHash may be null, its label may not.
  const job = { id: 'j', state: 'queued', photoHash: 'a'.repeat(64), label: 'person', vote: 'abstain', rewardAddress: null,
                source: 'api', detail: '', blockHash: null, createdAt: 1, updatedAt: 1 };
  const jobProblems = validator.problems('GET', '/api/v1/mining/jobs/j', fakeAnswer(200, job));
  check(jobProblems.length === 0, `a job with the nullable fields null passes: ${jobProblems}`);
  check(validator.problems('GET', '/api/v1/mining/jobs/j', fakeAnswer(200, { ...job, label: null })).length > 0,
        'the validator refuses null in a field that is not nullable');
  // allOf is merged, still closed: a paired device's token is allowed, anything else is not.
  const paired = { id: 'd', name: 'phone', pairedAt: 1, token: 't' };
  check(validator.problems('POST', '/api/v1/pair', fakeAnswer(201, paired)).length === 0 &&
        validator.problems('POST', '/api/v1/pair', fakeAnswer(201, { ...paired, secret: 's' })).length > 0,
        'an allOf schema accepts the fields of its parts and refuses others');
}

// Headers for an operator route: the node's operator token (and any others).
const op = (node, headers = {}) => ({ Authorization: `Bearer ${node.operatorToken}`, ...headers });

class Session {
  constructor(validator) {
    this.validator = validator;
    this.failures = new Map();  // problem -> the first body that showed it (polls repeat them)
    this.answers = 0;
  }

  // Calls the node and validates the answer against the document; returns the answer.
  async call(node, method, path, body, headers) {
    const answer = await node.api(method, path, body, headers);
    this.answers += 1;
    for (const problem of this.validator.problems(method, path, answer)) {
      if (!this.failures.has(problem)) this.failures.set(problem, answer.text.replace(/\s+/g, ' ').slice(0, 300));
    }
    return answer;
  }

  // Like call, and the status must be the expected one (the refusals under test must happen).
  async expect(status, node, method, path, body, headers) {
    const answer = await this.call(node, method, path, body, headers);
    check(answer.status === status, `${method} ${path} answers ${status}, not ${answer.status}: ${answer.text.slice(0, 300)}`);
    return answer;
  }
}

function photoForm(file, label, rewardAddress) {
  const form = new FormData();
  form.append('photo', new Blob([readFileSync(file)], { type: file.endsWith('.png') ? 'image/png' : 'image/jpeg' }), basename(file));
  form.append('label', label);
  form.append('rewardAddress', rewardAddress);
  return form;
}

// A phone's key, as the web client makes it: the photo's reward goes to its address, and it
// signs a transfer from there.
async function phoneKey() {
  const pair = await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify']);
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { privateKey: pair.privateKey, publicKey, address: await wallet.addressFromPublicKey(publicKey) };
}

// A transfer from the phone's reward to the node's address: pending answers (transfer, mempool,
// account, history), a resubmission refused, then the confirmed transfer.
async function exerciseTransfer(s, head, phone, status) {
  const account = await waitFor('the phone\'s reward to be spendable', async () => {
    const now = (await s.expect(200, head, 'GET', `/api/v1/addresses/${phone.address}`)).json;
    return now.balance > 0 && now;
  }, 30000);
  const transfer = await wallet.signTransfer(phone, {
    networkHex: status.genesisHash, toAddress: status.mining.rewardAddress, amount: 25000000n, fee: 1000n, nonce: BigInt(account.nextNonce),
  });
  const sent = (await s.expect(202, head, 'POST', '/api/v1/tx', transfer)).json;
  // Sent again: already_known while pending, nonce_reused if a block took it in between.
  const again = await s.call(head, 'POST', '/api/v1/tx', transfer);
  check(again.status === 409 || again.json.error.code === 'nonce_reused', `a resubmitted transfer is refused: ${again.text}`);
  await s.expect(200, head, 'GET', '/api/v1/mempool');
  await s.expect(200, head, 'GET', `/api/v1/addresses/${phone.address}`);
  await s.expect(200, head, 'GET', `/api/v1/addresses/${phone.address}/txs`);
  await waitFor(`transfer ${sent.id} to be confirmed`, async () =>
    (await s.expect(200, head, 'GET', `/api/v1/tx/${sent.id}`)).json.status === 'confirmed', 30000);
  await s.expect(200, head, 'GET', `/api/v1/addresses/${phone.address}/txs`);
  log(`transfer ${sent.id} confirmed`);
}

async function exerciseHead(s, head) {
  await s.expect(200, head, 'GET', '/api/v1/openapi.json');
  const status = (await s.expect(200, head, 'GET', '/api/v1/status')).json;
  const address = status.mining.rewardAddress;

  // A paired phone submits a photo as multipart; the operator one as JSON (the wrong label: rejected).
  const code = (await s.expect(201, head, 'POST', '/api/v1/pairing', undefined, op(head))).json.code;
  const device = (await s.expect(201, head, 'POST', '/api/v1/pair', { code, name: 'answers phone' })).json;
  const auth = { Authorization: `Bearer ${device.token}` };
  const phone = await phoneKey();
  const mined = (await s.expect(202, head, 'POST', '/api/v1/mining/jobs', photoForm(env('PB_PHOTO'), 'person', phone.address), auth)).json;
  const wrong = (await s.expect(202, head, 'POST', '/api/v1/mining/jobs',
                                { photo: readFileSync(env('PB_WRONG_PHOTO')).toString('base64'), label: 'airplane' })).json;
  await s.expect(200, head, 'GET', '/api/v1/devices', undefined, op(head));
  await s.expect(200, head, 'GET', '/api/v1/mining/jobs');
  await s.expect(200, head, 'GET', '/api/v1/mining/jobs?mine=1', undefined, auth);
  await s.expect(401, head, 'GET', '/api/v1/mining/jobs?mine=1');
  await s.expect(400, head, 'GET', '/api/v1/mining/jobs?mine=maybe');
  await s.expect(200, head, 'GET', `/api/v1/mining/jobs/${mined.id}`);
  await s.expect(404, head, 'GET', '/api/v1/mining/jobs/no-such-job');
  await s.expect(404, head, 'DELETE', '/api/v1/mining/jobs/no-such-job');
  await s.expect(400, head, 'POST', '/api/v1/mining/jobs', { label: 'person' });
  await s.expect(415, head, 'POST', '/api/v1/mining/jobs', 'photo', { 'Content-Type': 'image/jpeg' });
  await s.expect(413, head, 'POST', '/api/v1/mining/jobs', JSON.stringify({ photo: 'A'.repeat(4 << 20), label: 'x' }),
                 { 'Content-Type': 'application/json' });
  await s.expect(200, head, 'GET', '/api/v1/labels');

  const settled = (job) => waitFor(`job ${job.id} to settle`, async () => {
    const now = (await s.call(head, 'GET', `/api/v1/mining/jobs/${job.id}`)).json;
    return ['mined', 'rejected', 'stale', 'cancelled'].includes(now.state) && now;
  }, 60000);
  const refused = await settled(wrong);
  check(refused.state === 'rejected', `a dog labelled airplane is rejected, not ${refused.state}`);
  await s.expect(409, head, 'DELETE', `/api/v1/mining/jobs/${wrong.id}`);
  const photoJob = await settled(mined);
  check(photoJob.state === 'mined', `the photo of a person is mined, not ${photoJob.state}: ${photoJob.detail}`);
  log(`photo mined in block ${photoJob.blockHash}`);

  // Blocks, photos, transfers and accounts with real ids.
  const block = (await s.expect(200, head, 'GET', `/api/v1/blocks/${photoJob.blockHash}`)).json;
  await s.expect(200, head, 'GET', `/api/v1/blocks/${block.height}`);
  await s.expect(200, head, 'GET', '/api/v1/blocks');
  await s.expect(200, head, 'GET', `/api/v1/blocks?from=${block.height}&limit=3`);
  await s.expect(400, head, 'GET', '/api/v1/blocks?limit=0');
  await s.expect(400, head, 'GET', '/api/v1/blocks/not-a-block');
  await s.expect(404, head, 'GET', '/api/v1/blocks/99999999');
  for (const kind of ['photo', 'thumbnail']) {
    const image = await s.expect(200, head, 'GET', `/api/v1/blocks/${block.hash}/${kind}`);
    await s.expect(304, head, 'GET', `/api/v1/blocks/${block.hash}/${kind}`, undefined, { 'If-None-Match': image.headers.get('etag') });
    await s.expect(404, head, 'GET', `/api/v1/blocks/0/${kind}`);
    await s.expect(400, head, 'GET', `/api/v1/blocks/zz/${kind}`);
  }
  const coinbase = block.transactions.find((t) => t.type === 'coinbase');
  check(coinbase, `block ${block.hash} has a coinbase`);
  await s.expect(200, head, 'GET', `/api/v1/tx/${coinbase.id}`);
  await s.expect(404, head, 'GET', `/api/v1/tx/${'0'.repeat(64)}`);
  await s.expect(400, head, 'GET', '/api/v1/tx/xyz');
  await s.expect(200, head, 'GET', `/api/v1/addresses/${address}`);
  await s.expect(200, head, 'GET', `/api/v1/addresses/${address}/txs`);
  await s.expect(400, head, 'GET', '/api/v1/addresses/nonsense');
  await s.expect(400, head, 'GET', '/api/v1/addresses/nonsense/txs');
  await exerciseTransfer(s, head, phone, status);
  await s.expect(400, head, 'POST', '/api/v1/tx', '{"to":', { 'Content-Type': 'application/json' });
  await s.expect(413, head, 'POST', '/api/v1/tx', 'x'.repeat(1 << 20), { 'Content-Type': 'application/json' });
  await s.expect(401, head, 'POST', '/api/v1/tx', {}, { Authorization: 'Bearer not-a-token' });

  await s.expect(200, head, 'GET', '/api/v1/nodes');
  await s.expect(400, head, 'GET', '/api/v1/nodes?type=toaster');
  // The operator's routes: the operator token from <datadir>/api.cookie, from loopback too.
  await s.expect(401, head, 'GET', '/api/v1/peers');
  await s.expect(401, head, 'GET', '/api/v1/peers', undefined, { Authorization: 'Bearer pbo_stale' });
  await s.expect(403, head, 'GET', '/api/v1/devices', undefined, auth);  // a device's token is no operator's
  await s.expect(200, head, 'GET', '/api/v1/peers', undefined, op(head));
  await s.expect(404, head, 'POST', `/api/v1/peers/${'0'.repeat(64)}/disconnect`, undefined, op(head));
  // A foreign web page may not change anything, nor send a body a simple form could.
  await s.expect(403, head, 'POST', '/api/v1/bans', { address: '127.0.0.9' }, op(head, { Origin: 'http://attacker.example' }));
  await s.expect(415, head, 'POST', '/api/v1/bans', JSON.stringify({ address: '127.0.0.9' }), op(head, { 'Content-Type': 'text/plain' }));
  await s.expect(415, head, 'POST', '/api/v1/tx', '{}', { 'Content-Type': 'application/x-www-form-urlencoded' });
  // The engine applies bans asynchronously: the ban is listed a moment after it is accepted.
  await s.expect(201, head, 'POST', '/api/v1/bans', { address: '127.0.0.9', seconds: 60, reason: 'answers test' }, op(head));
  await waitFor('the ban to be listed', async () =>
    (await s.expect(200, head, 'GET', '/api/v1/bans', undefined, op(head))).json.bans.some((b) => b.address === '127.0.0.9'), 10000);
  await s.expect(200, head, 'DELETE', '/api/v1/bans/127.0.0.9', undefined, op(head));
  await s.expect(404, head, 'DELETE', '/api/v1/bans/127.0.0.10', undefined, op(head));
  await s.expect(400, head, 'POST', '/api/v1/bans', { address: 'here' }, op(head));
  // Run-time mining control: answered once applied; the head mines on afterwards.
  await s.expect(401, head, 'GET', '/api/v1/mining');
  await s.expect(200, head, 'GET', '/api/v1/mining', undefined, op(head));
  await s.expect(401, head, 'GET', '/metrics');
  const metrics = await s.expect(200, head, 'GET', '/metrics', undefined, op(head));
  check(/^photoblocks_chain_height \d+$/m.test(metrics.text), `/metrics has the chain height: ${metrics.text.slice(0, 300)}`);
  await s.expect(200, head, 'POST', '/api/v1/mining', { active: false }, op(head));
  await s.expect(409, head, 'POST', '/api/v1/mining', { threads: 1 }, op(head));
  await s.expect(400, head, 'POST', '/api/v1/mining', { active: 'yes' }, op(head));
  await s.expect(200, head, 'POST', '/api/v1/mining', { active: true, threads: 1 }, op(head));
  await s.expect(413, head, 'POST', '/api/v1/pair', 'x'.repeat(1 << 20), { 'Content-Type': 'application/json' });
  await s.expect(400, head, 'POST', '/api/v1/pair', { code: 'AAAA-AAAA', name: 'guess' });
  // A second phone unpairs itself; its token is then refused, and no token is no device.
  const secondCode = (await s.expect(201, head, 'POST', '/api/v1/pairing', undefined, op(head))).json.code;
  const second = (await s.expect(201, head, 'POST', '/api/v1/pair', { code: secondCode, name: 'leaving phone' })).json;
  const secondAuth = { Authorization: `Bearer ${second.token}` };
  check((await s.expect(200, head, 'DELETE', '/api/v1/pair', undefined, secondAuth)).json.revoked === second.id,
        'unpairing names the device');
  await s.expect(401, head, 'DELETE', '/api/v1/pair', undefined, secondAuth);
  await s.expect(401, head, 'DELETE', '/api/v1/pair');
  await s.expect(200, head, 'DELETE', `/api/v1/devices/${device.id}`, undefined, op(head));
  await s.expect(404, head, 'DELETE', `/api/v1/devices/${device.id}`, undefined, op(head));
  await s.expect(401, head, 'GET', '/api/v1/mining/jobs?mine=1', undefined, auth);
  await s.expect(405, head, 'DELETE', '/api/v1/status');
  await s.expect(405, head, 'PUT', '/api/v1/blocks/0');
  // Five wrong codes in a row from this address lock pairing for it.
  for (const guess of ['BBBB-BBBB', 'CCCC-CCCC', 'DDDD-DDDD', 'EEEE-EEEE', 'GGGG-GGGG']) {
    await s.expect(400, head, 'POST', '/api/v1/pair', { code: guess, name: 'guess' });
  }
  const locked = await s.expect(429, head, 'POST', '/api/v1/pair', { code: 'FFFF-FFFF', name: 'guess' });
  check(locked.json.error.code === 'pairing_locked' && locked.headers.get('retry-after'), `locked pairing says when: ${locked.text}`);
}

async function exerciseMobile(s, head, mobile, window) {
  // With one full peer the tip check may say too_few_peers: its fields are there all the same.
  let now;
  const status = await waitFor('the mobile node to report its tip check and prune a block', async () => {
    now = (await s.call(mobile, 'GET', '/api/v1/status')).json;
    return now.tipCheck && now.localHeight > window + 1 && now;
  }, 30000).catch((error) => { throw new Error(`${error.message}; last status: ${JSON.stringify(now)}`); });
  log(`mobile node at local height ${status.localHeight}, tip check ${status.tipCheck.state}`);
  // A page does not fetch pruned bodies back; a single block, its photo or thumbnail does.
  // So blocks 1-3 are seen pruned in pages, then each is asked once.
  await waitFor('blocks 1-3 to be pruned on the mobile node', async () =>
    (await s.call(mobile, 'GET', '/api/v1/blocks?from=3&limit=3')).json.blocks.every((b) => b.bodyPruned), 30000);
  for (const [height, kind] of [[1, 'photo'], [2, 'thumbnail']]) {
    const refusal = await s.expect(503, mobile, 'GET', `/api/v1/blocks/${height}/${kind}`);
    check(refusal.json.error.code === 'block_pruned' && refusal.headers.get('retry-after'),
          `a pruned block's ${kind} is block_pruned, with Retry-After: ${refusal.text}`);
  }
  const pruned = (await s.expect(200, mobile, 'GET', '/api/v1/blocks/3')).json;
  check(pruned.bodyPruned, `block 3 is pruned on the mobile node: ${JSON.stringify(pruned).slice(0, 300)}`);
  await s.expect(200, mobile, 'GET', '/api/v1/blocks?limit=50');
  await s.expect(200, mobile, 'GET', `/api/v1/blocks/${status.localTipHash}`);
  await s.expect(200, mobile, 'GET', '/api/v1/nodes');
  await s.expect(200, mobile, 'GET', '/api/v1/peers', undefined, op(mobile));
  await s.expect(200, head, 'GET', '/api/v1/peers', undefined, op(head));
}

async function main() {
  proveTheValidatorCanFail();
  log('the validator refuses extra fields, wrong types, missing fields, nulls and undeclared statuses and headers');
  const validator = new AnswerValidator(openapi);
  const session = new Session(validator);
  const window = 16;
  const headDir = mkdtempSync(join(tmpdir(), 'pb-answers-head-'));
  const mobileDir = mkdtempSync(join(tmpdir(), 'pb-answers-mobile-'));
  const head = new Node();
  const mobile = new Node();
  try {
    await head.start(headDir, ['--mode', 'head', '--mine', '--threads', '1']);
    await mobile.start(mobileDir, ['--mode', 'mobile', '--prune-window', String(window), '--seed', head.peerAddress]);
    log(`head on ${head.url('/')}, mobile on ${mobile.url('/')}`);
    await exerciseHead(session, head);
    await exerciseMobile(session, head, mobile, window);
    const operations = Object.entries(openapi.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const unasked = operations.filter((op) => op.startsWith('GET ') && !validator.checked.has(op));
    check(unasked.length === 0, `every GET operation was asked: missing ${unasked.join(', ')}`);
    const asked = operations.filter((op) => validator.checked.has(op)).length;
    log(`${session.answers} answers to ${asked} of the ${operations.length} operations checked`);
    if (session.failures.size > 0) {
      const list = [...session.failures].map(([problem, body]) => `${problem}\n      body: ${body}`).join('\n  ');
      throw new Error(`${session.failures.size} mismatches between the answers and ${documentFile}:\n  ${list}`);
    }
    log('passed');
  } catch (error) {
    console.error(error.stack || error);
    for (const [name, node] of [['head', head], ['mobile', mobile]]) {
      console.error(`--- ${name} node stderr (last 3000 characters) ---\n${(node.stderr || '').slice(-3000)}`);
    }
    process.exitCode = 1;
  } finally {
    await mobile.stop();
    await head.stop();
    rmSync(headDir, { recursive: true, force: true });
    rmSync(mobileDir, { recursive: true, force: true });
  }
}

await main();
