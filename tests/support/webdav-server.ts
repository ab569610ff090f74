/**
 * A real WebDAV server for tests and the bench (Node side): Debian's Apache httpd with mod_dav_fs,
 * in a fresh temporary folder of its own, on 127.0.0.1 only, with Basic auth; and a fault proxy in
 * front of it that answers what a bad day on the network looks like (an error status, a dropped
 * connection, half a body, a slow answer, a stopped server).
 *
 * Why Apache: it is what many NAS boxes and hosts run for WebDAV, it writes atomically as Nextcloud
 * does (mod_dav_fs writes a PUT to `.davfs.tmpXXXXXX` in the same folder and renames it over the
 * old file: a GET during a slow PUT gets the old content whole, checked by hand with a rate-limited
 * PUT), and its entity tags are the hardest case a client meets (weak for a second after a write).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const APACHE = process.env.APACHE_PATH ?? '/usr/sbin/apache2';
const HTPASSWD = process.env.HTPASSWD_PATH ?? '/usr/bin/htpasswd';
const MODULES = '/usr/lib/apache2/modules';
/** How long Apache may take to listen or to stop: a ceiling for a broken setup, not a measure. */
const START_STOP_LIMIT_MS = 20_000;
/** The user Apache's children run as when the tests run as root: Debian's, from base-passwd. */
const ROOT_RUN_AS = 'www-data';

