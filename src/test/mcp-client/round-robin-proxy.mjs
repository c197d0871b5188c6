// A load balancer without affinity, as Knative's is: each request goes to the next instance in turn, whatever
// session it belongs to. Headers pass both ways (Mcp-Session-Id among them) and bodies are piped, not buffered, so an
// answer in text/event-stream reaches the client as the instance writes it. Loopback only.
import http from 'node:http';

// Hop-by-hop headers belong to each connection, not to the message (RFC 9110, 7.6.1): Node writes its own.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te',
  'trailer']);

function endToEnd(headers) {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));
}

/**
 * Starts the proxy on 127.0.0.1 in front of `instances` (base URLs). Answers its URL, what it forwarded
 * (`{ instance, method, sentSession, handedOutSession, status, contentType }` per request) and a way to stop it.
 */
export async function startRoundRobinProxy(instances) {
  let turn = 0;
  const forwarded = [];
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((request, response) => {
    const instance = turn++ % instances.length;
    const target = new URL(request.url, instances[instance]);
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) {
      response.writeHead(502).end('loopback only');
      return;
    }
    const headers = { ...endToEnd(request.headers), host: target.host };
    const upstream = http.request(target, { method: request.method, headers, agent }, (answer) => {
      forwarded.push({ instance, method: request.method, sentSession: request.headers['mcp-session-id'],
        handedOutSession: answer.headers['mcp-session-id'], status: answer.statusCode,
        contentType: answer.headers['content-type']?.split(';')[0] });
      response.writeHead(answer.statusCode, endToEnd(answer.headers));
      answer.pipe(response);
    });
    upstream.on('error', (error) => {
      forwarded.push({ instance, method: request.method, status: 502, error: error.message });
      if (!response.headersSent) {
        response.writeHead(502);
      }
      response.end();
    });
    request.pipe(upstream);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    forwarded,
    stop: () => new Promise((resolve) => {
      agent.destroy();
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}
