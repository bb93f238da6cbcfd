/**
 * Numbered SQL migrations (db/migrations/NNNN_name.sql), applied in order, each in its own transaction and
 * recorded in schema_migration. PRAGMA user_version mirrors the newest applied number so that an older app
 * can refuse a newer database before touching it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../../shared/errors';

export interface Migration { version: number; name: string; sql: string }

/** Where the .sql files are: beside this module in source, or copied beside the bundle in a build. */
export function migrationsDir(): string {
  const candidates = [path.join(__dirname, 'migrations'), path.join(__dirname, 'db', 'migrations')];
  for (const c of candidates) if (fs.existsSync(c)) return c;
  throw new Error(`migrations folder not found near ${__dirname}`);
}

export function loadMigrations(dir = migrationsDir()): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f, sql: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

export function latestVersion(migrations: Migration[] = loadMigrations()): number {
  return migrations.reduce((v, m) => Math.max(v, m.version), 0);
}

export function currentVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Throws DB_NEWER if the file was written by a newer app. */
export function assertNotNewer(db: Database.Database, migrations: Migration[] = loadMigrations()): void {
  const have = currentVersion(db);
  const know = latestVersion(migrations);
  if (have > know) throw new AppError('DB_NEWER', 'dbNewer', { have, know });
}

export function pendingMigrations(db: Database.Database, migrations: Migration[] = loadMigrations()): Migration[] {
  const have = currentVersion(db);
  return migrations.filter((m) => m.version > have);
}

/** Applies what is pending; returns the versions applied. */
export function migrate(db: Database.Database, migrations: Migration[] = loadMigrations(), now = () => new Date()): number[] {
  assertNotNewer(db, migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied: number[] = [];
  for (const m of pendingMigrations(db, migrations)) {
    // A migration that rebuilds a referenced table says so in its first line; foreign keys are off while it
    // runs (they cannot change inside a transaction) and checked before its transaction commits.
    const keysOff = /^-- pragma: foreign_keys=off/.test(m.sql);
    const keysWere = db.pragma('foreign_keys', { simple: true }) as number;
    if (keysOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(m.sql);
        if (keysOff) {
          const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
          if (broken.length) throw new Error(`${m.name}: ${broken.length} broken references, e.g. ${broken[0].table} -> ${broken[0].parent}`);
        }
        db.prepare('INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, now().toISOString());
        db.pragma(`user_version = ${m.version}`);
      })();
    } finally {
      if (keysOff) db.pragma(`foreign_keys = ${keysWere ? 'ON' : 'OFF'}`);
    }
    applied.push(m.version);
  }
  return applied;
}