export interface WebdavServer {
  /** http://127.0.0.1:PORT/dav/ */
  readonly url: string;
  /** The folder on disk served at url. */
  readonly root: string;
  readonly user: string;
  readonly password: string;
  /** Stops the server and removes its temporary folder. */
  stop(): Promise<void>;
  /** Stops Apache, keeping its folder and port, as a server that went away mid-sync. */
  pause(): Promise<void>;
  /** Starts the same server again on the same port with the same folder. */
  resume(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('No port');
  return address.port;
}

/** Resolves once something accepts connections on the port; rejects if `exited` settles first or after the limit. */
async function untilListening(port: number, exited: Promise<unknown>): Promise<void> {
  let done = false;
  const gone = exited.then(() => {
    done = true;
  });
  const deadline = Date.now() + START_STOP_LIMIT_MS;
  while (!done) {
    const accepted = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (accepted && !done) return;
    if (Date.now() > deadline) throw new Error(`Apache did not listen on port ${port} within ${START_STOP_LIMIT_MS} ms`);
    // Polling a port: the only signal Apache gives of "listening", short of reading its log.
    await Promise.race([sleep(50), gone]);
  }
  throw new Error('Apache exited while starting');
}

function apacheConfig(folder: string, port: number, runAs: string | undefined): string {
  const modules = ['mpm_event', 'authn_core', 'authn_file', 'authz_core', 'authz_user', 'auth_basic', 'dav', 'dav_fs'];
  return [
    `ServerRoot "${folder}"`,
    'ServerName 127.0.0.1',
    // Loopback only: the test server never listens beyond this machine.
    `Listen 127.0.0.1:${port}`,
    `PidFile "${folder}/httpd.pid"`,
    `DefaultRuntimeDir "${folder}/run"`,
    `ErrorLog "${folder}/error.log"`,
    'LogLevel warn',
    ...modules.map((name) => `LoadModule ${name}_module "${MODULES}/mod_${name}.so"`),
    // Started as root (CI), Apache runs its children as this user, which must own what they write;
    // as anyone else it runs as that user and these lines would only be ignored with a warning.
    ...(runAs ? [`User ${runAs}`, `Group ${runAs}`] : []),
    // Two cores are shared by every engineer's tests: one process with a few threads serves a test.
    'StartServers 1',
    'ServerLimit 2',
    'ThreadLimit 16',
    'ThreadsPerChild 16',
    'MinSpareThreads 1',
    'MaxSpareThreads 32',
    'MaxRequestWorkers 32',
    // Test bodies are small; a runaway test fails instead of filling the disk.
    'LimitRequestBody 104857600',
    // PROPFIND and LOCK bodies: Apache's default is 1,000,000 bytes; a client sends a few hundred.
    'LimitXMLRequestBody 65536',
    // No mod_deflate or mod_brotli is loaded: answers are never compressed, so tags have no -gzip
    // (that form is covered by the parser's recorded answers).
    `DavLockDB "${folder}/lock/DavLock"`,
    `DocumentRoot "${folder}/www"`,
    `<Directory "${folder}/www">`,
    '  AllowOverride None',
    '  Require all denied',
    '</Directory>',
    `<Directory "${folder}/www/dav">`,
    '  Dav On',
    '  AuthType Basic',
    '  AuthName "Adempauze test"',
    `  AuthUserFile "${folder}/htpasswd"`,
    '  Require valid-user',
    '</Directory>',
    '',
  ].join('\n');
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${stderr}`))));
  });
}

async function idsOf(user: string): Promise<{ uid: number; gid: number }> {
  const passwd = await readFile('/etc/passwd', 'utf8');
  const fields = passwd
    .split('\n')
    .map((line) => line.split(':'))
    .find((parts) => parts[0] === user);
  if (!fields) throw new Error(`Apache runs its children as ${user} when started as root, and there is no such user`);
  return { uid: Number(fields[2]), gid: Number(fields[3]) };
}

/**
 * Starts Apache with mod_dav on a free loopback port, in a new temporary folder. Call `stop()` when
 * done (an `afterAll`); it removes the folder.
 */
export async function startWebdavServer(options: { user?: string; password?: string } = {}): Promise<WebdavServer> {
  const user = options.user ?? 'anna';
  const password = options.password ?? 'correct horse battery staple';
  const folder = await mkdtemp(join(tmpdir(), 'adempauze-webdav-'));
  const root = join(folder, 'www', 'dav');
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot ? await idsOf(ROOT_RUN_AS) : undefined;
  try {
    await mkdir(root, { recursive: true });
    await mkdir(join(folder, 'lock'));
    await mkdir(join(folder, 'run'));
    await run(HTPASSWD, ['-bc', join(folder, 'htpasswd'), user, password]);
    if (ids) {
      // mkdtemp makes the folder 0700; the children (another user) must pass through it to read
      // the password file and write the served folder and the lock database.
      await chmod(folder, 0o755);
      for (const path of [root, join(folder, 'lock'), join(folder, 'run')]) await chown(path, ids.uid, ids.gid);
      await chown(join(folder, 'htpasswd'), 0, ids.gid);
      await chmod(join(folder, 'htpasswd'), 0o640);
    }
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }

  let port = await freePort();
  let apache: { child: ChildProcess; exited: Promise<void> } | undefined;

  async function launch(): Promise<void> {
    await writeFile(join(folder, 'httpd.conf'), apacheConfig(folder, port, ids ? ROOT_RUN_AS : undefined));
    // -DFOREGROUND: Apache's main process stays this child (no daemon to find by its pid file), so
    // it ends with a signal to it and cannot outlive the test run unnoticed.
    const child = spawn(APACHE, ['-f', join(folder, 'httpd.conf'), '-DFOREGROUND'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.once('error', () => undefined);
    try {
      await untilListening(port, exited);
    } catch (error) {
      child.kill('SIGKILL');
      await exited;
      const log = await readFile(join(folder, 'error.log'), 'utf8').catch(() => '');
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n${stderr}\n${log}`, { cause: error });
    }
    apache = { child, exited };
  }

  async function halt(): Promise<void> {
    if (!apache) return;
    const { child, exited } = apache;
    apache = undefined;
    // SIGTERM: Apache's immediate stop; it kills its children and removes its pid file.
    child.kill('SIGTERM');
    const limit = new AbortController();
    const stopped = await Promise.race([
      exited.then(() => true),
      sleep(START_STOP_LIMIT_MS, false, { signal: limit.signal }).catch(() => false),
    ]);
    limit.abort();
    if (!stopped) {
      child.kill('SIGKILL');
      await exited;
    }
  }

  try {
    await launch();
  } catch {
    // Another process took the port between freePort() and Apache's bind: once more on another.
    port = await freePort();
    await launch().catch(async (error: unknown) => {
      await rm(folder, { recursive: true, force: true });
      throw error;
    });
  }

  // If the test process ends without stop() (a crash, a forgotten afterAll), Apache and the folder
  // go with it: only synchronous work runs at exit.
  const abandoned = () => {
    apache?.child.kill('SIGTERM');
    rmSync(folder, { recursive: true, force: true });
  };
  process.once('exit', abandoned);

  return {
    url: `http://127.0.0.1:${port}/dav/`,
    root,
    user,
    password,
    async stop() {
      process.off('exit', abandoned);
      await halt();
      await rm(folder, { recursive: true, force: true });
    },
    pause: halt,
    async resume() {
      if (!apache) await launch();
    },
  };
}

