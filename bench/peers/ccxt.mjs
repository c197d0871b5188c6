// A cold Node.js process that changes a margin mode with ccxt, against the loopback Bitget stand-in.
// node ccxt.mjs <base-url> <isolated|crossed>; prints {"ok":true,"rss":bytes} after the call.
import ccxt from 'ccxt';

const [base, mode] = process.argv.slice(2);
const exchange = new ccxt.bitget({ apiKey: 'test-api-key', secret: 'test-secret-key', password: 'test-passphrase' });
for (const name of Object.keys(exchange.urls.api)) {
  exchange.urls.api[name] = base;
}
// The implicit method sends exactly the documented request; the unified one would load all markets first.
await exchange.privateMixPostV2MixAccountSetMarginMode({
  symbol: 'BTCUSDT', productType: 'USDT-FUTURES', marginCoin: 'USDT', marginMode: mode,
});
console.log(JSON.stringify({ ok: true, rss: process.memoryUsage().rss }));
