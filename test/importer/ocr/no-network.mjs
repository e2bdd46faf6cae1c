// Preloaded with `node --import`: any attempt to reach the network throws, in the main thread and in
// worker threads alike (they inherit execArgv), so an OCR that still works downloaded nothing.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

const refuse = (what) => () => {
  throw new Error(`network access refused in this test: ${what}`);
};
globalThis.fetch = refuse('fetch');
http.request = refuse('http.request');
http.get = refuse('http.get');
https.request = refuse('https.request');
https.get = refuse('https.get');
net.connect = refuse('net.connect');
net.createConnection = refuse('net.createConnection');
net.Socket.prototype.connect = refuse('net.Socket.connect');
tls.connect = refuse('tls.connect');
dns.lookup = refuse('dns.lookup');