/** What the fault proxy does to the requests it forwards, until told otherwise. */
export type Fault =
  /** Answers this status itself, e.g. 507 on PUT. */
  | { kind: 'status'; status: number; methods?: string[] }
  /** Closes the socket without answering. */
  | { kind: 'drop'; methods?: string[] }
  /** Forwards, then sends the headers and half of the body (GET by default) and closes the socket. */
  | { kind: 'truncate'; methods?: string[] }
  /** Forwards after this delay. */
  | { kind: 'delay'; ms: number }
  /** Refuses connections like a stopped server (it stops listening). */
  | { kind: 'down' };

export interface FaultProxy {
  /** The target's URL with the proxy's origin: http://127.0.0.1:PORT/dav/ for a server's url. */
  readonly url: string;
  /** Sets the fault (undefined: forward faithfully). Resolves once it is in force; 'down' and back need that. */
  fault(kind: Fault | undefined): Promise<void>;
  /** Every request that reached the proxy, in order, with the status it answered (0: none). */
  readonly requests: readonly { method: string; path: string; status: number }[];
  stop(): Promise<void>;
}

function applies(fault: { methods?: string[] }, method: string, byDefault: (method: string) => boolean): boolean {
  return fault.methods ? fault.methods.includes(method) : byDefault(method);
}

/** A proxy on a free loopback port that forwards to `target` (a URL; its path is kept) unless a fault says otherwise. */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  let current: Fault | undefined;
  const requests: { method: string; path: string; status: number }[] = [];
  const pending = new Set<AbortController>();

  const server = http.createServer((request, response) => {
    const method = request.method ?? 'GET';
    const record = { method, path: request.url ?? '/', status: 0 };
    requests.push(record);
    const fault = current;
    const answer = (status: number) => {
      record.status = status;
      response.writeHead(status, { 'Content-Type': 'text/plain', 'Content-Length': '0' }).end();
    };
    if (fault?.kind === 'status' && applies(fault, method, () => true)) {
      // The request's body is read and dropped first, as a server would before answering.
      request.resume();
      request.once('end', () => answer(fault.status));
      return;
    }
    if (fault?.kind === 'drop' && applies(fault, method, () => true)) {
      request.socket.destroy();
      return;
    }
    const truncate = fault?.kind === 'truncate' && applies(fault, method, (m) => m === 'GET');
    const abort = new AbortController();
    pending.add(abort);
    const forward = () => {
      const outgoing = http.request(
        // A connection of its own each time (agent: false): a pooled one to a server paused and
        // resumed since would fail the next request for a reason no test asked for.
        {
          host: upstream.hostname,
          port: upstream.port,
          method,
          path: request.url,
          headers: request.headers,
          signal: abort.signal,
          agent: false,
        },
        (incoming) => {
          const status = incoming.statusCode ?? 502;
          record.status = status;
          if (!truncate) {
            response.writeHead(status, incoming.headers);
            incoming.pipe(response);
            incoming.once('end', () => pending.delete(abort));
            return;
          }
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.once('end', () => {
            pending.delete(abort);
            const body = Buffer.concat(chunks);
            // The full length is promised, half is sent, then the connection ends.
            response.writeHead(status, { ...incoming.headers, 'content-length': String(body.length) });
            response.write(body.subarray(0, Math.floor(body.length / 2)), () => request.socket.destroy());
          });
        },
      );
      outgoing.once('error', () => {
        pending.delete(abort);
        request.socket.destroy();
      });
      request.pipe(outgoing);
    };
    if (fault?.kind === 'delay') {
      const timer = setTimeout(forward, fault.ms);
      abort.signal.addEventListener('abort', () => clearTimeout(timer));
      // A client that gave up closes its side; the forward would only reach a closed socket.
      response.once('close', () => {
        if (!response.writableFinished) abort.abort();
      });
    } else {
      forward();
    }
  });

  async function listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  }

  function unlisten(): Promise<void> {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const abort of pending) abort.abort();
    pending.clear();
    server.closeAllConnections();
    return closed;
  }

  await listen(0);
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The proxy has no port');
  const port = address.port;
  let listening = true;

  return {
    url: new URL(upstream.pathname + upstream.search, `http://127.0.0.1:${port}`).href,
    requests,
    async fault(kind) {
      current = kind;
      if (kind?.kind === 'down' && listening) {
        listening = false;
        await unlisten();
      } else if (kind?.kind !== 'down' && !listening) {
        await listen(port);
        listening = true;
      }
    },
    async stop() {
      current = undefined;
      if (listening) {
        listening = false;
        await unlisten();
      }
    },
  };
}
