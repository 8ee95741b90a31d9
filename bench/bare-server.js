#!/usr/bin/env node
/*
 * Benchmark reference: a bare Node http server that reads the body and
 * answers 202, nothing else. Run as its own process (like the backend), so
 * the load generator never shares its event loop.
 *   node bench/bare-server.js <port>
 */
'use strict';
const http = require('node:http');

const port = Number(process.argv[2]);
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', c => chunks.push(c));
  req.on('end', () => {
    const size = Buffer.concat(chunks).length;
    const body = JSON.stringify({ accepted: true, size });
    res.writeHead(202, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => console.log(`listening on ${port}`));
