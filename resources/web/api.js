// Calls to the node's REST API (same origin), with the paired device's bearer token, and
// errors carrying the API's {"error":{"code","message"}} so the page can show them as they are.

import { t } from './i18n.js';

const TOKEN_KEY = 'photoblocks.token';
const DEVICE_KEY = 'photoblocks.device';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function pairedDevice() {
  const token = localStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  return { token, ...JSON.parse(localStorage.getItem(DEVICE_KEY) || '{}') };
}

export function forgetPairing() {
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(DEVICE_KEY);
}

export async function request(method, path, body) {
  const headers = {};
  const device = pairedDevice();
  if (device) headers.Authorization = `Bearer ${device.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, 'unreachable', t('api.unreachable', { error: e.message }));
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    json = null;
  }
  if (response.ok && json) return json;
  const error = json && json.error;
  if (error) throw new ApiError(response.status, error.code, error.message);
  throw new ApiError(response.status, 'bad_answer', `HTTP ${response.status} from ${path}`);
}

export const get = (path) => request('GET', path);
export const post = (path, body) => request('POST', path, body);

export async function pair(code, name) {
  const answer = await post('/api/v1/pair', { code: code.trim().toUpperCase(), name });
  localStorage.setItem(TOKEN_KEY, answer.token);
  localStorage.setItem(DEVICE_KEY, JSON.stringify({ id: answer.id, name }));
  return answer;
}

// "bad_token: the bearer token belongs to no paired device …" — what the user reads.
export function describe(error) {
  if (error instanceof ApiError) return `${error.message} (${error.code}${error.status ? ', HTTP ' + error.status : ''})`;
  return error && error.message ? error.message : String(error);
}
