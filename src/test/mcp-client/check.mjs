// The agents' endpoint as a real MCP client uses it: the official TypeScript SDK, through a round-robin proxy without
// affinity in front of two instances of the packaged service. Run by io.bitgetmargin.load.McpClientRun
// (bench/mcp-client-check.sh), which starts the simulator and the instances with these tokens configured:
//
//   node check.mjs --simulator URL --instance URL --instance URL \
//     --full-token T --read-only-token T --other-account-token T
//
// Prints a line per check and exits 1 when any differs. Loopback only.
import assert from 'node:assert/strict';
import { parseArgs } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startRoundRobinProxy } from './round-robin-proxy.mjs';

const { values: args } = parseArgs({
  options: {
    simulator: { type: 'string' },
    instance: { type: 'string', multiple: true },
    'full-token': { type: 'string' },
    'read-only-token': { type: 'string' },
    'other-account-token': { type: 'string' },
  },
});
const SET_MARGIN_MODE = '/api/v2/mix/account/set-margin-mode';
const ALL_TOOLS = ['apply_symbol_setup', 'ensure_margin_mode', 'ensure_margin_modes', 'get_margin_mode',
  'list_accounts'];
const READS = ['get_margin_mode', 'list_accounts'];

let passed = 0;
let failed = 0;

/** Runs one check: `body` answers what to print after "ok", or throws what differed. */
async function check(name, body) {
  try {
    const detail = await body();
    passed++;
    console.log(`ok    ${name}: ${detail}`);
  } catch (error) {
    failed++;
    // node:assert explains over several lines; one line per check keeps the list readable.
    console.log(`FAIL  ${name}: ${error.message.replace(/\s*\n\s*/g, ' ').trim()}`);
  }
}

/** A connected client; each has its own name, so that the proxy's log tells its session token from the others'. */
async function connect(proxyUrl, name, token) {
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  const transport = new StreamableHTTPClientTransport(new URL('/mcp', proxyUrl), { requestInit: { headers } });
  const client = new Client({ name: `ci-check-${name}`, version: '1.0.0' });
  await client.connect(transport);
  return { client, transport };
}

/**
 * Calls a tool and answers its result. The SDK checks structuredContent against the tool's outputSchema itself, and
 * throws on a mismatch, error results included; it can only do so for a tool it saw in this client's tools/list, so
 * that is asserted too, or a call would pass unchecked.
 */
async function call(client, name, toolArguments) {
  assert.ok(client.getToolOutputValidator(name), `the SDK has no outputSchema validator for ${name}: list tools first`);
  return client.callTool({ name, arguments: toolArguments });
}

function problemOf(result) {
  assert.equal(result.isError, true, `expected a tool error, got ${JSON.stringify(result.structuredContent)}`);
  return result.structuredContent;
}

function resultOf(result) {
  assert.ok(!result.isError, `expected a result, got the problem ${JSON.stringify(result.structuredContent)}`);
  return result.structuredContent;
}

/** The checks that need the three clients connected. */
async function checkTools(full, readOnly, otherAccount) {
  await check('list tools (full)', async () => {
    const { tools } = await full.listTools();
    assert.deepEqual(tools.map((tool) => tool.name).sort(), ALL_TOOLS);
    for (const tool of tools) {
      const hints = tool.annotations ?? {};
      const read = READS.includes(tool.name);
      assert.equal(hints.readOnlyHint, read, `${tool.name} readOnlyHint`);
      assert.equal(hints.destructiveHint, false, `${tool.name} destructiveHint`);
      assert.equal(hints.idempotentHint, true, `${tool.name} idempotentHint`);
      assert.equal(hints.openWorldHint, tool.name !== 'list_accounts', `${tool.name} openWorldHint`);
      assert.equal(tool.inputSchema?.type, 'object', `${tool.name} inputSchema`);
      assert.equal(tool.outputSchema?.anyOf?.length, 2, `${tool.name} outputSchema: the answer or a problem`);
    }
    return `${tools.length} tools, hints as declared, each with an inputSchema and an outputSchema of anyOf `
      + '[answer, problem]';
  });
  await check('outputSchema checks answers', async () => {
    // Otherwise "accepted by the SDK" below would prove nothing: a schema that any object matches accepts all.
    const validate = full.getToolOutputValidator('ensure_margin_mode');
    const answer = { symbol: 'BTCUSDT', productType: 'USDT-FUTURES', marginMode: 'isolated', outcome: 'CHANGED' };
    assert.ok(validate(answer).valid, validate(answer).errorMessage);
    assert.equal(validate({ ...answer, marginMode: 'ISOLATED' }).valid, false, 'marginMode ISOLATED passed');
    return 'the SDK accepts marginMode isolated and rejects ISOLATED, which the service never sends';
  });
  await check('list tools (read-only)', async () => {
    const names = (await readOnly.listTools()).tools.map((tool) => tool.name).sort();
    assert.deepEqual(names, READS);
    return names.join(', ');
  });
  await check('list tools (other account)', async () => {
    const names = (await otherAccount.listTools()).tools.map((tool) => tool.name).sort();
    assert.deepEqual(names, ALL_TOOLS);
    return `${names.length} tools`;
  });

  await check('read get_margin_mode BTCUSDT', async () => {
    const state = resultOf(await call(full, 'get_margin_mode', { symbol: 'BTCUSDT' }));
    assert.equal(state.marginMode, 'crossed');
    return `marginMode ${state.marginMode}, accountType ${state.accountType}; structuredContent accepted by the SDK`;
  });
  await check('change ensure_margin_mode BTCUSDT isolated', async () => {
    const change = resultOf(await call(full, 'ensure_margin_mode', { symbol: 'BTCUSDT', marginMode: 'isolated' }));
    assert.equal(change.outcome, 'CHANGED');
    return `${change.outcome}; structuredContent accepted by the SDK`;
  });
  await check('change again', async () => {
    const again = resultOf(await call(full, 'ensure_margin_mode', { symbol: 'BTCUSDT', marginMode: 'isolated' }));
    assert.equal(again.outcome, 'UNCHANGED');
    return again.outcome;
  });

  for (const [what, toolArguments] of [['marginMode sideways', { symbol: 'BTCUSDT', marginMode: 'sideways' }],
    ['marginMode missing', { symbol: 'BTCUSDT' }]]) {
    await check(`invalid input (${what})`, async () => {
      const problem = problemOf(await call(full, 'ensure_margin_mode', toolArguments));
      assert.equal(problem.code, 'INVALID_REQUEST');
      assert.ok(problem.errors?.some((error) => error.field === 'marginMode'), JSON.stringify(problem.errors));
      return `isError, ${problem.code}, errors name ${problem.errors.map((error) => error.field).join(', ')}; `
        + 'problem accepted by the SDK';
    });
  }

  await check('read-only token changes', async () => {
    // Not listed to this token, so its client has no validator for it: the full client's checks the problem.
    const result = await readOnly.callTool({ name: 'ensure_margin_mode',
      arguments: { symbol: 'BTCUSDT', marginMode: 'isolated' } });
    const problem = problemOf(result);
    assert.equal(problem.code, 'SCOPE_MISSING');
    const verdict = full.getToolOutputValidator('ensure_margin_mode')(problem);
    assert.ok(verdict.valid, `the problem does not match the outputSchema: ${verdict.errorMessage}`);
    return `isError, ${problem.code}; problem matches the outputSchema`;
  });
  await check('other-account token on the default account', async () => {
    const problem = problemOf(await call(otherAccount, 'ensure_margin_mode',
      { symbol: 'BTCUSDT', marginMode: 'crossed' }));
    assert.equal(problem.code, 'ACCOUNT_FORBIDDEN');
    return `isError, ${problem.code}; problem accepted by the SDK`;
  });
}

