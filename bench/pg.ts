import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

/**
 * The PostgreSQL the benchmark writes to: a fresh database on `DATABASE_URL`
 * when it is set (dropped at the end), else a throwaway cluster started from
 * Debian's binaries on a free loopback port (stopped and removed at the end).
 */

export interface BenchPostgres {
  /** URL of the fresh, empty benchmark database. */
  url: string;
  /** Where it runs, for the report. */
  description: string;
  /** The postmaster's pid when the cluster is ours (to measure its CPU), else undefined. */
  postmasterPid?: number;
  cleanup(): Promise<void>;
}

const BIN = process.env.VIGIE_BENCH_PG_BIN ?? "/usr/lib/postgresql/15/bin";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export async function providePostgres(log: (l: string) => void): Promise<BenchPostgres> {
  const name = `vigie_bench_${randomBytes(4).toString("hex")}`;
  const external = process.env.DATABASE_URL;
  if (external) {
    const admin = postgres(external, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const u = new URL(external);
    u.pathname = `/${name}`;
    log(`PostgreSQL: database ${name} created on DATABASE_URL`);
    return {
      url: u.toString(),
      description: `DATABASE_URL (${u.hostname}:${u.port || 5432}), fresh database ${name}`,
      cleanup: async () => {
        const a = postgres(external, { max: 1, onnotice: () => {} });
        try {
          await a.unsafe(`drop database if exists ${name} with (force)`);
        } finally {
          await a.end();
        }
      },
    };
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigie-bench-pg-"));
  const data = path.join(dir, "data");
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    if (!asRoot) return execFileSync(cmd, args, { stdio: "pipe" });
    const quoted = [cmd, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
    return execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", quoted], { stdio: "pipe" });
  };
  if (asRoot) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  const t0 = Date.now();
  run(`${BIN}/initdb`, ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
  run(`${BIN}/pg_ctl`, [
    "-D", data, "-l", path.join(dir, "postgres.log"), "-w", "-t", "30",
    "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    "start",
  ]);
  const pid = Number(fs.readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0]);
  const stop = () => {
    try {
      run(`${BIN}/pg_ctl`, ["-D", data, "-m", "fast", "-w", "stop"]);
    } catch {
      /* already stopped */
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const admin = postgres(`postgres://postgres@127.0.0.1:${port}/postgres`, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
  } catch (e) {
    stop();
    throw e;
  }
  log(`PostgreSQL: throwaway cluster on 127.0.0.1:${port} (${dir}) ready in ${Date.now() - t0} ms`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/${name}`,
    description: `throwaway cluster (initdb defaults, fsync and synchronous_commit on) on 127.0.0.1:${port}, database ${name}`,
    postmasterPid: pid,
    cleanup: async () => stop(),
  };
}
