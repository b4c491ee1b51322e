// Starts dynalite like its cli.js does, but can listen on port 0 (cli.js turns 0 into 4567) and
// prints the port the OS chose, so that tests never race for a free port.
// Usage: node dynalite-listen.js <dynalite module dir> <host> <port> [data dir]
const [modulePath, host, port, dataPath] = process.argv.slice(2);
const options = { createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 };
if (dataPath) {
  options.path = dataPath;
}
const server = require(modulePath)(options);
server.listen(Number(port), host, () => {
  console.log('Dynalite listening at: http://%s:%s', host, server.address().port);
});
