import { BENCHMARK_HELP, parseBenchmarkArgs, runBenchmark } from './benchmark-command';
import { PROCESS_IO, runCli } from './cli-io';

void runCli('intent:bench', async () => {
  const args = parseBenchmarkArgs(process.argv.slice(2));
  if (!args) {
    PROCESS_IO.out(BENCHMARK_HELP);
    return;
  }
  PROCESS_IO.out(`${JSON.stringify(await runBenchmark(args, PROCESS_IO))}\n`);
}).then((status) => {
  process.exitCode = status;
});
