// Helpers shared by the Node.js tests that run real photoblocksd processes on loopback:
// environment lookup, polling, free ports, a Node that starts a daemon on the test network,
// calls its REST API and stops it with SIGTERM, and runBrowserTest for the chromium tests.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function env(name) {
  if (!process.env[name]) throw new Error(`${name} is not set (run this test through ctest)`);
  return process.env[name];
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const started = Date.now();
export const log = (text) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${text}`);

export function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
}

// Ports handed out by this process: the kernel may give a just-closed port again, so two calls in
// a row (a node's peer and REST port) could otherwise return the same one.
const portsHandedOut = new Set();

export async function freePort() {
  for (;;) {
    const port = await new Promise((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address();
        server.close(() => resolve(port));
      });
    });
    if (!portsHandedOut.has(port)) {
      portsHandedOut.add(port);
      return port;
    }
  }
}

export async function waitFor(what, condition, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(250);
  }
}

// One photoblocksd ($PB_DAEMON) on the test network with its REST API on a free loopback port.
export class Node {
  // args: the options beyond data directory, network and ports, e.g. ['--mode', 'head', '--mine'].
  async start(dataDir, args) {
    this.dataDir = dataDir;
    this.port = await freePort();
    this.restPort = await freePort();
    const all = ['--datadir', dataDir, '--network', 'test', '--port', String(this.port),
                 '--rest-port', String(this.restPort), ...args];
    this.stderr = '';
    this.process = spawn(env('PB_DAEMON'), all, { stdio: ['ignore', 'ignore', 'pipe'] });
    this.process.stderr.on('data', (chunk) => { this.stderr += chunk; });
    this.exited = new Promise((resolve) => this.process.once('exit', (code) => resolve(code)));
    await waitFor('the node\'s REST API', async () => (await this.api('GET', '/api/v1/status')).status === 200, 30000);
  }

  // host:port for another node's --seed.
  get peerAddress() { return `127.0.0.1:${this.port}`; }

  url(path) { return `http://127.0.0.1:${this.restPort}${path}`; }

  // The operator token the node wrote to <datadir>/api.cookie when it started.
  get operatorToken() { return readFileSync(`${this.dataDir}/api.cookie`, 'utf8').trim(); }

  // A call to an operator route (peers, bans, pairing, devices): with the operator token.
  operatorApi(method, path, body, headers = {}) {
    return this.api(method, path, body, { Authorization: `Bearer ${this.operatorToken}`, ...headers });
  }

  // A plain object body is sent as JSON; a string, Buffer or FormData as it is.
  async api(method, path, body, headers = {}) {
    const json = body !== undefined && body !== null && Object.getPrototypeOf(body) === Object.prototype;
    const response = await fetch(this.url(path), {
      method, body: json ? JSON.stringify(body) : body,
      headers: json ? { 'Content-Type': 'application/json', ...headers } : headers,
    });
    const text = await response.text();
    const isJson = (response.headers.get('content-type') || '').startsWith('application/json');
    return { status: response.status, headers: response.headers, text, json: isJson ? JSON.parse(text) : null };
  }

  async stop() {
    if (!this.process || this.process.exitCode !== null) return;
    this.process.kill('SIGTERM');
    const hardStop = setTimeout(() => this.process.kill('SIGKILL'), 15000);
    await this.exited;
    clearTimeout(hardStop);
  }
}

// Runs one browser test: body({ node, dataDir, launchBrowser }) with a fresh data directory for
// the node and a fresh profile for Debian's chromium ($PB_CHROMIUM, headless, driven by
// puppeteer-core from $PB_JS_MODULES). A failure is printed with the node's stderr and sets the
// exit code; the browser, the node and both directories go away either way.
export async function runBrowserTest(name, body) {
  const dataDir = mkdtempSync(join(tmpdir(), `pb-${name}-node-`));
  const profileDir = mkdtempSync(join(tmpdir(), `pb-${name}-chromium-`));
  const node = new Node();
  let browser;
  const launchBrowser = async () => {
    const puppeteer = createRequire(join(env('PB_JS_MODULES'), 'x.js'))('puppeteer-core');
    browser = await puppeteer.launch({
      executablePath: env('PB_CHROMIUM'), headless: true, userDataDir: profileDir,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    });
    return browser;
  };
  try {
    await body({ node, dataDir, launchBrowser });
    log('passed');
  } catch (error) {
    console.error(error.stack || error);
    console.error(`--- node stderr (last 4000 characters) ---\n${node.stderr ? node.stderr.slice(-4000) : ''}`);
    process.exitCode = 1;
  } finally {
    if (browser) await browser.close();
    await node.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  }
}
