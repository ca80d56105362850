// Preloaded into the test LRS (`node -r ./test/server/loopback.cjs`): every server it starts listens on
// 127.0.0.1 only, whatever host it asks for.
const net = require('node:net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' || (typeof args[0] === 'string' && /^\d+$/.test(args[0]))) {
    const callback = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
    return listen.call(this, Number(args[0]), '127.0.0.1', callback);
  }
  if (args[0] && typeof args[0] === 'object' && !Array.isArray(args[0])) args[0] = { ...args[0], host: '127.0.0.1' };
  return listen.apply(this, args);
};
