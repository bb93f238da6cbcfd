/**
 * `npm run web -- [--data-dir DIR] [--port N] [--demo]`: browser mode. Prints exactly one line
 * `Jiaowu Desk ready at http://127.0.0.1:PORT/?token=TOKEN` once it is ready.
 */
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { defaultDataDir } from '../core/platform/paths';
import { startServer } from './server';

export function parseArgs(argv: string[]): { dataDir: string; port?: number; demo: boolean } {
  let dataDir = defaultDataDir();
  let port: number | undefined;
  let demo = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new Error(`${name} 需要一个值 / needs a value`);
      return v;
    };
    if (a === '--data-dir' || a.startsWith('--data-dir=')) dataDir = path.resolve(value('--data-dir'));
    else if (a === '--port' || a.startsWith('--port=')) {
      port = Number(value('--port'));
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`端口无效 / invalid port: ${port}`);
    } else if (a === '--demo') demo = true;
    else throw new Error(`未知参数 / unknown option: ${a}`);
  }
  return { dataDir, port, demo };
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    console.error('用法 / usage: npm run web -- [--data-dir DIR] [--port N] [--demo]');
    process.exit(2);
  }
  try {
    const s = await startServer(args);
    console.log(`Jiaowu Desk ready at ${s.url}`);
    const stop = () => {
      void s.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    // A stray rejection (e.g. a PDF engine that died) is logged; the server goes on answering.
    process.on('unhandledRejection', (reason) => console.error('[server] unhandled rejection:', reason));
  } catch (e) {
    if (e instanceof AppError && e.code === 'DB_LOCKED') {
      console.error(`数据文件夹已被另一个教务台账打开（进程 ${e.params?.pid}）：${args.dataDir}。请先关闭它。 / The data folder is already open in another Jiaowu Desk.`);
    } else if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`端口 ${args.port} 已被占用 / port ${args.port} is in use`);
    } else {
      console.error('启动失败 / failed to start:', (e as Error).message);
    }
    process.exit(1);
  }
}

if (require.main === module) void main();