const proxy = await startRoundRobinProxy(args.instance);
console.log(`proxy ${proxy.url} -> ${args.instance.join(', ')} (round robin, no affinity)`);
const agents = {};
try {
  for (const [who, token] of [['full', args['full-token']], ['read-only', args['read-only-token']],
    ['other-account', args['other-account-token']]]) {
    await check(`connect (${who})`, async () => {
      agents[who] = await connect(proxy.url, who, token);
      return `session ${agents[who].transport.sessionId}`;
    });
  }
  if (Object.keys(agents).length === 3) {
    await checkTools(agents.full.client, agents['read-only'].client, agents['other-account'].client);
  }

  await check('no token', async () => {
    const refused = await connect(proxy.url, 'anonymous', null).then(() => null, (error) => error);
    assert.ok(refused, 'connected without a token');
    assert.equal(refused.code, 401, refused.message);
    return `connect refused with ${refused.code}`;
  });

  await check('Bitget saw one change', async () => {
    const requests = await (await fetch(new URL('/simulator/requests', args.simulator))).json();
    const changes = requests.filter((request) => request.path === SET_MARGIN_MODE);
    assert.equal(changes.length, 1, `set-margin-mode calls: ${JSON.stringify(changes.map((c) => c.body))}`);
    const sent = JSON.parse(changes[0].body);
    assert.deepEqual([sent.symbol, sent.marginMode], ['BTCUSDT', 'isolated'], changes[0].body);
    return '1 set-margin-mode call (the CHANGED one); none for UNCHANGED, the invalid inputs or the refusals';
  });

  await check('close', async () => {
    // The server keeps no session: DELETE answers 405, which the spec allows and the SDK accepts.
    for (const { client, transport } of Object.values(agents)) {
      await transport.terminateSession();
      await client.close();
    }
    return `${Object.keys(agents).length} clients closed`;
  });

  await check('two instances, no affinity', async () => {
    const served = args.instance.map((_, instance) => proxy.forwarded.filter((r) => r.instance === instance).length);
    assert.ok(served.every((count) => count > 0), `requests per instance: ${served}`);
    // Each session must have been used on an instance that did not hand it out, and answered there.
    const sessions = proxy.forwarded.filter((r) => r.handedOutSession);
    for (const { handedOutSession, instance } of sessions) {
      const elsewhere = proxy.forwarded.filter((r) => r.sentSession === handedOutSession && r.method === 'POST'
        && r.instance !== instance);
      assert.ok(elsewhere.length > 0, `session ${handedOutSession} was never used on the other instance`);
      assert.ok(elsewhere.every((r) => r.status === 200 || r.status === 202),
        `session ${handedOutSession} elsewhere: ${JSON.stringify(elsewhere)}`);
    }
    const bodies = {};
    for (const { contentType } of proxy.forwarded.filter((r) => r.contentType)) {
      bodies[contentType] = (bodies[contentType] ?? 0) + 1;
    }
    return `requests per instance ${served.join(' / ')}; each of the ${sessions.length} sessions was served by `
      + `the instance that did not hand it out; answers by type ${JSON.stringify(bodies)}`;
  });
} finally {
  await proxy.stop();
}
console.log(`mcp-client: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
