// A cold Node.js process that changes a margin mode with bitget-api, against the loopback Bitget stand-in.
// node bitget-api.mjs <base-url> <isolated|crossed>; prints {"ok":true,"rss":bytes} after the call.
import { RestClientV2 } from 'bitget-api';

const [base, mode] = process.argv.slice(2);
const client = new RestClientV2({ apiKey: 'test-api-key', apiSecret: 'test-secret-key', apiPass: 'test-passphrase', baseUrl: base });
await client.setFuturesMarginMode({ symbol: 'BTCUSDT', productType: 'USDT-FUTURES', marginCoin: 'USDT', marginMode: mode });
console.log(JSON.stringify({ ok: true, rss: process.memoryUsage().rss }));
